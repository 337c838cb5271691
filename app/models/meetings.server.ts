import { dateWarnings } from "~/lib/calendar-days";
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNotNull, lt, ne, sql, type SQL } from "drizzle-orm";
import {
  agendaItems,
  agendaTemplateItems,
  bodies,
  decisionLists,
  meetingInvitees,
  meetingSeries,
  meetings,
  memberships,
  people,
} from "../../db/schema";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { groupBySection } from "~/lib/agenda-numbering";
import { getDb, type Tx } from "~/lib/db.server";
import { amsterdamDateAndTime, formatDate, formatDateTime, instantFromAmsterdam, todayIso } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown.server";
import type { AgendaSection, MeetingStatus } from "~/lib/vocabulary";
import { change } from "./access/change.server";
import { managesBody, ownBodyIds, seesInside } from "./access/grants";
import { visibleItems, visibleMeetings } from "./access/scopes.server";
import { writeAudit } from "./audit.server";
import { requireBodyActiveOn } from "./body-period.server";
import { Forbidden, RuleError } from "./errors";
import { membershipCurrentOn } from "./memberships.server";
import { actorOf } from "./access/viewer";

const listColumns = (scope: ReturnType<typeof visibleMeetings>) => ({
  id: meetings.id,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  previousStartsAt: meetings.previousStartsAt,
  location: meetings.location,
  status: meetings.status,
  isPublic: scope.isPublic,
  bodyId: bodies.id,
  bodyName: bodies.name,
  bodySlug: bodies.slug,
});

/**
 * Meetings the viewer may see, upcoming first then past (newest first). Optional filters: a body,
 * a calendar year.
 */
export function listMeetings({
  viewer,
  bodyId,
  year,
  now = Date.now(),
}: {
  viewer: Viewer;
  bodyId?: number;
  year?: number;
  now?: number;
}) {
  const yearRange = year
    ? and(
        gte(meetings.startsAt, instantFromAmsterdam(`${year}-01-01`, "00:00")),
        lt(meetings.startsAt, instantFromAmsterdam(`${year + 1}-01-01`, "00:00")),
      )
    : undefined;
  const where = and(bodyId ? eq(meetings.bodyId, bodyId) : undefined, yearRange);
  const db = getDb();
  const scope = visibleMeetings(viewer);
  const upcoming = db
    .select(listColumns(scope))
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(where, gte(meetings.endsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .all();
  const past = db
    .select(listColumns(scope))
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(where, lt(meetings.endsAt, now)))
    .orderBy(desc(meetings.startsAt))
    .all();
  return { upcoming, past };
}

/** The next few meetings the viewer may see, for the home page. */
export function listUpcomingMeetings({
  viewer,
  limit = 5,
  now = Date.now(),
}: {
  viewer: Viewer;
  limit?: number;
  now?: number;
}) {
  const scope = visibleMeetings(viewer);
  return getDb()
    .select(listColumns(scope))
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(gte(meetings.endsAt, now), sql`${meetings.status} != 'geannuleerd'`))
    .orderBy(asc(meetings.startsAt))
    .limit(limit)
    .all();
}

/**
 * Published meetings for a calendar: what the viewer may see, optionally of one body, or only of
 * the bodies the viewer belongs to (the personal feed). Concepts never appear.
 */
export function listMeetingsForCalendar({
  viewer,
  bodyId,
  ownBodiesOnly = false,
}: {
  viewer: Viewer;
  bodyId?: number;
  ownBodiesOnly?: boolean;
}) {
  const own = ownBodyIds(viewer);
  if (ownBodiesOnly && own.length === 0) return [];
  const scope = visibleMeetings(viewer);
  return getDb()
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      location: meetings.location,
      status: meetings.status,
      version: meetings.version,
      updatedAt: meetings.updatedAt,
      bodyName: bodies.name,
    })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        isNotNull(meetings.publishedAt),
        bodyId ? eq(meetings.bodyId, bodyId) : undefined,
        ownBodiesOnly ? inArray(meetings.bodyId, [...own]) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
}

