import { eq, inArray, lt } from "drizzle-orm";
import { attemptThrottles } from "../../db/schema";
import { blockedUntil, forgiveOne, LONGEST_FORGET_MS, recordFailure, type ThrottleRule } from "~/auth/throttle";
import { getDb } from "~/lib/db.server";

export type ThrottleKey = { key: string; rule: ThrottleRule };

/**
 * Counts a try as a failure under every key before the answer is checked, in one step, so concurrent
 * guesses cannot all read the same count. Returns the instant until which one of the keys still
 * waits (and nothing is counted), or null when the try may go ahead; and the most failures any key
 * now counts.
 */
export function takeAttempt(keys: ThrottleKey[], now: number): { waitUntil: number | null; failures: number } {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const rows = tx
        .select()
        .from(attemptThrottles)
        .where(
          inArray(
            attemptThrottles.key,
            keys.map((k) => k.key),
          ),
        )
        .all();
      const stateOf = (key: string) => rows.find((row) => row.key === key);
      const waits = keys.map(({ key }) => blockedUntil(stateOf(key), now) ?? 0);
      const longest = Math.max(0, ...waits);
      if (longest > 0) return { waitUntil: longest, failures: Math.max(...rows.map((row) => row.failures)) };
      let failures = 0;
      for (const { key, rule } of keys) {
        const next = recordFailure(stateOf(key), rule, now);
        failures = Math.max(failures, next.failures);
        tx.insert(attemptThrottles)
          .values({ key, ...next })
          .onConflictDoUpdate({ target: attemptThrottles.key, set: next })
          .run();
      }
      return { waitUntil: null, failures };
      // IMMEDIATE: a read-then-write transaction must hold the write lock from the start, or a
      // concurrent attempt in another process makes it fail instead of wait.
    },
    { behavior: "immediate" },
  );
}

/** After a right answer: the key of this account and client forgets, the broader keys take one back. */
export function settleAttempt({ clear, forgive = [] }: { clear: string[]; forgive?: string[] }) {
  const db = getDb();
  db.transaction(
    (tx) => {
      if (clear.length > 0) tx.delete(attemptThrottles).where(inArray(attemptThrottles.key, clear)).run();
      for (const key of forgive) {
        const row = tx.select().from(attemptThrottles).where(eq(attemptThrottles.key, key)).get();
        if (row) tx.update(attemptThrottles).set(forgiveOne(row)).where(eq(attemptThrottles.key, key)).run();
      }
    },
    { behavior: "immediate" },
  );
}

/** Forgets keys whose last failure no rule remembers any more. */
export function deleteStaleThrottles({ now = Date.now() }: { now?: number } = {}) {
  getDb()
    .delete(attemptThrottles)
    .where(lt(attemptThrottles.lastFailureAt, now - LONGEST_FORGET_MS))
    .run();
}
