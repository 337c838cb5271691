import { objectiveNumberLabel } from "./programmes.server";
import { and, asc, desc, eq, gte, inArray, lt, max, ne, sql } from "drizzle-orm";
import {
  actions,
  agendaItems,
  annualPlans,
  bodies,
  decisions,
  goalLinks,
  meetings,
  objectives,
  planBudgetLines,
  planChapters,
  planGoals,
  programmes,
} from "../../db/schema";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { amsterdamDateAndTime, formatDate, formatDay, instantFromAmsterdam, todayIso } from "~/lib/format";
import { canManageProgrammes } from "~/auth/permissions";
import { renderMarkdown } from "~/lib/markdown.server";
import {
  planGoalStatusLabels,
  planStatusLabels,
  type BudgetKind,
  type DecisionOutcome,
  type PlanGoalStatus,
  type PlanStatus,
} from "~/lib/vocabulary";
import { insertWorkflowAgendaItem } from "./agenda.server";
import { change } from "./access/change.server";
import { writeAudit } from "./audit.server";
import { requireBodyActiveOn } from "./body-period.server";
import { RuleError } from "./errors";
import {
  readable,
  visibleActions,
  visibleDecisions,
  visibleItems,
  visibleMeetings,
  visiblePlans,
} from "./access/scopes.server";
import { canManagePlanOf } from "./access/plan-managers.server";
import { actorOf } from "./access/viewer";

/** Plans per year (newest first) and body, as far as the viewer may see them. */
export function listPlans({ viewer }: { viewer: Viewer }) {
  const scope = visiblePlans(viewer);
  return getDb()
    .select({
      id: annualPlans.id,
      year: annualPlans.year,
      title: annualPlans.title,
      status: annualPlans.status,
      bodyId: bodies.id,
      bodyName: bodies.name,
      reportPublishedAt: annualPlans.reportPublishedAt,
      goals: sql<number>`(select count(*) from ${planGoals} g where g.plan_id = ${annualPlans.id})`.mapWith(Number),
    })
    .from(annualPlans)
    .innerJoin(scope, eq(scope.id, annualPlans.id))
    .innerJoin(bodies, eq(bodies.id, annualPlans.bodyId))
    .orderBy(desc(annualPlans.year), asc(bodies.sortOrder), asc(bodies.name))
    .all();
}

function loadPlanRow(id: number, viewer: Viewer) {
  const scope = visiblePlans(viewer);
  return (
    getDb()
      .select({
        id: annualPlans.id,
        bodyId: annualPlans.bodyId,
        bodyName: bodies.name,
        bodySlug: bodies.slug,
        year: annualPlans.year,
        title: annualPlans.title,
        status: annualPlans.status,
        agendaItemId: annualPlans.agendaItemId,
        decisionId: annualPlans.decisionId,
        adoptedAt: annualPlans.adoptedAt,
        closedAt: annualPlans.closedAt,
        reportMarkdown: annualPlans.reportMarkdown,
        reportHtml: annualPlans.reportHtml,
        reportPublishedAt: annualPlans.reportPublishedAt,
        copiedFromId: annualPlans.copiedFromId,
        version: annualPlans.version,
      })
      .from(annualPlans)
      .innerJoin(scope, eq(scope.id, annualPlans.id))
      .innerJoin(bodies, eq(bodies.id, annualPlans.bodyId))
      .where(eq(annualPlans.id, id))
      .get() ?? null
  );
}

/** Sums per kind and the balance, computed here and nowhere else. */
export function budgetTotals(lines: readonly { kind: BudgetKind; amountCents: number }[]) {
  const sum = (kind: BudgetKind) => lines.filter((l) => l.kind === kind).reduce((n, l) => n + l.amountCents, 0);
  const baten = sum("baten");
  const lasten = sum("lasten");
  return { baten, lasten, saldo: baten - lasten };
}

