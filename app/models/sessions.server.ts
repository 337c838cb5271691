import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, desc, eq, gt, isNull, lte, ne } from "drizzle-orm";
import { people, sessions, users } from "../../db/schema";
import type { SignedInViewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import type { SecondStep, SignInMethod } from "~/lib/vocabulary";
import { describeDevice } from "~/lib/user-agent";
import { change } from "./access/change.server";
import { viewerOf } from "./access/viewers.server";

// Session design from the Lucia guide: the cookie holds a random token, the database only its
// SHA-256, so a leaked database cannot be used to sign in (docs/decisions/002-sessions.md).
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** How stale "last active" may be: it is written at most once per this interval. */
export const LAST_ACTIVE_PRECISION_MS = 5 * 60_000;
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

/** Half-way sign-in (second step due) lasts this long: enough to fetch a phone, not a day. */
export const PENDING_TTL_MS = 15 * 60_000;

export type SessionOrigin = {
  method?: SignInMethod;
  userAgent?: string | null;
  clientAddress?: string | null;
};

export function createSession({
  userId,
  now = Date.now(),
  secondStep = null,
  method = "wachtwoord",
  userAgent = null,
  clientAddress = null,
}: { userId: number; now?: number; secondStep?: SecondStep | null } & SessionOrigin) {
  const token = generateSessionToken();
  const session = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: now + (secondStep ? PENDING_TTL_MS : SESSION_TTL_MS),
    createdAt: now,
    lastActiveAt: now,
    secondStep,
    method,
    userAgent: userAgent?.slice(0, 300) ?? null,
    clientAddress,
  };
  getDb().insert(sessions).values(session).run();
  return { token, session };
}

export type ValidatedSession = {
  viewer: SignedInViewer;
  /** Set while the password was right but a second step is still due: the viewer must not be used. */
  secondStep: SecondStep | null;
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
      lastActiveAt: sessions.lastActiveAt,
      secondStep: sessions.secondStep,
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
  // A half-way session is never extended: its second step is due within minutes.
  const renewed = row.secondStep === null && expiresAt - now < SESSION_RENEW_BEFORE_MS;
  if (renewed) expiresAt = now + SESSION_TTL_MS;
  // "Last active" for the person's list of sessions, written at most every few minutes, not per request.
  const stale = (row.lastActiveAt ?? 0) < now - LAST_ACTIVE_PRECISION_MS;
  if (renewed || stale) db.update(sessions).set({ expiresAt, lastActiveAt: now }).where(eq(sessions.id, id)).run();
  return {
    viewer: viewerOf(
      { userId: row.userId, personId: row.personId, name: row.name, email: row.email, role: row.role },
      { sessionId: id, today: todayIso(now) },
    ),
    secondStep: row.secondStep,
    expiresAt,
    renewed,
  };
}

/**
 * Whether a viewer's session still holds (not ended, not expired), without renewing it: for a request
 * that stays open, such as a live event stream, to stop serving a person who signed out meanwhile.
 */
export function isSessionActive({ viewer, now = Date.now() }: { viewer: SignedInViewer; now?: number }) {
  const row = getDb()
    .select({ expiresAt: sessions.expiresAt, secondStep: sessions.secondStep })
    .from(sessions)
    .where(eq(sessions.id, viewer.sessionId))
    .get();
  return row !== undefined && row.expiresAt > now && row.secondStep === null;
}

