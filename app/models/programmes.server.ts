import { and, asc, desc, eq, gte, ne, or, sql } from "drizzle-orm";
import {
  agendaItems,
  annualPlans,
  bodies,
  decisionLists,
  decisions,
  goalLinks,
  meetings,
  objectiveStatusUpdates,
  objectives,
  people,
  planGoals,
  programmes,
} from "../../db/schema";
import { canManageProgrammes } from "~/auth/permissions";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { amsterdamDateAndTime, formatDate, todayIso } from "~/lib/format";
import { objectiveLabel, parseObjectiveLabel } from "~/lib/objective-number";
import { renderMarkdown } from "~/lib/markdown.server";
import type { ObjectiveStatus, ObjectiveTerm } from "~/lib/vocabulary";
import { listActions } from "./actions.server";
import { change } from "./access/change.server";
import { readable, visibleDecisions, visibleItems, visiblePlanGoals } from "./access/scopes.server";
import { requireBodyActiveOn } from "./body-period.server";
import { Forbidden, RuleError } from "./errors";
import { actorOf } from "./access/viewer";

// Programmes and their objectives are public: they are the network's published strategy. What is
// linked to them is counted and listed through the visibility rules of decisions, actions, items
// and plans, so a besloten decision never shows up, not even as a number (docs/decisions/012).

/**
 * An objective's status as stated: the latest of its dated status updates, or null when none was ever
 * given. Never the column's default, so an unstated objective reads "geen status" everywhere.
 */
export const statedStatus = sql<ObjectiveStatus | null>`(select u.status from ${objectiveStatusUpdates} u where u.objective_id = ${objectives.id} order by u.status_on desc, u.id desc limit 1)`;

/** What every list of objectives shows: its number (7, 7a), title and stated status. */
export const objectiveSummaryColumns = {
  id: objectives.id,
  number: objectives.number,
  suffix: objectives.suffix,
  title: objectives.title,
  status: statedStatus,
};

/** An objective's number as written, "7" or "7a", for lists and links outside the programme pages. */
export const objectiveNumberLabel = sql<string>`${objectives.number} || ${objectives.suffix}`;

export function listProgrammes(_: { viewer: Viewer }) {
  const db = getDb();
  const rows = db
    .select({
      id: programmes.id,
      slug: programmes.slug,
      title: programmes.title,
      startsOn: programmes.startsOn,
      endsOn: programmes.endsOn,
      predecessorId: programmes.predecessorId,
      ownerBodyName: bodies.name,
      objectiveCount:
        sql<number>`(select count(*) from ${objectives} o where o.programme_id = ${programmes.id})`.mapWith(Number),
    })
    .from(programmes)
    .innerJoin(bodies, eq(bodies.id, programmes.ownerBodyId))
    .orderBy(desc(programmes.startsOn))
    .all();
  const today = todayIso();
  return rows.map((row) => ({
    ...row,
    current: row.startsOn <= today && (row.endsOn === null || row.endsOn >= today),
    successor: rows.find((r) => r.predecessorId === row.id) ?? null,
    predecessor: rows.find((r) => r.id === row.predecessorId) ?? null,
  }));
}

function findProgramme(slug: string) {
  return (
    getDb()
      .select({
        id: programmes.id,
        slug: programmes.slug,
        title: programmes.title,
        startsOn: programmes.startsOn,
        endsOn: programmes.endsOn,
        ownerBodyId: programmes.ownerBodyId,
        ownerBodyName: bodies.name,
        ownerBodySlug: bodies.slug,
        descriptionMarkdown: programmes.descriptionMarkdown,
        descriptionHtml: programmes.descriptionHtml,
        objectiveTerm: programmes.objectiveTerm,
        predecessorId: programmes.predecessorId,
        version: programmes.version,
      })
      .from(programmes)
      .innerJoin(bodies, eq(bodies.id, programmes.ownerBodyId))
      .where(eq(programmes.slug, slug))
      .get() ?? null
  );
}

/** The decisions linked to an objective that the viewer may see, newest first. */
function linkedDecisions(viewer: Viewer, objectiveId: number) {
  const scope = visibleDecisions(viewer);
  return getDb()
    .select({
      id: decisions.id,
      reference: decisions.reference,
      outcome: decisions.outcome,
      subject: agendaItems.subject,
      startsAt: meetings.startsAt,
      bodyName: bodies.name,
      isConfidential: scope.confidential,
      listStatus: sql<string>`coalesce(${decisionLists.status}, 'concept')`,
    })
    .from(goalLinks)
    .innerJoin(decisions, eq(decisions.id, goalLinks.decisionId))
    .innerJoin(scope, eq(scope.id, decisions.id))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
    .where(eq(goalLinks.objectiveId, objectiveId))
    .orderBy(desc(meetings.startsAt), asc(decisions.reference))
    .all();
}

