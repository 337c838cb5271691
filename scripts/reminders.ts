// `npm run reminders`: mails today's action digests (owners: overdue or due within 14 days;
// organisation contacts: their organisation's open actions), at most once a week per address.
import { connectDatabase, migrateDatabase, openDatabase } from "../app/lib/db.server";
import { env } from "../app/lib/env.server";
import { sendReminders } from "../app/models/reminders.server";

const config = env();
const db = connectDatabase(openDatabase(config.DATABASE_URL));
migrateDatabase(db);
const { sent } = await sendReminders({ baseUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` });
if (sent.length === 0) {
  console.log("Geen actieoverzichten te versturen (niets open, of deze week al verstuurd).");
} else {
  for (const mail of sent) console.log(`Verstuurd aan ${mail.email}: ${mail.actions} acties`);
  console.log(`${sent.length} actieoverzicht(en) verstuurd.`);
}
db.$client.close();