/** The years (in Amsterdam) in which the viewer can see meetings, for the year filter. */
export function listMeetingYears({ viewer }: { viewer: Viewer }) {
  // New Year in Amsterdam always falls in winter time (UTC+1), so the year of an instant one hour
  // later in UTC is its year in Amsterdam: SQLite can answer without converting every meeting.
  const year = sql<number>`cast(strftime('%Y', ${meetings.startsAt} / 1000 + 3600, 'unixepoch') as integer)`;
  const scope = visibleMeetings(viewer);
  return getDb()
    .selectDistinct({ year })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .orderBy(desc(year))
    .all()
    .map((row) => row.year);
}

/**
 * One meeting with its agenda as the viewer may see it; null when it does not exist or is hidden from
 * them. `asPublic` shows it as an anonymous visitor would (the preview before publishing). Besloten
 * items keep their number; their content is not even read for a viewer who may not see it.
 */
export function getMeeting({ viewer, id, asPublic = false }: { viewer: Viewer; id: number; asPublic?: boolean }) {
  const db = getDb();
  const scope = visibleMeetings(viewer);
  const meeting = db
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      previousStartsAt: meetings.previousStartsAt,
      location: meetings.location,
      chairName: meetings.chairName,
      secretaryName: meetings.secretaryName,
      inviteesNote: meetings.inviteesNote,
      isPublic: scope.isPublic,
      registrationNumber: meetings.registrationNumber,
      status: meetings.status,
      publishedAt: meetings.publishedAt,
      recordedAfterwardsAt: meetings.recordedAfterwardsAt,
      cancelledAt: meetings.cancelledAt,
      cancellationReason: meetings.cancellationReason,
      version: meetings.version,
      bodyName: bodies.name,
      bodySlug: bodies.slug,
      bodyWooFooting: bodies.wooFooting,
    })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.id, id))
    .get();
  if (!meeting) return null;
  const reader = asPublic ? null : viewer;
  const items = visibleItems(viewer, reader);
  const whenVisible = <T>(column: T) => sql`case when ${items.contentVisible} then ${column} end`;
  const rows = db
    .select({
      id: agendaItems.id,
      section: agendaItems.section,
      position: agendaItems.position,
      isConfidential: items.confidential,
      subject: whenVisible(agendaItems.subject) as SQL<string | null>,
      proposalHtml: whenVisible(agendaItems.proposalHtml) as SQL<string | null>,
      presenter: whenVisible(agendaItems.presenter) as SQL<string | null>,
      plannedMinutes: agendaItems.plannedMinutes,
      changedAfterPublishAt: agendaItems.changedAfterPublishAt,
      adoptsMeetingId: agendaItems.adoptsMeetingId,
      version: agendaItems.version,
    })
    .from(agendaItems)
    .innerJoin(items, eq(items.id, agendaItems.id))
    .where(eq(agendaItems.meetingId, id))
    .all();
  const invitees = reader
    ? db
        .select({ id: people.id, name: people.name })
        .from(meetingInvitees)
        .innerJoin(people, eq(people.id, meetingInvitees.personId))
        .where(eq(meetingInvitees.meetingId, id))
        .orderBy(asc(people.name))
        .all()
    : [];
  return {
    ...meeting,
    canManage: !asPublic && managesBody(viewer, meeting.bodyId),
    seesConfidential: seesInside(reader, meeting.bodyId),
    sections: groupBySection(rows),
    changedItems: rows.filter((item) => item.changedAfterPublishAt !== null),
    invitees,
  };
}

export type MeetingInput = {
  bodyId: number;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  chairName?: string | null;
  secretaryName?: string | null;
  inviteesNote?: string | null;
  isPublic: boolean;
  registrationNumber?: string | null;
};

function toRow(input: MeetingInput) {
  const startsAt = instantFromAmsterdam(input.date, input.startTime);
  const endsAt = instantFromAmsterdam(input.date, input.endTime);
  if (endsAt <= startsAt) throw new RuleError({ endTime: ["De eindtijd moet na de begintijd liggen."] });
  return {
    bodyId: input.bodyId,
    startsAt,
    endsAt,
    location: input.location,
    chairName: input.chairName || null,
    secretaryName: input.secretaryName || null,
    inviteesNote: input.inviteesNote || null,
    isPublic: input.isPublic,
    registrationNumber: input.registrationNumber || null,
  };
}