/** One plan with its chapters, goals (and the objectives they serve), budget and workflow state. */
export function getPlan({ viewer, id, now = Date.now() }: { viewer: Viewer; id: number; now?: number }) {
  const plan = loadPlanRow(id, viewer);
  if (!plan) return null;
  const db = getDb();
  const chapters = db
    .select()
    .from(planChapters)
    .where(eq(planChapters.planId, id))
    .orderBy(asc(planChapters.position))
    .all();
  const goals = db.select().from(planGoals).where(eq(planGoals.planId, id)).orderBy(asc(planGoals.position)).all();
  const goalObjectives = goals.length
    ? db
        .select({
          planGoalId: goalLinks.targetPlanGoalId,
          objectiveId: objectives.id,
          number: objectiveNumberLabel,
          title: objectives.title,
          programmeSlug: programmes.slug,
        })
        .from(goalLinks)
        .innerJoin(objectives, eq(objectives.id, goalLinks.objectiveId))
        .innerJoin(programmes, eq(programmes.id, objectives.programmeId))
        .where(
          inArray(
            goalLinks.targetPlanGoalId,
            goals.map((g) => g.id),
          ),
        )
        .all()
    : [];
  const budget = db
    .select()
    .from(planBudgetLines)
    .where(eq(planBudgetLines.planId, id))
    .orderBy(asc(planBudgetLines.kind), asc(planBudgetLines.position))
    .all();
  const items = visibleItems(viewer);
  const consentItem = plan.agendaItemId
    ? (db
        .select({
          id: agendaItems.id,
          subject: agendaItems.subject,
          meetingId: meetings.id,
          startsAt: meetings.startsAt,
          bodyName: bodies.name,
        })
        .from(agendaItems)
        .innerJoin(items, eq(items.id, agendaItems.id))
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
        .where(and(eq(agendaItems.id, plan.agendaItemId), readable(items)))
        .get() ?? null)
    : null;
  const decisionScope = visibleDecisions(viewer);
  const decision = plan.decisionId
    ? (db
        .select({ reference: decisions.reference, outcome: decisions.outcome })
        .from(decisions)
        .innerJoin(decisionScope, eq(decisionScope.id, decisions.id))
        .where(eq(decisions.id, plan.decisionId))
        .get() ?? null)
    : null;
  const canManage = canManagePlanOf(viewer, plan.bodyId, now);
  return {
    plan,
    chapters,
    goals: goals.map((goal) => ({
      ...goal,
      objectives: goalObjectives.filter((o) => o.planGoalId === goal.id),
    })),
    budget,
    totals: budgetTotals(budget),
    consentItem,
    decision,
    canManage,
    // Chapters, goal definitions and the budget are fixed once the plan goes to the stuurgroep.
    editable: canManage && plan.status === "concept",
    progressEditable: canManage && (plan.status === "concept" || plan.status === "vastgesteld"),
    consentMeetings: canManage && plan.status === "concept" ? listConsentMeetings(viewer, now) : [],
  };
}

/**
 * Stuurgroep meetings where a plan can be put ter instemming, with their B items: those the viewer may
 * see (a concept agenda is the stuurgroep secretariaat's until it is published) whose agenda is still
 * open — coming ones first, then past ones newest first, for a plan of earlier years entered as history.
 */
function listConsentMeetings(viewer: Viewer, now: number) {
  const db = getDb();
  const scope = visibleMeetings(viewer);
  const rows = db
    .select({ id: meetings.id, startsAt: meetings.startsAt, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(bodies.kind, "stuurgroep"), inArray(meetings.status, ["concept", "gepubliceerd"])))
    .orderBy(asc(meetings.startsAt))
    .all()
    .map((m) => ({ ...m, past: m.startsAt < now }));
  rows.sort((a, b) => Number(a.past) - Number(b.past) || (a.past ? b.startsAt - a.startsAt : 0));
  const visible = visibleItems(viewer, null);
  const items = rows.length
    ? db
        .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, subject: agendaItems.subject })
        .from(agendaItems)
        .innerJoin(visible, eq(visible.id, agendaItems.id))
        .where(
          and(
            inArray(
              agendaItems.meetingId,
              rows.map((r) => r.id),
            ),
            eq(agendaItems.section, "B"),
            // A public plan goes onto a public item only.
            readable(visible),
          ),
        )
        .orderBy(asc(agendaItems.position))
        .all()
    : [];
  return rows.map((row) => ({ ...row, items: items.filter((i) => i.meetingId === row.id) }));
}

const PLAN_MANAGERS = "Alleen de kartrekker, het secretariaat of de kwartiermaker werkt dit jaarplan bij.";
const byPlanManager = (viewer: Viewer, row: { bodyId: number }) => canManagePlanOf(viewer, row.bodyId) || PLAN_MANAGERS;

function requireStatus(plan: { status: PlanStatus }, allowed: PlanStatus[], what: string) {
  if (!allowed.includes(plan.status))
    throw new RuleError({
      "": [`${what} kan niet: het jaarplan is ${planStatusLabels[plan.status].toLowerCase()}.`],
    });
}

type PlanRow = typeof annualPlans.$inferSelect;
const planRow = (id: number) => getDb().select().from(annualPlans).where(eq(annualPlans.id, id)).get();
const PLAN_GONE = "Dit jaarplan bestaat niet meer.";

