import { and, asc, desc, eq, gt, lt, max } from "drizzle-orm";
import { agendaItems, bodies, meetings } from "../../db/schema";
import type { Viewer } from "~/auth/viewer";
import { itemNumbersOf } from "./agenda-numbers.server";
import { getDb, type Tx } from "~/lib/db.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { agendaSectionLabels, type AgendaSection } from "~/lib/vocabulary";
import { change } from "./access/change.server";
import { requireItemNotAdopted, requireItemRemovable } from "./adopted-records.server";
import { writeAudit, type AuditEntryInput } from "./audit.server";
import { NotFound, RuleError } from "./errors";
import {
  byManager,
  meetingForChange,
  requireManager,
  requireOpenMeeting,
  type MeetingForChange,
} from "./meetings.server";

export type AgendaItemInput = {
  section: AgendaSection;
  subject: string;
  proposalMarkdown: string;
  presenter?: string | null;
  plannedMinutes?: number | null;
  isConfidential: boolean;
};

type Meeting = Pick<MeetingForChange, "publishedAt" | "recordedAfterwardsAt" | "bodyName">;

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

/** A change to a published agenda is marked on the item and logged as such; history entered later is not. */
function changeMarks(meeting: Meeting, now: number) {
  return meeting.publishedAt !== null && meeting.recordedAfterwardsAt === null ? { changedAfterPublishAt: now } : {};
}

/** The audit entry of an agenda change; a change after publishing is logged as such. */
function entry(
  meeting: Meeting,
  action: string,
  summary: string,
  itemId: number,
  before?: unknown,
  after?: unknown,
): Omit<AuditEntryInput, "actorUserId"> {
  const afterPublish = meeting.publishedAt !== null;
  return {
    action: afterPublish ? `${action}-after-publish` : action,
    entityType: "agenda-item",
    entityId: itemId,
    summary: `${summary}${afterPublish ? " (na publicatie)" : ""} — ${meeting.bodyName}`,
    before,
    after,
  };
}

function nextPosition(tx: Tx, meetingId: number, section: AgendaSection) {
  const row = tx
    .select({ last: max(agendaItems.position) })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.section, section)))
    .get();
  return (row?.last ?? 0) + 1;
}

/** A new item at the end of its section; on a published agenda it is marked as changed. */
function insertItem(tx: Tx, meeting: Meeting, meetingId: number, input: AgendaItemInput, now: number) {
  return tx
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
  return change({
    viewer,
    load: () => meetingForChange(getDb(), meetingId),
    missing: "Deze vergadering bestaat niet meer.",
    allow: byManager(),
    check: requireOpenMeeting,
    write: (tx, meeting) => insertItem(tx, meeting, meetingId, input, now),
    audit: (meeting, created) =>
      entry(
        meeting,
        "agenda-item.add",
        `Agendapunt ‘${input.subject}’ toegevoegd aan ${agendaSectionLabels[input.section]}`,
        created.id,
        undefined,
        input,
      ),
    now,
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
  }: { meetingId: number; input: AgendaItemInput; actorUserId: number | null; now: number },
) {
  const meeting = tx
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      status: meetings.status,
      publishedAt: meetings.publishedAt,
      recordedAfterwardsAt: meetings.recordedAfterwardsAt,
      bodyName: bodies.name,
      startsAt: meetings.startsAt,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting || meeting.status === "geannuleerd" || meeting.status === "vergaderd")
    throw new RuleError({ meetingId: ["Kies een vergadering waarvan de agenda nog open is."] });
  const created = insertItem(tx, meeting, meetingId, input, now);
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

/** An item and its meeting, as a change of the item reads them. */
function itemForChange(id: number) {
  const item = getDb().select().from(agendaItems).where(eq(agendaItems.id, id)).get();
  if (!item) return undefined;
  const meeting = meetingForChange(getDb(), item.meetingId)!;
  return { ...item, bodyId: meeting.bodyId, meeting };
}

type ItemForChange = NonNullable<ReturnType<typeof itemForChange>>;

const ITEM_GONE = "Dit agendapunt bestaat niet meer.";

/** A change of one item, through the one door: the secretariaat, an open meeting, not an adopted record. */
function changeItem<Result>({
  viewer,
  id,
  expectedVersion,
  now,
  write,
  audit,
  removal = false,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion?: number;
  now: number;
  write: (tx: Tx, item: ItemForChange) => Result;
  audit: (item: ItemForChange, result: Result) => Omit<AuditEntryInput, "actorUserId"> | null;
  removal?: boolean;
}) {
  return change({
    viewer,
    load: () => itemForChange(id),
    missing: ITEM_GONE,
    allow: byManager(),
    expectedVersion,
    saved: (item) => ({
      ...Object.fromEntries(editableFields.map((field) => [field, item[field]])),
      version: item.version,
    }),
    check: (item, tx) => {
      requireOpenMeeting(item.meeting);
      if (removal) requireItemRemovable(tx, item.id);
      else requireItemNotAdopted(tx, item.id);
    },
    write,
    audit,
    now,
  });
}

const editableFields = [
  "section",
  "subject",
  "proposalMarkdown",
  "presenter",
  "plannedMinutes",
  "isConfidential",
] as const;

/** One item with its number, for its edit form (the secretariaat's); null when it is not on this meeting. */
export function getAgendaItemForEdit({ viewer, meetingId, id }: { viewer: Viewer; meetingId: number; id: number }) {
  const db = getDb();
  const meeting = meetingForChange(db, meetingId);
  if (!meeting) throw new NotFound("Deze vergadering bestaat niet meer.");
  requireManager(viewer, meeting.bodyId);
  requireOpenMeeting(meeting);
  const number = itemNumbersOf(db, [meetingId]).get(id);
  const item = db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, id), eq(agendaItems.meetingId, meetingId)))
    .get();
  return item && number ? { ...item, number } : null;
}

