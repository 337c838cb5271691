import { and, asc, eq, isNull } from "drizzle-orm";
import {
  actions,
  agendaItems,
  bodies,
  decisions,
  documents,
  documentVersions,
  meetings,
  memberships,
  people,
  users,
} from "../../db/schema";
import type { SignedInViewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import { seesInside } from "./access/grants";
import { membershipCurrentOn } from "./memberships.server";

// A signed-in person who follows a link to something of a body they are not in is told whose it is
// and whom to ask, instead of "does not exist": network members may know that a body has papers,
// only not read them. Nothing of the record itself is read here, only the body it belongs to.

/** A record that a link can point at: by the id or reference in its URL. */
export type RecordLink =
  | { kind: "meeting"; id: number }
  | { kind: "decision"; reference: string }
  | { kind: "version"; id: number }
  | { kind: "action"; id: number };

/** The body a record belongs to; null when there is no such record. */
function bodyIdOf(link: RecordLink): number | null {
  const db = getDb();
  switch (link.kind) {
    case "meeting":
      return (
        db.select({ bodyId: meetings.bodyId }).from(meetings).where(eq(meetings.id, link.id)).get()?.bodyId ?? null
      );
    case "decision":
      return (
        db
          .select({ bodyId: meetings.bodyId })
          .from(decisions)
          .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
          .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
          .where(eq(decisions.reference, link.reference))
          .get()?.bodyId ?? null
      );
    case "version":
      return (
        db
          .select({ bodyId: meetings.bodyId })
          .from(documentVersions)
          .innerJoin(documents, eq(documents.id, documentVersions.documentId))
          .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
          .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
          .where(eq(documentVersions.id, link.id))
          .get()?.bodyId ?? null
      );
    case "action":
      return db.select({ bodyId: actions.bodyId }).from(actions).where(eq(actions.id, link.id)).get()?.bodyId ?? null;
  }
}

/**
 * For a signed-in viewer who may not see a linked record: the body it belongs to and who manages
 * that body's access (its secretariaat: current members with that role). Null when the record does
 * not exist, so the reader gets "not found" as before. `viewerIsMember`: the viewer is in the body,
 * so what they cannot see is not yet published (a concept).
 */
export function describeClosedRecord({ viewer, link }: { viewer: SignedInViewer; link: RecordLink }) {
  const bodyId = bodyIdOf(link);
  if (bodyId === null) return null;
  const db = getDb();
  const body = db.select({ name: bodies.name, slug: bodies.slug }).from(bodies).where(eq(bodies.id, bodyId)).get()!;
  const managers = db
    .select({ name: people.name, email: users.email })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(users, eq(users.personId, people.id))
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        membershipCurrentOn(todayIso()),
        eq(users.role, "secretariaat"),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(people.name))
    .all();
  return {
    body,
    managers: [...new Map(managers.map((m) => [m.email, m])).values()],
    viewerIsMember: seesInside(viewer, bodyId),
  };
}
