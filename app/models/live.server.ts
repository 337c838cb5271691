import { asc, eq } from "drizzle-orm";
import { agendaItems, decisionLists, decisions, meetings } from "../../db/schema";
import type { Viewer } from "~/auth/viewer";
import { itemNumbersOf } from "./agenda-numbers.server";
import { getDb } from "~/lib/db.server";
import { seesInside } from "./access/grants";
import { visibleItems, visibleLiveDecisions, visibleMeetings } from "./access/scopes.server";

// Following a meeting as it happens: the item under discussion and the decisions taken so far, read
// for each reader through the access layer, so the page and its event stream show exactly what that
// reader may see. A public meeting is followed by everyone, a closed one by the body's insiders only.

export type LiveView = NonNullable<ReturnType<typeof getLiveView>>;

/** The live state of a meeting for this reader; null when the reader may not follow it. */
export function getLiveView({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  const db = getDb();
  const scope = visibleMeetings(viewer);
  const meeting = db
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      status: meetings.status,
      isPublic: scope.isPublic,
      currentItemId: meetings.currentItemId,
      currentItemSince: meetings.currentItemSince,
      listStatus: decisionLists.status,
    })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting || meeting.status === "concept") return null;
  if (!meeting.isPublic && !seesInside(viewer, meeting.bodyId)) return null;
  const numbers = itemNumbersOf(db, [meetingId]);
  const items = visibleItems(viewer);
  const current = meeting.currentItemId
    ? db
        .select({ id: agendaItems.id, subject: agendaItems.subject, readable: items.contentVisible })
        .from(agendaItems)
        .innerJoin(items, eq(items.id, agendaItems.id))
        .where(eq(agendaItems.id, meeting.currentItemId))
        .get()
    : undefined;
  const decisionScope = visibleLiveDecisions(viewer);
  const recorded = db
    .select({
      id: decisions.id,
      agendaItemId: decisions.agendaItemId,
      reference: decisions.reference,
      outcome: decisions.outcome,
      textHtml: decisions.textHtml,
      subject: agendaItems.subject,
    })
    .from(decisions)
    .innerJoin(decisionScope, eq(decisionScope.id, decisions.id))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(decisions.id))
    .all();
  return {
    meetingId: meeting.id,
    status: meeting.status,
    /** Whether the decisions shown are still those of the concept list. */
    concept: meeting.listStatus !== "vastgesteld",
    current: current
      ? {
          number: numbers.get(current.id) ?? "",
          // A besloten item shows its number only to those outside.
          subject: current.readable ? current.subject : null,
          since: meeting.currentItemSince,
        }
      : null,
    decisions: recorded.map((decision) => ({
      id: decision.id,
      number: numbers.get(decision.agendaItemId) ?? "",
      subject: decision.subject,
      reference: decision.reference,
      outcome: decision.outcome,
      textHtml: decision.textHtml,
    })),
  };
}
