import { and, asc, eq } from "drizzle-orm";
import { agendaItems, meetingInvitees, meetings, people } from "../../db/schema";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { formatDateTime } from "~/lib/format";
import { change } from "./access/change.server";
import { getDecisionList } from "./decisions.server";
import { listCurrentVersionsForMeeting } from "./documents.server";
import { RuleError } from "./errors";
import { byManager, getMeeting, meetingForChange, requireOpenMeeting } from "./meetings.server";

// Meeting mode: the secretariaat (or the chair at the secretariaat's screen) runs the meeting item by
// item. The item under discussion is kept on the meeting itself, so the live view of every reader and
// every web process follows it; what is decided goes straight into the concept besluitenlijst through
// the decisions model. Each step is a transition with its own audit entry.

const MEETING_GONE = "Deze vergadering bestaat niet meer.";

function requireRunnable(meeting: { status: string }) {
  requireOpenMeeting(meeting as never);
  if (meeting.status === "concept")
    throw new RuleError({ "": ["Publiceer eerst de agenda; daarna kunt u de vergadering leiden."] });
}

/**
 * Everything the meeting mode shows for one item: the agenda to move through, the item with its
 * proposal and papers, its decisions (with toezeggingen) as on the concept list, the attendance and
 * the timer. `itemId` picks an item to look at; by default the one under discussion, else the first.
 */
export function getMeetingMode({ viewer, meetingId, itemId }: { viewer: Viewer; meetingId: number; itemId?: number }) {
  const meeting = getMeeting({ viewer, id: meetingId });
  if (!meeting || !meeting.canManage) return null;
  const db = getDb();
  const state = db
    .select({ currentItemId: meetings.currentItemId, currentItemSince: meetings.currentItemSince })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .get()!;
  const items = meeting.sections.flatMap((section) => section.items);
  const shown =
    items.find((item) => item.id === itemId) ?? items.find((item) => item.id === state.currentItemId) ?? items[0];
  const index = shown ? items.indexOf(shown) : -1;
  const list = getDecisionList({ viewer, meetingId });
  const decisions = list?.visible ? list.decisions.filter((d) => d.agendaItemId === shown?.id) : [];
  const papers = shown
    ? listCurrentVersionsForMeeting({ viewer, meetingId }).filter((paper) => paper.agendaItemId === shown.id)
    : [];
  const invitees = db
    .select({
      id: meetingInvitees.id,
      personId: people.id,
      name: people.name,
      attendance: meetingInvitees.attendance,
      attendanceNote: meetingInvitees.attendanceNote,
    })
    .from(meetingInvitees)
    .innerJoin(people, eq(people.id, meetingInvitees.personId))
    .where(eq(meetingInvitees.meetingId, meetingId))
    .orderBy(asc(people.name))
    .all();
  return {
    meeting: {
      id: meeting.id,
      bodyName: meeting.bodyName,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      status: meeting.status,
      isPublic: meeting.isPublic,
      listStatus: list?.status ?? "concept",
    },
    items: items.map((item) => ({
      id: item.id,
      number: item.number,
      subject: item.subject ?? "Besloten agendapunt",
      isConfidential: item.isConfidential,
      plannedMinutes: item.plannedMinutes,
      hasDecision: list?.visible ? list.decisions.some((d) => d.agendaItemId === item.id) : false,
    })),
    item: shown
      ? {
          id: shown.id,
          number: shown.number,
          subject: shown.subject ?? "Besloten agendapunt",
          proposalHtml: shown.proposalHtml ?? "",
          presenter: shown.presenter,
          isConfidential: shown.isConfidential,
          adoptsMeetingId: shown.adoptsMeetingId,
          plannedMinutes: shown.plannedMinutes,
          isCurrent: shown.id === state.currentItemId,
          since: shown.id === state.currentItemId ? state.currentItemSince : null,
        }
      : null,
    previousItemId: index > 0 ? items[index - 1]!.id : null,
    nextItemId: index >= 0 && index < items.length - 1 ? items[index + 1]!.id : null,
    currentItemId: state.currentItemId,
    papers: papers.map((paper) => ({
      versionId: paper.versionId,
      title: paper.title,
      kind: paper.kind,
      isConfidential: paper.isConfidential,
    })),
    decisions,
    invitees,
  };
}