const pick = (source: Record<string, unknown>) =>
  Object.fromEntries(editableFields.map((field) => [field, source[field] ?? null]));

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
  changeItem({
    viewer,
    id,
    expectedVersion,
    now,
    write: (tx, before) => {
      const sectionChanged = before.section !== input.section;
      tx.update(agendaItems)
        .set({
          ...itemValues(input),
          section: input.section,
          position: sectionChanged ? nextPosition(tx, before.meetingId, input.section) : before.position,
          ...changeMarks(before.meeting, now),
          version: before.version + 1,
          updatedAt: now,
        })
        .where(eq(agendaItems.id, id))
        .run();
    },
    audit: (before) =>
      entry(
        before.meeting,
        "agenda-item.update",
        `Agendapunt ‘${input.subject}’ gewijzigd`,
        id,
        pick(before),
        pick(input),
      ),
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
  changeItem({
    viewer,
    id,
    now,
    write: (tx, item) => {
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
      if (!neighbour) return null;
      tx.update(agendaItems)
        .set({
          position: neighbour.position,
          ...changeMarks(item.meeting, now),
          version: item.version + 1,
          updatedAt: now,
        })
        .where(eq(agendaItems.id, item.id))
        .run();
      tx.update(agendaItems)
        .set({ position: item.position, updatedAt: now })
        .where(eq(agendaItems.id, neighbour.id))
        .run();
      return neighbour;
    },
    audit: (item, neighbour) =>
      neighbour &&
      entry(
        item.meeting,
        "agenda-item.move",
        `Agendapunt ‘${item.subject}’ ${direction === "up" ? "omhoog" : "omlaag"} verplaatst`,
        item.id,
        { position: item.position },
        { position: neighbour.position },
      ),
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
  changeItem({
    viewer,
    id,
    now,
    write: (tx, item) => {
      if (item.section === section) return false;
      tx.update(agendaItems)
        .set({
          section,
          position: nextPosition(tx, item.meetingId, section),
          ...changeMarks(item.meeting, now),
          version: item.version + 1,
          updatedAt: now,
        })
        .where(eq(agendaItems.id, id))
        .run();
      return true;
    },
    audit: (item, moved) =>
      moved
        ? entry(
            item.meeting,
            "agenda-item.move",
            `Agendapunt ‘${item.subject}’ verplaatst naar ${agendaSectionLabels[section]}`,
            id,
            { section: item.section },
            { section },
          )
        : null,
  });
}

/**
 * Puts an item at a place in a section (0 is first), as dragging it there does: the section's items
 * are renumbered around it. One step in the log, however far it moved.
 */
export function placeAgendaItem({
  viewer,
  id,
  section,
  index,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  section: AgendaSection;
  index: number;
  now?: number;
}) {
  changeItem({
    viewer,
    id,
    now,
    write: (tx, item) => {
      const others = tx
        .select({ id: agendaItems.id, position: agendaItems.position })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, item.meetingId), eq(agendaItems.section, section)))
        .orderBy(asc(agendaItems.position))
        .all()
        .filter((other) => other.id !== id);
      const at = Math.max(0, Math.min(index, others.length));
      const before = item.section === section ? others.findIndex((o) => o.position > item.position) : -1;
      const unchanged = item.section === section && (before === -1 ? others.length : before) === at;
      if (unchanged) return null;
      const order = [...others.slice(0, at).map((o) => o.id), id, ...others.slice(at).map((o) => o.id)];
      // The section is laid out afresh, 1 apart, with the item at its new place.
      order.forEach((itemId, position) =>
        tx
          .update(agendaItems)
          .set(
            itemId === id
              ? {
                  section,
                  position: position + 1,
                  ...changeMarks(item.meeting, now),
                  version: item.version + 1,
                  updatedAt: now,
                }
              : { position: position + 1 },
          )
          .where(eq(agendaItems.id, itemId))
          .run(),
      );
      return { section, place: at + 1 };
    },
    audit: (item, placed) =>
      placed &&
      entry(
        item.meeting,
        "agenda-item.move",
        `Agendapunt ‘${item.subject}’ verplaatst naar ${agendaSectionLabels[placed.section]}, plaats ${placed.place}`,
        item.id,
        { section: item.section, position: item.position },
        { section: placed.section, position: placed.place },
      ),
  });
}

/** Removes an item with its papers; one that carries decisions stays (see adopted-records.server.ts). */
export function removeAgendaItem({ viewer, id, now = Date.now() }: { viewer: Viewer; id: number; now?: number }) {
  changeItem({
    viewer,
    id,
    now,
    removal: true,
    write: (tx) => tx.delete(agendaItems).where(eq(agendaItems.id, id)).run(),
    audit: (item) => {
      const { proposalHtml: _html, meeting, bodyId: _bodyId, ...before } = item;
      return entry(meeting, "agenda-item.remove", `Agendapunt ‘${item.subject}’ verwijderd`, id, before);
    },
  });
}