/**
 * A change of a plan or one of its parts through the one door: the plan's keepers, the plan in a
 * status that allows it, the expected version (of the plan, or of the part), logged. Every change
 * moves the plan's version on (touch), so concurrent edits of the plan are caught.
 */
function changePlan<Row extends { plan: PlanRow; bodyId: number }, Result>({
  viewer,
  load,
  missing = PLAN_GONE,
  allowed,
  expectedVersion,
  conflictMessage = "Iemand anders heeft dit jaarplan intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.",
  saved = (row) => ({ status: row.plan.status, version: row.plan.version }),
  check,
  write,
  audit,
  now,
}: {
  viewer: Viewer;
  load: () => Row | undefined;
  missing?: string;
  allowed: [PlanStatus[], string];
  expectedVersion?: number;
  conflictMessage?: string;
  saved?: (row: Row) => Record<string, unknown>;
  check?: (row: Row, tx: Tx) => void;
  write: (tx: Tx, row: Row, viewer: SignedInViewer, now: number) => Result;
  audit: (row: Row, result: Result) => { action: string; summary: string; before?: unknown; after?: unknown };
  now: number;
}) {
  return change({
    viewer,
    now,
    load,
    missing,
    allow: byPlanManager,
    expectedVersion,
    conflictMessage,
    saved,
    check: (row, tx) => {
      requireStatus(row.plan, ...allowed);
      check?.(row, tx);
    },
    write,
    touch: { table: annualPlans, id: (row) => row.plan.id },
    audit: (row, result) => ({ ...audit(row, result), entityType: "plan", entityId: row.plan.id }),
  });
}

/** The plan itself, as a change of it reads it (its version is the plan's). */
const wholePlan = (id: number) => {
  const plan = planRow(id);
  return plan && { ...plan, plan, bodyId: plan.bodyId };
};

/** A part of a plan with the plan, as a change of the part reads them (its version is the part's). */
function partOf<Part extends { planId: number }>(part: Part | undefined) {
  if (!part) return undefined;
  const plan = planRow(part.planId)!;
  return { ...part, plan, bodyId: plan.bodyId };
}

export type PlanInput = { bodyId: number; year: number; title: string; copyOpenGoals: boolean };

/**
 * A new concept plan; optionally starting from last year's plan of the body: its goals that were not
 * afgerond, with the objectives they served.
 */
export function createPlan({ viewer, input, now = Date.now() }: { viewer: Viewer; input: PlanInput; now?: number }) {
  return change({
    viewer,
    now,
    load: () => getDb().select({ bodyId: bodies.id }).from(bodies).where(eq(bodies.id, input.bodyId)).get(),
    missing: "Dit gremium bestaat niet.",
    allow: byPlanManager,
    // A plan's year lies within the body's active period (its first day of that year or later).
    check: (_body, tx) => requireBodyActiveOn(tx, input.bodyId, [`${input.year}-12-31`], "year"),
    write: (tx, _body, signedIn) => insertPlan(tx, signedIn, input, now),
    audit: ({ bodyId: _b }, { id, copied, previous }) => ({
      action: "plan.create",
      entityType: "plan",
      entityId: id,
      summary: `Jaarplan ‘${input.title}’ aangemaakt${previous ? ` met ${copied} openstaande doelen van vorig jaar` : ""}`,
      after: input,
    }),
  });
}

function insertPlan(tx: Tx, viewer: SignedInViewer, input: PlanInput, now: number) {
  {
    const existing = tx
      .select({ id: annualPlans.id })
      .from(annualPlans)
      .where(and(eq(annualPlans.bodyId, input.bodyId), eq(annualPlans.year, input.year)))
      .get();
    if (existing) throw new RuleError({ year: ["Dit gremium heeft al een jaarplan voor dat jaar."] });
    const previous = input.copyOpenGoals
      ? tx
          .select({ id: annualPlans.id })
          .from(annualPlans)
          .where(and(eq(annualPlans.bodyId, input.bodyId), eq(annualPlans.year, input.year - 1)))
          .get()
      : undefined;
    if (input.copyOpenGoals && !previous)
      throw new RuleError({ copyOpenGoals: ["Er is geen jaarplan van vorig jaar om van uit te gaan."] });
    const created = tx
      .insert(annualPlans)
      .values({
        bodyId: input.bodyId,
        year: input.year,
        title: input.title,
        copiedFromId: previous?.id ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: annualPlans.id })
      .get();
    let copied = 0;
    if (previous) {
      const open = tx
        .select()
        .from(planGoals)
        .where(and(eq(planGoals.planId, previous.id), ne(planGoals.status, "afgerond")))
        .orderBy(asc(planGoals.position))
        .all();
      for (const goal of open) {
        const copy = tx
          .insert(planGoals)
          .values({
            planId: created.id,
            position: ++copied,
            title: goal.title,
            ownerName: goal.ownerName,
            quarter: null,
            status: "gepland",
            progressNote: goal.progressNote ? `Vorig jaar: ${goal.progressNote}` : "",
          })
          .returning({ id: planGoals.id })
          .get();
        const served = tx
          .select({ objectiveId: goalLinks.objectiveId })
          .from(goalLinks)
          .where(eq(goalLinks.targetPlanGoalId, goal.id))
          .all();
        for (const link of served)
          if (link.objectiveId)
            tx.insert(goalLinks)
              .values({ objectiveId: link.objectiveId, targetPlanGoalId: copy.id, createdByUserId: actorOf(viewer) })
              .run();
      }
    }
    return { id: created.id, copied, previous: previous?.id ?? null };
  }
}

