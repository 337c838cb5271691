import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { agendaItems, bodies, documentVersions, documents, handoffs, meetings, plannedTopics } from "../../db/schema";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { formatDateTime } from "~/lib/format";
import { change } from "./access/change.server";
import { managesBody } from "./access/grants";
import { readable, visibleItems } from "./access/scopes.server";
import { listDecisionsForItems } from "./decisions.server";
import { RuleError } from "./errors";
import {
  byManager,
  meetingForChange,
  requireManager,
  requireOpenMeeting,
  type MeetingForChange,
} from "./meetings.server";
import { actorOf } from "./access/viewer";

// The network works upwards every quarter: a themagroep sends an item to the expertgroep, the
// expertgroep to the stuurgroep. A hand-off carries subject, proposal and documents; the receiving
// secretariaat puts it on an agenda, and the decision there shows on the originating item.

/** The bodies above a body (its parent, the parent's parent …): where its items can be sent. */
export function listHandoffTargets(tx: Tx, bodyId: number) {
  const targets: { id: number; name: string }[] = [];
  let cursor =
    tx.select({ parentId: bodies.parentId }).from(bodies).where(eq(bodies.id, bodyId)).get()?.parentId ?? null;
  while (cursor && !targets.some((t) => t.id === cursor)) {
    const body = tx
      .select({ id: bodies.id, name: bodies.name, parentId: bodies.parentId, activeUntil: bodies.activeUntil })
      .from(bodies)
      .where(eq(bodies.id, cursor))
      .get();
    if (!body) break;
    if (!body.activeUntil) targets.push({ id: body.id, name: body.name });
    cursor = body.parentId;
  }
  return targets;
}

export function proposeHandoff({
  viewer,
  agendaItemId,
  toBodyId,
}: {
  viewer: Viewer;
  agendaItemId: number;
  toBodyId: number;
}) {
  return change({
    viewer,
    load: () => {
      const item = getDb().select().from(agendaItems).where(eq(agendaItems.id, agendaItemId)).get();
      if (!item) return undefined;
      const meeting = meetingForChange(getDb(), item.meetingId)!;
      return { item, meeting, bodyId: meeting.bodyId };
    },
    missing: "Dit agendapunt bestaat niet meer.",
    allow: byManager(),
    check: ({ meeting }, tx) => {
      requireOpenMeeting(meeting);
      const target = listHandoffTargets(tx, meeting.bodyId).find((t) => t.id === toBodyId);
      if (!target) throw new RuleError({ "": ["Kies een gremium boven dit gremium."] });
      const existing = tx
        .select({ id: handoffs.id })
        .from(handoffs)
        .where(and(eq(handoffs.fromAgendaItemId, agendaItemId), eq(handoffs.toBodyId, toBodyId)))
        .get();
      if (existing) throw new RuleError({ "": [`Dit punt is al doorgezet naar ${target.name}.`] });
    },
    write: (tx, { meeting }, signedIn) => ({
      ...tx
        .insert(handoffs)
        .values({ fromAgendaItemId: agendaItemId, toBodyId, createdByUserId: actorOf(signedIn) })
        .returning({ id: handoffs.id })
        .get(),
      target: listHandoffTargets(tx, meeting.bodyId).find((t) => t.id === toBodyId)!,
    }),
    audit: ({ item, meeting }, { target }) => ({
      action: "handoff.propose",
      entityType: "agenda-item",
      entityId: agendaItemId,
      summary: `‘${item.subject}’ (${meeting.bodyName}, ${formatDateTime(meeting.startsAt)}) doorgezet naar ${target.name}`,
      after: { toBodyId },
    }),
  });
}

/**
 * Items other bodies sent to this body and that are not on an agenda yet. Sending an item up shares it
 * with the receiving body, besloten content included: its secretariaat reads what it is to accept.
 */
export function listProposedHandoffs({ viewer, bodyId }: { viewer: Viewer; bodyId: number }) {
  if (!managesBody(viewer, bodyId)) return [];
  return getDb()
    .select({
      id: handoffs.id,
      subject: agendaItems.subject,
      proposalHtml: agendaItems.proposalHtml,
      fromBodyName: bodies.name,
      fromStartsAt: meetings.startsAt,
    })
    .from(handoffs)
    .innerJoin(agendaItems, eq(agendaItems.id, handoffs.fromAgendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(handoffs.toBodyId, bodyId), eq(handoffs.status, "voorgesteld")))
    .orderBy(asc(handoffs.createdAt))
    .all();
}

