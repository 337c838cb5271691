// `npm run restore -- <map> [--overschrijven]`: puts a backup back. Stop the server first; an
// existing database is only replaced with --overschrijven, and is then kept aside in data/.
import { restore } from "../app/lib/backup.server";
import { env } from "../app/lib/env.server";

const args = process.argv.slice(2);
const folder = args.find((arg) => !arg.startsWith("--"));
if (!folder) {
  console.error("Geef de map van de backup: npm run restore -- backups/gremium-2026-11-26T02-30-05Z");
  process.exit(1);
}
try {
  const manifest = restore({ folder, databasePath: env().DATABASE_URL, overwrite: args.includes("--overschrijven") });
  console.log(
    `Hersteld: de backup van ${manifest.createdAt} (${manifest.files.length} bestanden) staat op ${env().DATABASE_URL}.`,
  );
} catch (error) {
  console.error(`Herstellen mislukt: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
