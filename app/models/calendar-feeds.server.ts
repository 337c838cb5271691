import { and, eq, isNull } from "drizzle-orm";
import { calendarFeeds, people, users } from "../../db/schema";
import type { SignedInViewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import { writeAudit } from "./audit.server";
import { viewerOf } from "./access/viewers.server";
import { generateSessionToken, sessionIdFromToken } from "./sessions.server";

// A personal calendar feed is a secret URL: whoever has it sees the user's meetings (never the
// agenda). Like a session, only the hash of its token is stored; a new link revokes the old one.

export function hasCalendarFeed({ viewer }: { viewer: SignedInViewer }) {
  return Boolean(
    getDb().select({ id: calendarFeeds.id }).from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.userId)).get(),
  );
}

/** Makes a new feed link for the viewer, revoking any earlier one; returns the secret once. */
export function createCalendarFeed({ viewer }: { viewer: SignedInViewer }) {
  const token = generateSessionToken();
  getDb().transaction((tx) => {
    tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, viewer.userId)).run();
    tx.insert(calendarFeeds)
      .values({ userId: viewer.userId, tokenHash: sessionIdFromToken(token) })
      .run();
    writeAudit(tx, {
      actorUserId: viewer.userId,
      action: "calendar-feed.create",
      entityType: "user",
      entityId: viewer.userId,
      summary: `${viewer.name} heeft een nieuwe persoonlijke agendalink gemaakt (eerdere link ingetrokken)`,
    });
  });
  return token;
}

export function revokeCalendarFeed({ viewer }: { viewer: SignedInViewer }) {
  getDb().transaction((tx) => {
    tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, viewer.userId)).run();
    writeAudit(tx, {
      actorUserId: viewer.userId,
      action: "calendar-feed.revoke",
      entityType: "user",
      entityId: viewer.userId,
      summary: `${viewer.name} heeft de persoonlijke agendalink ingetrokken`,
    });
  });
}

/** The viewer a feed token stands for; null for an unknown token or a deactivated user. */
export function viewerForCalendarToken({ token }: { token: string }): SignedInViewer | null {
  const row = getDb()
    .select({ userId: users.id, personId: users.personId, email: users.email, role: users.role, name: people.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .where(and(eq(calendarFeeds.tokenHash, sessionIdFromToken(token)), isNull(users.deactivatedAt)))
    .get();
  if (!row) return null;
  return viewerOf(row, { sessionId: "agenda-feed", today: todayIso() });
}