export function updatePlanTitle({
  viewer,
  id,
  expectedVersion,
  title,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  title: string;
  now?: number;
}) {
  changePlan({
    viewer,
    now,
    load: () => wholePlan(id),
    allowed: [["concept"], "De titel wijzigen"],
    expectedVersion,
    write: (tx) => tx.update(annualPlans).set({ title }).where(eq(annualPlans.id, id)).run(),
    audit: ({ plan }) => ({
      action: "plan.update",
      summary: `Titel van jaarplan gewijzigd in ‘${title}’`,
      before: { title: plan.title },
      after: { title },
    }),
  });
}

// Chapters ---------------------------------------------------------------------------------------

export type ChapterInput = { title: string; bodyMarkdown: string };

export function addChapter({
  viewer,
  planId,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  planId: number;
  input: ChapterInput;
  now?: number;
}) {
  return changePlan({
    viewer,
    now,
    load: () => wholePlan(planId),
    allowed: [["concept"], "Een hoofdstuk toevoegen"],
    write: (tx) => {
      const last = tx
        .select({ n: max(planChapters.position) })
        .from(planChapters)
        .where(eq(planChapters.planId, planId))
        .get();
      return tx
        .insert(planChapters)
        .values({ planId, position: (last?.n ?? 0) + 1, ...input, bodyHtml: renderMarkdown(input.bodyMarkdown) })
        .returning({ id: planChapters.id })
        .get();
    },
    audit: ({ plan }) => ({
      action: "plan.chapter.add",
      summary: `Hoofdstuk ‘${input.title}’ toegevoegd aan ${plan.title}`,
      after: { title: input.title },
    }),
  });
}

export function updateChapter({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: ChapterInput;
  now?: number;
}) {
  changePlan({
    viewer,
    now,
    load: () => partOf(getDb().select().from(planChapters).where(eq(planChapters.id, id)).get()),
    missing: "Dit hoofdstuk bestaat niet meer.",
    allowed: [["concept"], "Een hoofdstuk wijzigen"],
    expectedVersion,
    conflictMessage:
      "Iemand anders heeft dit hoofdstuk intussen gewijzigd. Uw tekst staat hieronder nog; vergelijk en sla opnieuw op.",
    saved: (chapter) => ({ title: chapter.title, bodyMarkdown: chapter.bodyMarkdown, version: chapter.version }),
    write: (tx, chapter) =>
      tx
        .update(planChapters)
        .set({ ...input, bodyHtml: renderMarkdown(input.bodyMarkdown), version: chapter.version + 1, updatedAt: now })
        .where(eq(planChapters.id, id))
        .run(),
    audit: (chapter) => ({
      action: "plan.chapter.update",
      summary: `Hoofdstuk ‘${input.title}’ van ${chapter.plan.title} gewijzigd`,
      before: { title: chapter.title, body: chapter.bodyMarkdown },
      after: { title: input.title, body: input.bodyMarkdown },
    }),
  });
}

export function removeChapter({ viewer, id, now = Date.now() }: { viewer: Viewer; id: number; now?: number }) {
  changePlan({
    viewer,
    now,
    load: () => partOf(getDb().select().from(planChapters).where(eq(planChapters.id, id)).get()),
    missing: "Dit hoofdstuk bestaat niet meer.",
    allowed: [["concept"], "Een hoofdstuk verwijderen"],
    write: (tx) => tx.delete(planChapters).where(eq(planChapters.id, id)).run(),
    audit: (chapter) => ({
      action: "plan.chapter.remove",
      summary: `Hoofdstuk ‘${chapter.title}’ van ${chapter.plan.title} verwijderd`,
      before: { title: chapter.title, body: chapter.bodyMarkdown },
    }),
  });
}

