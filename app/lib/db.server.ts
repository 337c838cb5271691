import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "../../db/schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A transaction handle, or the connection itself, for helpers that run inside either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export const migrationsFolder = resolve(process.cwd(), "migrations");

/** Opens a SQLite file with WAL and foreign keys on, creating its folder when needed. */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const client = new Database(path);
  client.pragma("journal_mode = WAL");
  client.pragma("foreign_keys = ON");
  client.pragma("busy_timeout = 5000");
  client.pragma("synchronous = NORMAL");
  return drizzle(client, { schema }) as Db;
}

/**
 * Applies the migrations that are new, in one transaction. Foreign keys are off meanwhile, as SQLite's
 * procedure for rebuilding a table asks (a DROP TABLE would otherwise delete the rows that refer to
 * it through their cascades), and checked before they are on again: a migration that left a dangling
 * reference stops the start.
 */
export function migrateDatabase(db: Db) {
  db.$client.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder });
    const broken = db.$client.pragma("foreign_key_check") as { table: string; parent: string }[];
    if (broken.length > 0)
      throw new Error(
        `Na het migreren verwijzen ${broken.length} rijen naar iets dat niet bestaat (eerste: ${broken[0]!.table} → ${broken[0]!.parent}).`,
      );
  } finally {
    db.$client.pragma("foreign_keys = ON");
  }
}

export function countAppliedMigrations(db: Db): number {
  const row = db.$client.prepare("select count(*) as n from __drizzle_migrations").get() as {
    n: number;
  };
  return row.n;
}

let current: Db | undefined;

/** The process's one connection; startup opens it, tests swap in a fresh copy. */
export function getDb(): Db {
  if (!current) throw new Error("De database is nog niet geopend (connectDatabase ontbreekt).");
  return current;
}

/**
 * Runs `fn` with `db` as the connection every model reads and writes, then restores the current one
 * (without closing either): the import fills a database that is not (yet) the app's own.
 */
export function withDatabase<T>(db: Db, fn: () => T): T {
  const previous = current;
  current = db;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** Closes the process's connection (on shutdown, or in the process that only starts the others). */
export function closeDatabase() {
  current?.$client.close();
  current = undefined;
}

export function connectDatabase(db: Db) {
  current?.$client.close();
  current = db;
  return db;
}