export function invalidateSession({ sessionId }: { sessionId: string }) {
  getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user: on deactivation and on a password change. */
export function invalidateUserSessions({ userId }: { userId: number }) {
  getDb().delete(sessions).where(eq(sessions.userId, userId)).run();
}

/**
 * Replaces a session by a new one for the same user: after a password change, and when a second step
 * is done (a new token, so whatever saw the half-way one cannot use the full one).
 */
export function rotateSession({
  sessionId,
  userId,
  now = Date.now(),
  method,
}: {
  sessionId: string;
  userId: number;
  now?: number;
  method?: SignInMethod;
}) {
  const db = getDb();
  const old = db
    .select({ method: sessions.method, userAgent: sessions.userAgent, clientAddress: sessions.clientAddress })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .get();
  invalidateSession({ sessionId });
  return createSession({
    userId,
    now,
    method: method ?? old?.method,
    userAgent: old?.userAgent,
    clientAddress: old?.clientAddress,
  });
}

export function deleteExpiredSessions({ now = Date.now() }: { now?: number } = {}) {
  getDb().delete(sessions).where(lte(sessions.expiresAt, now)).run();
}

/** How a half-way session is signed in once its second step is done: "wachtwoord+app", "sso+passkey". */
function completedMethod(sessionId: string, factor: "app" | "herstelcode" | "passkey"): SignInMethod {
  const pending = getDb().select({ method: sessions.method }).from(sessions).where(eq(sessions.id, sessionId)).get();
  return `${pending?.method.startsWith("sso") ? "sso" : "wachtwoord"}+${factor}`;
}

/**
 * Ends a half-way session whose second step was just done and hands out a full one, recording how:
 * "wachtwoord+app", "sso+passkey" and so on.
 */
export function completeSecondStep({
  sessionId,
  userId,
  factor,
  now = Date.now(),
}: {
  sessionId: string;
  userId: number;
  factor: "app" | "herstelcode" | "passkey";
  now?: number;
}) {
  return rotateSession({ sessionId, userId, now, method: completedMethod(sessionId, factor) });
}

/**
 * Makes a half-way session whole in place, when its second step was enrolling one: the page that
 * shows the new recovery codes renders in the same request, and must already be signed in.
 */
export function completeEnrolmentInPlace({
  sessionId,
  factor,
  now = Date.now(),
}: {
  sessionId: string;
  factor: "app" | "passkey";
  now?: number;
}) {
  const expiresAt = now + SESSION_TTL_MS;
  const method = completedMethod(sessionId, factor);
  getDb()
    .update(sessions)
    .set({ secondStep: null, method, expiresAt, lastActiveAt: now })
    .where(eq(sessions.id, sessionId))
    .run();
  return { expiresAt, method };
}

/** The viewer's own open sessions, this one first: device, how and from where, last active. */
export function listOwnSessions({ viewer, now = Date.now() }: { viewer: SignedInViewer; now?: number }) {
  return getDb()
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastActiveAt: sessions.lastActiveAt,
      method: sessions.method,
      userAgent: sessions.userAgent,
      clientAddress: sessions.clientAddress,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, viewer.userId), isNull(sessions.secondStep), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastActiveAt))
    .all()
    .map((session) => ({
      ...session,
      device: describeDevice(session.userAgent),
      current: session.id === viewer.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the viewer's other sessions (a lost phone, a shared computer). */
export function endOwnSession({ viewer, sessionId }: { viewer: SignedInViewer; sessionId: string }) {
  change({
    viewer,
    load: () =>
      getDb()
        .select({ id: sessions.id, userAgent: sessions.userAgent })
        .from(sessions)
        .where(and(eq(sessions.id, sessionId), eq(sessions.userId, viewer.userId)))
        .get(),
    missing: "Deze sessie is al beëindigd.",
    allow: (current, row) =>
      current?.sessionId === row.id ? "Dit is de sessie die u nu gebruikt; log uit om hem te beëindigen." : true,
    write: (tx, row) => {
      tx.delete(sessions).where(eq(sessions.id, row.id)).run();
    },
    audit: (row) => ({
      action: "user.session-end",
      entityType: "user",
      entityId: viewer.userId,
      summary: `${viewer.name} heeft een sessie beëindigd (${describeDevice(row.userAgent)})`,
    }),
  });
}

/** Ends every session of the viewer but this one. */
export function endOtherSessions({ viewer }: { viewer: SignedInViewer }) {
  return change({
    viewer,
    load: () => ({}),
    missing: "",
    allow: (current) => (current ? true : "Log eerst in."),
    write: (tx) =>
      tx
        .delete(sessions)
        .where(and(eq(sessions.userId, viewer.userId), ne(sessions.id, viewer.sessionId)))
        .run().changes,
    audit: (_none, ended) => ({
      action: "user.sessions-end-others",
      entityType: "user",
      entityId: viewer.userId,
      summary: `${viewer.name} heeft alle andere sessies beëindigd (${ended})`,
    }),
  });
}