// Goals ------------------------------------------------------------------------------------------

export type GoalInput = {
  title: string;
  ownerName: string | null;
  quarter: number | null;
  status: PlanGoalStatus;
  progressNote: string;
};

export function addGoal({
  viewer,
  planId,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  planId: number;
  input: GoalInput;
  now?: number;
}) {
  return changePlan({
    viewer,
    now,
    load: () => wholePlan(planId),
    allowed: [["concept"], "Een doel toevoegen"],
    write: (tx) => {
      const last = tx
        .select({ n: max(planGoals.position) })
        .from(planGoals)
        .where(eq(planGoals.planId, planId))
        .get();
      return tx
        .insert(planGoals)
        .values({ planId, position: (last?.n ?? 0) + 1, ...input })
        .returning({ id: planGoals.id })
        .get();
    },
    audit: ({ plan }) => ({
      action: "plan.goal.add",
      summary: `Doel ‘${input.title}’ toegevoegd aan ${plan.title}`,
      after: input,
    }),
  });
}

/**
 * Changes a goal. In a concept everything can change; once adopted only its status and progress
 * note move on, so the plan the stuurgroep agreed to stays what it was.
 */
export function updateGoal({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: GoalInput;
  now?: number;
}) {
  changePlan({
    viewer,
    now,
    load: () => partOf(getDb().select().from(planGoals).where(eq(planGoals.id, id)).get()),
    missing: "Dit doel bestaat niet meer.",
    allowed: [["concept", "vastgesteld"], "Een doel bijwerken"],
    expectedVersion,
    conflictMessage: "Iemand anders heeft dit doel intussen bijgewerkt. Uw invoer staat hieronder nog.",
    saved: (goal) => ({ status: goal.status, progressNote: goal.progressNote, version: goal.version }),
    check: (goal) => {
      const definitionChanged =
        input.title !== goal.title || input.ownerName !== goal.ownerName || input.quarter !== goal.quarter;
      if (goal.plan.status === "vastgesteld" && definitionChanged)
        throw new RuleError({
          title: [
            "Het plan is vastgesteld: wat, wie en wanneer liggen vast. Werk alleen de status en de voortgang bij.",
          ],
        });
    },
    write: (tx, goal) =>
      tx
        .update(planGoals)
        .set({ ...input, version: goal.version + 1, updatedAt: now })
        .where(eq(planGoals.id, id))
        .run(),
    audit: (goal) => ({
      action: "plan.goal.update",
      summary: `Doel ‘${input.title}’ van ${goal.plan.title} bijgewerkt: ${planGoalStatusLabels[input.status].toLowerCase()}`,
      before: { status: goal.status, progressNote: goal.progressNote, title: goal.title },
      after: input,
    }),
  });
}

export function removeGoal({ viewer, id, now = Date.now() }: { viewer: Viewer; id: number; now?: number }) {
  changePlan({
    viewer,
    now,
    load: () => partOf(getDb().select().from(planGoals).where(eq(planGoals.id, id)).get()),
    missing: "Dit doel bestaat niet meer.",
    allowed: [["concept"], "Een doel verwijderen"],
    write: (tx) => tx.delete(planGoals).where(eq(planGoals.id, id)).run(),
    audit: (goal) => ({
      action: "plan.goal.remove",
      summary: `Doel ‘${goal.title}’ van ${goal.plan.title} verwijderd`,
      before: { title: goal.title },
    }),
  });
}

// Budget -----------------------------------------------------------------------------------------

export type BudgetLineInput = { kind: BudgetKind; description: string; amountCents: number };

export function addBudgetLine({
  viewer,
  planId,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  planId: number;
  input: BudgetLineInput;
  now?: number;
}) {
  return changePlan({
    viewer,
    now,
    load: () => wholePlan(planId),
    allowed: [["concept"], "De begroting wijzigen"],
    check: () => {
      if (!Number.isSafeInteger(input.amountCents)) throw new RuleError({ amount: ["Vul een bedrag in."] });
    },
    write: (tx) => {
      const last = tx
        .select({ n: max(planBudgetLines.position) })
        .from(planBudgetLines)
        .where(and(eq(planBudgetLines.planId, planId), eq(planBudgetLines.kind, input.kind)))
        .get();
      return tx
        .insert(planBudgetLines)
        .values({ planId, position: (last?.n ?? 0) + 1, ...input })
        .returning({ id: planBudgetLines.id })
        .get();
    },
    audit: ({ plan }) => ({
      action: "plan.budget.add",
      summary: `Begrotingsregel ‘${input.description}’ toegevoegd aan ${plan.title}`,
      after: input,
    }),
  });
}

