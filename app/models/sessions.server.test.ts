import { describe, expect, it } from "vitest";
import { countSessions, makeBody, makeMembership, makeUser } from "../../tests/factories";
import { getDb } from "~/lib/db.server";
import { sessions } from "../../db/schema";
import {
  createSession,
  deleteExpiredSessions,
  invalidateSession,
  invalidateUserSessions,
  rotateSession,
  SESSION_TTL_MS,
  sessionIdFromToken,
  validateSessionToken,
} from "./sessions.server";

const day = 24 * 60 * 60_000;

describe("sessions", () => {
  it("stores only the hash of the token", async () => {
    const { user } = await makeUser();
    const { token, session } = createSession({ userId: user.id });
    const stored = getDb().select().from(sessions).all();
    expect(stored.map((s) => s.id)).toEqual([session.id]);
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(session.id).not.toContain(token);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it("validates a fresh token to its viewer with current memberships", async () => {
    const { user, person } = await makeUser({ role: "secretariaat", name: "Sanne" });
    const current = makeBody();
    const ended = makeBody();
    makeMembership({ bodyId: current.id, personId: person.id });
    makeMembership({ bodyId: ended.id, personId: person.id, endsOn: "2021-01-01" });
    const { token } = createSession({ userId: user.id });
    const result = validateSessionToken({ token });
    expect(result?.viewer).toMatchObject({ userId: user.id, name: "Sanne", role: "secretariaat" });
    expect(result?.viewer.memberBodyIds).toEqual([current.id]);
    expect(result?.renewed).toBe(false);
  });

  it("refuses an unknown token", () => {
    expect(validateSessionToken({ token: "onbekend" })).toBeNull();
  });

  it("expires after 30 days without use and deletes the row", async () => {
    const { user } = await makeUser();
    const now = Date.now();
    const { token } = createSession({ userId: user.id, now });
    expect(validateSessionToken({ token, now: now + SESSION_TTL_MS })).toBeNull();
    expect(countSessions(user.id)).toBe(0);
  });

  it("slides: a session used in its second half is extended to 30 days again", async () => {
    const { user } = await makeUser();
    const now = Date.now();
    const { token } = createSession({ userId: user.id, now });
    const later = now + 20 * day;
    const result = validateSessionToken({ token, now: later });
    expect(result?.renewed).toBe(true);
    expect(result?.expiresAt).toBe(later + SESSION_TTL_MS);
    // Still valid past the original expiry.
    expect(validateSessionToken({ token, now: now + 40 * day })).not.toBeNull();
  });

  it("rotates: the old token stops working, the new one works", async () => {
    const { user } = await makeUser();
    const first = createSession({ userId: user.id });
    const second = rotateSession({ sessionId: first.session.id, userId: user.id });
    expect(validateSessionToken({ token: first.token })).toBeNull();
    expect(validateSessionToken({ token: second.token })?.viewer.userId).toBe(user.id);
  });

  it("ends one session on sign-out and all of a user's sessions at once", async () => {
    const { user } = await makeUser();
    const a = createSession({ userId: user.id });
    const b = createSession({ userId: user.id });
    invalidateSession({ sessionId: a.session.id });
    expect(validateSessionToken({ token: a.token })).toBeNull();
    expect(validateSessionToken({ token: b.token })).not.toBeNull();
    invalidateUserSessions({ userId: user.id });
    expect(validateSessionToken({ token: b.token })).toBeNull();
  });

  it("refuses the session of a deactivated user", async () => {
    const { user } = await makeUser({ deactivatedAt: Date.now() });
    const { token } = createSession({ userId: user.id });
    expect(validateSessionToken({ token })).toBeNull();
  });

  it("clears expired sessions in bulk", async () => {
    const { user } = await makeUser();
    const now = Date.now();
    createSession({ userId: user.id, now: now - SESSION_TTL_MS - 1 });
    createSession({ userId: user.id, now });
    deleteExpiredSessions({ now });
    expect(countSessions(user.id)).toBe(1);
  });
});
