import { and, asc, desc, eq, gte, isNull, lt, ne, or, sql } from "drizzle-orm";
import { actionReviews, actionUpdates, actions, decisionLists, meetings, organisations, people } from "../../db/schema";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { amsterdamDateAndTime, formatDate, todayIso } from "~/lib/format";
import type { ActionReviewResult } from "~/lib/vocabulary";
import { change } from "./access/change.server";
import { seesInside } from "./access/grants";
import {
  actionRowsQuery,
  actionSteps,
  presentAction,
  requireDueFrom,
  runningAction,
  stepAction,
} from "./actions.server";
import { RuleError } from "./errors";
import { byManager, getMeeting, meetingForChange, requireOpenMeeting } from "./meetings.server";

/**
 * A meeting's actielijst, for members of the body: the snapshot of what the meeting decided about
 * each action (once processed), and the body's running actions that carried over to it.
 */
export function getMeetingActionList({
  viewer,
  meetingId,
  now = Date.now(),
}: {
  viewer: Viewer;
  meetingId: number;
  now?: number;
}) {
  const meeting = getMeeting({ viewer, id: meetingId });
  if (!meeting || !meeting.seesConfidential) return null;
  const db = getDb();
  const reviews = db
    .select({
      actionId: actionReviews.actionId,
      description: actionReviews.description,
      ownerName: actionReviews.ownerName,
      organisationName: actionReviews.organisationName,
      statusBefore: actionReviews.statusBefore,
      dueOnBefore: actionReviews.dueOnBefore,
      lastUpdateNote: actionReviews.lastUpdateNote,
      result: actionReviews.result,
      newDueOn: actionReviews.newDueOn,
      note: actionReviews.note,
    })
    .from(actionReviews)
    .where(eq(actionReviews.meetingId, meetingId))
    .orderBy(asc(actionReviews.id))
    .all();
  const today = todayIso(now);
  // New toezeggingen of this very meeting are on its besluitenlijst; the actielijst carries the earlier ones.
  const running = actionRowsQuery(viewer)
    .where(
      and(
        eq(actions.bodyId, meeting.bodyId),
        runningAction,
        or(isNull(actions.meetingId), ne(actions.meetingId, meetingId)),
        // An action that arose after the meeting was never on its list (history entered later).
        lt(actions.createdAt, meeting.endsAt),
      ),
    )
    .orderBy(asc(actions.dueOn), asc(actions.id))
    .all()
    .map((row) => presentAction(row, today));
  const list = db.select().from(decisionLists).where(eq(decisionLists.meetingId, meetingId)).get();
  const canProcess =
    meeting.canManage &&
    (meeting.status === "gepubliceerd" || meeting.status === "vergaderd") &&
    list?.status !== "vastgesteld";
  return { meeting, reviews, running, canProcess };
}

export type ActionListEntry = {
  actionId: number;
  expectedVersion: number;
  result: ActionReviewResult;
  dueOn: string | null;
  note: string;
};

/**
 * The secretariaat processes the actielijst in one pass: each action is afgedaan, vervallen or
 * loopt door (perhaps to a new date). The meeting keeps a snapshot of the list as discussed;
 * processing again updates that snapshot for the actions that still run.
 */
