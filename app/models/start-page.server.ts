import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { bodies, decisionLists, meetingInvitees, meetings, plannedTopics, users } from "../../db/schema";
import { canManageProgrammes } from "~/auth/permissions";
import type { SignedInViewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { addDaysIso, amsterdamDateAndTime } from "~/lib/format";
import { AGENDA_LEAD_DAYS } from "~/lib/meeting-rules";
import { change, signedIn } from "./access/change.server";
import { managesBodySql, ownBodyIds } from "./access/grants";
import { listWooDeadlines } from "./woo-deadlines.server";
import { visibleMeetings, visibleTopics } from "./access/scopes.server";
import { listMyActions } from "./actions.server";
import { listDocumentsForMeeting } from "./documents.server";
import { getNewsletterTasks } from "./newsletters.server";
import { listOwnNotesForComingMeetings } from "./notes.server";
import { listProceduresAwaitingAnswer } from "./written-procedures.server";

// The start page of a signed-in person (/mijn): what is next for them, in their own bodies, and for
// the secretariaat and the kwartiermaker what waits for them. Everything is read through the scopes,
// so it shows only what the person may see anyway.

/** Visits closer together than this are one stretch of work: the "new" marks stay until it ends. */
const SAME_SITTING_MS = 30 * 60 * 1000;
/** On a first visit, papers of the last two weeks count as new. */
const FIRST_VISIT_DAYS = 14;

/**
 * Notes a visit to the start page and returns since when papers count as new: the previous visit
 * before this stretch of work. Refreshing the page keeps the marks; coming back later resets them.
 */
export function noteStartPageVisit({ viewer, now = Date.now() }: { viewer: SignedInViewer; now?: number }) {
  return change({
    viewer,
    now,
    load: () =>
      getDb()
        .select({ visitedAt: users.startPageVisitedAt, marksSince: users.startPageMarksSince })
        .from(users)
        .where(eq(users.id, viewer.userId))
        .get(),
    missing: "Dit account bestaat niet meer.",
    allow: (v) => signedIn(v, "Log in om uw startpagina te zien."),
    write: (tx, row) => {
      const marksSince =
        row.visitedAt === null
          ? now - FIRST_VISIT_DAYS * 24 * 60 * 60 * 1000
          : now - row.visitedAt > SAME_SITTING_MS
            ? row.visitedAt
            : (row.marksSince ?? row.visitedAt);
      tx.update(users)
        .set({ startPageVisitedAt: now, startPageMarksSince: marksSince })
        .where(eq(users.id, viewer.userId))
        .run();
      return marksSince;
    },
    // Looking at one's own start page changes no record anyone answers for.
    audit: () => null,
  });
}

/** The viewer's own bodies: where they are a member (the beheerder's too, if any). */
function myBodyIds(viewer: SignedInViewer) {
  return [...ownBodyIds(viewer)];
}

/** Meetings ahead in these bodies, as far as the viewer sees them (a concept only by its secretariaat). */
function nextMeetingsOf(viewer: SignedInViewer, bodyIds: number[], now: number, limit: number | null = 6) {
  if (bodyIds.length === 0) return [];
  const scope = visibleMeetings(viewer);
  const query = getDb()
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      location: meetings.location,
      status: meetings.status,
      bodyId: bodies.id,
      bodyName: bodies.name,
    })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(inArray(meetings.bodyId, bodyIds), gte(meetings.endsAt, now), ne(meetings.status, "geannuleerd")))
    .orderBy(asc(meetings.startsAt));
  return (limit === null ? query : query.limit(limit)).all();
}

