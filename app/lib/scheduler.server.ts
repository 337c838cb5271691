import { recoverInterruptedDeliveries, sendDeliveryBatch } from "~/models/newsletters.server";
import { sendReminders } from "~/models/reminders.server";
import { amsterdamDateAndTime, todayIso } from "./format";

/** Reminders go out in the morning, Amsterdam time, once the working day has started. */
export const REMINDER_TIME = "07:00";
const CHECK_EVERY_MS = 15 * 60_000;

/**
 * One check of the daily schedule: sends the digests if it is past 07.00 and this process has not
 * sent them today. The weekly limit per recipient lives in the database, so a restart or a manual
 * `npm run reminders` on the same day sends nothing twice.
 */
export async function runScheduledReminders({
  now,
  lastRunDay,
  baseUrl,
}: {
  now: number;
  lastRunDay: string | null;
  baseUrl: string;
}): Promise<string | null> {
  const today = todayIso(now);
  if (lastRunDay === today || amsterdamDateAndTime(now).time < REMINDER_TIME) return lastRunDay;
  const { sent } = await sendReminders({ now, baseUrl });
  if (sent.length > 0) console.log(`Gremium: ${sent.length} actieoverzicht(en) gemaild.`);
  return today;
}

/** Starts the in-process daily schedule; the timer does not keep the process alive. */
export function startReminderSchedule({ baseUrl }: { baseUrl: string }) {
  let lastRunDay: string | null = null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      lastRunDay = await runScheduledReminders({ now: Date.now(), lastRunDay, baseUrl });
    } catch (error) {
      // A mail server that is down must not take the site with it; the next check tries again.
      console.warn("Gremium: actieherinneringen konden niet worden verstuurd:", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

const SEND_EVERY_MS = 2_000;
let kick: (() => void) | undefined;
// Links in the mail use the address the kwartiermaker published from (PUBLIC_URL wins when set).
let sendBaseUrl: string | undefined;

/**
 * Sends queued newsletter deliveries in batches in the background. At start, deliveries that a
 * previous process left half-sent are marked failed (never sent twice); the rest of the queue goes on.
 */
export function startNewsletterSender({ baseUrl }: { baseUrl: string }) {
  const interrupted = recoverInterruptedDeliveries();
  if (interrupted > 0)
    console.warn(`Gremium: ${interrupted} nieuwsbriefverzending(en) onderbroken door een herstart; zie de editie.`);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Keep going while full batches come back; the next tick picks up the rest.
      for (let round = 0; round < 20; round++) {
        const { sent, failed } = await sendDeliveryBatch({ baseUrl: sendBaseUrl ?? baseUrl });
        if (sent + failed === 0) break;
      }
    } catch (error) {
      console.warn("Gremium: nieuwsbrief verzenden mislukt:", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, SEND_EVERY_MS);
  timer.unref();
  kick = () => void tick();
  void tick();
  return () => clearInterval(timer);
}

/** Starts sending now rather than at the next tick (after publishing), with the site's own address. */
export function kickNewsletterSender({ baseUrl }: { baseUrl: string }) {
  sendBaseUrl = baseUrl;
  kick?.();
}
