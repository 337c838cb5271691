import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
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
import { canManageMeetings } from "~/auth/permissions";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { addDaysIso, formatDate, instantFromAmsterdam, quarterStartIso, todayIso } from "~/lib/format";
import type { ActionStatusFilter } from "~/lib/action-filters";
import { actionStatusLabels, isRunning, type ActionStatus } from "~/lib/vocabulary";
import { writeAudit } from "./audit.server";
import { ConflictError, Forbidden, RuleError } from "./errors";

// Who sees an action (docs/decisions/011-actions.md):
// - the beheerder, members of the body that follows it, its owner, and the contact of its
//   organisation (unless it stems from besloten content) see it in full: names, notes, the log;
// - everyone, anonymous included, sees an action of a public decision once that decision's
//   besluitenlijst is vastgesteld: what, organisation, status and due date, no names or notes.

// Both flags are derived from the action's origin (decision, item, meeting, list) and kept by
// triggers (migration 0016); the rule itself is spelled out there and checked in actions.server.test.ts.
/** The action stems from besloten content: a besloten decision or a besloten agenda item. */
const confidentialAction = sql<boolean>`${actions.confidentialOrigin}`;

/** The action stems from a public decision in a public, published meeting whose list is vastgesteld. */
const publicAction = eq(actions.publicOrigin, true);

/** The condition under which the viewer sees an action in full. */
function fullAccess(viewer: Viewer): SQL {
  if (!viewer) return sql`0`;
  if (viewer.role === "beheerder") return sql`1`;
  const conditions: SQL[] = [eq(actions.ownerPersonId, viewer.personId)];
  if (viewer.memberBodyIds.length > 0) conditions.push(inArray(actions.bodyId, viewer.memberBodyIds));
  conditions.push(
    sql`(${actions.organisationId} in (select organisation_id from ${people} where id = ${viewer.personId} and is_organisation_contact = 1) and not ${confidentialAction})`,
  );
  return or(...conditions)!;
}

/** The one visibility rule for actions: pages, exports, counts and digests all use it. */
export function actionVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer?.role === "beheerder") return undefined;
  return or(fullAccess(viewer), publicAction);
}

function canManageAction(viewer: Viewer, action: { bodyId: number }) {
  return canManageMeetings(viewer, { id: action.bodyId });
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

function rowColumns(viewer: Viewer) {
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
    isConfidential: confidentialAction.mapWith(Boolean),
    detailed: sql<boolean>`${fullAccess(viewer)}`.mapWith(Boolean),
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
  return getDb()
    .select(rowColumns(viewer))
    .from(actions)
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
  return and(
    actionVisibleTo(viewer),
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
    filters.ownerPersonId ? and(eq(actions.ownerPersonId, filters.ownerPersonId), fullAccess(viewer)) : undefined,
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
  const visible = and(actionVisibleTo(viewer), eq(actions.bodyId, bodyId));
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
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    // The cheap test first: of ten years of actions only the running and the recently closed count.
    .where(and(or(running, isNull(actions.closedAt), gte(actions.closedAt, starts[0]!)), actionVisibleTo(viewer)))
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
  const row = baseQuery(viewer)
    .where(and(eq(actions.id, id), actionVisibleTo(viewer)))
    .get();
  if (!row) return null;
  const db = getDb();
  const raw = db
    .select({ decisionId: actions.decisionId, agendaItemId: actions.agendaItemId })
    .from(actions)
    .where(eq(actions.id, id))
    .get()!;
  const item = raw.agendaItemId
    ? (db
        .select({ id: agendaItems.id, subject: agendaItems.subject, meetingId: agendaItems.meetingId })
        .from(agendaItems)
        .where(eq(agendaItems.id, raw.agendaItemId))
        .get() ?? null)
    : null;
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
    agendaItem: action.detailed || !action.isConfidential ? item : null,
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

export function requireFutureDue(dueOn: string | null | undefined, today: string, field = "dueOn") {
  if (dueOn && dueOn < today) {
    throw new RuleError({
      [field]: [
        "Kies een termijn vanaf vandaag. Een datum in het verleden kan alleen bij het importeren van oude acties.",
      ],
    });
  }
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
  { now, field }: { now: number; field?: string },
) {
  const today = todayIso(now);
  requireFutureDue(input.dueOn, today, field);
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
      createdByUserId: viewer.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: actions.id })
    .get();
  writeAudit(tx, {
    actorUserId: viewer.userId,
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
  input: ActionInput;
  now?: number;
}) {
  if (!canManageAction(viewer, { bodyId: input.bodyId }))
    throw new Forbidden("Alleen het secretariaat van dit gremium maakt acties aan.");
  return getDb().transaction((tx) => {
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
    return insertAction(tx, viewer as SignedInViewer, { ...input, meetingId }, { now });
  });
}

function loadForChange(
  tx: Tx,
  viewer: Viewer,
  id: number,
  expectedVersion: number,
  who: "owner-or-manager" | "manager",
) {
  const action = tx.select().from(actions).where(eq(actions.id, id)).get();
  if (!action) throw new RuleError({ "": ["Deze actie bestaat niet meer."] });
  const allowed = who === "manager" ? canManageAction(viewer, action) : canUpdateAction(viewer, action);
  if (!allowed)
    throw new Forbidden(
      who === "manager"
        ? "Alleen het secretariaat van dit gremium wijzigt deze actie."
        : "Alleen de eigenaar van de actie of het secretariaat werkt haar bij.",
    );
  if (action.version !== expectedVersion) {
    throw new ConflictError(
      "Iemand anders heeft deze actie intussen bijgewerkt. Uw invoer staat hieronder nog; bekijk de nieuwe stand en verstuur opnieuw.",
      {
        status: action.status,
        dueOn: action.dueOn,
        description: action.description,
        version: action.version,
      },
    );
  }
  return { action, viewer: viewer as SignedInViewer };
}

type Change = {
  note: string;
  status?: ActionStatus;
  dueOn?: string | null;
  meetingId?: number | null;
  auditAction: string;
  summary: string;
};

/** Writes a change of an action with its log line and audit entry. */
function applyChange(tx: Tx, viewer: SignedInViewer, action: typeof actions.$inferSelect, change: Change, now: number) {
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
      version: action.version + 1,
      updatedAt: now,
    })
    .where(and(eq(actions.id, action.id), eq(actions.version, action.version)))
    .run();
  tx.insert(actionUpdates)
    .values({
      actionId: action.id,
      authorUserId: viewer.userId,
      authorName: viewer.name,
      note: change.note,
      statusFrom: status !== action.status ? action.status : null,
      statusTo: status !== action.status ? status : null,
      dueOnFrom: dueOn !== action.dueOn ? action.dueOn : null,
      dueOnTo: dueOn !== action.dueOn ? dueOn : null,
      meetingId: change.meetingId ?? null,
      createdAt: now,
    })
    .run();
  writeAudit(tx, {
    actorUserId: viewer.userId,
    action: change.auditAction,
    entityType: "action",
    entityId: action.id,
    summary: change.summary,
    before: { status: action.status, dueOn: action.dueOn },
    after: { status, dueOn, note: change.note },
  });
}

