import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import {
  actionReviews,
  actionUpdates,
  actions,
  agendaItems,
  bodies,
  decisions,
  goalLinks,
  meetings,
  organisations,
  people,
} from "../../db/schema";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { addDaysIso, formatDate, instantFromAmsterdam, quarterStartIso, todayIso } from "~/lib/format";
import type { ActionStatusFilter } from "~/lib/action-filters";
import { actionStatusLabels, isRunning, type ActionStatus } from "~/lib/vocabulary";
import { change } from "./access/change.server";
import { managesBody } from "./access/grants";
import { detailedActions, readable, visibleActions, visibleItems } from "./access/scopes.server";
import { isListAdopted } from "./adopted-records.server";
import { writeAudit } from "./audit.server";
import { Forbidden, RuleError } from "./errors";
import { actorOf } from "./access/viewer";

// Who sees an action, in full or without names, is the access layer's rule (visibleActions in
// app/models/access/scopes.server.ts); every read below joins it.

function canManageAction(viewer: Viewer, action: { bodyId: number }) {
  return managesBody(viewer, action.bodyId);
}

function canUpdateAction(viewer: Viewer, action: { bodyId: number; ownerPersonId: number | null }) {
  return (
    viewer !== null &&
    (canManageAction(viewer, action) || (action.ownerPersonId !== null && action.ownerPersonId === viewer.personId))
  );
}

const lastUpdate = sql<
  string | null
>`(select u.note from ${actionUpdates} u where u.action_id = ${actions.id} and u.note <> '' order by u.created_at desc, u.id desc limit 1)`;
const lastUpdateAt = sql<
  number | null
>`(select u.created_at from ${actionUpdates} u where u.action_id = ${actions.id} order by u.created_at desc, u.id desc limit 1)`;

function rowColumns(scope: ReturnType<typeof visibleActions>) {
  return {
    id: actions.id,
    description: actions.description,
    status: actions.status,
    dueOn: actions.dueOn,
    closedAt: actions.closedAt,
    closingNote: actions.closingNote,
    bodyId: actions.bodyId,
    bodyName: bodies.name,
    bodySlug: bodies.slug,
    ownerPersonId: actions.ownerPersonId,
    ownerName: people.name,
    organisationId: actions.organisationId,
    organisationName: organisations.name,
    meetingId: actions.meetingId,
    meetingStartsAt: meetings.startsAt,
    decisionReference: decisions.reference,
    lastUpdate,
    lastUpdateAt,
    createdAt: actions.createdAt,
    version: actions.version,
    isConfidential: scope.confidential,
    detailed: scope.detailed,
  };
}

type RawRow = {
  ownerPersonId: number | null;
  ownerName: string | null;
  closingNote: string | null;
  lastUpdate: string | null;
  lastUpdateAt: number | null;
  detailed: boolean;
  status: ActionStatus;
  dueOn: string | null;
};

/** Strips what only full access may see, and marks overdue actions. */
function present<T extends RawRow>(row: T, today: string) {
  const overdue = isRunning(row.status) && row.dueOn !== null && row.dueOn < today;
  if (row.detailed) return { ...row, overdue };
  return {
    ...row,
    overdue,
    ownerPersonId: null,
    ownerName: null,
    closingNote: null,
    lastUpdate: null,
    lastUpdateAt: null,
  };
}

function baseQuery(viewer: Viewer) {
  const scope = visibleActions(viewer);
  return getDb()
    .select(rowColumns(scope))
    .from(actions)
    .innerJoin(scope, eq(scope.id, actions.id))
    .innerJoin(bodies, eq(bodies.id, actions.bodyId))
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .leftJoin(organisations, eq(organisations.id, actions.organisationId))
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    .leftJoin(decisions, eq(decisions.id, actions.decisionId));
}

export type ActionFilters = {
  /** Actions linked to this objective (opgave, ambitie). */
  objectiveId?: number;
  bodyId?: number;
  ownerPersonId?: number;
  organisationId?: number;
  meetingId?: number;
  status?: ActionStatusFilter;
  overdue?: boolean;
  dueWithinDays?: number;
};

const running = inArray(actions.status, ["open", "in_uitvoering"]);

