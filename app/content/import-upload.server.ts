import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize, relative, resolve, sep } from "node:path";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { readZip, ZipError, type ZipEntry } from "~/lib/zip.server";
import { RuleError } from "~/models/errors";
import { ContentError } from "./corpus.server";
import { importCorpus, type ImportReport } from "./import.server";

// The beheer page's import (/beheer/import): a zip of a network's folder, in the format of
// content/README.md, tried first (a dry run that reports what it would do) and imported when the
// beheerder confirms. Between the two the zip waits in a staging folder under a random token, so the
// confirmation imports exactly the file that was tried, without uploading it again.

export const MAX_IMPORT_ZIP_BYTES = 50 * 1024 * 1024;
const LIMITS = { maxEntries: 5_000, maxTotalBytes: 250 * 1024 * 1024 };
// Beside the database, like the papers and packs: the staged zips hold the network's personal data.
const stagingDir = () => resolve(dirname(resolve(env().DATABASE_URL)), "imports");
const STAGED_FOR_MS = 24 * 60 * 60 * 1000;
// What a network's folder holds at its top; a zip of the folder itself has one folder around it.
const CONTENT_NAMES = ["organisations.yaml", "people.yaml", "users.yaml", "bodies", "meetings", "programmes", "plans"];

export type TriedImport = { token: string; report: ImportReport };

/** Tries the uploaded zip (a dry run: nothing is saved) and keeps it for the confirmation. */
export async function tryImportZip({ viewer, zip }: { viewer: Viewer; zip: Uint8Array }): Promise<TriedImport> {
  requireCapability(viewer, "import-data");
  const entries = unzip(zip);
  const report = await importEntries(entries, { dryRun: true, by: viewer });
  clearExpired();
  const token = randomBytes(16).toString("hex");
  mkdirSync(stagingDir(), { recursive: true, mode: 0o700 });
  writeFileSync(stagedPath(viewer.userId, token), zip, { mode: 0o600 });
  return { token, report };
}

/** Imports the zip that was tried under `token`, by the same beheerder; the staged copy is then removed. */
export async function confirmImportZip({ viewer, token }: { viewer: Viewer; token: string }): Promise<ImportReport> {
  requireCapability(viewer, "import-data");
  const path = /^[0-9a-f]{32}$/.test(token) ? stagedPath(viewer.userId, token) : null;
  if (!path || !existsSync(path))
    throw new RuleError({ zip: ["Deze proefimport is verlopen of al uitgevoerd. Laad het zipbestand opnieuw."] });
  const report = await importEntries(unzip(new Uint8Array(readFileSync(path))), { dryRun: false, by: viewer });
  rmSync(path, { force: true });
  return report;
}

const stagedPath = (userId: number, token: string) => join(stagingDir(), `${userId}-${token}.zip`);

function clearExpired() {
  if (!existsSync(stagingDir())) return;
  for (const name of readdirSync(stagingDir())) {
    const path = join(stagingDir(), name);
    if (statSync(path).mtimeMs < Date.now() - STAGED_FOR_MS) rmSync(path, { force: true });
  }
}

function unzip(zip: Uint8Array): ZipEntry[] {
  try {
    return readZip(zip, LIMITS);
  } catch (error) {
    if (error instanceof ZipError) throw new RuleError({ zip: [error.message] });
    throw error;
  }
}

/**
 * Unpacks into a folder of its own and imports from there. A path that would land outside it (`../`,
 * an absolute path) is refused; what macOS adds to a zip is left out. A problem in the files is named
 * by its path inside the zip, as the beheerder sees it.
 */
async function importEntries(
  entries: ZipEntry[],
  options: { dryRun: boolean; by: NonNullable<Viewer> },
): Promise<ImportReport> {
  const dir = mkdtempSync(join(tmpdir(), "gremium-import-"));
  try {
    for (const entry of entries) {
      const path = entry.path.replaceAll("\\", "/");
      if (path.startsWith("__MACOSX/") || path.split("/").at(-1)?.startsWith("._") || path.endsWith(".DS_Store"))
        continue;
      const target = resolve(dir, normalize(path));
      if (path.startsWith("/") || !target.startsWith(dir + sep))
        throw new RuleError({ zip: [`${entry.path}: dit pad wijst buiten de map; maak het zipbestand opnieuw.`] });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.bytes);
    }
    const root = contentRoot(dir);
    try {
      return await importCorpus(getDb(), { contentDir: root, ...options });
    } catch (error) {
      if (error instanceof ContentError)
        throw new RuleError({
          zip: [`${relative(root, resolve(process.cwd(), error.file))}:${error.line}: ${error.problem}`],
        });
      throw error;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The folder with the network's files: the zip's top, or the one folder the zip was made of. */
function contentRoot(dir: string) {
  const names = readdirSync(dir);
  if (names.some((name) => CONTENT_NAMES.includes(name))) return dir;
  const folders = names.filter((name) => statSync(join(dir, name)).isDirectory());
  if (folders.length === 1) return contentRoot(join(dir, folders[0]!));
  throw new RuleError({
    zip: [
      "In dit zipbestand staan geen gegevens om te importeren: verwacht worden onder meer organisations.yaml, people.yaml en de mappen bodies en meetings.",
    ],
  });
}