function requireNote(note: string, message: string) {
  if (!note.trim()) throw new RuleError({ note: [message] });
  return note.trim();
}

type TransitionArgs = { viewer: Viewer; id: number; expectedVersion: number; note: string; now?: number };
type Loaded = ReturnType<typeof loadForChange>;
type StepOptions = { note: string; now: number; meetingId?: number | null };

function requireRunning(action: typeof actions.$inferSelect) {
  if (!isRunning(action.status))
    throw new RuleError({ "": [`Deze actie is al ${actionStatusLabels[action.status].toLowerCase()}.`] });
}

// The steps below run inside a transaction, so the actielijst can apply many in one.
export const actionSteps = {
  update(tx: Tx, { action, viewer }: Loaded, { note, now, meetingId }: StepOptions) {
    const text = requireNote(note, "Schrijf wat er is gebeurd.");
    applyChange(
      tx,
      viewer,
      action,
      { note: text, meetingId, auditAction: "action.update", summary: `Voortgang bij actie ‘${action.description}’` },
      now,
    );
  },
  /** Discussed in a meeting and carried over; the meeting is the log line, a note is optional. */
  discuss(tx: Tx, { action, viewer }: Loaded, { note, now, meetingId }: StepOptions) {
    requireRunning(action);
    applyChange(
      tx,
      viewer,
      action,
      {
        note,
        meetingId,
        auditAction: "action.discuss",
        summary: `Actie ‘${action.description}’ besproken; loopt door`,
      },
      now,
    );
  },
  start(tx: Tx, { action, viewer }: Loaded, { note, now }: StepOptions) {
    if (action.status !== "open")
      throw new RuleError({ "": [`Deze actie is ${actionStatusLabels[action.status].toLowerCase()}.`] });
    applyChange(
      tx,
      viewer,
      action,
      {
        note: note.trim(),
        status: "in_uitvoering",
        auditAction: "action.start",
        summary: `Actie ‘${action.description}’ in uitvoering`,
      },
      now,
    );
  },
  complete(tx: Tx, { action, viewer }: Loaded, { note, now, meetingId }: StepOptions) {
    requireRunning(action);
    const result = requireNote(
      note,
      "Schrijf kort wat het resultaat is; zonder toelichting sluit u een actie niet af.",
    );
    applyChange(
      tx,
      viewer,
      action,
      {
        note: result,
        status: "afgerond",
        meetingId,
        auditAction: "action.complete",
        summary: `Actie ‘${action.description}’ afgerond`,
      },
      now,
    );
  },
  drop(tx: Tx, { action, viewer }: Loaded, { note, now, meetingId }: StepOptions) {
    requireRunning(action);
    const reason = requireNote(note, "Schrijf waarom de actie vervalt.");
    applyChange(
      tx,
      viewer,
      action,
      {
        note: reason,
        status: "vervallen",
        meetingId,
        auditAction: "action.drop",
        summary: `Actie ‘${action.description}’ vervallen`,
      },
      now,
    );
  },
  reopen(tx: Tx, { action, viewer }: Loaded, { note, now }: StepOptions) {
    if (isRunning(action.status)) throw new RuleError({ "": ["Deze actie loopt nog."] });
    const reason = requireNote(note, "Schrijf waarom de actie weer openstaat.");
    applyChange(
      tx,
      viewer,
      action,
      { note: reason, status: "open", auditAction: "action.reopen", summary: `Actie ‘${action.description}’ heropend` },
      now,
    );
  },
  extend(
    tx: Tx,
    { action, viewer }: Loaded,
    { note, now, meetingId, dueOn, field = "dueOn" }: StepOptions & { dueOn: string; field?: string },
  ) {
    requireRunning(action);
    if (!dueOn) throw new RuleError({ [field]: ["Kies de nieuwe termijn."] });
    requireFutureDue(dueOn, todayIso(now), field);
    applyChange(
      tx,
      viewer,
      action,
      {
        note: note.trim(),
        dueOn,
        meetingId,
        auditAction: "action.extend",
        summary: `Actie ‘${action.description}’ loopt door tot ${formatDate(dueOn)}`,
      },
      now,
    );
  },
};