function filterConditions(viewer: Viewer, filters: ActionFilters, today: string) {
  const status = filters.status ?? "lopend";
  const detailed = detailedActions(viewer);
  return and(
    filters.bodyId ? eq(actions.bodyId, filters.bodyId) : undefined,
    filters.objectiveId
      ? inArray(
          actions.id,
          getDb()
            .select({ id: goalLinks.actionId })
            .from(goalLinks)
            .where(eq(goalLinks.objectiveId, filters.objectiveId)),
        )
      : undefined,
    // Filtering by owner would reveal names on rows shown without them.
    filters.ownerPersonId
      ? and(
          eq(actions.ownerPersonId, filters.ownerPersonId),
          inArray(actions.id, getDb().select({ id: detailed.id }).from(detailed)),
        )
      : undefined,
    filters.organisationId ? eq(actions.organisationId, filters.organisationId) : undefined,
    filters.meetingId ? eq(actions.meetingId, filters.meetingId) : undefined,
    status === "alle" ? undefined : status === "lopend" ? running : eq(actions.status, status),
    filters.overdue ? and(running, lt(actions.dueOn, today)) : undefined,
    filters.dueWithinDays !== undefined
      ? and(running, gte(actions.dueOn, today), lte(actions.dueOn, addDaysIso(today, filters.dueWithinDays)))
      : undefined,
  );
}

const byUrgency = [
  sql`case when ${actions.status} in ('open', 'in_uitvoering') then 0 else 1 end`,
  sql`${actions.dueOn} is null`,
  asc(actions.dueOn),
  asc(actions.id),
];

export const ACTIONS_PAGE_SIZE = 50;

/** The action list: what the viewer may see, filtered, running and most urgent first. */
export function listActions({
  viewer,
  filters = {},
  page = 1,
  pageSize = ACTIONS_PAGE_SIZE,
  now = Date.now(),
}: {
  viewer: Viewer;
  filters?: ActionFilters;
  page?: number;
  /** null: every row, for the export. */
  pageSize?: number | null;
  now?: number;
}) {
  const today = todayIso(now);
  const query = baseQuery(viewer)
    .where(filterConditions(viewer, filters, today))
    .orderBy(...byUrgency)
    .$dynamic();
  const rows =
    pageSize === null
      ? query.all()
      : query
          .limit(pageSize + 1)
          .offset((page - 1) * pageSize)
          .all();
  const shown = pageSize === null ? rows : rows.slice(0, pageSize);
  return {
    actions: shown.map((row) => present(row, today)),
    hasMore: pageSize !== null && rows.length > pageSize,
  };
}

/** The signed-in person's own actions: running ones overdue first, then the recently closed. */
export function listMyActions({ viewer, now = Date.now() }: { viewer: SignedInViewer; now?: number }) {
  const today = todayIso(now);
  const rows = baseQuery(viewer)
    .where(eq(actions.ownerPersonId, viewer.personId))
    .orderBy(...byUrgency)
    .all()
    .map((row) => present(row, today));
  const runningRows = rows.filter((r) => isRunning(r.status));
  return {
    running: [...runningRows.filter((r) => r.overdue), ...runningRows.filter((r) => !r.overdue)],
    closed: rows
      .filter((r) => !isRunning(r.status))
      .sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0))
      .slice(0, 20),
  };
}

/** A body's actielijst: its running actions with the last update, and what was closed lately. */
export function listBodyActions({
  viewer,
  bodyId,
  now = Date.now(),
}: {
  viewer: Viewer;
  bodyId: number;
  now?: number;
}) {
  const today = todayIso(now);
  const visible = eq(actions.bodyId, bodyId);
  const runningRows = baseQuery(viewer)
    .where(and(visible, running))
    .orderBy(...byUrgency)
    .all()
    .map((row) => present(row, today));
  const closed = baseQuery(viewer)
    .where(and(visible, inArray(actions.status, ["afgerond", "vervallen"])))
    .orderBy(desc(actions.closedAt))
    .limit(10)
    .all()
    .map((row) => present(row, today));
  return { running: runningRows, closed };
}

type Tally = { open: number; overdue: number; closedThisQuarter: number };

/**
 * The figures above the action list, from one pass over the visible actions that ran or closed
 * within the last two years:
 * - counts per body and per organisation: running, overdue, and afgerond since the quarter began;
 * - per month over the last two years, how many actions were running at the end of the month and
 *   how many were afgerond during it. An action counts from its origin meeting (or creation).
 */
