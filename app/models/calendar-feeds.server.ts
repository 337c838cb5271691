import { and, eq, isNull } from "drizzle-orm";
import { calendarFeeds, people, users } from "../../db/schema";
import type { SignedInViewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import { change } from "./access/change.server";
import { viewerOf } from "./access/viewers.server";
import { generateSessionToken, sessionIdFromToken } from "./sessions.server";

// A personal calendar feed is a secret URL: whoever has it sees the user's meetings (never the
// agenda). Like a session, only the hash of its token is stored; a new link revokes the old one.

/** A change of one's own feed link through the one door: only its owner, an active account. */
function changeOwnFeed(viewer: SignedInViewer, write: (tx: Tx) => string, action: string) {
  change({
    viewer,
    load: () =>
      getDb()
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, viewer.userId), isNull(users.deactivatedAt)))
        .get(),
    missing: "Deze gebruiker bestaat niet (meer).",
    allow: (current, user) => current?.userId === user.id || "U beheert alleen uw eigen agendalink.",
    write: (tx) => write(tx),
    audit: (_user, summary) => ({ action, entityType: "user", entityId: viewer.userId, summary }),
  });
}

export function hasCalendarFeed({ viewer }: { viewer: SignedInViewer }) {
  return Boolean(
    getDb().select({ id: calendarFeeds.id }).from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.userId)).get(),
  );
}

/** Makes a new feed link for the viewer, revoking any earlier one; returns the secret once. */
export function createCalendarFeed({ viewer }: { viewer: SignedInViewer }) {
  const token = generateSessionToken();
  changeOwnFeed(
    viewer,
    (tx) => {
      tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, viewer.userId)).run();
      tx.insert(calendarFeeds)
        .values({ userId: viewer.userId, tokenHash: sessionIdFromToken(token) })
        .run();
      return `${viewer.name} heeft een nieuwe persoonlijke agendalink gemaakt (eerdere link ingetrokken)`;
    },
    "calendar-feed.create",
  );
  return token;
}

export function revokeCalendarFeed({ viewer }: { viewer: SignedInViewer }) {
  changeOwnFeed(
    viewer,
    (tx) => {
      tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, viewer.userId)).run();
      return `${viewer.name} heeft de persoonlijke agendalink ingetrokken`;
    },
    "calendar-feed.revoke",
  );
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
