import { and, asc, desc, eq, gt, lt, max } from "drizzle-orm";
import { agendaItems, bodies, meetings } from "../../db/schema";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { numberAgenda } from "~/lib/agenda-numbering";
import { getDb, type Tx } from "~/lib/db.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { agendaSectionLabels, type AgendaSection } from "~/lib/vocabulary";
import { writeAudit } from "./audit.server";
import { ConflictError, RuleError } from "./errors";
import { loadMeetingForAgendaChange } from "./meetings.server";

export type AgendaItemInput = {
  section: AgendaSection;
  subject: string;
  proposalMarkdown: string;
  presenter?: string | null;
  plannedMinutes?: number | null;
  isConfidential: boolean;
};

type Meeting = ReturnType<typeof loadMeetingForAgendaChange>;

function itemValues(input: AgendaItemInput) {
  return {
    subject: input.subject,
    proposalMarkdown: input.proposalMarkdown,
    proposalHtml: renderMarkdown(input.proposalMarkdown),
    presenter: input.presenter || null,
    plannedMinutes: input.plannedMinutes ?? null,
    isConfidential: input.isConfidential,
  };
}

/** A change to a published agenda is marked on the item and logged as such. */
function changeMarks(meeting: Meeting, now: number) {
  return meeting.publishedAt !== null ? { changedAfterPublishAt: now } : {};
}

function audit(
  tx: Tx,
  viewer: SignedInViewer,
  meeting: Meeting,
  action: string,
  summary: string,
  itemId: number,
  before?: unknown,
  after?: unknown,
) {
  const afterPublish = meeting.publishedAt !== null;
  writeAudit(tx, {
    actorUserId: viewer.userId,
    action: afterPublish ? `${action}-after-publish` : action,
    entityType: "agenda-item",
    entityId: itemId,
    summary: `${summary}${afterPublish ? " (na publicatie)" : ""} — ${meeting.bodyName}`,
    before,
    after,
  });
}

function nextPosition(tx: Tx, meetingId: number, section: AgendaSection) {
  const row = tx
    .select({ last: max(agendaItems.position) })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.section, section)))
    .get();
  return (row?.last ?? 0) + 1;
}

export function addAgendaItem({
  viewer,
  meetingId,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  meetingId: number;
  input: AgendaItemInput;
  now?: number;
}) {
  return getDb().transaction((tx) => {
    const meeting = loadMeetingForAgendaChange(tx, viewer, meetingId);
    const created = tx
      .insert(agendaItems)
      .values({
        meetingId,
        section: input.section,
        position: nextPosition(tx, meetingId, input.section),
        ...itemValues(input),
        ...changeMarks(meeting, now),
      })
      .returning({ id: agendaItems.id })
      .get();
    audit(
      tx,
      viewer as SignedInViewer,
      meeting,
      "agenda-item.add",
      `Agendapunt ‘${input.subject}’ toegevoegd aan ${agendaSectionLabels[input.section]}`,
      created.id,
      undefined,
      input,
    );
    return created;
  });
}

/**
 * Puts an item on an agenda on behalf of a workflow, such as a plan going to the stuurgroep ter
 * instemming. The caller has checked its own permission; the meeting must still be open.
 */
export function insertWorkflowAgendaItem(
  tx: Tx,
  {
    meetingId,
    input,
    actorUserId,
    now,
  }: { meetingId: number; input: AgendaItemInput; actorUserId: number; now: number },
) {
  const meeting = tx
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      status: meetings.status,
      publishedAt: meetings.publishedAt,
      bodyName: bodies.name,
      startsAt: meetings.startsAt,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting || meeting.status === "geannuleerd" || meeting.status === "vergaderd")
    throw new RuleError({ meetingId: ["Kies een vergadering die nog moet plaatsvinden."] });
  const created = tx
    .insert(agendaItems)
    .values({
      meetingId,
      section: input.section,
      position: nextPosition(tx, meetingId, input.section),
      ...itemValues(input),
      ...changeMarks(meeting, now),
    })
    .returning({ id: agendaItems.id })
    .get();
  writeAudit(tx, {
    actorUserId,
    action: "agenda-item.add-by-workflow",
    entityType: "agenda-item",
    entityId: created.id,
    summary: `Agendapunt ‘${input.subject}’ toegevoegd — ${meeting.bodyName}`,
    after: input,
  });
  return created;
}

function loadItem(tx: Tx, id: number) {
  const item = tx.select().from(agendaItems).where(eq(agendaItems.id, id)).get();
  if (!item) throw new RuleError({ "": ["Dit agendapunt bestaat niet meer."] });
  return item;
}

const editableFields = [
  "section",
  "subject",
  "proposalMarkdown",
  "presenter",
  "plannedMinutes",
  "isConfidential",
] as const;

