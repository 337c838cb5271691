import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { bodies, meetingSeries, meetings } from "../../db/schema";
import type { Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { amsterdamDateAndTime, formatDateTime, instantFromAmsterdam, isTime } from "~/lib/format";
import { change as changeThroughDoor } from "./access/change.server";
import { writeAudit } from "./audit.server";
import { NotFound, RuleError } from "./errors";
import { byManager, requireManager } from "./meetings.server";
import { actorOf } from "./access/viewer";

// A vergaderschema once planned: its meetings stay independent (moving or cancelling one leaves the
// others alone), but the secretariaat can change time and place for all coming meetings of a series at
// once. Meetings whose agenda is already published are never changed silently: the preview names them,
// and each must be ticked to be included (docs/decisions/015).

export type SeriesChange = { startTime: string; endTime: string; location: string };

/** A series as its change and its pages read it. */
function seriesRow(tx: Tx, seriesId: number) {
  return tx
    .select({
      id: meetingSeries.id,
      bodyId: meetingSeries.bodyId,
      bodyName: bodies.name,
      summary: meetingSeries.summary,
      startTime: meetingSeries.startTime,
      endTime: meetingSeries.endTime,
      location: meetingSeries.location,
      version: meetingSeries.version,
    })
    .from(meetingSeries)
    .innerJoin(bodies, eq(bodies.id, meetingSeries.bodyId))
    .where(eq(meetingSeries.id, seriesId))
    .get();
}

function loadSeries(tx: Tx, viewer: Viewer, seriesId: number) {
  const series = seriesRow(tx, seriesId);
  if (!series) throw new NotFound("Dit vergaderschema bestaat niet meer.");
  requireManager(viewer, series.bodyId);
  return series;
}

/** The series' meetings still to come that a change could touch: not cancelled, not yet held. */
function comingMeetings(tx: Tx, seriesId: number, now: number) {
  return tx
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      location: meetings.location,
      status: meetings.status,
      publishedAt: meetings.publishedAt,
      version: meetings.version,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.seriesId, seriesId),
        gt(meetings.startsAt, now),
        inArray(meetings.status, ["concept", "gepubliceerd"]),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
}

/** A body's series with their meetings, for the secretariaat. */
export function listSeries({ viewer, bodyId }: { viewer: Viewer; bodyId: number }) {
  requireManager(viewer, bodyId);
  const db = getDb();
  const series = db
    .select()
    .from(meetingSeries)
    .where(eq(meetingSeries.bodyId, bodyId))
    .orderBy(asc(meetingSeries.id))
    .all();
  const rows = series.length
    ? db
        .select({
          id: meetings.id,
          seriesId: meetings.seriesId,
          startsAt: meetings.startsAt,
          status: meetings.status,
          location: meetings.location,
        })
        .from(meetings)
        .where(
          inArray(
            meetings.seriesId,
            series.map((s) => s.id),
          ),
        )
        .orderBy(asc(meetings.startsAt))
        .all()
    : [];
  return series.map((s) => ({ ...s, meetings: rows.filter((m) => m.seriesId === s.id) }));
}

function checkChange(change: SeriesChange) {
  const errors: Record<string, string[]> = {};
  if (!isTime(change.startTime)) errors.startTime = ["Vul de begintijd in als uren en minuten, bijvoorbeeld 10.00."];
  if (!isTime(change.endTime)) errors.endTime = ["Vul de eindtijd in als uren en minuten, bijvoorbeeld 12.00."];
  else if (change.endTime <= change.startTime) errors.endTime = ["De eindtijd ligt na de begintijd."];
  if (!change.location.trim()) errors.location = ["Vul de plaats in."];
  if (Object.keys(errors).length) throw new RuleError(errors);
}

