import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../app/lib/db.server";

// Migrate one base database per run; every test then works on its own copy of it.
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "gremium-test-"));
  const basePath = join(dir, "base.db");
  const db = openDatabase(basePath);
  migrateDatabase(db);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.pragma("journal_mode = DELETE");
  db.$client.close();
  project.provide("baseDatabasePath", basePath);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabasePath: string;
  }
}