export function summariseActions({ viewer, now = Date.now() }: { viewer: Viewer; now?: number }) {
  const today = todayIso(now);
  const quarterStart = instantFromAmsterdam(quarterStartIso(today), "00:00");
  const months: string[] = [];
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  for (let i = 0; i < 24; i++) {
    months.unshift(`${year}-${String(month).padStart(2, "0")}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  const starts = months.map((m) => instantFromAmsterdam(`${m}-01`, "00:00"));
  const ends = months.map((m) => {
    const [y, mo] = m.split("-").map(Number) as [number, number];
    return instantFromAmsterdam(mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, "0")}-01`, "00:00");
  });
  const db = getDb();
  const scope = visibleActions(viewer);
  const rows = db
    .select({
      bodyId: actions.bodyId,
      organisationId: actions.organisationId,
      status: actions.status,
      dueOn: actions.dueOn,
      closedAt: actions.closedAt,
      openedAt: sql<number>`coalesce(${meetings.startsAt}, ${actions.createdAt})`,
    })
    .from(actions)
    .innerJoin(scope, eq(scope.id, actions.id))
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    // Of ten years of actions only the running and the recently closed count.
    .where(or(running, isNull(actions.closedAt), gte(actions.closedAt, starts[0]!)))
    .all();

  const perBody = new Map<number, Tally>();
  const perOrganisation = new Map<number | null, Tally>();
  const tally = <K>(totals: Map<K, Tally>, key: K) => {
    const found = totals.get(key);
    if (found) return found;
    const fresh = { open: 0, overdue: 0, closedThisQuarter: 0 };
    totals.set(key, fresh);
    return fresh;
  };
  const chart = months.map((m) => ({ month: m, open: 0, closed: 0 }));
  for (const row of rows) {
    const runs = isRunning(row.status);
    const afgerond = row.status === "afgerond" && row.closedAt !== null;
    if (runs || (afgerond && row.closedAt! >= quarterStart)) {
      for (const t of [tally(perBody, row.bodyId), tally(perOrganisation, row.organisationId)]) {
        if (runs) t.open += 1;
        if (runs && row.dueOn !== null && row.dueOn < today) t.overdue += 1;
        if (afgerond && row.closedAt! >= quarterStart) t.closedThisQuarter += 1;
      }
    }
    for (let i = 0; i < 24; i++) {
      if (row.openedAt < ends[i]! && (row.closedAt === null || row.closedAt >= ends[i]!)) chart[i]!.open += 1;
      if (afgerond && row.closedAt! >= starts[i]! && row.closedAt! < ends[i]!) chart[i]!.closed += 1;
    }
  }

  const bodyById = new Map(
    db
      .select({ id: bodies.id, name: bodies.name, slug: bodies.slug })
      .from(bodies)
      .all()
      .map((b) => [b.id, b]),
  );
  const organisationById = new Map(
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .all()
      .map((o) => [o.id, o.name]),
  );
  const keep = (c: Tally) => c.open + c.closedThisQuarter > 0;
  const byName = (a: { name: string | null }, b: { name: string | null }) =>
    a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, "nl");
  return {
    counts: {
      perBody: [...perBody]
        .filter(([, t]) => keep(t))
        .map(([id, t]) => ({ ...bodyById.get(id)!, ...t }))
        .sort(byName),
      perOrganisation: [...perOrganisation]
        .filter(([, t]) => keep(t))
        .map(([id, t]) => ({ id, name: id === null ? null : organisationById.get(id)!, ...t }))
        .sort(byName),
    },
    chart,
  };
}

/** One action with its origin, log and the meetings that discussed it; null when hidden from the viewer. */
export function getAction({ viewer, id, now = Date.now() }: { viewer: Viewer; id: number; now?: number }) {
  const today = todayIso(now);
  const row = baseQuery(viewer).where(eq(actions.id, id)).get();
  if (!row) return null;
  const db = getDb();
  // The item it came from, where the viewer may read that item.
  const items = visibleItems(viewer);
  const item =
    db
      .select({ id: agendaItems.id, subject: agendaItems.subject, meetingId: agendaItems.meetingId })
      .from(actions)
      .innerJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
      .innerJoin(items, eq(items.id, agendaItems.id))
      .where(and(eq(actions.id, id), readable(items)))
      .get() ?? null;
  const action = present(row, today);
  const updates = action.detailed
    ? db
        .select({
          id: actionUpdates.id,
          authorName: actionUpdates.authorName,
          note: actionUpdates.note,
          statusFrom: actionUpdates.statusFrom,
          statusTo: actionUpdates.statusTo,
          dueOnFrom: actionUpdates.dueOnFrom,
          dueOnTo: actionUpdates.dueOnTo,
          createdAt: actionUpdates.createdAt,
          meetingId: actionUpdates.meetingId,
          meetingStartsAt: meetings.startsAt,
        })
        .from(actionUpdates)
        .leftJoin(meetings, eq(meetings.id, actionUpdates.meetingId))
        .where(eq(actionUpdates.actionId, id))
        .orderBy(desc(actionUpdates.createdAt), desc(actionUpdates.id))
        .all()
    : [];
  const reviews = action.detailed
    ? db
        .select({
          meetingId: actionReviews.meetingId,
          startsAt: meetings.startsAt,
          result: actionReviews.result,
          newDueOn: actionReviews.newDueOn,
          note: actionReviews.note,
        })
        .from(actionReviews)
        .innerJoin(meetings, eq(meetings.id, actionReviews.meetingId))
        .where(eq(actionReviews.actionId, id))
        .orderBy(asc(meetings.startsAt))
        .all()
    : [];
  return {
    ...action,
    agendaItem: item,
    updates,
    reviews,
    canUpdate: canUpdateAction(viewer, row),
    canManage: canManageAction(viewer, row),
  };
}

