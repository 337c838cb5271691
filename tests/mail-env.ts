import { dirname } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { reloadEnv } from "../app/lib/env.server";
import { resetMailTransport } from "../app/lib/mail.server";

/**
 * Mail in a file's tests lands in the outbox beside the test's own database (tests/setup.ts gives each
 * test one), never on an SMTP server the environment names; a test that starts one sets SMTP_URL itself.
 * Returns the folder that holds the outbox.
 */
export function mailToOutbox() {
  const saved = { ...process.env };
  beforeEach(() => {
    delete process.env.SMTP_URL;
    reloadEnv();
  });
  afterEach(() => {
    process.env = { ...saved };
    reloadEnv();
    resetMailTransport();
  });
  return () => dirname(process.env.DATABASE_URL!);
}
