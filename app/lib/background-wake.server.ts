import cluster from "node:cluster";

// Background work (newsletter sending, meeting packs) runs in one process and checks its queues
// every few seconds. A request that has just queued something wakes it, so the work starts now:
// directly when this process is the one, through the cluster's primary when it is another.

export type BackgroundQueue = "nieuwsbrief" | "pakketten";
export type WakeMessage = { gremium: "wake"; queue: BackgroundQueue };

let wakeHere: ((queue: BackgroundQueue) => void) | undefined;

/** Called by the process that runs the background work, with how to wake it (undefined when it stops). */
export function registerBackgroundWork(wake: ((queue: BackgroundQueue) => void) | undefined) {
  wakeHere = wake;
}

export function wakeBackgroundWork(queue: BackgroundQueue) {
  if (wakeHere) wakeHere(queue);
  else if (cluster.isWorker && process.send) process.send({ gremium: "wake", queue } satisfies WakeMessage);
}

export function isWakeMessage(message: unknown): message is WakeMessage {
  return typeof message === "object" && message !== null && (message as WakeMessage).gremium === "wake";
}