/** One item with its number, for its edit form; null when the viewer may not see it. */
export function getAgendaItemForEdit({ viewer, meetingId, id }: { viewer: Viewer; meetingId: number; id: number }) {
  const db = getDb();
  loadMeetingForAgendaChange(db, viewer, meetingId);
  const all = db
    .select({ id: agendaItems.id, section: agendaItems.section, position: agendaItems.position })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .all();
  const number = numberAgenda(all).find((item) => item.id === id)?.number;
  const item = db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, id), eq(agendaItems.meetingId, meetingId)))
    .get();
  return item && number ? { ...item, number } : null;
}

/**
 * Saves an item. A stale version is refused with the saved values, so the form can show what the
 * other person changed while keeping what this person typed.
 */
export function updateAgendaItem({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: AgendaItemInput;
  now?: number;
}) {
  return getDb().transaction((tx) => {
    const before = loadItem(tx, id);
    const meeting = loadMeetingForAgendaChange(tx, viewer, before.meetingId);
    if (before.version !== expectedVersion) {
      const saved = {
        ...Object.fromEntries(editableFields.map((field) => [field, before[field]])),
        version: before.version,
      };
      throw new ConflictError(undefined, saved);
    }
    const sectionChanged = before.section !== input.section;
    tx.update(agendaItems)
      .set({
        ...itemValues(input),
        section: input.section,
        position: sectionChanged ? nextPosition(tx, before.meetingId, input.section) : before.position,
        ...changeMarks(meeting, now),
        version: before.version + 1,
        updatedAt: now,
      })
      .where(and(eq(agendaItems.id, id), eq(agendaItems.version, expectedVersion)))
      .run();
    const pick = (source: Record<string, unknown>) =>
      Object.fromEntries(editableFields.map((field) => [field, source[field] ?? null]));
    audit(
      tx,
      viewer as SignedInViewer,
      meeting,
      "agenda-item.update",
      `Agendapunt ‘${input.subject}’ gewijzigd`,
      id,
      pick(before),
      pick(input),
    );
  });
}

/** Moves an item one place up or down within its section. */
export function moveAgendaItem({
  viewer,
  id,
  direction,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  direction: "up" | "down";
  now?: number;
}) {
  return getDb().transaction((tx) => {
    const item = loadItem(tx, id);
    const meeting = loadMeetingForAgendaChange(tx, viewer, item.meetingId);
    const neighbour = tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(
        and(
          eq(agendaItems.meetingId, item.meetingId),
          eq(agendaItems.section, item.section),
          direction === "up" ? lt(agendaItems.position, item.position) : gt(agendaItems.position, item.position),
        ),
      )
      .orderBy(direction === "up" ? desc(agendaItems.position) : asc(agendaItems.position))
      .limit(1)
      .get();
    if (!neighbour) return;
    const marks = changeMarks(meeting, now);
    tx.update(agendaItems)
      .set({ position: neighbour.position, ...marks, version: item.version + 1, updatedAt: now })
      .where(eq(agendaItems.id, item.id))
      .run();
    tx.update(agendaItems)
      .set({ position: item.position, updatedAt: now })
      .where(eq(agendaItems.id, neighbour.id))
      .run();
    audit(
      tx,
      viewer as SignedInViewer,
      meeting,
      "agenda-item.move",
      `Agendapunt ‘${item.subject}’ ${direction === "up" ? "omhoog" : "omlaag"} verplaatst`,
      item.id,
      { position: item.position },
      { position: neighbour.position },
    );
  });
}

/** Moves an item to the end of another section. */
export function moveAgendaItemToSection({
  viewer,
  id,
  section,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  section: AgendaSection;
  now?: number;
}) {
  return getDb().transaction((tx) => {
    const item = loadItem(tx, id);
    if (item.section === section) return;
    const meeting = loadMeetingForAgendaChange(tx, viewer, item.meetingId);
    tx.update(agendaItems)
      .set({
        section,
        position: nextPosition(tx, item.meetingId, section),
        ...changeMarks(meeting, now),
        version: item.version + 1,
        updatedAt: now,
      })
      .where(eq(agendaItems.id, id))
      .run();
    audit(
      tx,
      viewer as SignedInViewer,
      meeting,
      "agenda-item.move",
      `Agendapunt ‘${item.subject}’ verplaatst naar ${agendaSectionLabels[section]}`,
      id,
      { section: item.section },
      { section },
    );
  });
}

export function removeAgendaItem({ viewer, id }: { viewer: Viewer; id: number }) {
  return getDb().transaction((tx) => {
    const item = loadItem(tx, id);
    const meeting = loadMeetingForAgendaChange(tx, viewer, item.meetingId);
    tx.delete(agendaItems).where(eq(agendaItems.id, id)).run();
    const { proposalHtml: _html, ...before } = item;
    audit(
      tx,
      viewer as SignedInViewer,
      meeting,
      "agenda-item.remove",
      `Agendapunt ‘${item.subject}’ verwijderd`,
      id,
      before,
    );
  });
}