function transition(args: TransitionArgs, step: (tx: Tx, loaded: Loaded, options: StepOptions) => void) {
  getDb().transaction((tx) => {
    const loaded = loadForChange(tx, args.viewer, args.id, args.expectedVersion, "owner-or-manager");
    step(tx, loaded, { note: args.note, now: args.now ?? Date.now() });
  });
}

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
  transition(args, (tx, loaded, options) => actionSteps.extend(tx, loaded, { ...options, dueOn: args.dueOn }));
}

/** The secretariaat corrects what, owner, organisation or due date. */
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
  getDb().transaction((tx) => {
    const { action, viewer: signedIn } = loadForChange(tx, viewer, id, expectedVersion, "manager");
    if (input.dueOn !== action.dueOn) requireFutureDue(input.dueOn, todayIso(now));
    const after = {
      description: input.description.trim(),
      ownerPersonId: input.ownerPersonId,
      organisationId: ownerOrganisation(tx, input.ownerPersonId, input.organisationId),
      dueOn: input.dueOn,
    };
    tx.update(actions)
      .set({ ...after, version: action.version + 1, updatedAt: now })
      .where(eq(actions.id, id))
      .run();
    if (after.dueOn !== action.dueOn) {
      tx.insert(actionUpdates)
        .values({
          actionId: id,
          authorUserId: signedIn.userId,
          authorName: signedIn.name,
          dueOnFrom: action.dueOn,
          dueOnTo: after.dueOn,
          createdAt: now,
        })
        .run();
    }
    writeAudit(tx, {
      actorUserId: signedIn.userId,
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
    });
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
  return getDb()
    .selectDistinct({ id: meetings.id, startsAt: meetings.startsAt, bodyName: bodies.name })
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        actionVisibleTo(viewer),
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
  const owners = db.select({ id: actions.ownerPersonId }).from(actions).where(fullAccess(viewer));
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
  return getDb()
    .select({ ...rowColumns(viewer), decisionId: actions.decisionId })
    .from(actions)
    .innerJoin(bodies, eq(bodies.id, actions.bodyId))
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .leftJoin(organisations, eq(organisations.id, actions.organisationId))
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    .leftJoin(decisions, eq(decisions.id, actions.decisionId))
    .where(and(inArray(actions.decisionId, decisionIds), actionVisibleTo(viewer)))
    .orderBy(asc(actions.id))
    .all()
    .map((row) => present(row, today));
}

// Shared with the actielijst module.
export {
  baseQuery as actionRowsQuery,
  loadForChange as loadActionForChange,
  present as presentAction,
  running as runningAction,
};

/**
 * What the form for a new action offers the secretariaat: the bodies it manages, their meetings
 * of the last two years and coming year, and the agenda item it came from (if any).
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
    .filter((body) => canManageMeetings(viewer, body));
  if (managed.length === 0) throw new Forbidden("Alleen het secretariaat maakt acties aan.");
  const ids = managed.map((b) => b.id);
  const recentMeetings = db
    .select({ id: meetings.id, startsAt: meetings.startsAt, bodyId: meetings.bodyId, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        inArray(meetings.bodyId, ids),
        gte(meetings.startsAt, now - 2 * 365 * 24 * 60 * 60_000),
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