export type ActionInput = {
  bodyId: number;
  description: string;
  ownerPersonId: number | null;
  organisationId: number | null;
  dueOn: string | null;
  agendaItemId?: number | null;
  meetingId?: number | null;
};

/**
 * A due date never lies before the day the action arose: today for a new action, the meeting's date
 * for a toezegging of a past meeting, the day entered for history.
 */
export function requireDueFrom(
  dueOn: string | null | undefined,
  from: string,
  {
    field = "dueOn",
    today = false,
    since = "de dag waarop de actie ontstond",
  }: { field?: string; today?: boolean; since?: string } = {},
) {
  if (dueOn && dueOn < from) {
    throw new RuleError({
      [field]: [today ? "Kies een termijn vanaf vandaag." : `Kies een termijn vanaf ${formatDate(from)}, ${since}.`],
    });
  }
}

/**
 * The instant of something that happened on `isoDate`, entered afterwards: today means now, an earlier
 * day midday in Amsterdam (an afternoon meeting or a morning mail are then both on the right day).
 */
export function momentOfDay(isoDate: string | null | undefined, now = Date.now()) {
  if (!isoDate || isoDate === todayIso(now)) return now;
  return instantFromAmsterdam(isoDate, "12:00");
}

/** A day entered for something that happened: not in the future, not before the action arose. */
function requireEventDay(isoDate: string, action: { createdAt: number }, now: number, field = "occurredOn") {
  if (isoDate > todayIso(now)) throw new RuleError({ [field]: ["Kies vandaag of een dag in het verleden."] });
  const opened = todayIso(action.createdAt);
  if (isoDate < opened)
    throw new RuleError({ [field]: [`Kies een dag vanaf ${formatDate(opened)}, de dag waarop de actie ontstond.`] });
}

function ownerOrganisation(tx: Tx, ownerPersonId: number | null, organisationId: number | null) {
  if (organisationId || !ownerPersonId) return organisationId;
  return tx.select({ id: people.organisationId }).from(people).where(eq(people.id, ownerPersonId)).get()?.id ?? null;
}

/**
 * Inserts an action inside the caller's transaction; recordDecision uses it for toezeggingen.
 * The caller has checked the manager.
 */
export function insertAction(
  tx: Tx,
  viewer: SignedInViewer,
  input: ActionInput & { decisionId?: number | null },
  {
    now,
    writtenAt = now,
    field,
    arisesNow = true,
    since,
  }: {
    /** When the action arose (a past meeting's moment for history); `writtenAt` is when it is entered. */
    now: number;
    writtenAt?: number;
    field?: string;
    arisesNow?: boolean;
    since?: string;
  },
) {
  requireDueFrom(input.dueOn, todayIso(now), { field, today: arisesNow, since });
  const created = tx
    .insert(actions)
    .values({
      bodyId: input.bodyId,
      description: input.description.trim(),
      ownerPersonId: input.ownerPersonId,
      organisationId: ownerOrganisation(tx, input.ownerPersonId, input.organisationId),
      dueOn: input.dueOn,
      decisionId: input.decisionId ?? null,
      agendaItemId: input.agendaItemId ?? null,
      meetingId: input.meetingId ?? null,
      createdByUserId: actorOf(viewer),
      createdAt: now,
      // What harvesters sync on (gewijzigdSinds): the time of entry, not of the event.
      updatedAt: writtenAt,
    })
    .returning({ id: actions.id })
    .get();
  writeAudit(tx, {
    actorUserId: actorOf(viewer),
    action: "action.create",
    entityType: "action",
    entityId: created.id,
    summary: `Actie ‘${input.description.trim()}’ aangemaakt`,
    after: { ...input },
  });
  return created;
}