export function removeBudgetLine({ viewer, id, now = Date.now() }: { viewer: Viewer; id: number; now?: number }) {
  changePlan({
    viewer,
    now,
    load: () => partOf(getDb().select().from(planBudgetLines).where(eq(planBudgetLines.id, id)).get()),
    missing: "Deze begrotingsregel bestaat niet meer.",
    allowed: [["concept"], "De begroting wijzigen"],
    write: (tx) => tx.delete(planBudgetLines).where(eq(planBudgetLines.id, id)).run(),
    audit: (line) => ({
      action: "plan.budget.remove",
      summary: `Begrotingsregel ‘${line.description}’ van ${line.plan.title} verwijderd`,
      before: { kind: line.kind, description: line.description, amountCents: line.amountCents },
    }),
  });
}

// Workflow ---------------------------------------------------------------------------------------

/**
 * concept → ter instemming: the plan goes on the agenda of a stuurgroep meeting, as a new
 * item or linked to one the secretariaat already planned ("Jaarplannen 2027 van de themagroepen").
 */
export function submitPlanForConsent({
  viewer,
  id,
  expectedVersion,
  meetingId,
  agendaItemId,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  meetingId: number | null;
  agendaItemId: number | null;
  now?: number;
}) {
  return changePlan({
    viewer,
    now,
    load: () => wholePlan(id),
    allowed: [["concept"], "Ter instemming aanbieden"],
    expectedVersion,
    check: (_plan, tx) => {
      const goals = tx.select({ id: planGoals.id }).from(planGoals).where(eq(planGoals.planId, id)).all();
      if (goals.length === 0) throw new RuleError({ "": ["Een jaarplan zonder doelen kan niet ter instemming."] });
      const options = listConsentMeetings(viewer, now);
      if (agendaItemId) {
        if (!options.flatMap((m) => m.items).some((i) => i.id === agendaItemId))
          throw new RuleError({
            agendaItemId: ["Kies een agendapunt van een stuurgroepvergadering waarvan de agenda nog open is."],
          });
      } else if (!meetingId || !options.some((m) => m.id === meetingId))
        throw new RuleError({ meetingId: ["Kies een vergadering van de stuurgroep uit de lijst."] });
    },
    write: (tx, plan, signedIn) => {
      const body = tx.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, plan.bodyId)).get()!;
      const itemId =
        agendaItemId ??
        insertWorkflowAgendaItem(tx, {
          meetingId: meetingId!,
          input: {
            section: "B",
            subject: `${plan.title}`,
            proposalMarkdown: `1. In te stemmen met het jaarplan ${plan.year} van ${body.name}.`,
            isConfidential: false,
          },
          actorUserId: actorOf(signedIn),
          now,
        }).id;
      tx.update(annualPlans)
        .set({ status: "ter_instemming", agendaItemId: itemId })
        .where(eq(annualPlans.id, id))
        .run();
      return { agendaItemId: itemId };
    },
    audit: (plan, { agendaItemId: itemId }) => ({
      action: "plan.submit",
      summary: `Jaarplan ‘${plan.title}’ ter instemming aan de stuurgroep`,
      before: { status: "concept" },
      after: { status: "ter_instemming", agendaItemId: itemId },
    }),
  });
}

/**
 * concept → vastgesteld for a plan the stuurgroep adopted before its decisions were kept in Gremium
 * (a plan brought in from the past): the date of adoption, no decision. For the kwartiermaker.
 */
export function recordPlanAdoption({
  viewer,
  id,
  expectedVersion,
  adoptedOn,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  adoptedOn: string;
  now?: number;
}) {
  change({
    viewer,
    now,
    load: () => wholePlan(id),
    missing: PLAN_GONE,
    allow: (viewer) => canManageProgrammes(viewer) || "Alleen de kwartiermaker legt een eerdere vaststelling vast.",
    expectedVersion,
    check: (plan) => {
      requireStatus(plan, ["concept", "ter_instemming"], "Een eerdere vaststelling vastleggen");
      if (adoptedOn > todayIso(now))
        throw new RuleError({ adoptedOn: ["Een vaststelling die nog moet komen, loopt via de stuurgroep."] });
    },
    write: (tx) =>
      tx
        .update(annualPlans)
        .set({ status: "vastgesteld", adoptedAt: instantFromAmsterdam(adoptedOn, "12:00") })
        .where(eq(annualPlans.id, id))
        .run(),
    touch: { table: annualPlans, id: () => id },
    audit: (plan) => ({
      action: "plan.adopt-earlier",
      entityType: "plan",
      entityId: id,
      summary: `Jaarplan ‘${plan.title}’ vastgelegd als vastgesteld op ${adoptedOn} (buiten Gremium)`,
      before: { status: plan.status },
      after: { status: "vastgesteld", adoptedOn },
    }),
  });
}

