import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

// Backups of a running Gremium: the database through SQLite's online backup API, plus the uploaded
// files and the mail outbox that live beside it. The database is copied first and in one step, so the
// copy is one consistent moment; files are only ever added under their content hash before the row
// that names them is committed, so every file the copy refers to already exists when the files are
// copied after it. Built packs are a cache and are left out.

/** The folders beside the database that hold data (not caches). */
const DATA_FOLDERS = ["documents", "outbox"] as const;
const DATABASE_FILE = "gremium.db";
const MANIFEST = "manifest.json";

export type Manifest = {
  createdAt: string;
  database: { file: string; bytes: number; sha256: string };
  files: { path: string; bytes: number; sha256: string }[];
};

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** "2026-11-26T02-30-05Z": sortable, and valid as a folder name everywhere. */
function stamp(now: Date) {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}

/**
 * Writes a backup of the database at `databasePath` and its data folders into a new, dated folder
 * under `targetRoot`; returns that folder. Safe while the server runs and writes.
 */
export async function backup({
  databasePath,
  targetRoot,
  now = new Date(),
}: {
  databasePath: string;
  targetRoot: string;
  now?: Date;
}) {
  const dataDir = dirname(resolve(databasePath));
  const folder = resolve(targetRoot, `gremium-${stamp(now)}`);
  if (existsSync(folder)) throw new Error(`De map ${folder} bestaat al; wacht een seconde en probeer het opnieuw.`);
  // Written under a temporary name first, so a half-made backup never looks like a finished one.
  const partial = `${folder}.onvolledig`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const manifest = await writeBackup(databasePath, dataDir, partial, now);
    renameSync(partial, folder);
    return { folder, manifest };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

async function writeBackup(databasePath: string, dataDir: string, partial: string, now: Date) {
  const source = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    const target = join(partial, DATABASE_FILE);
    // Returning a page count larger than the database makes the second step copy everything at once:
    // one read transaction, so writes by the server cannot restart or split the copy.
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // The copy carries the source's WAL mode; as a plain file it is one self-contained database.
  const check = new Database(join(partial, DATABASE_FILE));
  check.pragma("journal_mode = DELETE");
  const integrity = check.pragma("integrity_check", { simple: true });
  check.close();
  if (integrity !== "ok") throw new Error(`De kopie van de database is niet in orde: ${String(integrity)}`);

  const files: Manifest["files"] = [];
  for (const folderName of DATA_FOLDERS) {
    for (const path of listFiles(join(dataDir, folderName))) {
      const relativePath = relative(dataDir, path);
      const to = join(partial, relativePath);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(path, to);
      files.push({ path: relativePath.split("\\").join("/"), bytes: statSync(to).size, sha256: sha256(to) });
    }
  }
  const databaseFile = join(partial, DATABASE_FILE);
  const manifest: Manifest = {
    createdAt: now.toISOString(),
    database: { file: DATABASE_FILE, bytes: statSync(databaseFile).size, sha256: sha256(databaseFile) },
    files,
  };
  writeFileSync(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Checks a backup folder against its manifest; names every missing or changed file. */
export function verifyBackup(folder: string): Manifest {
  const manifestPath = join(folder, MANIFEST);
  if (!existsSync(manifestPath)) throw new Error(`${folder} is geen Gremium-backup: ${MANIFEST} ontbreekt.`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const problems: string[] = [];
  for (const file of [{ path: manifest.database.file, sha256: manifest.database.sha256 }, ...manifest.files]) {
    const path = join(folder, file.path);
    if (!existsSync(path)) problems.push(`${file.path} ontbreekt`);
    else if (sha256(path) !== file.sha256) problems.push(`${file.path} is gewijzigd`);
  }
  if (problems.length) throw new Error(`De backup in ${folder} is niet volledig: ${problems.join("; ")}.`);
  return manifest;
}

/**
 * Restores a backup to `databasePath` and the data folders beside it. The server must be stopped.
 * An existing database is only replaced when `overwrite` is set; it is then kept aside, not deleted.
 */
export function restore({
  folder,
  databasePath,
  overwrite = false,
  now = new Date(),
}: {
  folder: string;
  databasePath: string;
  overwrite?: boolean;
  now?: Date;
}) {
  const manifest = verifyBackup(folder);
  const target = resolve(databasePath);
  const dataDir = dirname(target);
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(target)) {
    if (!overwrite)
      throw new Error(
        `Er staat al een database op ${target}. Stop de server en geef --overschrijven om hem te vervangen.`,
      );
    const aside = join(dataDir, `voor-herstel-${stamp(now)}`);
    mkdirSync(aside, { recursive: true });
    for (const path of [target, ...DATA_FOLDERS.map((name) => join(dataDir, name))])
      if (existsSync(path)) renameSync(path, join(aside, relative(dataDir, path)));
    for (const suffix of ["-wal", "-shm"]) if (existsSync(`${target}${suffix}`)) rmSync(`${target}${suffix}`);
  }
  copyFileSync(join(folder, manifest.database.file), target);
  for (const file of manifest.files) {
    const to = join(dataDir, file.path);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(folder, file.path), to);
  }
  return manifest;
}