/** The secretariaat sets an action on an agenda item, or standalone for its body. */
export function createAction({
  viewer,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  /** `openedOn`: the day the action arose, when it is entered afterwards; else its meeting's or today. */
  input: ActionInput & { openedOn?: string | null };
  now?: number;
}) {
  return change({
    viewer,
    load: () => getDb().select({ bodyId: bodies.id }).from(bodies).where(eq(bodies.id, input.bodyId)).get(),
    missing: "Dit gremium bestaat niet.",
    allow: (viewer, body) =>
      canManageAction(viewer, body) || "Alleen het secretariaat van dit gremium maakt acties aan.",
    write: (tx, _body, signedIn) => {
      let { meetingId } = input;
      if (input.agendaItemId) {
        const item = tx
          .select({ meetingId: agendaItems.meetingId, bodyId: meetings.bodyId })
          .from(agendaItems)
          .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
          .where(eq(agendaItems.id, input.agendaItemId))
          .get();
        if (!item || item.bodyId !== input.bodyId)
          throw new RuleError({ agendaItemId: ["Dit agendapunt hoort niet bij het gekozen gremium."] });
        meetingId = item.meetingId;
      } else if (meetingId) {
        const meeting = tx.select({ bodyId: meetings.bodyId }).from(meetings).where(eq(meetings.id, meetingId)).get();
        if (!meeting || meeting.bodyId !== input.bodyId)
          throw new RuleError({ meetingId: ["Deze vergadering hoort niet bij het gekozen gremium."] });
      }
      const { openedOn, ...rest } = input;
      if (openedOn && openedOn > todayIso(now))
        throw new RuleError({ openedOn: ["Kies vandaag of een dag in het verleden."] });
      const meetingStart = meetingId
        ? tx.select({ startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.id, meetingId)).get()?.startsAt
        : undefined;
      // An action set at a meeting arose there; one entered for history arose on the day given.
      const at = openedOn ? momentOfDay(openedOn, now) : Math.min(now, meetingStart ?? now);
      return insertAction(
        tx,
        signedIn,
        { ...rest, meetingId },
        {
          now: at,
          arisesNow: at === now,
          since: openedOn ? undefined : "de dag van de vergadering",
        },
      );
    },
    // insertAction logs the new action itself, as it does for a toezegging of a decision.
    audit: () => null,
    now,
  });
}

/**
 * Removes the actions of a decision that is removed while its list is a concept, with their log;
 * the caller (removeDecision) has passed the door. Returns how many went.
 */
export function removeActionsOfDecision(tx: Tx, decisionId: number) {
  return tx.delete(actions).where(eq(actions.decisionId, decisionId)).run().changes;
}

type ActionRow = typeof actions.$inferSelect;

/** What a step changes: the new status or due date, the log note, and how the audit log names it. */
type Change = {
  note: string;
  status?: ActionStatus;
  dueOn?: string | null;
  meetingId?: number | null;
  auditAction: string;
  summary: string;
};

/** Writes a change of an action with its log line; the door writes the audit entry. */
function applyChange(
  tx: Tx,
  viewer: SignedInViewer,
  action: ActionRow,
  change: Change,
  now: number,
  reportedBy?: string,
) {
  const status = change.status ?? action.status;
  const dueOn = change.dueOn === undefined ? action.dueOn : change.dueOn;
  const closes = !isRunning(status) && isRunning(action.status);
  const reopens = isRunning(status) && !isRunning(action.status);
  tx.update(actions)
    .set({
      status,
      dueOn,
      closedAt: closes ? now : reopens ? null : action.closedAt,
      closingNote: closes ? change.note : reopens ? null : action.closingNote,
    })
    .where(eq(actions.id, action.id))
    .run();
  tx.insert(actionUpdates)
    .values({
      actionId: action.id,
      authorUserId: actorOf(viewer),
      authorName: reportedBy ?? viewer.name,
      note: change.note,
      statusFrom: status !== action.status ? action.status : null,
      statusTo: status !== action.status ? status : null,
      dueOnFrom: dueOn !== action.dueOn ? action.dueOn : null,
      dueOnTo: dueOn !== action.dueOn ? dueOn : null,
      meetingId: change.meetingId ?? null,
      createdAt: now,
    })
    .run();
  return { status, dueOn };
}

function requireNote(note: string, message: string) {
  if (!note.trim()) throw new RuleError({ note: [message] });
  return note.trim();
}

function requireRunning(action: ActionRow) {
  if (!isRunning(action.status))
    throw new RuleError({ "": [`Deze actie is al ${actionStatusLabels[action.status].toLowerCase()}.`] });
}

export type StepOptions = {
  note: string;
  now: number;
  meetingId?: number | null;
  dueOn?: string;
  field?: string;
  /** Who reported the progress, when the secretariaat records it for them (by mail, in a meeting). */
  reportedBy?: string;
  /** The day it happened, when entered afterwards; `now` is then that day's moment. */
  occurredOn?: string;
  /** When the step is entered, when that differs from `now` (history): the record's time of change. */
  writtenAt?: number;
};

/** A step checks the action and the input (RuleError with Dutch messages) and says what changes. */
type Step = (action: ActionRow, options: StepOptions) => Change;

