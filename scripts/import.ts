// `npm run import -- [--proef] DIR`: loads a network's own history (programmes, plans, bodies, people,
// organisations, meetings with items, decisions and actions, in the format of content/README.md) into
// the database named by DATABASE_URL. With --proef it reports what it would add and changes nothing.
// Running it again adds only what is new: records are matched by their stable keys.
import { resolve } from "node:path";
import { env } from "../app/lib/env.server";
import { migrateDatabase, openDatabase } from "../app/lib/db.server";
import { importCorpus } from "../app/content/import.server";

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const dryRun = args.includes("--proef");
const dir = args.find((arg) => !arg.startsWith("--"));
if (!dir) {
  console.error("Gebruik: npm run import -- [--proef] MAP");
  process.exit(1);
}
const { DATABASE_URL } = env();
const db = openDatabase(DATABASE_URL);
migrateDatabase(db);
try {
  const report = await importCorpus(db, { contentDir: resolve(process.cwd(), dir), dryRun });
  for (const change of report.changes) console.log(`+ ${change}`);
  console.log(
    report.changes.length === 0
      ? "Niets nieuws: alles uit deze map staat er al."
      : dryRun
        ? `Proefimport: ${report.changes.length} wijzigingen zouden worden doorgevoerd; er is niets opgeslagen.`
        : `${report.changes.length} wijzigingen opgeslagen in ${DATABASE_URL}.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error("Er is niets opgeslagen.");
  process.exitCode = 1;
} finally {
  db.$client.close();
}
