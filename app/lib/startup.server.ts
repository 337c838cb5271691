import { resolve } from "node:path";
import { importDemoCorpus, isEmptyDatabase } from "~/content/import.server";
import { connectDatabase, countAppliedMigrations, migrateDatabase, openDatabase } from "./db.server";
import { DEFAULT_DEMO_PASSWORD, env } from "./env.server";
import { deleteExpiredSessions } from "~/models/sessions.server";
import { deleteStaleSignInThrottles } from "~/models/sign-in.server";
import { startNewsletterSender, startReminderSchedule } from "./scheduler.server";

let started: Promise<void> | undefined;

const demoSignIns = [
  ["beheerder@gremium.example", "beheerder: gebruikers, gremia, lidmaatschappen, logboek"],
  ["secretariaat@gremium.example", "secretariaat van stuurgroep, expertgroep en algemeen bestuur"],
  ["kwartiermaker@gremium.example", "kwartiermaker versterkingsagenda"],
  ["lid@gremium.example", "lid van de stuurgroep"],
  ["partner@gremium.example", "alleen lid van een themagroep"],
];

/**
 * Opens and migrates the database and, on an empty database with GREMIUM_DEMO=1, imports the demo
 * corpus. Runs once per process, before the first request is answered.
 */
export function ensureStarted(): Promise<void> {
  started ??= (async () => {
    const config = env();
    const db = connectDatabase(openDatabase(config.DATABASE_URL));
    migrateDatabase(db);
    const migrations = countAppliedMigrations(db);
    deleteExpiredSessions();
    deleteStaleSignInThrottles();
    let imported = false;
    if (config.GREMIUM_DEMO === "1" && isEmptyDatabase(db)) {
      await importDemoCorpus(db, {
        contentDir: resolve(process.cwd(), "content"),
        demoPassword: config.DEMO_PASSWORD,
      });
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
    startNewsletterSender({ baseUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` });
    if (config.GREMIUM_SCHEDULER === "1") {
      startReminderSchedule({ baseUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` });
      lines.push("Actieherinneringen: dagelijks om 07.00 uur (uit te zetten met GREMIUM_SCHEDULER=0).");
    }
    console.log(lines.join("\n"));
  })();
  return started;
}