/** Puts an item under discussion: the live view moves to it and its timer starts. */
export function startItem({
  viewer,
  meetingId,
  itemId,
  now = Date.now(),
}: {
  viewer: Viewer;
  meetingId: number;
  itemId: number;
  now?: number;
}) {
  change({
    viewer,
    load: () => meetingForChange(getDb(), meetingId),
    missing: MEETING_GONE,
    allow: byManager("Alleen het secretariaat van dit gremium leidt de vergadering."),
    check: (meeting, tx) => {
      requireRunnable(meeting);
      const item = tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
        .get();
      if (!item) throw new RuleError({ "": ["Dit agendapunt hoort niet (meer) bij deze vergadering."] });
    },
    write: (tx) =>
      tx
        .update(meetings)
        .set({ currentItemId: itemId, currentItemSince: now, updatedAt: now })
        .where(eq(meetings.id, meetingId))
        .run(),
    audit: (meeting) =>
      meeting.currentItemId === itemId
        ? null
        : {
            action: "meeting.start-item",
            entityType: "meeting",
            entityId: meetingId,
            summary: `Agendapunt in bespreking genomen: ${meeting.bodyName}, ${formatDateTime(meeting.startsAt)}`,
            before: { currentItemId: meeting.currentItemId },
            after: { currentItemId: itemId },
          },
    now,
  });
}

/**
 * Closes the meeting in meeting mode: no item is under discussion any more and the meeting is
 * vergaderd. The concept besluitenlijst stays open for corrections until a next meeting adopts it.
 */
export function closeMeeting({
  viewer,
  meetingId,
  now = Date.now(),
}: {
  viewer: Viewer;
  meetingId: number;
  now?: number;
}) {
  change({
    viewer,
    load: () => meetingForChange(getDb(), meetingId),
    missing: MEETING_GONE,
    allow: byManager("Alleen het secretariaat van dit gremium leidt de vergadering."),
    check: requireRunnable,
    write: (tx) =>
      tx
        .update(meetings)
        .set({ currentItemId: null, currentItemSince: null, status: "vergaderd" })
        .where(eq(meetings.id, meetingId))
        .run(),
    touch: { table: meetings, id: () => meetingId },
    audit: (meeting) => ({
      action: "meeting.close",
      entityType: "meeting",
      entityId: meetingId,
      summary: `Vergadering gesloten in de vergadermodus: ${meeting.bodyName}, ${formatDateTime(meeting.startsAt)}`,
      before: { status: meeting.status, currentItemId: meeting.currentItemId },
      after: { status: "vergaderd", currentItemId: null },
    }),
    now,
  });
}

/**
 * One tap at the door: an invitee is marked present. Someone already recorded otherwise (afgemeld,
 * later) is marked present too, since they are here now; the note (a time, a substitute) goes.
 */
export function checkInInvitee({
  viewer,
  meetingId,
  inviteeId,
  now = Date.now(),
}: {
  viewer: Viewer;
  meetingId: number;
  inviteeId: number;
  now?: number;
}) {
  const invitee = () =>
    getDb()
      .select({ id: meetingInvitees.id, name: people.name, attendance: meetingInvitees.attendance })
      .from(meetingInvitees)
      .innerJoin(people, eq(people.id, meetingInvitees.personId))
      .where(and(eq(meetingInvitees.id, inviteeId), eq(meetingInvitees.meetingId, meetingId)))
      .get();
  change({
    viewer,
    load: () => {
      const meeting = meetingForChange(getDb(), meetingId);
      const person = invitee();
      return meeting && person ? { ...meeting, invitee: person } : undefined;
    },
    missing: "Deze genodigde staat niet (meer) op de lijst van deze vergadering.",
    allow: byManager("Alleen het secretariaat van dit gremium legt de aanwezigheid vast."),
    check: requireRunnable,
    write: (tx) =>
      tx
        .update(meetingInvitees)
        .set({ attendance: "aanwezig", attendanceNote: null })
        .where(eq(meetingInvitees.id, inviteeId))
        .run(),
    audit: (row) =>
      row.invitee.attendance === "aanwezig"
        ? null
        : {
            action: "meeting.check-in",
            entityType: "meeting",
            entityId: meetingId,
            summary: `${row.invitee.name} aanwezig gemeld: ${row.bodyName}, ${formatDateTime(row.startsAt)}`,
            before: { attendance: row.invitee.attendance },
            after: { attendance: "aanwezig" },
          },
    now,
  });
}