/** Past meetings whose besluitenlijst is not vastgesteld yet but holds decisions: it goes to the next meeting. */
function conceptListsOf(viewer: SignedInViewer, bodyIds: number[] | "managed", now: number) {
  const scope = visibleMeetings(viewer);
  const ofBodies = bodyIds === "managed" ? managesBodySql(viewer, meetings.bodyId) : inArray(meetings.bodyId, bodyIds);
  if (bodyIds !== "managed" && bodyIds.length === 0) return [];
  const rows = getDb()
    .select({
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      bodyId: bodies.id,
      bodyName: bodies.name,
    })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
    .where(
      and(
        ofBodies,
        lt(meetings.startsAt, now),
        inArray(meetings.status, ["gepubliceerd", "vergaderd"]),
        sql`coalesce(${decisionLists.status}, 'concept') = 'concept'`,
        sql`exists (select 1 from decisions d join agenda_items i on i.id = d.agenda_item_id where i.meeting_id = ${meetings.id})`,
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(10)
    .all();
  const next = nextMeetingPerBody(viewer, [...new Set(rows.map((row) => row.bodyId))], now);
  return rows.map((row) => ({ ...row, nextMeeting: next.get(row.bodyId) ?? null }));
}

/** Each body's first meeting ahead, as the viewer sees it: one query for all the bodies. */
function nextMeetingPerBody(viewer: SignedInViewer, bodyIds: number[], now: number) {
  const next = new Map<number, ReturnType<typeof nextMeetingsOf>[number]>();
  for (const meeting of nextMeetingsOf(viewer, bodyIds, now, null))
    if (!next.has(meeting.bodyId)) next.set(meeting.bodyId, meeting);
  return next;
}

function myTopics(viewer: SignedInViewer) {
  const scope = visibleTopics(viewer);
  // The owner of a planned topic is typed as free text ("Ellen Brink, gemeente Enschede"): it is the
  // viewer's when it starts with their name.
  return getDb()
    .select({
      id: plannedTopics.id,
      subject: plannedTopics.subject,
      purpose: plannedTopics.purpose,
      quarter: plannedTopics.quarter,
      meetingStartsAt: meetings.startsAt,
      bodyName: bodies.name,
      bodySlug: bodies.slug,
    })
    .from(plannedTopics)
    .innerJoin(scope, eq(scope.id, plannedTopics.id))
    .innerJoin(bodies, eq(bodies.id, plannedTopics.bodyId))
    .leftJoin(meetings, eq(meetings.id, plannedTopics.meetingId))
    .where(
      and(isNull(plannedTopics.agendaItemId), sql`lower(${plannedTopics.ownerName}) like lower(${viewer.name}) || '%'`),
    )
    .orderBy(sql`coalesce(${meetings.startsAt}, 9e15)`, asc(plannedTopics.quarter), asc(plannedTopics.id))
    .all();
}

/** What the secretariaat has to do for the bodies it manages. */
function secretariatTasks(viewer: SignedInViewer, now: number) {
  const db = getDb();
  const scope = visibleMeetings(viewer);
  const agendas = db
    .select({ id: meetings.id, startsAt: meetings.startsAt, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(managesBodySql(viewer, meetings.bodyId), eq(meetings.status, "concept"), gte(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(10)
    .all()
    .map((meeting) => {
      const publishBy = addDaysIso(amsterdamDateAndTime(meeting.startsAt).date, -AGENDA_LEAD_DAYS);
      return { ...meeting, publishBy, late: publishBy < amsterdamDateAndTime(now).date };
    });
  const attendanceMissing = db
    .select({ id: meetings.id, startsAt: meetings.startsAt, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        managesBodySql(viewer, meetings.bodyId),
        eq(meetings.status, "gepubliceerd"),
        lt(meetings.startsAt, now),
        sql`not exists (select 1 from ${meetingInvitees} where ${meetingInvitees.meetingId} = ${meetings.id} and ${meetingInvitees.attendance} is not null)`,
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(10)
    .all();
  const { open, missed } = listWooDeadlines({ viewer, now });
  return { agendas, listsToAdopt: conceptListsOf(viewer, "managed", now), attendanceMissing, woo: { open, missed } };
}

/** Everything on the start page, as the viewer may see it; `marksSince` from noteStartPageVisit. */
export function getStartPage({
  viewer,
  marksSince,
  now = Date.now(),
}: {
  viewer: SignedInViewer;
  marksSince: number;
  now?: number;
}) {
  const bodyIds = myBodyIds(viewer);
  const meetingsAhead = nextMeetingsOf(viewer, bodyIds, now).map((meeting) => {
    const papers = listDocumentsForMeeting({ viewer, meetingId: meeting.id }).map(({ current }) => ({
      versionId: current.versionId,
      title: current.title,
      changed: current.number > 1,
      isNew: current.createdAt > marksSince,
    }));
    return { ...meeting, paperCount: papers.length, newPapers: papers.filter((p) => p.isNew) };
  });
  const managesAny = viewer.role === "secretariaat" || viewer.role === "beheerder";
  return {
    marksSince,
    meetings: meetingsAhead,
    actions: listMyActions({ viewer, now }).running,
    conceptLists: conceptListsOf(viewer, bodyIds, now),
    topics: myTopics(viewer),
    notes: listOwnNotesForComingMeetings({ viewer, now }),
    procedures: listProceduresAwaitingAnswer({ viewer }),
    secretariat: managesAny ? secretariatTasks(viewer, now) : null,
    newsletter: canManageProgrammes(viewer) ? getNewsletterTasks({ viewer }) : null,
  };
}