/**
 * The earlier meeting whose besluitenlijst a new meeting of the body should adopt: the latest
 * earlier meeting that was not cancelled and whose list is not yet vastgesteld, unless another
 * meeting's agenda already carries it.
 */
export function findListToAdopt(tx: Tx, { bodyId, startsAt }: { bodyId: number; startsAt: number }) {
  const previous = tx
    .select({ id: meetings.id, startsAt: meetings.startsAt, status: decisionLists.status })
    .from(meetings)
    .leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
    .where(and(eq(meetings.bodyId, bodyId), lt(meetings.startsAt, startsAt), ne(meetings.status, "geannuleerd")))
    .orderBy(desc(meetings.startsAt))
    .limit(1)
    .get();
  if (!previous || previous.status === "vastgesteld") return null;
  const carried = tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.adoptsMeetingId, previous.id), ne(meetings.status, "geannuleerd")))
    .get();
  return carried ? null : previous;
}

/** The subject of the hamerstuk that adopts a list, e.g. "Besluitenlijst Stuurgroep ZVS 17 september 2026". */
export function adoptionSubject(body: { name: string; shortName: string | null }, startsAt: number) {
  return `Besluitenlijst ${body.shortName ?? body.name} ${formatDate(amsterdamDateAndTime(startsAt).date)}`;
}

/** The standing items a body's new meeting starts from when the body has no template of its own. */
export const defaultTemplate: { section: AgendaSection; subject: string; proposalMarkdown: string }[] = [
  { section: "opening", subject: "Opening", proposalMarkdown: "" },
  { section: "opening", subject: "Vaststellen agenda", proposalMarkdown: "" },
  { section: "opening", subject: "Mededelingen", proposalMarkdown: "" },
  { section: "A", subject: "Besluitenlijst vorige vergadering", proposalMarkdown: "1. Vast te stellen." },
  {
    section: "A",
    subject: "Actielijst",
    proposalMarkdown: "1. Kennis te nemen van de voortgang en afgeronde acties af te voeren.",
  },
  { section: "D", subject: "Rondvraag en sluiting", proposalMarkdown: "" },
];

/** The body's template of standing items, or the default one. */
export function templateFor(tx: Tx, bodyId: number) {
  const own = tx
    .select({
      section: agendaTemplateItems.section,
      subject: agendaTemplateItems.subject,
      proposalMarkdown: agendaTemplateItems.proposalMarkdown,
      position: agendaTemplateItems.position,
    })
    .from(agendaTemplateItems)
    .where(eq(agendaTemplateItems.bodyId, bodyId))
    .orderBy(asc(agendaTemplateItems.position))
    .all();
  return own.length > 0 ? own : defaultTemplate;
}

const MANAGER_ONLY = "Alleen het secretariaat van dit gremium kan de vergaderingen voorbereiden.";

/** Refuses unless the viewer prepares this body's meetings (for what only the secretariaat reads). */
export function requireManager(viewer: Viewer, bodyId: number): asserts viewer is SignedInViewer {
  if (!managesBody(viewer, bodyId)) throw new Forbidden(MANAGER_ONLY);
}

/** The permission of a change to a meeting or anything on it: the body's secretariaat, or the beheerder. */
export const byManager =
  (refusal = MANAGER_ONLY) =>
  (viewer: Viewer, row: { bodyId: number }) =>
    managesBody(viewer, row.bodyId) || refusal;

/** Defaults for a new meeting of a body: its chair and secretary by name. */
export function getMeetingDefaults({ viewer, bodyId }: { viewer: Viewer; bodyId: number }) {
  requireManager(viewer, bodyId);
  const officers = getDb()
    .select({ role: memberships.role, name: people.name })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        membershipCurrentOn(todayIso()),
        inArray(memberships.role, ["voorzitter", "secretaris"]),
      ),
    )
    .all();
  return {
    chairName: officers.find((o) => o.role === "voorzitter")?.name ?? "",
    secretaryName: officers.find((o) => o.role === "secretaris")?.name ?? "",
  };
}

/** The body a new meeting is planned for, as a change reads it. */
function bodyForPlanning(tx: Tx, bodyId: number) {
  const body = tx
    .select({ bodyId: bodies.id, name: bodies.name, shortName: bodies.shortName })
    .from(bodies)
    .where(eq(bodies.id, bodyId))
    .get();
  return body;
}

