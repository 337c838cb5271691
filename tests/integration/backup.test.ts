import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backup, restore, verifyBackup } from "../../app/lib/backup.server";
import { env } from "../../app/lib/env.server";
import { storagePath, store } from "../../app/models/documents.server";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "gremium-backup-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Another process that keeps inserting organisations into the database until it is told to stop. */
function startWriter(databasePath: string) {
  const code = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.pragma("busy_timeout = 5000");
    const insert = db.prepare("insert into organisations (slug, name, kind) values (?, ?, 'gemeente')");
    let n = 0;
    let stopping = false;
    process.stdin.on("data", () => { stopping = true; });
    const burst = () => {
      for (let i = 0; i < 50; i++) { n++; insert.run("schrijver-" + n, "Schrijver " + n); }
      if (n === 50) process.stdout.write("begonnen\\n");
      if (stopping) { db.close(); process.stdout.write("klaar " + n + "\\n"); process.exit(0); }
      setImmediate(burst);
    };
    burst();
  `;
  const child = spawn(process.execPath, ["-e", code, databasePath], { cwd: process.cwd() });
  let output = "";
  const started = new Promise<void>((resolve) =>
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("begonnen")) resolve();
    }),
  );
  const finished = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", () => resolve(Number(/klaar (\d+)/.exec(output)?.[1] ?? -1)));
  });
  return { started, stop: () => (child.stdin.write("stop\n"), finished) };
}

const organisations = (path: string) => {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare("select id, slug, name from organisations order by id").all() as { id: number }[];
  db.close();
  return rows;
};

describe("backup and restore", () => {
  it("backs up a database that another process is writing to, and restores it whole", async () => {
    const databasePath = env().DATABASE_URL;
    const files = [store(new TextEncoder().encode("Adviesnota A")), store(new TextEncoder().encode("Notitie B"))];
    const writer = startWriter(databasePath);
    await writer.started;
    const { folder, manifest } = await backup({ databasePath, targetRoot: tempDir() });
    const written = await writer.stop();
    expect(written).toBeGreaterThan(50);

    expect(
      verifyBackup(folder)
        .files.map((f) => f.path.split("/").at(-1))
        .sort(),
    ).toEqual([...files].sort());
    const restoredPath = join(tempDir(), "hersteld", "gremium.db");
    restore({ folder, databasePath: restoredPath });
    const restoredDb = new Database(restoredPath, { readonly: true });
    expect(restoredDb.pragma("integrity_check", { simple: true })).toBe("ok");
    restoredDb.close();

    // The copy is one moment of the source: exactly the rows committed up to then, nothing torn.
    const source = organisations(databasePath);
    const restored = organisations(restoredPath);
    expect(restored.length).toBeGreaterThanOrEqual(50);
    expect(restored).toEqual(source.slice(0, restored.length));
    for (const sha of files) {
      const restoredFile = join(restoredPath, "..", "documents", sha.slice(0, 2), sha);
      expect(readFileSync(restoredFile)).toEqual(readFileSync(storagePath(sha)));
    }
    expect(manifest.database.bytes).toBeGreaterThan(0);
  });

  it("refuses to overwrite a database unless asked, and keeps the old one aside", async () => {
    const databasePath = env().DATABASE_URL;
    const { folder } = await backup({ databasePath, targetRoot: tempDir() });
    const target = join(tempDir(), "gremium.db");
    restore({ folder, databasePath: target });
    expect(() => restore({ folder, databasePath: target })).toThrow(/--overschrijven/);
    restore({ folder, databasePath: target, overwrite: true, now: new Date("2026-11-26T03:00:00Z") });
    expect(existsSync(join(target, "..", "voor-herstel-2026-11-26T03-00-00Z", "gremium.db"))).toBe(true);
  });

  it("names what is missing or changed in a damaged backup", async () => {
    const databasePath = env().DATABASE_URL;
    const sha = store(new TextEncoder().encode("Adviesnota C"));
    const { folder } = await backup({ databasePath, targetRoot: tempDir() });
    rmSync(join(folder, "documents", sha.slice(0, 2), sha));
    expect(() => verifyBackup(folder)).toThrow(new RegExp(`documents/${sha.slice(0, 2)}/${sha} ontbreekt`));
    expect(() => restore({ folder, databasePath: join(tempDir(), "x.db") })).toThrow(/niet volledig/);
  });
});