const consenting: DecisionOutcome[] = ["ingestemd", "conform", "gewijzigd"];

/**
 * Called by recordDecision in its transaction: the stuurgroep's decision on the item that put a plan
 * ter instemming adopts it (ingestemd, conform, gewijzigd) or sends it back (verworpen).
 */
export function applyDecisionToPlans(
  tx: Tx,
  {
    agendaItemId,
    decisionId,
    outcome,
    actorUserId,
    now,
    decidedAt = now,
  }: {
    agendaItemId: number;
    decisionId: number;
    outcome: DecisionOutcome;
    actorUserId: number | null;
    now: number;
    /** When the decision was taken: its meeting's day, also when entered later. */
    decidedAt?: number;
  },
) {
  const waiting = tx
    .select()
    .from(annualPlans)
    .where(and(eq(annualPlans.agendaItemId, agendaItemId), eq(annualPlans.status, "ter_instemming")))
    .all();
  for (const plan of waiting) {
    if (consenting.includes(outcome)) {
      tx.update(annualPlans)
        .set({ status: "vastgesteld", decisionId, adoptedAt: decidedAt, version: plan.version + 1, updatedAt: now })
        .where(eq(annualPlans.id, plan.id))
        .run();
      writeAudit(tx, {
        actorUserId,
        action: "plan.adopt",
        entityType: "plan",
        entityId: plan.id,
        summary: `Jaarplan ‘${plan.title}’ vastgesteld door het besluit van de stuurgroep`,
        before: { status: "ter_instemming" },
        after: { status: "vastgesteld", decisionId },
      });
    } else if (outcome === "verworpen") {
      tx.update(annualPlans)
        .set({ status: "concept", agendaItemId: null, version: plan.version + 1, updatedAt: now })
        .where(eq(annualPlans.id, plan.id))
        .run();
      writeAudit(tx, {
        actorUserId,
        action: "plan.reject",
        entityType: "plan",
        entityId: plan.id,
        summary: `Jaarplan ‘${plan.title}’ niet ingestemd; terug naar concept`,
        before: { status: "ter_instemming" },
        after: { status: "concept" },
      });
    }
  }
}

/** Called by removeDecision: a plan adopted by a decision that is taken back awaits consent again. */
export function revertPlansOfDecision(
  tx: Tx,
  { decisionId, actorUserId, now }: { decisionId: number; actorUserId: number | null; now: number },
) {
  const adopted = tx.select().from(annualPlans).where(eq(annualPlans.decisionId, decisionId)).all();
  for (const plan of adopted) {
    if (plan.status !== "vastgesteld") continue;
    tx.update(annualPlans)
      .set({ status: "ter_instemming", decisionId: null, adoptedAt: null, version: plan.version + 1, updatedAt: now })
      .where(eq(annualPlans.id, plan.id))
      .run();
    writeAudit(tx, {
      actorUserId,
      action: "plan.unadopt",
      entityType: "plan",
      entityId: plan.id,
      summary: `Jaarplan ‘${plan.title}’ wacht weer op instemming: het besluit is verwijderd`,
      before: { status: "vastgesteld" },
      after: { status: "ter_instemming" },
    });
  }
}

/**
 * The draft jaarverslag: per goal its status and progress, with the decisions and afgeronde actions
 * of that year linked to it. Only what is not besloten goes in: the report is published.
 */
