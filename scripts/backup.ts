// `npm run backup -- [map]`: a consistent backup of the running site (database and uploaded files)
// in a new dated folder under the given folder (default: backups/). Safe while the server runs.
import { backup } from "../app/lib/backup.server";
import { env } from "../app/lib/env.server";

const targetRoot = process.argv[2] ?? "backups";
try {
  const { folder, manifest } = await backup({ databasePath: env().DATABASE_URL, targetRoot });
  const bytes = manifest.database.bytes + manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    `Backup gemaakt in ${folder}: database en ${manifest.files.length} bestanden, ${Math.round(bytes / 1024)} kB.`,
  );
} catch (error) {
  console.error(`Backup mislukt: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