/** Each coming meeting with what the change would make of it; published ones are flagged. */
function plan(tx: Tx, seriesId: number, change: SeriesChange, now: number) {
  return comingMeetings(tx, seriesId, now).map((meeting) => {
    const { date } = amsterdamDateAndTime(meeting.startsAt);
    const startsAt = instantFromAmsterdam(date, change.startTime);
    const endsAt = instantFromAmsterdam(date, change.endTime);
    const location = change.location.trim();
    return {
      ...meeting,
      date,
      published: meeting.publishedAt !== null,
      next: { startsAt, endsAt, location },
      differs: startsAt !== meeting.startsAt || endsAt !== meeting.endsAt || location !== meeting.location,
    };
  });
}

/**
 * What a change to the series would do: the concept meetings it changes, and the meetings with a
 * published agenda it would touch only when the secretariaat ticks them.
 */
export function previewSeriesChange({
  viewer,
  seriesId,
  change,
  now = Date.now(),
}: {
  viewer: Viewer;
  seriesId: number;
  change: SeriesChange;
  now?: number;
}) {
  checkChange(change);
  const db = getDb();
  const series = loadSeries(db, viewer, seriesId);
  const planned = plan(db, seriesId, change, now).filter((m) => m.differs);
  return {
    series,
    concept: planned.filter((m) => !m.published),
    published: planned.filter((m) => m.published),
  };
}

/**
 * Changes time and place for the series' coming meetings: every concept meeting, and of the
 * meetings with a published agenda only those listed in `includePublished`. A published meeting that
 * gets a new time records where it came from, as a move does.
 */
export function changeSeries({
  viewer,
  seriesId,
  expectedVersion,
  change,
  includePublished,
  now = Date.now(),
}: {
  viewer: Viewer;
  seriesId: number;
  expectedVersion: number;
  change: SeriesChange;
  includePublished: number[];
  now?: number;
}) {
  return changeThroughDoor({
    viewer,
    now,
    load: () => seriesRow(getDb(), seriesId),
    missing: "Dit vergaderschema bestaat niet meer.",
    allow: byManager("Alleen het secretariaat van dit gremium wijzigt het vergaderschema."),
    expectedVersion,
    check: () => checkChange(change),
    write: (tx, series, signedIn) => {
      const changed: number[] = [];
      const leftAlone: number[] = [];
      for (const meeting of plan(tx, seriesId, change, now)) {
        if (!meeting.differs) continue;
        if (meeting.published && !includePublished.includes(meeting.id)) {
          leftAlone.push(meeting.id);
          continue;
        }
        const moved = meeting.next.startsAt !== meeting.startsAt;
        tx.update(meetings)
          .set({
            ...meeting.next,
            ...(meeting.published && moved ? { previousStartsAt: meeting.startsAt } : {}),
            version: meeting.version + 1,
            updatedAt: now,
          })
          .where(eq(meetings.id, meeting.id))
          .run();
        // Each meeting is logged as changed, as if changed alone; the series change is logged below.
        writeAudit(tx, {
          actorUserId: actorOf(signedIn),
          action: meeting.published ? "meeting.move" : "meeting.update",
          entityType: "meeting",
          entityId: meeting.id,
          summary: `Vergadering via het vergaderschema gewijzigd naar ${formatDateTime(meeting.next.startsAt)}, ${meeting.next.location}: ${series.bodyName}, ${formatDateTime(meeting.startsAt)}`,
          before: { startsAt: meeting.startsAt, endsAt: meeting.endsAt, location: meeting.location },
          after: meeting.next,
        });
        changed.push(meeting.id);
      }
      tx.update(meetingSeries)
        .set({ ...change, location: change.location.trim() })
        .where(eq(meetingSeries.id, seriesId))
        .run();
      return { changed, leftAlone };
    },
    touch: { table: meetingSeries, id: () => seriesId },
    audit: (series, { changed, leftAlone }) => ({
      action: "meeting-series.change",
      entityType: "body",
      entityId: series.bodyId,
      summary: `Vergaderschema ‘${series.summary}’ gewijzigd: ${changed.length} vergaderingen aangepast, ${leftAlone.length} met gepubliceerde agenda ongemoeid`,
      before: { startTime: series.startTime, endTime: series.endTime, location: series.location },
      after: { ...change, changed, leftAlone },
    }),
  });
}