/** An item of a meeting's agenda as it is planned (the agenda module's AgendaItemInput). */
export type PlannedItem = {
  section: AgendaSection;
  subject: string;
  proposalMarkdown: string;
  presenter?: string | null;
  plannedMinutes?: number | null;
  isConfidential: boolean;
};

/**
 * Plans a meeting: it starts as a concept with the body's current members as invitees and the
 * body's template of standing items as its agenda, or the agenda given (a past meeting brought in).
 */
export function createMeeting({
  viewer,
  input,
  items,
}: {
  viewer: Viewer;
  input: MeetingInput;
  items?: PlannedItem[];
}) {
  return change({
    viewer,
    load: () => bodyForPlanning(getDb(), input.bodyId),
    missing: "Dit gremium bestaat niet.",
    allow: byManager(),
    check: (body, tx) => requireBodyActiveOn(tx, body.bodyId, [input.date], "date"),
    write: (tx, body) => insertMeeting(tx, input, body, items),
    audit: (body, created) => meetingCreatedEntry(body, created),
  });
}

function meetingCreatedEntry(
  body: { name: string },
  created: { id: number; row: ReturnType<typeof toRow>; invitees: number },
) {
  return {
    action: "meeting.create",
    entityType: "meeting",
    entityId: created.id,
    summary: `Vergadering ${body.name} van ${formatDateTime(created.row.startsAt)} gepland`,
    after: { ...created.row, invitees: created.invitees },
  };
}

/** Plans one meeting inside the caller's transaction: invitees from the members, the body's template. */
function insertMeeting(
  tx: Tx,
  input: MeetingInput,
  body: { name: string; shortName: string | null },
  agenda?: PlannedItem[],
) {
  const row = toRow(input);
  const meeting = tx.insert(meetings).values(row).returning({ id: meetings.id }).get();
  const members = tx
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.bodyId, input.bodyId), membershipCurrentOn(input.date)))
    .all();
  if (members.length > 0) {
    tx.insert(meetingInvitees)
      .values(members.map((m) => ({ meetingId: meeting.id, personId: m.personId })))
      .run();
  }
  const positions = new Map<AgendaSection, number>();
  const toAdopt = findListToAdopt(tx, { bodyId: input.bodyId, startsAt: row.startsAt });
  const planned: PlannedItem[] = agenda ?? templateFor(tx, input.bodyId).map((t) => ({ ...t, isConfidential: false }));
  for (const template of planned) {
    // The standing "besluitenlijst" item becomes the hamerstuk that adopts the earlier meeting's list
    // (a given agenda keeps its own wording).
    const adopts =
      toAdopt && template.section === "A" && /^besluitenlijst/i.test(template.subject) && !positions.has("A");
    const item =
      adopts && !agenda
        ? { ...template, subject: adoptionSubject(body, toAdopt.startsAt), proposalMarkdown: "1. Vast te stellen." }
        : template;
    const position = (positions.get(item.section) ?? 0) + 1;
    positions.set(item.section, position);
    tx.insert(agendaItems)
      .values({
        meetingId: meeting.id,
        section: item.section,
        position,
        subject: item.subject,
        proposalMarkdown: item.proposalMarkdown,
        proposalHtml: renderMarkdown(item.proposalMarkdown),
        presenter: item.presenter || null,
        plannedMinutes: item.plannedMinutes ?? null,
        isConfidential: item.isConfidential,
        adoptsMeetingId: adopts ? toAdopt.id : null,
      })
      .run();
  }
  return { id: meeting.id, row, invitees: members.length };
}

export type SeriesProposal = {
  date: string;
  clashes: { bodyName: string; startsAt: number; sharedPeople: number }[];
  /** A date in the past, on a weekend or a holiday: shown in the preview, which is the confirmation. */
  warnings: string[];
};

/**
 * The meetings a series would create, each with the meetings of other bodies at an overlapping time
 * that share invitees with this body (a clash for those people).
 */