export const actionSteps = {
  /** A note on progress, without changing the status. */
  update: (action, { note, meetingId }) => ({
    note: requireNote(note, "Schrijf wat er is gebeurd."),
    meetingId,
    auditAction: "action.update",
    summary: `Voortgang bij actie ‘${action.description}’`,
  }),
  /** Discussed in a meeting and carried over; the meeting is the log line, a note is optional. */
  discuss: (action, { note, meetingId }) => {
    requireRunning(action);
    return {
      note,
      meetingId,
      auditAction: "action.discuss",
      summary: `Actie ‘${action.description}’ besproken; loopt door`,
    };
  },
  start: (action, { note }) => {
    if (action.status !== "open")
      throw new RuleError({ "": [`Deze actie is ${actionStatusLabels[action.status].toLowerCase()}.`] });
    return {
      note: note.trim(),
      status: "in_uitvoering",
      auditAction: "action.start",
      summary: `Actie ‘${action.description}’ in uitvoering`,
    };
  },
  complete: (action, { note, meetingId }) => {
    requireRunning(action);
    return {
      note: requireNote(note, "Schrijf kort wat het resultaat is; zonder toelichting sluit u een actie niet af."),
      status: "afgerond",
      meetingId,
      auditAction: "action.complete",
      summary: `Actie ‘${action.description}’ afgerond`,
    };
  },
  drop: (action, { note, meetingId }) => {
    requireRunning(action);
    return {
      note: requireNote(note, "Schrijf waarom de actie vervalt."),
      status: "vervallen",
      meetingId,
      auditAction: "action.drop",
      summary: `Actie ‘${action.description}’ vervallen`,
    };
  },
  reopen: (action, { note }) => {
    if (isRunning(action.status)) throw new RuleError({ "": ["Deze actie loopt nog."] });
    return {
      note: requireNote(note, "Schrijf waarom de actie weer openstaat."),
      status: "open",
      auditAction: "action.reopen",
      summary: `Actie ‘${action.description}’ heropend`,
    };
  },
  /** A new due date ("loopt door tot …"), never in the past. */
  extend: (action, { note, now, meetingId, dueOn, occurredOn, field = "dueOn" }) => {
    requireRunning(action);
    if (!dueOn) throw new RuleError({ [field]: ["Kies de nieuwe termijn."] });
    requireDueFrom(dueOn, todayIso(now), {
      field,
      today: !occurredOn && !meetingId,
      since: occurredOn ? "de dag van deze voortgang" : "de dag van de vergadering",
    });
    return {
      note: note.trim(),
      dueOn,
      meetingId,
      auditAction: "action.extend",
      summary: `Actie ‘${action.description}’ loopt door tot ${formatDate(dueOn)}`,
    };
  },
} satisfies Record<string, Step>;

const ACTION_GONE = "Deze actie bestaat niet meer.";
const ACTION_CONFLICT =
  "Iemand anders heeft deze actie intussen bijgewerkt. Uw invoer staat hieronder nog; bekijk de nieuwe stand en verstuur opnieuw.";

const savedAction = (action: ActionRow) => ({
  status: action.status,
  dueOn: action.dueOn,
  description: action.description,
  version: action.version,
});

const actionForChange = (id: number) => getDb().select().from(actions).where(eq(actions.id, id)).get();

/**
 * One step of an action through the one door: its owner or the body's secretariaat (only the
 * secretariaat when `byManagerOnly`), the expected version, the log line and the audit entry. Inside
 * the caller's transaction when `tx` is given (the actielijst applies many steps in one).
 */
export function stepAction({
  viewer,
  id,
  expectedVersion,
  step,
  options,
  byManagerOnly = false,
  bodyId,
  tx,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  step: Step;
  options: StepOptions;
  byManagerOnly?: boolean;
  /** The body the action must belong to (the actielijst of that body's meeting). */
  bodyId?: number;
  tx?: Tx;
}) {
  return change({
    viewer,
    tx,
    now: options.writtenAt ?? options.now,
    load: () => actionForChange(id),
    missing: ACTION_GONE,
    allow: (viewer, action) =>
      byManagerOnly || options.reportedBy
        ? canManageAction(viewer, action) || "Alleen het secretariaat van dit gremium wijzigt deze actie."
        : canUpdateAction(viewer, action) || "Alleen de eigenaar van de actie of het secretariaat werkt haar bij.",
    expectedVersion,
    conflictMessage: ACTION_CONFLICT,
    saved: savedAction,
    check: (action) => {
      if (bodyId !== undefined && action.bodyId !== bodyId)
        throw new RuleError({ "": ["Een van de acties hoort niet bij dit gremium."] });
      if (options.occurredOn) requireEventDay(options.occurredOn, action, options.writtenAt ?? options.now);
    },
    write: (tx, action, signedIn) => {
      const planned = step(action, options);
      return { planned, ...applyChange(tx, signedIn, action, planned, options.now, options.reportedBy) };
    },
    touch: { table: actions, id: () => id },
    audit: (action, { planned, status, dueOn }) => ({
      action: planned.auditAction,
      entityType: "action",
      entityId: action.id,
      summary: planned.summary,
      before: { status: action.status, dueOn: action.dueOn },
      after: { status, dueOn, note: planned.note },
    }),
  });
}