/** Puts a proposed item on a meeting of the receiving body, with its subject, proposal and documents. */
export function acceptHandoff({
  viewer,
  handoffId,
  meetingId,
  now = Date.now(),
}: {
  viewer: Viewer;
  handoffId: number;
  meetingId: number;
  now?: number;
}) {
  return acceptHandoffInto(getDb(), viewer, { handoffId, meetingId, now });
}

/**
 * Accepts a handoff inside the caller's transaction: the item and its documents are copied onto the
 * meeting's agenda, and a planned topic that came from this handoff is marked as on the agenda.
 */
export function acceptHandoffInto(
  tx: Tx,
  viewer: Viewer,
  { handoffId, meetingId, now }: { handoffId: number; meetingId: number; now: number },
) {
  return change({
    viewer,
    tx: tx === getDb() ? undefined : tx,
    now,
    load: () => {
      const meeting = meetingForChange(getDb(), meetingId);
      const handoff = getDb().select().from(handoffs).where(eq(handoffs.id, handoffId)).get();
      return meeting && handoff ? { meeting, handoff, bodyId: meeting.bodyId } : undefined;
    },
    missing: "Deze vergadering of dit voorgestelde punt bestaat niet meer.",
    allow: (viewer, { meeting, handoff }) =>
      meeting.bodyId !== handoff.toBodyId
        ? "Dit punt is voor een ander gremium voorgesteld."
        : byManager()(viewer, meeting),
    check: ({ meeting, handoff }) => {
      requireOpenMeeting(meeting);
      if (handoff.status !== "voorgesteld") throw new RuleError({ "": ["Dit voorgestelde punt is al verwerkt."] });
    },
    write: (tx, { meeting, handoff }, signedIn) => copyHandoff(tx, signedIn, { meeting, handoff, now }),
    audit: ({ meeting }, { created, source }) => ({
      action: "handoff.accept",
      entityType: "agenda-item",
      entityId: created.id,
      summary: `Doorgezet punt ‘${source.subject}’ op de agenda gezet: ${meeting.bodyName}, ${formatDateTime(meeting.startsAt)}`,
    }),
  }).created;
}

/** The item and its documents copied onto the meeting's agenda; a topic from this hand-off is now on it. */
function copyHandoff(
  tx: Tx,
  signedIn: SignedInViewer,
  { meeting, handoff, now }: { meeting: MeetingForChange; handoff: typeof handoffs.$inferSelect; now: number },
) {
  const meetingId = meeting.id;
  const source = tx.select().from(agendaItems).where(eq(agendaItems.id, handoff.fromAgendaItemId)).get()!;
  const last = tx
    .select({ position: agendaItems.position })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.section, "B")))
    .orderBy(desc(agendaItems.position))
    .limit(1)
    .get();
  const created = tx
    .insert(agendaItems)
    .values({
      meetingId,
      section: "B",
      position: (last?.position ?? 0) + 1,
      subject: source.subject,
      proposalMarkdown: source.proposalMarkdown,
      proposalHtml: source.proposalHtml,
      presenter: source.presenter,
      isConfidential: source.isConfidential,
      changedAfterPublishAt: meeting.publishedAt !== null ? now : null,
    })
    .returning({ id: agendaItems.id })
    .get();
  // The documents travel along: each as a new document with its current version (same stored file).
  for (const document of tx.select().from(documents).where(eq(documents.agendaItemId, source.id)).all()) {
    const current = tx
      .select()
      .from(documentVersions)
      .where(eq(documentVersions.documentId, document.id))
      .orderBy(desc(documentVersions.number))
      .limit(1)
      .get();
    if (!current) continue;
    const copy = tx
      .insert(documents)
      .values({
        agendaItemId: created.id,
        title: document.title,
        kind: document.kind,
        isConfidential: document.isConfidential,
      })
      .returning({ id: documents.id })
      .get();
    const { id: _id, documentId: _d, number: _n, createdAt: _c, ...version } = current;
    tx.insert(documentVersions)
      .values({ ...version, documentId: copy.id, number: 1, createdByUserId: actorOf(signedIn) })
      .run();
  }
  tx.update(handoffs)
    .set({ status: "geaccepteerd", toAgendaItemId: created.id, acceptedAt: now })
    .where(eq(handoffs.id, handoff.id))
    .run();
  tx.update(plannedTopics)
    .set({ agendaItemId: created.id, meetingId, version: sql`${plannedTopics.version} + 1`, updatedAt: now })
    .where(and(eq(plannedTopics.originHandoffId, handoff.id), isNull(plannedTopics.agendaItemId)))
    .run();
  return { created, source };
}