export function previewMeetingSeries({
  viewer,
  bodyId,
  dates,
  startTime,
  endTime,
}: {
  viewer: Viewer;
  bodyId: number;
  dates: string[];
  startTime: string;
  endTime: string;
}): SeriesProposal[] {
  requireManager(viewer, bodyId);
  const db = getDb();
  return dates.map((date) => {
    const startsAt = instantFromAmsterdam(date, startTime);
    const endsAt = instantFromAmsterdam(date, endTime);
    const members = db
      .selectDistinct({ personId: memberships.personId })
      .from(memberships)
      .where(and(eq(memberships.bodyId, bodyId), membershipCurrentOn(date)))
      .all()
      .map((m) => m.personId);
    // Only meetings the secretariaat may see: a clash must not reveal another body's closed meeting.
    const scope = visibleMeetings(viewer);
    const overlapping = db
      .select({ id: meetings.id, bodyName: bodies.name, startsAt: meetings.startsAt })
      .from(meetings)
      .innerJoin(scope, eq(scope.id, meetings.id))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(
        and(lt(meetings.startsAt, endsAt), sql`${meetings.endsAt} > ${startsAt}`, ne(meetings.status, "geannuleerd")),
      )
      .all();
    const clashes = overlapping
      .map((other) => {
        const shared = members.length
          ? db
              .select({ n: sql<number>`count(*)` })
              .from(meetingInvitees)
              .where(and(eq(meetingInvitees.meetingId, other.id), inArray(meetingInvitees.personId, members)))
              .get()!.n
          : 0;
        return { bodyName: other.bodyName, startsAt: other.startsAt, sharedPeople: shared };
      })
      .filter((c) => c.sharedPeople > 0);
    return { date, clashes, warnings: dateWarnings(date, todayIso()) };
  });
}

/**
 * Plans a body's meetings for a period in one go, each from the body's template, all or none. Every
 * meeting is independent afterwards: moving or cancelling one leaves the others alone.
 */
export function createMeetingSeries({
  viewer,
  bodyId,
  dates,
  startTime,
  endTime,
  location,
  isPublic,
  chairName = null,
  secretaryName = null,
  summary = "op gekozen datums",
}: {
  viewer: Viewer;
  bodyId: number;
  dates: string[];
  startTime: string;
  endTime: string;
  location: string;
  isPublic: boolean;
  chairName?: string | null;
  secretaryName?: string | null;
  /** How the dates were chosen, in words, for the list of series. */
  summary?: string;
}) {
  if (endTime <= startTime) throw new RuleError({ endTime: ["De eindtijd ligt na de begintijd."] });
  if (dates.length === 0) throw new RuleError({ dates: ["Er zijn geen datums om te plannen."] });
  if (dates.length > 60) throw new RuleError({ dates: ["Plan hooguit 60 vergaderingen tegelijk."] });
  const unique = [...new Set(dates)].sort();
  return change({
    viewer,
    load: () => bodyForPlanning(getDb(), bodyId),
    missing: "Dit gremium bestaat niet.",
    allow: byManager(),
    check: (body, tx) => requireBodyActiveOn(tx, body.bodyId, unique, "date"),
    write: (tx, body, signedIn) => {
      const series = tx
        .insert(meetingSeries)
        .values({ bodyId, summary, startTime, endTime, location })
        .returning({ id: meetingSeries.id })
        .get();
      return unique.map((date) => {
        const created = insertMeeting(
          tx,
          { bodyId, date, startTime, endTime, location, isPublic, chairName, secretaryName },
          body,
        );
        tx.update(meetings).set({ seriesId: series.id }).where(eq(meetings.id, created.id)).run();
        // Each meeting is logged as planned, as if planned alone; the series is logged below.
        writeAudit(tx, { ...meetingCreatedEntry(body, created), actorUserId: actorOf(signedIn) });
        return { id: created.id, seriesId: series.id };
      });
    },
    audit: (_body, created) => ({
      action: "meeting.series",
      entityType: "body",
      entityId: bodyId,
      summary: `${created.length} vergaderingen in één keer gepland`,
      after: { seriesId: created[0]?.seriesId, summary, dates, startTime, endTime, location, isPublic },
    }),
  }).map((created) => created.id);
}

/** A meeting as a change to it, or to anything on its agenda, reads it. */
export function meetingForChange(tx: Tx, id: number) {
  const {
    createdAt: _c,
    updatedAt: _u,
    cancelledAt: _a,
    cancellationReason: _r,
    ...columns
  } = getTableColumns(meetings);
  return tx
    .select({ ...columns, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.id, id))
    .get();
}

