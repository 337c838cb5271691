// `npm run db:seed`: imports the demo corpus into the local SQLite file named by DATABASE_URL.
// It refuses anything but a local file path, so it can never touch a shared database.
import { resolve } from "node:path";
import { env } from "../app/lib/env.server";
import { migrateDatabase, openDatabase } from "../app/lib/db.server";
import { importDemoCorpus } from "../app/content/import.server";

const { DATABASE_URL, DEMO_PASSWORD } = env();
if (/^[a-z]+:\/\//i.test(DATABASE_URL)) {
  console.error(`db:seed weigert ${DATABASE_URL}: alleen een lokaal SQLite-bestand mag worden gevuld.`);
  process.exit(1);
}
const db = openDatabase(DATABASE_URL);
migrateDatabase(db);
const summary = await importDemoCorpus(db, {
  contentDir: resolve(process.cwd(), "content"),
  demoPassword: DEMO_PASSWORD,
});
console.log(`Democorpus geïmporteerd in ${DATABASE_URL}:`, summary);
db.$client.close();