/**
 * The progress of an objective, computed from what is linked and visible to the viewer: the same
 * function feeds the dashboard and the objective page, so the numbers always agree.
 */
function progressOf(viewer: Viewer, objectiveId: number, now: number) {
  const decided = linkedDecisions(viewer, objectiveId);
  const { actions: linkedActions } = listActions({
    viewer,
    filters: { objectiveId, status: "alle" },
    pageSize: null,
    now,
  });
  const open = linkedActions.filter((a) => a.status === "open" || a.status === "in_uitvoering");
  const closed = linkedActions.filter((a) => a.status === "afgerond");
  const counted = linkedActions.filter((a) => a.status !== "vervallen").length;
  return {
    decided,
    linkedActions,
    figures: {
      decisions: decided.length,
      open: open.length,
      overdue: open.filter((a) => a.overdue).length,
      closed: closed.length,
      counted,
      // Share of the linked actions (dropped ones left out) that are afgerond, in whole percent.
      share: counted === 0 ? null : Math.round((closed.length / counted) * 100),
    },
  };
}

function quarterOf(isoDate: string) {
  return `${isoDate.slice(0, 4)}-K${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * The quarters of the programme's own period: from its start to its end, or to today while it has no
 * end. What falls outside (a decision linked after the end) is counted in one column of its own, so the
 * timeline still adds up to the figures beside it.
 */
function quartersOf(programme: { startsOn: string; endsOn: string | null }, today: string) {
  const end = programme.endsOn ?? (today > programme.startsOn ? today : programme.startsOn);
  const last = end < programme.startsOn ? programme.startsOn : end;
  const quarters: string[] = [];
  let year = Number(programme.startsOn.slice(0, 4));
  let q = Math.floor((Number(programme.startsOn.slice(5, 7)) - 1) / 3) + 1;
  const lastQuarter = quarterOf(last);
  for (let guard = 0; guard < 80; guard++) {
    const label = `${year}-K${q}`;
    quarters.push(label);
    if (label === lastQuarter) break;
    q += 1;
    if (q === 5) {
      q = 1;
      year += 1;
    }
  }
  return quarters;
}

/** Per quarter of the period the decisions and closed actions; before or after it, in "eerder" and "later". */
function timelineOf(quarters: string[], decided: { startsAt: number }[], closedActions: { closedAt: number | null }[]) {
  const first = quarters[0]!;
  const last = quarters[quarters.length - 1]!;
  const bucket = (instant: number) => {
    const quarter = quarterOf(amsterdamDateAndTime(instant).date);
    return quarter < first ? "eerder" : quarter > last ? "later" : quarter;
  };
  const count = (key: string) => ({
    quarter: key,
    decisions: decided.filter((d) => bucket(d.startsAt) === key).length,
    closed: closedActions.filter((a) => a.closedAt !== null && bucket(a.closedAt) === key).length,
  });
  const outside = ["eerder", "later"].map(count).filter((c) => c.decisions + c.closed > 0);
  return [
    ...outside.filter((c) => c.quarter === "eerder"),
    ...quarters.map(count),
    ...outside.filter((c) => c.quarter === "later"),
  ];
}

function objectiveRows(programmeId: number) {
  return getDb()
    .select({
      ...objectiveSummaryColumns,
      descriptionMarkdown: objectives.descriptionMarkdown,
      descriptionHtml: objectives.descriptionHtml,
      focus: objectives.focus,
      focusFromYear: objectives.focusFromYear,
      focusToYear: objectives.focusToYear,
      leadPersonId: objectives.leadPersonId,
      leadName: people.name,
      version: objectives.version,
      statusOn: sql<
        string | null
      >`(select max(u.status_on) from ${objectiveStatusUpdates} u where u.objective_id = ${objectives.id})`,
      lastStatusAt: sql<
        number | null
      >`(select max(u.created_at) from ${objectiveStatusUpdates} u where u.objective_id = ${objectives.id})`,
    })
    .from(objectives)
    .leftJoin(people, eq(people.id, objectives.leadPersonId))
    .where(eq(objectives.programmeId, programmeId))
    .orderBy(asc(objectives.number), asc(objectives.suffix))
    .all();
}

function lastActivity(
  statusAt: number | null,
  decided: { startsAt: number }[],
  linked: { lastUpdateAt: number | null; closedAt: number | null; createdAt: number }[],
) {
  const moments = [
    statusAt ?? 0,
    ...decided.map((d) => d.startsAt),
    ...linked.map((a) => Math.max(a.lastUpdateAt ?? 0, a.closedAt ?? 0, a.createdAt)),
  ];
  const latest = Math.max(...moments);
  return latest > 0 ? latest : null;
}

/** A programme with, per objective, its status, counts, last activity and a timeline per quarter. */
export function getProgrammeDashboard({
  viewer,
  slug,
  now = Date.now(),
}: {
  viewer: Viewer;
  slug: string;
  now?: number;
}) {
  const programme = findProgramme(slug);
  if (!programme) return null;
  const today = todayIso(now);
  const quarters = quartersOf(programme, today);
  const db = getDb();
  const related = db
    .select({
      id: programmes.id,
      slug: programmes.slug,
      title: programmes.title,
      predecessorId: programmes.predecessorId,
    })
    .from(programmes)
    .where(or(eq(programmes.id, programme.predecessorId ?? -1), eq(programmes.predecessorId, programme.id)))
    .all();
  return {
    programme,
    predecessor: related.find((p) => p.id === programme.predecessorId) ?? null,
    successor: related.find((p) => p.predecessorId === programme.id) ?? null,
    canManage: canManageProgrammes(viewer),
    quarters,
    objectives: objectiveRows(programme.id).map((objective) => {
      const { decided, linkedActions, figures } = progressOf(viewer, objective.id, now);
      return {
        ...objective,
        figures,
        lastActivity: lastActivity(objective.lastStatusAt, decided, linkedActions),
        timeline: timelineOf(
          quarters,
          decided,
          linkedActions.filter((a) => a.status === "afgerond"),
        ),
      };
    }),
  };
}

/** One objective with everything linked to it that the viewer may see, its progress and status history. */
export function getObjective({
  viewer,
  slug,
  label,
  now = Date.now(),
}: {
  viewer: Viewer;
  slug: string;
  /** The objective's number as written: "7" or "7a". */
  label: string;
  now?: number;
}) {
  const programme = findProgramme(slug);
  if (!programme) return null;
  const wanted = parseObjectiveLabel(label);
  const objective = objectiveRows(programme.id).find(
    (o) => wanted && o.number === wanted.number && o.suffix === wanted.suffix,
  );
  if (!objective) return null;
  const db = getDb();
  const { decided, linkedActions, figures } = progressOf(viewer, objective.id, now);
  const items = visibleItems(viewer);
  const upcomingItems = db
    .select({
      id: agendaItems.id,
      subject: agendaItems.subject,
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      bodyName: bodies.name,
    })
    .from(goalLinks)
    .innerJoin(agendaItems, eq(agendaItems.id, goalLinks.agendaItemId))
    .innerJoin(items, eq(items.id, agendaItems.id))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        eq(goalLinks.objectiveId, objective.id),
        readable(items),
        gte(meetings.endsAt, now),
        ne(meetings.status, "geannuleerd"),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
  const goalScope = visiblePlanGoals(viewer);
  const goals = db
    .select({
      id: planGoals.id,
      title: planGoals.title,
      status: planGoals.status,
      planId: annualPlans.id,
      planTitle: annualPlans.title,
      year: annualPlans.year,
      bodyName: bodies.name,
    })
    .from(goalLinks)
    .innerJoin(planGoals, eq(planGoals.id, goalLinks.targetPlanGoalId))
    .innerJoin(goalScope, eq(goalScope.id, planGoals.id))
    .innerJoin(annualPlans, eq(annualPlans.id, planGoals.planId))
    .innerJoin(bodies, eq(bodies.id, annualPlans.bodyId))
    .where(eq(goalLinks.objectiveId, objective.id))
    .orderBy(desc(annualPlans.year), asc(bodies.name))
    .all();
  const history = db
    .select({
      id: objectiveStatusUpdates.id,
      status: objectiveStatusUpdates.status,
      statusOn: objectiveStatusUpdates.statusOn,
      explanation: objectiveStatusUpdates.explanation,
      authorName: objectiveStatusUpdates.authorName,
    })
    .from(objectiveStatusUpdates)
    .where(eq(objectiveStatusUpdates.objectiveId, objective.id))
    .orderBy(desc(objectiveStatusUpdates.statusOn), desc(objectiveStatusUpdates.id))
    .all();
  return {
    programme,
    objective,
    figures,
    decisions: decided,
    actions: {
      open: linkedActions.filter((a) => (a.status === "open" || a.status === "in_uitvoering") && !a.overdue),
      overdue: linkedActions.filter((a) => a.overdue),
      closed: linkedActions.filter((a) => a.status === "afgerond" || a.status === "vervallen"),
    },
    upcomingItems,
    planGoals: goals,
    history,
    lastActivity: lastActivity(objective.lastStatusAt, decided, linkedActions),
    canManage: canManageProgrammes(viewer),
  };
}

const PROGRAMME_MANAGERS = "Alleen de kwartiermaker beheert programma's en opgaven.";

function requireProgrammeManager(viewer: Viewer): asserts viewer is SignedInViewer {
  if (!canManageProgrammes(viewer)) throw new Forbidden(PROGRAMME_MANAGERS);
}

const byProgrammeManager = (viewer: Viewer) => canManageProgrammes(viewer) || PROGRAMME_MANAGERS;

export type ProgrammeInput = {
  slug: string;
  title: string;
  startsOn: string;
  endsOn: string | null;
  ownerBodyId: number;
  descriptionMarkdown: string;
  predecessorId: number | null;
  /** What the programme calls its objectives (ambities, opgaven, doelen); opgaven when not given. */
  objectiveTerm?: ObjectiveTerm;
};

function checkPeriod(tx: Tx, input: { startsOn: string; endsOn: string | null; ownerBodyId: number }) {
  if (input.endsOn && input.endsOn < input.startsOn)
    throw new RuleError({ endsOn: ["De einddatum ligt vóór de begindatum."] });
  // A programme starts while the body that owns it exists.
  requireBodyActiveOn(tx, input.ownerBodyId, [input.startsOn], "startsOn");
}

export function createProgramme({ viewer, input }: { viewer: Viewer; input: ProgrammeInput }) {
  return change({
    viewer,
    load: () => ({}),
    missing: "",
    allow: byProgrammeManager,
    check: (_none, tx) => {
      checkPeriod(tx, input);
      if (tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, input.slug)).get())
        throw new RuleError({ slug: ["Dit webadres is al in gebruik; kies een ander."] });
    },
    write: (tx) =>
      tx
        .insert(programmes)
        .values({ ...input, descriptionHtml: renderMarkdown(input.descriptionMarkdown) })
        .returning({ id: programmes.id, slug: programmes.slug })
        .get(),
    audit: (_none, created) => ({
      action: "programme.create",
      entityType: "programme",
      entityId: created.id,
      summary: `Programma ‘${input.title}’ aangemaakt`,
      after: input,
    }),
  });
}

export function updateProgramme({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: Omit<ProgrammeInput, "slug">;
  now?: number;
}) {
  change({
    viewer,
    now,
    load: () => getDb().select().from(programmes).where(eq(programmes.id, id)).get(),
    missing: "Dit programma bestaat niet meer.",
    allow: byProgrammeManager,
    expectedVersion,
    saved: (before) => ({ title: before.title, version: before.version }),
    check: (_before, tx) => {
      checkPeriod(tx, input);
      if (input.predecessorId === id)
        throw new RuleError({ predecessorId: ["Een programma kan zichzelf niet opvolgen."] });
    },
    write: (tx) =>
      tx
        .update(programmes)
        .set({ ...input, descriptionHtml: renderMarkdown(input.descriptionMarkdown) })
        .where(eq(programmes.id, id))
        .run(),
    touch: { table: programmes, id: () => id },
    audit: (before) => ({
      action: "programme.update",
      entityType: "programme",
      entityId: id,
      summary: `Programma ‘${input.title}’ gewijzigd`,
      before: { title: before.title, startsOn: before.startsOn, endsOn: before.endsOn },
      after: input,
    }),
  });
}

export type ObjectiveInput = {
  title: string;
  descriptionMarkdown: string;
  leadPersonId: number | null;
  focus: string | null;
  focusFromYear?: number | null;
  focusToYear?: number | null;
  /** "7" or "7a"; empty for the next whole number (new) or the current one (edit). */
  label?: string | null;
};

type ProgrammePeriod = { id: number; startsOn: string; endsOn: string | null };

const programmePeriod = (tx: Tx, programmeId: number) =>
  tx
    .select({ id: programmes.id, startsOn: programmes.startsOn, endsOn: programmes.endsOn })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .get();

/** The number an objective gets, checked: a free "7a" in this programme, or the next whole number. */
function numberFor(tx: Tx, programmeId: number, label: string | null | undefined, exceptId?: number) {
  if (!label?.trim()) {
    const last = tx
      .select({ n: sql<number>`coalesce(max(${objectives.number}), 0)` })
      .from(objectives)
      .where(eq(objectives.programmeId, programmeId))
      .get()!;
    return { number: last.n + 1, suffix: "" };
  }
  const parsed = parseObjectiveLabel(label);
  if (!parsed) throw new RuleError({ label: ["Schrijf het nummer als 7, of met een letter als 7a."] });
  const taken = tx
    .select({ id: objectives.id })
    .from(objectives)
    .where(
      and(
        eq(objectives.programmeId, programmeId),
        eq(objectives.number, parsed.number),
        eq(objectives.suffix, parsed.suffix),
      ),
    )
    .get();
  if (taken && taken.id !== exceptId)
    throw new RuleError({ label: [`Nummer ${objectiveLabel(parsed)} is in dit programma al in gebruik.`] });
  return parsed;
}

/** Focus years lie in order and within the programme's own years. */
function checkFocusYears(programme: ProgrammePeriod, input: ObjectiveInput) {
  const from = input.focusFromYear ?? null;
  const to = input.focusToYear ?? null;
  if (from !== null && to !== null && to < from)
    throw new RuleError({ focusToYear: ["Het laatste focusjaar ligt vóór het eerste."] });
  const first = Number(programme.startsOn.slice(0, 4));
  const last = programme.endsOn ? Number(programme.endsOn.slice(0, 4)) : null;
  for (const [field, year] of [
    ["focusFromYear", from],
    ["focusToYear", to],
  ] as const) {
    if (year !== null && (year < first || (last !== null && year > last)))
      throw new RuleError({
        [field]: [`Kies een jaar binnen de looptijd van het programma: ${first}${last ? `–${last}` : " of later"}.`],
      });
  }
}

function objectiveValues(input: ObjectiveInput) {
  const { label: _label, ...rest } = input;
  return {
    ...rest,
    focusFromYear: input.focusFromYear ?? null,
    focusToYear: input.focusToYear ?? null,
    descriptionHtml: renderMarkdown(input.descriptionMarkdown),
  };
}

export function addObjective({
  viewer,
  programmeId,
  input,
}: {
  viewer: Viewer;
  programmeId: number;
  input: ObjectiveInput;
}) {
  return change({
    viewer,
    load: () => programmePeriod(getDb(), programmeId),
    missing: "Dit programma bestaat niet meer.",
    allow: byProgrammeManager,
    check: (programme) => checkFocusYears(programme, input),
    write: (tx) =>
      tx
        .insert(objectives)
        .values({ programmeId, ...numberFor(tx, programmeId, input.label), ...objectiveValues(input) })
        .returning({ id: objectives.id, number: objectives.number, suffix: objectives.suffix })
        .get(),
    audit: (_programme, created) => ({
      action: "objective.create",
      entityType: "objective",
      entityId: created.id,
      summary: `Opgave ${objectiveLabel(created)} ‘${input.title}’ toegevoegd`,
      after: input,
    }),
  });
}

export function updateObjective({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: ObjectiveInput;
  now?: number;
}) {
  change({
    ...objectiveChange(viewer, id, expectedVersion, now),
    check: (before, tx) => checkFocusYears(programmePeriod(tx, before.programmeId)!, input),
    write: (tx, before) =>
      tx
        .update(objectives)
        .set({
          ...(input.label?.trim() ? numberFor(tx, before.programmeId, input.label, id) : {}),
          ...objectiveValues(input),
        })
        .where(eq(objectives.id, id))
        .run(),
    audit: (before) => ({
      action: "objective.update",
      entityType: "objective",
      entityId: id,
      summary: `Opgave ${objectiveLabel(before)} ‘${input.title}’ gewijzigd`,
      before: { title: before.title, focus: before.focus, leadPersonId: before.leadPersonId },
      after: input,
    }),
  });
}

/** What every change of an objective shares: load, the kwartiermaker, the expected version, touch. */
function objectiveChange(viewer: Viewer, id: number, expectedVersion: number, now: number) {
  return {
    viewer,
    now,
    load: () => getDb().select().from(objectives).where(eq(objectives.id, id)).get(),
    missing: "Deze opgave bestaat niet meer.",
    allow: byProgrammeManager,
    expectedVersion,
    saved: (before: typeof objectives.$inferSelect) => ({
      status: before.status,
      title: before.title,
      version: before.version,
    }),
    touch: { table: objectives, id: () => id },
  };
}

/**
 * A new status with its date and explanation. The objective's status is the one with the latest
 * date, so an explanation entered afterwards for an earlier date only adds to the history.
 */
export function setObjectiveStatus({
  viewer,
  id,
  expectedVersion,
  status,
  statusOn,
  explanation,
  reportedBy,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  status: ObjectiveStatus;
  statusOn: string;
  explanation: string;
  /** Who gave the status, when it is recorded for them (the kwartiermaker's history brought in). */
  reportedBy?: string;
  now?: number;
}) {
  change({
    ...objectiveChange(viewer, id, expectedVersion, now),
    check: (before, tx) => {
      if (!explanation.trim()) throw new RuleError({ explanation: ["Licht de status toe."] });
      if (statusOn > todayIso(now)) throw new RuleError({ statusOn: ["Een status geldt vanaf vandaag of eerder."] });
      // A status belongs to the programme's own period, in the browser and in the importer alike.
      const programme = programmePeriod(tx, before.programmeId)!;
      if (statusOn < programme.startsOn)
        throw new RuleError({
          statusOn: [`Het programma begon op ${formatDate(programme.startsOn)}; kies die dag of later.`],
        });
      if (programme.endsOn && statusOn > programme.endsOn)
        throw new RuleError({
          statusOn: [`Het programma liep tot ${formatDate(programme.endsOn)}; kies die dag of eerder.`],
        });
    },
    write: (tx, _before, signedIn) => {
      tx.insert(objectiveStatusUpdates)
        .values({
          objectiveId: id,
          status,
          statusOn,
          explanation: explanation.trim(),
          authorName: reportedBy ?? signedIn.name,
          authorUserId: actorOf(signedIn),
          createdAt: now,
        })
        .run();
      const latest = tx
        .select({ status: objectiveStatusUpdates.status })
        .from(objectiveStatusUpdates)
        .where(eq(objectiveStatusUpdates.objectiveId, id))
        .orderBy(desc(objectiveStatusUpdates.statusOn), desc(objectiveStatusUpdates.id))
        .get()!;
      tx.update(objectives).set({ status: latest.status }).where(eq(objectives.id, id)).run();
      return latest.status;
    },
    audit: (before, latest) => ({
      action: "objective.status",
      entityType: "objective",
      entityId: id,
      summary: `Status van opgave ${objectiveLabel(before)} ‘${before.title}’: ${status} per ${statusOn}`,
      before: { status: before.status },
      after: { status: latest, statusOn, explanation },
    }),
  });
}

/** Objectives for a filter select: "Versterkingsagenda 2 — Informatiedeling". */
export function listObjectivesForFilter(_: { viewer: Viewer }) {
  return getDb()
    .select({
      id: objectives.id,
      number: objectiveNumberLabel,
      title: objectives.title,
      programmeTitle: programmes.title,
      programmeSlug: programmes.slug,
    })
    .from(objectives)
    .innerJoin(programmes, eq(programmes.id, objectives.programmeId))
    .orderBy(desc(programmes.startsOn), asc(objectives.number), asc(objectives.suffix))
    .all();
}

/** For the programme form: bodies that can own a programme, and programmes it can succeed. */
export function getProgrammeFormOptions({ viewer }: { viewer: Viewer }) {
  requireProgrammeManager(viewer);
  const db = getDb();
  return {
    bodies: db
      .select({ id: bodies.id, name: bodies.name })
      .from(bodies)
      .orderBy(asc(bodies.sortOrder), asc(bodies.name))
      .all(),
    programmes: db
      .select({ id: programmes.id, title: programmes.title })
      .from(programmes)
      .orderBy(desc(programmes.startsOn))
      .all(),
    people: db.select({ id: people.id, name: people.name }).from(people).orderBy(asc(people.name)).all(),
  };
}
