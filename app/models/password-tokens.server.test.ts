import { afterEach, describe, expect, it } from "vitest";
import { countSessions, makeUser } from "../../tests/factories";
import { startSmtp } from "../../tests/smtp";
import { auditLog } from "../../db/schema";
import { getDb } from "~/lib/db.server";
import { reloadEnv } from "~/lib/env.server";
import { resetMailTransport } from "~/lib/mail.server";
import { RuleError } from "./errors";
import {
  RESET_TTL_MS,
  deleteExpiredPasswordTokens,
  findPasswordToken,
  requestPasswordReset,
  setPasswordWithToken,
} from "./password-tokens.server";
import { createSession } from "./sessions.server";
import { signIn } from "./sign-in.server";

const BASE = "https://gremium.example";
let closeSmtp: (() => Promise<void>) | undefined;

afterEach(async () => {
  await closeSmtp?.();
  closeSmtp = undefined;
  delete process.env.SMTP_URL;
  reloadEnv();
  resetMailTransport();
});

async function mailbox() {
  const smtp = await startSmtp();
  resetMailTransport();
  closeSmtp = smtp.close;
  return smtp.received;
}

const linkIn = (text: string) => /\/wachtwoord-instellen\/([a-z0-9]+)/.exec(text)?.[1];

describe("password reset", () => {
  it("mails a link that sets the password once, ends every session, and is logged", async () => {
    const received = await mailbox();
    const { user } = await makeUser({ email: "vergeten@test.example" });
    createSession({ userId: user.id });
    createSession({ userId: user.id });
    await requestPasswordReset({ email: " Vergeten@test.example ", baseUrl: BASE });
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toContain(`${BASE}/wachtwoord-instellen/`);
    const token = linkIn(received[0]!.text!)!;
    expect(findPasswordToken({ token })).toMatchObject({ email: "vergeten@test.example", purpose: "herstel" });

    await setPasswordWithToken({ token, newPassword: "een nieuw lang wachtwoord" });
    expect(countSessions(user.id)).toBe(0);
    expect((await signIn({ email: "vergeten@test.example", password: "een nieuw lang wachtwoord" })).ok).toBe(true);
    // Single use: the same link does nothing a second time.
    expect(findPasswordToken({ token })).toBeNull();
    await expect(setPasswordWithToken({ token, newPassword: "nog een ander wachtwoord" })).rejects.toBeInstanceOf(
      RuleError,
    );
    const actions = getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["user.password-reset-request", "user.password-reset"]));
  });

  it("refuses a common password and keeps the link usable", async () => {
    const received = await mailbox();
    await makeUser({ email: "zwak@test.example" });
    await requestPasswordReset({ email: "zwak@test.example", baseUrl: BASE });
    const token = linkIn(received[0]!.text!)!;
    await expect(setPasswordWithToken({ token, newPassword: "wachtwoord1234" })).rejects.toMatchObject({
      fieldErrors: { newPassword: [expect.any(String)] },
    });
    expect(findPasswordToken({ token })).not.toBeNull();
  });

  it("answers an unknown or deactivated address without a mail", async () => {
    const received = await mailbox();
    await makeUser({ email: "weg@test.example", deactivatedAt: Date.now() });
    await requestPasswordReset({ email: "niemand@test.example", baseUrl: BASE });
    await requestPasswordReset({ email: "weg@test.example", baseUrl: BASE });
    expect(received).toHaveLength(0);
  });

  it("lets a link expire after an hour, and a newer link replaces an older one", async () => {
    const received = await mailbox();
    await makeUser({ email: "traag@test.example" });
    const now = Date.now();
    await requestPasswordReset({ email: "traag@test.example", baseUrl: BASE, now });
    const first = linkIn(received[0]!.text!)!;
    expect(findPasswordToken({ token: first, now: now + RESET_TTL_MS - 1 })).not.toBeNull();
    expect(findPasswordToken({ token: first, now: now + RESET_TTL_MS })).toBeNull();
    await requestPasswordReset({ email: "traag@test.example", baseUrl: BASE, now: now + 1 });
    const second = linkIn(received[1]!.text!)!;
    expect(findPasswordToken({ token: first, now: now + 2 })).toBeNull();
    expect(findPasswordToken({ token: second, now: now + 2 })).not.toBeNull();
  });

  it("sends at most three links an hour to one account", async () => {
    const received = await mailbox();
    await makeUser({ email: "veel@test.example" });
    const now = Date.now();
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: "veel@test.example", baseUrl: BASE, now: now + i });
    expect(received).toHaveLength(3);
    await requestPasswordReset({ email: "veel@test.example", baseUrl: BASE, now: now + 61 * 60_000 });
    expect(received).toHaveLength(4);
  });

  it("forgets links a day after they expired", async () => {
    await mailbox();
    await makeUser({ email: "oud@test.example" });
    const now = Date.now();
    await requestPasswordReset({ email: "oud@test.example", baseUrl: BASE, now });
    expect(deleteExpiredPasswordTokens({ now: now + RESET_TTL_MS + 23 * 60 * 60_000 })).toBe(0);
    expect(deleteExpiredPasswordTokens({ now: now + RESET_TTL_MS + 25 * 60 * 60_000 })).toBe(1);
  });

  it("stores no token in the clear", async () => {
    const received = await mailbox();
    await makeUser({ email: "kluis@test.example" });
    await requestPasswordReset({ email: "kluis@test.example", baseUrl: BASE });
    const token = linkIn(received[0]!.text!)!;
    const stored = JSON.stringify(getDb().$client.prepare("select * from password_tokens").all());
    expect(stored).not.toContain(token);
  });
});
