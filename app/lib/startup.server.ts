import { resolve } from "node:path";
import { importDemoCorpus, isEmptyDatabase } from "~/content/import.server";
import { connectDatabase, countAppliedMigrations, migrateDatabase, openDatabase } from "./db.server";
import { DEFAULT_DEMO_PASSWORD, env } from "./env.server";

const demoSignIns = [
  ["beheerder@gremium.example", "beheerder: gebruikers, gremia, lidmaatschappen, logboek"],
  ["secretariaat@gremium.example", "secretariaat van stuurgroep, expertgroep en algemeen bestuur"],
  ["kwartiermaker@gremium.example", "kwartiermaker versterkingsagenda"],
  ["lid@gremium.example", "lid van de stuurgroep"],
  ["partner@gremium.example", "alleen lid van een themagroep"],
];

/**
 * Opens and migrates the database and, on an empty database with GREMIUM_DEMO=1, imports the demo
 * corpus. Runs once, in the process that starts the others, before any request is answered.
 * Returns the lines for the person starting the server (with the demo sign-ins).
 */
export async function prepareDatabase(): Promise<string[]> {
  const config = env();
  const db = connectDatabase(openDatabase(config.DATABASE_URL));
  migrateDatabase(db);
  const migrations = countAppliedMigrations(db);
  let imported = false;
  if (config.GREMIUM_DEMO === "1" && isEmptyDatabase(db)) {
    await importDemoCorpus(db, { contentDir: resolve(process.cwd(), "content"), demoPassword: config.DEMO_PASSWORD });
    imported = true;
  }
  const lines = [
    `Gremium: database ${config.DATABASE_URL} (${migrations} migraties)${imported ? ", democorpus geïmporteerd" : ""}.`,
  ];
  if (config.GREMIUM_DEMO === "1") {
    lines.push(`Demo-inloggegevens (wachtwoord: ${config.DEMO_PASSWORD}):`);
    for (const [email, what] of demoSignIns) lines.push(`  ${email.padEnd(32)} ${what}`);
    if (config.NODE_ENV === "production" && config.DEMO_PASSWORD === DEFAULT_DEMO_PASSWORD) {
      lines.push(
        "",
        "!!! WAARSCHUWING: dit is een productiestart met demogebruikers en het standaardwachtwoord.",
        "!!! Iedereen die dit wachtwoord kent, kan inloggen. Zet GREMIUM_DEMO=0 of kies een eigen DEMO_PASSWORD.",
      );
    }
  }
  if (config.GREMIUM_SCHEDULER === "1")
    lines.push("Actieherinneringen: dagelijks om 07.00 uur (uit te zetten met GREMIUM_SCHEDULER=0).");
  return lines;
}

/** Opens the already prepared database in a process that serves requests or does background work. */
export function connectAppDatabase() {
  connectDatabase(openDatabase(env().DATABASE_URL));
}