export type MeetingForChange = NonNullable<ReturnType<typeof meetingForChange>>;

/**
 * A meeting entered as history: recorded as held afterwards, or still being prepared after it took place.
 * What is added to it carries the meeting's date, and its agenda is not "changed after publication".
 */
export function isEnteredAfterwards(
  meeting: { status: MeetingStatus; endsAt: number; recordedAfterwardsAt: number | null },
  now = Date.now(),
) {
  return meeting.recordedAfterwardsAt !== null || (meeting.status === "concept" && meeting.endsAt <= now);
}

/** When something added to a meeting happened: the meeting's start for history, else now. */
export function momentForMeeting(
  meeting: { status: MeetingStatus; startsAt: number; endsAt: number; recordedAfterwardsAt: number | null },
  now = Date.now(),
) {
  return isEnteredAfterwards(meeting, now) ? Math.min(now, meeting.startsAt) : now;
}

/** A cancelled meeting keeps its agenda as it was. */
export function requireOpenMeeting(meeting: { status: MeetingStatus }) {
  if (meeting.status === "geannuleerd")
    throw new RuleError({ "": ["De vergadering is geannuleerd; de agenda kan niet meer worden gewijzigd."] });
}

/** A change of the meeting itself, through the one door: the secretariaat, the expected version, logged. */
function changeMeeting({
  viewer,
  id,
  expectedVersion,
  now,
  check,
  set,
  action,
  summary,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  now?: number;
  check: (current: MeetingForChange) => void;
  set: (current: MeetingForChange) => Partial<typeof meetings.$inferInsert>;
  action: string;
  summary: (current: MeetingForChange, set: Partial<typeof meetings.$inferInsert>) => string;
}) {
  change({
    viewer,
    load: () => meetingForChange(getDb(), id),
    missing: "Deze vergadering bestaat niet meer.",
    allow: byManager(),
    expectedVersion,
    check,
    write: (tx, current) => {
      const values = set(current);
      tx.update(meetings).set(values).where(eq(meetings.id, id)).run();
      return values;
    },
    touch: { table: meetings, id: () => id },
    audit: (current, values) => ({
      action,
      entityType: "meeting",
      entityId: id,
      summary: summary(current, values),
      before: { status: current.status },
      after: { status: values.status ?? current.status, ...values },
    }),
    now,
  });
}

const when = (current: { bodyName: string; startsAt: number }) =>
  `${current.bodyName}, ${formatDateTime(current.startsAt)}`;

/** Edits a meeting's details. Once the agenda is published, a new date goes through moveMeeting. */
export function updateMeeting({
  viewer,
  id,
  expectedVersion,
  input,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: Omit<MeetingInput, "bodyId">;
}) {
  changeMeeting({
    viewer,
    id,
    expectedVersion,
    check: (current) => {
      const row = toRow({ ...input, bodyId: current.bodyId });
      if (current.status !== "concept" && (row.startsAt !== current.startsAt || row.endsAt !== current.endsAt))
        throw new RuleError({ date: ["De agenda is al gepubliceerd: verplaats de vergadering met ‘Verplaatsen’."] });
      if (current.status === "geannuleerd")
        throw new RuleError({ "": ["Een geannuleerde vergadering kan niet meer worden gewijzigd."] });
      requireBodyActiveOn(getDb(), current.bodyId, [input.date], "date");
    },
    set: (current) => {
      const { bodyId: _bodyId, ...values } = toRow({ ...input, bodyId: current.bodyId });
      return values;
    },
    action: "meeting.update",
    summary: (current, values) =>
      `Gegevens van vergadering ${current.bodyName} van ${formatDateTime(values.startsAt!)} gewijzigd`,
  });
}

