import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, inject, vi } from "vitest";
import { connectDatabase, openDatabase } from "../app/lib/db.server";
import { reloadEnv } from "../app/lib/env.server";
import { log } from "../app/lib/log.server";

let dir: string | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "gremium-case-"));
  const path = join(dir, "test.db");
  copyFileSync(inject("baseDatabasePath"), path);
  // Uploaded files and built packs live beside the database, so each test keeps its own.
  process.env.DATABASE_URL = path;
  reloadEnv();
  connectDatabase(openDatabase(path));
});

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// An unexpected error in the log (or on the console) is a failing test, not noise.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`Onverwachte console.error: ${args.map(String).join(" ")}`);
  });
  vi.spyOn(log, "error").mockImplementation((msg, fields) => {
    throw new Error(`Onverwachte foutregel in het log: ${msg} ${JSON.stringify(fields ?? {})}`);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});
