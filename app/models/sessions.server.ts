import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq, lte } from "drizzle-orm";
import { people, sessions, users } from "../../db/schema";
import type { SignedInViewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import { viewerOf } from "./access/viewers.server";

// Session design from the Lucia guide: the cookie holds a random token, the database only its
// SHA-256, so a leaked database cannot be used to sign in (docs/decisions/002-sessions.md).
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** A session used in its second half is extended to a full 30 days again. */
export const SESSION_RENEW_BEFORE_MS = 15 * 24 * 60 * 60_000;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession({ userId, now = Date.now() }: { userId: number; now?: number }) {
  const token = generateSessionToken();
  const session = { id: sessionIdFromToken(token), userId, expiresAt: now + SESSION_TTL_MS };
  getDb().insert(sessions).values(session).run();
  return { token, session };
}

export type ValidatedSession = {
  viewer: SignedInViewer;
  expiresAt: number;
  /** True when this validation extended the session, so the cookie must be sent again. */
  renewed: boolean;
};

/** Looks the token up; expired sessions and those of deactivated users are refused. */
export function validateSessionToken({
  token,
  now = Date.now(),
}: {
  token: string;
  now?: number;
}): ValidatedSession | null {
  const db = getDb();
  const id = sessionIdFromToken(token);
  const row = db
    .select({
      expiresAt: sessions.expiresAt,
      userId: users.id,
      personId: users.personId,
      email: users.email,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
      name: people.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  if (row.expiresAt <= now || row.deactivatedAt !== null) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  let expiresAt = row.expiresAt;
  const renewed = expiresAt - now < SESSION_RENEW_BEFORE_MS;
  if (renewed) {
    expiresAt = now + SESSION_TTL_MS;
    db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
  }
  return {
    viewer: viewerOf(
      { userId: row.userId, personId: row.personId, name: row.name, email: row.email, role: row.role },
      { sessionId: id, today: todayIso(now) },
    ),
    expiresAt,
    renewed,
  };
}

export function invalidateSession({ sessionId }: { sessionId: string }) {
  getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user: on deactivation and on a password change. */
export function invalidateUserSessions({ userId }: { userId: number }) {
  getDb().delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** Replaces a session by a new one for the same user (after a password change). */
export function rotateSession({
  sessionId,
  userId,
  now = Date.now(),
}: {
  sessionId: string;
  userId: number;
  now?: number;
}) {
  invalidateSession({ sessionId });
  return createSession({ userId, now });
}

export function deleteExpiredSessions({ now = Date.now() }: { now?: number } = {}) {
  getDb().delete(sessions).where(lte(sessions.expiresAt, now)).run();
}
