import { and, eq, isNull, lt, or } from "drizzle-orm";
import { signInThrottles, users } from "../../db/schema";
import { FAILURE_WINDOW_MS, lockedUntil, recordFailure } from "~/auth/throttle";
import { getDb } from "~/lib/db.server";
import { verifyAgainstNothing, verifyPassword } from "~/lib/password.server";
import { createSession } from "./sessions.server";

export type SignInResult =
  | { ok: true; token: string; expiresAt: number; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: number };

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

/**
 * Checks an e-mail address and password and opens a session. Unknown addresses, deactivated
 * users and wrong passwords give the same answer; 5 failures in 15 minutes lock the address.
 */
export async function signIn({
  email,
  password,
  now = Date.now(),
}: {
  email: string;
  password: string;
  now?: number;
}): Promise<SignInResult> {
  const db = getDb();
  const address = normaliseEmail(email);
  // Every attempt counts as a failure before the password is checked, in one synchronous step, so
  // concurrent guesses cannot all read the same count: at most MAX_FAILURES of them are ever checked.
  // A correct password clears the count again.
  const until = db.transaction(
    (tx) => {
      const throttle = tx.select().from(signInThrottles).where(eq(signInThrottles.email, address)).get();
      const locked = lockedUntil(throttle, now);
      if (locked) return locked;
      const next = recordFailure(throttle, now);
      tx.insert(signInThrottles)
        .values({ email: address, ...next })
        .onConflictDoUpdate({ target: signInThrottles.email, set: next })
        .run();
      return null;
      // IMMEDIATE: with several processes a read-then-write transaction must hold the write lock from
      // the start, or a concurrent attempt in another process makes it fail instead of wait.
    },
    { behavior: "immediate" },
  );
  if (until) return { ok: false, reason: "locked", until };

  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, address))
    .get();
  let valid = false;
  if (user) valid = await verifyPassword(user.passwordHash, password);
  else await verifyAgainstNothing(password);
  if (!valid || !user || user.deactivatedAt !== null) return { ok: false, reason: "invalid" };

  db.delete(signInThrottles).where(eq(signInThrottles.email, address)).run();
  const { token, session } = createSession({ userId: user.id, now });
  return { ok: true, token, expiresAt: session.expiresAt, userId: user.id };
}

/** Forgets throttle rows whose window and lock have both passed; they no longer change any answer. */
export function deleteStaleSignInThrottles({ now = Date.now() }: { now?: number } = {}) {
  getDb()
    .delete(signInThrottles)
    .where(
      and(
        lt(signInThrottles.windowStartedAt, now - FAILURE_WINDOW_MS),
        or(isNull(signInThrottles.lockedUntil), lt(signInThrottles.lockedUntil, now)),
      ),
    )
    .run();
}