type TransitionArgs = {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  note: string;
  now?: number;
  /** The day it happened, for progress entered afterwards (a closing in 2022); today when absent. */
  occurredOn?: string | null;
};

const transition = (args: TransitionArgs, step: Step, extra: Partial<StepOptions> = {}) => {
  const now = args.now ?? Date.now();
  const occurredOn = args.occurredOn || undefined;
  void stepAction({
    ...args,
    step,
    options: { note: args.note, now: momentOfDay(occurredOn, now), writtenAt: now, occurredOn, ...extra },
  });
};

/** A note on progress, without changing the status. */
export function postActionUpdate(args: TransitionArgs) {
  transition(args, actionSteps.update);
}

/** open → in uitvoering. */
export function startAction(args: TransitionArgs) {
  transition(args, actionSteps.start);
}

/** open or in uitvoering → afgerond, with the result. */
export function completeAction(args: TransitionArgs) {
  transition(args, actionSteps.complete);
}

/** open or in uitvoering → vervallen, with the reason. */
export function dropAction(args: TransitionArgs) {
  transition(args, actionSteps.drop);
}

/** afgerond or vervallen → open again, with the reason. */
export function reopenAction(args: TransitionArgs) {
  transition(args, actionSteps.reopen);
}

/** A new due date ("loopt door tot …"), never in the past. */
export function extendAction(args: TransitionArgs & { dueOn: string }) {
  transition(args, actionSteps.extend, { dueOn: args.dueOn });
}

export type ProgressChange = "update" | "start" | "complete" | "drop" | "extend";

/** What the progress form of an action asks for: one of the transitions above, with its note. */
export function recordActionProgress(args: TransitionArgs & { change: ProgressChange; dueOn?: string | null }) {
  const { change: which, dueOn, ...base } = args;
  if (which === "update") postActionUpdate(base);
  else if (which === "start") startAction(base);
  else if (which === "complete") completeAction(base);
  else if (which === "drop") dropAction(base);
  else extendAction({ ...base, dueOn: dueOn ?? "" });
}

/**
 * The secretariaat corrects owner, organisation or due date, and the wording while the toezegging's
 * list is a concept: the wording of a toezegging on an adopted list is part of that record.
 */
export function updateActionDetails({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: Pick<ActionInput, "description" | "ownerPersonId" | "organisationId" | "dueOn">;
  now?: number;
}) {
  change({
    viewer,
    now,
    load: () => actionForChange(id),
    missing: ACTION_GONE,
    allow: (viewer, action) =>
      canManageAction(viewer, action) || "Alleen het secretariaat van dit gremium wijzigt deze actie.",
    expectedVersion,
    conflictMessage: ACTION_CONFLICT,
    saved: savedAction,
    check: (action, tx) => {
      if (input.dueOn !== action.dueOn) requireDueFrom(input.dueOn, todayIso(action.createdAt));
      if (input.description.trim() !== action.description && action.decisionId !== null) {
        const decision = tx
          .select({ meetingId: agendaItems.meetingId })
          .from(decisions)
          .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
          .where(eq(decisions.id, action.decisionId))
          .get();
        if (decision && isListAdopted(tx, decision.meetingId))
          throw new RuleError({
            description: [
              "Deze toezegging staat op een vastgestelde besluitenlijst; de omschrijving verandert alleen via een latere vergadering.",
            ],
          });
      }
    },
    write: (tx, action, signedIn) => {
      const after = {
        description: input.description.trim(),
        ownerPersonId: input.ownerPersonId,
        organisationId: ownerOrganisation(tx, input.ownerPersonId, input.organisationId),
        dueOn: input.dueOn,
      };
      tx.update(actions).set(after).where(eq(actions.id, id)).run();
      if (after.dueOn !== action.dueOn) {
        tx.insert(actionUpdates)
          .values({
            actionId: id,
            authorUserId: actorOf(signedIn),
            authorName: signedIn.name,
            dueOnFrom: action.dueOn,
            dueOnTo: after.dueOn,
            createdAt: now,
          })
          .run();
      }
      return after;
    },
    touch: { table: actions, id: () => id },
    audit: (action, after) => ({
      action: "action.edit",
      entityType: "action",
      entityId: id,
      summary: `Actie ‘${after.description}’ gewijzigd`,
      before: {
        description: action.description,
        ownerPersonId: action.ownerPersonId,
        organisationId: action.organisationId,
        dueOn: action.dueOn,
      },
      after,
    }),
  });
}