export function processActionList({
  viewer,
  meetingId,
  entries,
  now = Date.now(),
}: {
  viewer: Viewer;
  meetingId: number;
  entries: ActionListEntry[];
  now?: number;
}) {
  return change({
    viewer,
    now,
    load: () => meetingForChange(getDb(), meetingId),
    missing: "Deze vergadering bestaat niet meer.",
    allow: byManager(),
    check: (meeting, tx) => {
      requireOpenMeeting(meeting);
      if (meeting.status === "concept")
        throw new RuleError({
          "": ["Publiceer eerst de agenda; de actielijst verwerkt u tijdens of na de vergadering."],
        });
      const list = tx.select().from(decisionLists).where(eq(decisionLists.meetingId, meetingId)).get();
      if (list?.status === "vastgesteld")
        throw new RuleError({
          "": ["De besluitenlijst is vastgesteld; de actielijst van deze vergadering ligt vast."],
        });
      const errors: Record<string, string[]> = {};
      // A new term is set at the meeting: from its day on, also when the list is entered afterwards.
      const meetingDay = todayIso(Math.min(now, meeting.startsAt));
      for (const entry of entries) {
        if (entry.result === "vervallen" && !entry.note.trim())
          errors[`note-${entry.actionId}`] = ["Schrijf waarom de actie vervalt."];
        if (entry.result === "loopt_door" && entry.dueOn) {
          try {
            requireDueFrom(entry.dueOn, meetingDay, {
              field: `dueOn-${entry.actionId}`,
              today: meeting.startsAt >= now,
            });
          } catch (error) {
            Object.assign(errors, (error as RuleError).fieldErrors);
          }
        }
      }
      if (Object.keys(errors).length > 0)
        throw new RuleError({
          "": ["Niet alle acties konden worden verwerkt; zie de meldingen bij de acties."],
          ...errors,
        });
    },
    write: (tx, meeting) => {
      const date = formatDate(amsterdamDateAndTime(meeting.startsAt).date);
      const counts = { afgedaan: 0, vervallen: 0, loopt_door: 0 };
      for (const entry of entries) {
        // The note last written before this meeting, for the snapshot; read before the step adds one.
        const lastNote = tx
          .select({ note: actionUpdates.note })
          .from(actionUpdates)
          .where(and(eq(actionUpdates.actionId, entry.actionId), ne(actionUpdates.note, "")))
          .orderBy(desc(actionUpdates.createdAt), desc(actionUpdates.id))
          .limit(1)
          .get();
        const before = tx.select().from(actions).where(eq(actions.id, entry.actionId)).get();
        const extends_ =
          entry.result === "loopt_door" && entry.dueOn !== null && entry.dueOn !== (before?.dueOn ?? null);
        // What the meeting decided happened at the meeting, whenever it is typed in.
        const decidedAt = Math.max(Math.min(now, meeting.startsAt), before?.createdAt ?? 0);
        const options = { now: decidedAt, writtenAt: now, meetingId, note: entry.note.trim() };
        const [step, stepOptions] =
          entry.result === "afgedaan"
            ? [actionSteps.complete, { ...options, note: options.note || `Afgedaan in de vergadering van ${date}.` }]
            : entry.result === "vervallen"
              ? [actionSteps.drop, { ...options, note: entry.note }]
              : extends_
                ? [actionSteps.extend, { ...options, dueOn: entry.dueOn!, field: `dueOn-${entry.actionId}` }]
                : // The log line names the meeting; a note is only kept when the meeting added something.
                  [actionSteps.discuss, options];
        stepAction({
          viewer,
          id: entry.actionId,
          expectedVersion: entry.expectedVersion,
          step,
          options: stepOptions,
          byManagerOnly: true,
          bodyId: meeting.bodyId,
          tx,
        });
        // The step passed the door, so the action exists and is this body's.
        const action = before!;
        const owner = action.ownerPersonId
          ? tx.select({ name: people.name }).from(people).where(eq(people.id, action.ownerPersonId)).get()
          : undefined;
        const organisation = action.organisationId
          ? tx
              .select({ name: organisations.name })
              .from(organisations)
              .where(eq(organisations.id, action.organisationId))
              .get()
          : undefined;
        const snapshot = {
          description: action.description,
          ownerName: owner?.name ?? null,
          organisationName: organisation?.name ?? null,
          statusBefore: action.status,
          dueOnBefore: action.dueOn,
          lastUpdateNote: lastNote?.note ?? null,
          result: entry.result,
          newDueOn: extends_ ? entry.dueOn : null,
          note: entry.note.trim(),
        };
        tx.insert(actionReviews)
          .values({ meetingId, actionId: action.id, ...snapshot, createdAt: now })
          .onConflictDoUpdate({ target: [actionReviews.meetingId, actionReviews.actionId], set: snapshot })
          .run();
        counts[entry.result] += 1;
      }
      return { counts, date };
    },
    audit: (meeting, { counts, date }) => ({
      action: "action-list.process",
      entityType: "meeting",
      entityId: meetingId,
      summary: `Actielijst verwerkt — ${meeting.bodyName}, ${date}: ${counts.afgedaan} afgedaan, ${counts.vervallen} vervallen, ${counts.loopt_door} loopt door`,
      after: counts,
    }),
  }).counts;
}

/** The body's meetings whose actielijst was processed, newest first; for members of the body. */
export function listProcessedActionLists({ viewer, bodyId }: { viewer: Viewer; bodyId: number }) {
  if (!seesInside(viewer, bodyId)) return [];
  return getDb()
    .select({
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      discussed: sql<number>`count(*)`.mapWith(Number),
      closed: sql<number>`sum(case when ${actionReviews.result} <> 'loopt_door' then 1 else 0 end)`.mapWith(Number),
    })
    .from(actionReviews)
    .innerJoin(meetings, eq(meetings.id, actionReviews.meetingId))
    .where(eq(meetings.bodyId, bodyId))
    .groupBy(meetings.id)
    .orderBy(desc(meetings.startsAt))
    .all();
}

/**
 * The counts beside the actielijst on a meeting's agenda, as that meeting saw them: the snapshot once
 * its list was processed; for a past meeting not (yet) processed, the actions that ran on its day; for a
 * coming meeting, those running now. Never today's counts on a meeting of the past.
 */
export function countMeetingActions({
  viewer,
  meeting,
  now = Date.now(),
}: {
  viewer: Viewer;
  meeting: { id: number; bodyId: number; startsAt: number; endsAt: number };
  now?: number;
}) {
  if (!seesInside(viewer, meeting.bodyId)) return null;
  const meetingDay = amsterdamDateAndTime(meeting.startsAt).date;
  const reviews = getDb()
    .select({ statusBefore: actionReviews.statusBefore, dueOnBefore: actionReviews.dueOnBefore })
    .from(actionReviews)
    .where(eq(actionReviews.meetingId, meeting.id))
    .all();
  if (reviews.length > 0)
    return {
      running: reviews.length,
      overdue: reviews.filter((r) => r.dueOnBefore !== null && r.dueOnBefore < meetingDay).length,
    };
  const past = meeting.endsAt <= now;
  const notOwn = or(isNull(actions.meetingId), ne(actions.meetingId, meeting.id));
  const rows = actionRowsQuery(viewer)
    .where(
      past
        ? and(
            eq(actions.bodyId, meeting.bodyId),
            notOwn,
            lt(actions.createdAt, meeting.startsAt),
            or(isNull(actions.closedAt), gte(actions.closedAt, meeting.startsAt)),
          )
        : and(eq(actions.bodyId, meeting.bodyId), notOwn, runningAction),
    )
    .all();
  const day = past ? meetingDay : todayIso(now);
  return { running: rows.length, overdue: rows.filter((r) => r.dueOn !== null && r.dueOn < day).length };
}
