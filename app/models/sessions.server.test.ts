import { describe, expect, it } from "vitest";
import { countSessions, makeBody, makeMembership, makeUser } from "../../tests/factories";
import { getDb } from "~/lib/db.server";
import { sessions } from "../../db/schema";
import {
  SESSION_TTL_MS,
  createSession,
  deleteExpiredSessions,
  endOtherSessions,
  endOwnSession,
  invalidateSession,
  invalidateUserSessions,
  isSessionActive,
  listOwnSessions,
  rotateSession,
  sessionIdFromToken,
  validateSessionToken,
} from "./sessions.server";

const day = 24 * 60 * 60_000;

describe("sessions", () => {
  it("tells an open request (a live stream) whether its session still holds, without renewing it", async () => {
    const { user } = await makeUser();
    const { token } = createSession({ userId: user.id });
    const viewer = validateSessionToken({ token })!.viewer;
    expect(isSessionActive({ viewer })).toBe(true);
    expect(isSessionActive({ viewer, now: Date.now() + SESSION_TTL_MS + day })).toBe(false);
    invalidateSession({ sessionId: viewer.sessionId });
    expect(isSessionActive({ viewer })).toBe(false);
  });

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

describe("a person's own sessions", () => {
  it("lists the open ones with device and address, this one first; half-way sign-ins are not listed", async () => {
    const { user } = await makeUser({ email: "sessies@test.example" });
    const now = Date.now();
    const other = createSession({
      userId: user.id,
      now,
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0",
      clientAddress: "192.0.2.9",
    });
    const mine = createSession({ userId: user.id, now: now - 1000 });
    createSession({ userId: user.id, now, secondStep: "verificatie" });
    const viewer = validateSessionToken({ token: mine.token })!.viewer;
    const listed = listOwnSessions({ viewer });
    expect(listed.map((s) => [s.current, s.device, s.clientAddress])).toEqual([
      [true, "Onbekend apparaat", null],
      [false, "Firefox op Linux", "192.0.2.9"],
    ]);
    expect(() => endOwnSession({ viewer, sessionId: mine.session.id })).toThrow(/nu gebruikt/);
    endOwnSession({ viewer, sessionId: other.session.id });
    expect(validateSessionToken({ token: other.token })).toBeNull();
  });

  it("ends all others at once, and not another person's", async () => {
    const { user } = await makeUser({ email: "sessies@test.example" });
    const { user: stranger } = await makeUser({ email: "vreemde@test.example" });
    const theirs = createSession({ userId: stranger.id });
    const mine = createSession({ userId: user.id });
    const elsewhere = createSession({ userId: user.id });
    const viewer = validateSessionToken({ token: mine.token })!.viewer;
    expect(() => endOwnSession({ viewer, sessionId: theirs.session.id })).toThrow(/al beëindigd/);
    expect(endOtherSessions({ viewer })).toBe(1);
    expect(validateSessionToken({ token: elsewhere.token })).toBeNull();
    expect(validateSessionToken({ token: mine.token })).not.toBeNull();
    expect(validateSessionToken({ token: theirs.token })).not.toBeNull();
  });
});