/** Origin meetings that have actions the viewer may see, for the filter. */
/**
 * Meetings with actions, for the filter: of the chosen body, or else of the last two years (ten years
 * of meetings make a list nobody can use), plus the one already chosen.
 */
export function listActionMeetings({
  viewer,
  bodyId = null,
  selectedId = null,
  now = Date.now(),
}: {
  viewer: Viewer;
  bodyId?: number | null;
  selectedId?: number | null;
  now?: number;
}) {
  const since = now - 2 * 365 * 24 * 60 * 60_000;
  const scope = visibleActions(viewer);
  return getDb()
    .selectDistinct({ id: meetings.id, startsAt: meetings.startsAt, bodyName: bodies.name })
    .from(actions)
    .innerJoin(scope, eq(scope.id, actions.id))
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        isNotNull(actions.meetingId),
        or(
          bodyId ? eq(meetings.bodyId, bodyId) : gte(meetings.startsAt, since),
          selectedId ? eq(meetings.id, selectedId) : undefined,
        ),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .all();
}

/** Owners of actions the viewer sees in full, for the filter. */
export function listActionOwners({ viewer }: { viewer: Viewer }) {
  if (!viewer) return [];
  const db = getDb();
  // Full access implies visibility; testing it alone spares the public rule for every action. As a
  // subquery the actions are read once in table order, instead of per person through the owner index.
  const detailed = detailedActions(viewer);
  const owners = db
    .select({ id: actions.ownerPersonId })
    .from(actions)
    .innerJoin(detailed, eq(detailed.id, actions.id));
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, owners))
    .orderBy(asc(people.name))
    .all();
}

/** The actions that came from some decisions, for the decision pages (same visibility as everywhere). */
export function listActionsForDecisions({
  viewer,
  decisionIds,
  now = Date.now(),
}: {
  viewer: Viewer;
  decisionIds: number[];
  now?: number;
}) {
  if (decisionIds.length === 0) return [];
  const today = todayIso(now);
  const scope = visibleActions(viewer);
  return getDb()
    .select({ ...rowColumns(scope), decisionId: actions.decisionId })
    .from(actions)
    .innerJoin(scope, eq(scope.id, actions.id))
    .innerJoin(bodies, eq(bodies.id, actions.bodyId))
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .leftJoin(organisations, eq(organisations.id, actions.organisationId))
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    .leftJoin(decisions, eq(decisions.id, actions.decisionId))
    .where(inArray(actions.decisionId, decisionIds))
    .orderBy(asc(actions.id))
    .all()
    .map((row) => present(row, today));
}

// Shared with the actielijst module.
export { baseQuery as actionRowsQuery, present as presentAction, running as runningAction };

/**
 * What the form for a new action offers the secretariaat: the bodies it manages, their meetings up to
 * a year ahead and as far back as they go (an action of 2016 is entered on its meeting), and the agenda
 * item it came from (if any).
 */
export function getNewActionOptions({
  viewer,
  agendaItemId,
  now = Date.now(),
}: {
  viewer: Viewer;
  agendaItemId?: number;
  now?: number;
}) {
  const db = getDb();
  const managed = db
    .select({ id: bodies.id, name: bodies.name, slug: bodies.slug })
    .from(bodies)
    .where(or(isNull(bodies.activeUntil), gte(bodies.activeUntil, todayIso(now))))
    .orderBy(asc(bodies.sortOrder), asc(bodies.name))
    .all()
    .filter((body) => managesBody(viewer, body.id));
  if (managed.length === 0) throw new Forbidden("Alleen het secretariaat maakt acties aan.");
  const ids = managed.map((b) => b.id);
  const recentMeetings = db
    .select({ id: meetings.id, startsAt: meetings.startsAt, bodyId: meetings.bodyId, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        inArray(meetings.bodyId, ids),
        ne(meetings.status, "geannuleerd"),
        lte(meetings.startsAt, now + 365 * 24 * 60 * 60_000),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .all();
  const item = agendaItemId
    ? (db
        .select({
          id: agendaItems.id,
          subject: agendaItems.subject,
          meetingId: agendaItems.meetingId,
          bodyId: meetings.bodyId,
          startsAt: meetings.startsAt,
        })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(and(eq(agendaItems.id, agendaItemId), inArray(meetings.bodyId, ids)))
        .get() ?? null)
    : null;
  return { bodies: managed, meetings: recentMeetings, agendaItem: item };
}