/** Concept → gepubliceerd: the agenda becomes visible (to everyone for a public meeting). */
export function publishAgenda({
  viewer,
  id,
  expectedVersion,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  now?: number;
}) {
  changeMeeting({
    viewer,
    id,
    expectedVersion,
    now,
    check: (current) => {
      if (current.status !== "concept") throw new RuleError({ "": ["Deze agenda is al gepubliceerd."] });
    },
    // Publishing a meeting that is already over is entering history: it is recorded as such (and mails nobody).
    set: (current) => (current.endsAt <= now ? heldAfterwards(now) : { status: "gepubliceerd", publishedAt: now }),
    action: "meeting.publish",
    summary: (current, values) =>
      values.recordedAfterwardsAt ? heldAfterwardsSummary(current) : `Agenda gepubliceerd: ${when(current)}`,
  });
}

const heldAfterwards = (now: number) =>
  ({ status: "gepubliceerd", publishedAt: now, recordedAfterwardsAt: now }) as const;
const heldAfterwardsSummary = (meeting: Parameters<typeof when>[0]) =>
  `Gehouden vergadering achteraf vastgelegd, zonder e-mail: ${when(meeting)}`;

/**
 * Concept → gepubliceerd for a meeting already held, entered afterwards as history: the agenda becomes
 * visible like a published one, but nobody is mailed or invited, and the meeting says it was entered later.
 */
export function recordMeetingAsHeld({
  viewer,
  id,
  expectedVersion,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  now?: number;
}) {
  changeMeeting({
    viewer,
    id,
    expectedVersion,
    now,
    check: (current) => {
      if (current.status !== "concept") throw new RuleError({ "": ["Deze agenda is al gepubliceerd."] });
      if (current.startsAt > now)
        throw new RuleError({
          "": ["Deze vergadering moet nog beginnen: publiceer de agenda, dan krijgen de genodigden hem per e-mail."],
        });
    },
    set: () => heldAfterwards(now),
    action: "meeting.record-held",
    summary: heldAfterwardsSummary,
  });
}

/** Cancels a meeting; it stays visible as "geannuleerd", with the reason. */
export function cancelMeeting({
  viewer,
  id,
  expectedVersion,
  reason,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  reason: string;
  now?: number;
}) {
  changeMeeting({
    viewer,
    id,
    expectedVersion,
    now,
    check: (current) => {
      if (current.status === "geannuleerd") throw new RuleError({ reason: ["Deze vergadering is al geannuleerd."] });
      if (current.status === "vergaderd")
        throw new RuleError({ reason: ["Deze vergadering heeft al plaatsgevonden."] });
    },
    set: () => ({ status: "geannuleerd", cancelledAt: now, cancellationReason: reason }),
    action: "meeting.cancel",
    summary: (current) => `Vergadering geannuleerd: ${when(current)}`,
  });
}

/** Moves a meeting to another date or time; the old date stays visible. */
export function moveMeeting({
  viewer,
  id,
  expectedVersion,
  date,
  startTime,
  endTime,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  date: string;
  startTime: string;
  endTime: string;
}) {
  const startsAt = instantFromAmsterdam(date, startTime);
  const endsAt = instantFromAmsterdam(date, endTime);
  changeMeeting({
    viewer,
    id,
    expectedVersion,
    check: (current) => {
      if (current.status === "geannuleerd" || current.status === "vergaderd")
        throw new RuleError({ date: ["Alleen een geplande vergadering kan worden verplaatst."] });
      if (endsAt <= startsAt) throw new RuleError({ endTime: ["De eindtijd moet na de begintijd liggen."] });
      if (startsAt === current.startsAt && endsAt === current.endsAt)
        throw new RuleError({ date: ["Kies een andere datum of tijd dan de huidige."] });
      requireBodyActiveOn(getDb(), current.bodyId, [date], "date");
    },
    set: (current) => ({ previousStartsAt: current.startsAt, startsAt, endsAt }),
    action: "meeting.move",
    summary: (current) => `Vergadering verplaatst naar ${formatDateTime(startsAt)}: ${when(current)}`,
  });
}

/**
 * Which of these meetings the public sees (their agenda, and their list once adopted), asked of the
 * access layer itself: for the Woo deadlines and the archive's restrictions, which must not decide it again.
 */
export function publicMeetingIds(meetingIds: readonly number[]): Set<number> {
  if (!meetingIds.length) return new Set();
  const scope = visibleMeetings(null);
  return new Set(
    getDb()
      .select({ id: scope.id })
      .from(scope)
      .where(inArray(scope.id, [...meetingIds]))
      .all()
      .map((r) => r.id),
  );
}
