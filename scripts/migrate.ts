// `npm run db:migrate`: applies pending migrations to the SQLite file named by DATABASE_URL.
import { env } from "../app/lib/env.server";
import { countAppliedMigrations, migrateDatabase, openDatabase } from "../app/lib/db.server";

const db = openDatabase(env().DATABASE_URL);
migrateDatabase(db);
console.log(`${countAppliedMigrations(db)} migraties toegepast op ${env().DATABASE_URL}.`);
db.$client.close();