/**
 * Where the given items were sent and, once decided there, the decisions the viewer may see:
 * shown on the originating item.
 */
export function listHandoffsForItems({ viewer, agendaItemIds }: { viewer: Viewer; agendaItemIds: number[] }) {
  if (agendaItemIds.length === 0) return [];
  // Only for items whose content the viewer may read: where a besloten item went is besloten too.
  const items = visibleItems(viewer);
  const rows = getDb()
    .select({
      fromAgendaItemId: handoffs.fromAgendaItemId,
      status: handoffs.status,
      toAgendaItemId: handoffs.toAgendaItemId,
      toBodyName: bodies.name,
    })
    .from(handoffs)
    .innerJoin(items, eq(items.id, handoffs.fromAgendaItemId))
    .innerJoin(bodies, eq(bodies.id, handoffs.toBodyId))
    .where(and(inArray(handoffs.fromAgendaItemId, agendaItemIds), readable(items)))
    .all();
  const decided = listDecisionsForItems({
    viewer,
    agendaItemIds: rows.flatMap((r) => (r.toAgendaItemId ? [r.toAgendaItemId] : [])),
  });
  return rows.map((row) => ({ ...row, decisions: decided.filter((d) => d.agendaItemId === row.toAgendaItemId) }));
}

/** For the item's edit page: the bodies it can be sent to, and where it was sent already. */
export function getHandoffOptions({ viewer, agendaItemId }: { viewer: Viewer; agendaItemId: number }) {
  const db = getDb();
  const item = db
    .select({ meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .where(eq(agendaItems.id, agendaItemId))
    .get();
  if (!item) return { targets: [], sent: [] };
  const meeting = meetingForChange(db, item.meetingId)!;
  requireManager(viewer, meeting.bodyId);
  requireOpenMeeting(meeting);
  return {
    targets: listHandoffTargets(db, meeting.bodyId),
    sent: listHandoffsForItems({ viewer, agendaItemIds: [agendaItemId] }),
  };
}

/**
 * Records that an item on this body's agenda came up from an item of a body below (handed over
 * outside Gremium, or before the body used it): the hand-off as accepted, so the decision taken here
 * shows on the original. For the receiving body's secretariaat.
 */
export function recordHandoff({
  viewer,
  fromAgendaItemId,
  toAgendaItemId,
  now = Date.now(),
}: {
  viewer: Viewer;
  fromAgendaItemId: number;
  toAgendaItemId: number;
  now?: number;
}) {
  const itemWithMeeting = (id: number) => {
    const item = getDb().select().from(agendaItems).where(eq(agendaItems.id, id)).get();
    return item && { item, meeting: meetingForChange(getDb(), item.meetingId)! };
  };
  return change({
    viewer,
    now,
    load: () => {
      const from = itemWithMeeting(fromAgendaItemId);
      const to = itemWithMeeting(toAgendaItemId);
      return from && to ? { from, to, bodyId: to.meeting.bodyId } : undefined;
    },
    missing: "Dit agendapunt bestaat niet meer.",
    allow: byManager(),
    check: ({ from, to }, tx) => {
      if (!listHandoffTargets(tx, from.meeting.bodyId).some((t) => t.id === to.meeting.bodyId))
        throw new RuleError({ "": ["Een punt komt alleen van een gremium onder dit gremium."] });
      if (
        tx
          .select({ id: handoffs.id })
          .from(handoffs)
          .where(and(eq(handoffs.fromAgendaItemId, fromAgendaItemId), eq(handoffs.toBodyId, to.meeting.bodyId)))
          .get()
      )
        throw new RuleError({ "": ["Dit punt is al eerder doorgezet."] });
    },
    write: (tx, { to }, signedIn) =>
      tx
        .insert(handoffs)
        .values({
          fromAgendaItemId,
          toBodyId: to.meeting.bodyId,
          status: "geaccepteerd",
          toAgendaItemId,
          acceptedAt: now,
          createdByUserId: actorOf(signedIn),
        })
        .returning({ id: handoffs.id })
        .get(),
    audit: ({ from, to }) => ({
      action: "handoff.record",
      entityType: "agenda-item",
      entityId: toAgendaItemId,
      summary: `‘${to.item.subject}’ vastgelegd als doorgezet van ‘${from.item.subject}’ (${from.meeting.bodyName}, ${formatDateTime(from.meeting.startsAt)})`,
    }),
  });
}
