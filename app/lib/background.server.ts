import { deleteExpiredPasswordTokens } from "~/models/password-tokens.server";
import { buildQueuedPacks, requeueInterruptedPackBuilds } from "~/models/meeting-packs.server";
import { completePaperReadings } from "~/models/documents.server";
import { recoverInterruptedDeliveries, sendDeliveryBatch } from "~/models/newsletters.server";
import { sendReminders } from "~/models/reminders.server";
import { deleteExpiredSessions } from "~/models/sessions.server";
import { deleteStaleThrottles } from "~/models/throttles.server";
import { registerBackgroundWork } from "./background-wake.server";
import { amsterdamDateAndTime, todayIso } from "./format";
import { remindWrittenProcedures } from "~/models/written-procedures.server";
import { log } from "./log.server";

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
  if (sent.length > 0) log.info("actieoverzichten gemaild", { mails: sent.length });
  return today;
}

type Task = {
  everyMs: number;
  /** Does the work that is due; `stopping` says to end after the current unit, the rest waiting. */
  run: (stopping: () => boolean) => Promise<unknown>;
};

/**
 * Starts the background work of the site: newsletter sending, meeting packs, the daily action
 * digests and clean-ups. It runs in exactly one process (app/server/run.server.ts decides which);
 * each task checks its queue on a timer and when woken. Work that a stopped process left half
 * done is recovered here first: a newsletter delivery in doubt is marked failed (never sent twice),
 * a pack build waits again. `stop()` lets the running units finish and leaves the rest queued.
 */
export function startBackgroundWork({ baseUrl, reminders }: { baseUrl: string; reminders: boolean }) {
  const interrupted = recoverInterruptedDeliveries();
  if (interrupted > 0)
    log.warn("nieuwsbriefverzendingen onderbroken door een herstart; zie de editie", { deliveries: interrupted });
  const requeued = requeueInterruptedPackBuilds();
  if (requeued > 0) log.info("onderbroken vergaderpakketten opnieuw in de wachtrij", { packs: requeued });

  let lastReminderDay: string | null = null;
  const tasks: Record<string, Task> = {
    nieuwsbrief: {
      everyMs: 2_000,
      run: async (stopping) => {
        // Keep going while full batches come back; the next round picks up the rest.
        for (let round = 0; round < 20 && !stopping(); round++) {
          const { sent, failed } = await sendDeliveryBatch({ baseUrl, stopping });
          if (sent + failed === 0) break;
        }
      },
    },
    pakketten: { everyMs: 1_000, run: (stopping) => buildQueuedPacks({ stopping }) },
    // Papers stored before the text version and the accessibility check existed, a few a minute.
    stukken: {
      everyMs: 60_000,
      run: async (stopping) => {
        const read = await completePaperReadings({ stopping });
        if (read > 0) log.info("stukken gelezen voor tekstversie en toegankelijkheid", { papers: read });
      },
    },
    // A day before a written procedure's deadline, who has not answered gets a reminder.
    schriftelijk: {
      everyMs: 5 * 60_000,
      run: async () => {
        const reminded = await remindWrittenProcedures({ baseUrl });
        if (reminded > 0) log.info("herinneringen schriftelijke ronde verstuurd", { members: reminded });
      },
    },
    opruimen: {
      everyMs: 60 * 60_000,
      run: async () => {
        deleteExpiredSessions();
        deleteStaleThrottles();
        deleteExpiredPasswordTokens();
      },
    },
  };
  if (reminders)
    tasks.herinneringen = {
      everyMs: CHECK_EVERY_MS,
      run: async () => {
        lastReminderDay = await runScheduledReminders({ now: Date.now(), lastRunDay: lastReminderDay, baseUrl });
      },
    };

  let stopped = false;
  const running = new Map<string, Promise<void>>();
  const wokenWhileRunning = new Set<string>();
  const start = (name: string) => {
    const task = tasks[name];
    if (stopped || !task) return;
    if (running.has(name)) {
      wokenWhileRunning.add(name);
      return;
    }
    const run = task
      .run(() => stopped)
      .then(
        () => undefined,
        // A mail server that is down must not take the site with it; the next round tries again.
        (error) => log.warn(`achtergrondtaak ${name} mislukt`, { error }),
      )
      .finally(() => {
        running.delete(name);
        if (wokenWhileRunning.delete(name)) start(name);
      });
    running.set(name, run);
  };
  const timers = Object.entries(tasks).map(([name, task]) => {
    const timer = setInterval(() => start(name), task.everyMs);
    timer.unref();
    return timer;
  });
  registerBackgroundWork((queue) => start(queue));
  for (const name of Object.keys(tasks)) start(name);
  log.info("achtergrondwerk gestart", { tasks: Object.keys(tasks) });

  return {
    /** Stops taking new work and waits for the units that are running. */
    async stop() {
      stopped = true;
      registerBackgroundWork(undefined);
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}