export function draftAnnualReport(tx: Tx, plan: { id: number; year: number; title: string }) {
  // Drafted as the public sees the decisions and actions: the report is published.
  const publicDecisions = visibleDecisions(null);
  const publicActions = visibleActions(null);
  const from = instantFromAmsterdam(`${plan.year}-01-01`, "00:00");
  const to = instantFromAmsterdam(`${plan.year + 1}-01-01`, "00:00");
  const goals = tx.select().from(planGoals).where(eq(planGoals.planId, plan.id)).orderBy(asc(planGoals.position)).all();
  const sections = goals.map((goal) => {
    const decided = tx
      .select({ reference: decisions.reference, subject: agendaItems.subject, startsAt: meetings.startsAt })
      .from(goalLinks)
      .innerJoin(decisions, eq(decisions.id, goalLinks.decisionId))
      .innerJoin(publicDecisions, eq(publicDecisions.id, decisions.id))
      .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(goalLinks.planGoalId, goal.id), gte(meetings.startsAt, from), lt(meetings.startsAt, to)))
      .orderBy(asc(meetings.startsAt))
      .all();
    const done = tx
      .select({ description: actions.description, closedAt: actions.closedAt })
      .from(goalLinks)
      .innerJoin(actions, eq(actions.id, goalLinks.actionId))
      .innerJoin(publicActions, eq(publicActions.id, actions.id))
      .where(
        and(
          eq(goalLinks.planGoalId, goal.id),
          eq(actions.status, "afgerond"),
          gte(actions.closedAt, from),
          lt(actions.closedAt, to),
        ),
      )
      .orderBy(asc(actions.closedAt))
      .all();
    return [
      `## ${goal.title}`,
      "",
      `Status: ${planGoalStatusLabels[goal.status].toLowerCase()}.${goal.progressNote ? ` ${goal.progressNote}` : ""}`,
      ...(decided.length
        ? ["", "Besluiten:", ...decided.map((d) => `- ${d.reference}: ${d.subject} (${formatDay(d.startsAt)})`)]
        : []),
      ...(done.length
        ? [
            "",
            "Afgeronde acties:",
            ...done.map((a) => `- ${a.description} (afgerond ${formatDate(amsterdamDateAndTime(a.closedAt!).date)})`),
          ]
        : []),
    ].join("\n");
  });
  return [`# Jaarverslag ${plan.year}`, "", `Verslag bij ‘${plan.title}’.`, "", ...sections.flatMap((s) => [s, ""])]
    .join("\n")
    .trim();
}

/** vastgesteld → afgesloten, with a generated draft jaarverslag for the owner to edit and publish. */
export function closePlan({
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
  changePlan({
    viewer,
    now,
    load: () => wholePlan(id),
    allowed: [["vastgesteld"], "Afsluiten"],
    expectedVersion,
    write: (tx, plan) => {
      const draft = draftAnnualReport(tx, plan);
      tx.update(annualPlans)
        .set({ status: "afgesloten", closedAt: now, reportMarkdown: draft, reportHtml: renderMarkdown(draft) })
        .where(eq(annualPlans.id, id))
        .run();
    },
    audit: (plan) => ({
      action: "plan.close",
      summary: `Jaarplan ‘${plan.title}’ afgesloten; concept-jaarverslag gemaakt`,
      before: { status: "vastgesteld" },
      after: { status: "afgesloten" },
    }),
  });
}

export function updateReport({
  viewer,
  id,
  expectedVersion,
  reportMarkdown,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  reportMarkdown: string;
  now?: number;
}) {
  changePlan({
    viewer,
    now,
    load: () => wholePlan(id),
    allowed: [["afgesloten"], "Het jaarverslag bewerken"],
    expectedVersion,
    write: (tx) =>
      tx
        .update(annualPlans)
        .set({ reportMarkdown, reportHtml: renderMarkdown(reportMarkdown) })
        .where(eq(annualPlans.id, id))
        .run(),
    audit: (plan) => ({
      action: "plan.report.update",
      summary: `Jaarverslag bij ‘${plan.title}’ bewerkt`,
      before: { report: plan.reportMarkdown },
      after: { report: reportMarkdown },
    }),
  });
}

export function publishReport({
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
  changePlan({
    viewer,
    now,
    load: () => wholePlan(id),
    allowed: [["afgesloten"], "Het jaarverslag publiceren"],
    expectedVersion,
    check: (plan) => {
      if (!plan.reportMarkdown.trim()) throw new RuleError({ reportMarkdown: ["Het jaarverslag is leeg."] });
    },
    write: (tx) => tx.update(annualPlans).set({ reportPublishedAt: now }).where(eq(annualPlans.id, id)).run(),
    audit: (plan) => ({
      action: "plan.report.publish",
      summary: `Jaarverslag bij ‘${plan.title}’ gepubliceerd`,
      after: { reportPublishedAt: now },
    }),
  });
}

/** Bodies the viewer may start a plan for, for the new-plan form. */
export function listPlanBodies({ viewer }: { viewer: Viewer }) {
  return getDb()
    .select({ id: bodies.id, name: bodies.name })
    .from(bodies)
    .orderBy(asc(bodies.sortOrder), asc(bodies.name))
    .all()
    .filter((body) => canManagePlanOf(viewer, body.id));
}
