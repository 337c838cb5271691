// `npm run archief -- --jaar 2026 --naar MAP`: writes the archive package of a year (MDTO 1.0.2, see
// app/models/archive.server.ts) into MAP/gremium-archief-<jaar>/, replacing an earlier one. The
// selectielijst is content/selectielijst.yaml, or the file given with --selectielijst.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadSelectielijst } from "../app/lib/archive/selectielijst.server";
import { env } from "../app/lib/env.server";
import { connectDatabase, migrateDatabase, openDatabase } from "../app/lib/db.server";
import { systemViewer } from "../app/models/access/viewer";
import { buildArchivePackage } from "../app/models/archive.server";

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const year = Number(option("--jaar"));
const target = option("--naar");
if (!Number.isInteger(year) || year < 1900 || !target) {
  console.error("Gebruik: npm run archief -- --jaar 2026 --naar MAP [--selectielijst BESTAND]");
  process.exit(1);
}
const list = option("--selectielijst");
try {
  const selectielijst = loadSelectielijst(list ? resolve(process.cwd(), list) : undefined);
  const db = connectDatabase(openDatabase(env().DATABASE_URL));
  migrateDatabase(db);
  const { files, running } = buildArchivePackage({ viewer: systemViewer, year, selectielijst });
  const folder = resolve(process.cwd(), target, `gremium-archief-${year}`);
  rmSync(folder, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(folder, file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.bytes);
  }
  console.log(`${files.length} bestanden geschreven naar ${folder}${running ? ` (het jaar ${year} loopt nog)` : ""}.`);
  db.$client.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
