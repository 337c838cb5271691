import { objectiveNumberLabel } from "./programmes.server";
import { and, asc, desc, eq, inArray, isNotNull, or, type SQL, type Subquery } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  actions,
  agendaItems,
  annualPlans,
  bodies,
  decisions,
  goalLinks,
  meetings,
  objectives,
  planGoals,
  programmes,
} from "../../db/schema";
import { canManageProgrammes } from "~/auth/permissions";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { change } from "./access/change.server";
import { managesBody } from "./access/grants";
import {
  readable,
  visibleActions,
  visibleDecisions,
  visibleGoalLinks,
  visibleItems,
  visiblePlanGoals,
} from "./access/scopes.server";
import { RuleError } from "./errors";
import { canManagePlanOf } from "./access/plan-managers.server";
import { actorOf } from "./access/viewer";

export type LinkTarget =
  | { kind: "agendaItem"; id: number }
  | { kind: "decision"; id: number }
  | { kind: "action"; id: number }
  | { kind: "planGoal"; id: number };

const targetColumn = {
  agendaItem: goalLinks.agendaItemId,
  decision: goalLinks.decisionId,
  action: goalLinks.actionId,
  planGoal: goalLinks.targetPlanGoalId,
} as const;

const targetLabel = { agendaItem: "agendapunt", decision: "besluit", action: "actie", planGoal: "plandoel" } as const;

/** The body a target belongs to, for the permission check. */
function targetBody(target: LinkTarget): { bodyId: number } | null {
  const db = getDb();
  if (target.kind === "agendaItem")
    return (
      db
        .select({ bodyId: meetings.bodyId })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(eq(agendaItems.id, target.id))
        .get() ?? null
    );
  if (target.kind === "decision")
    return (
      db
        .select({ bodyId: meetings.bodyId })
        .from(decisions)
        .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(eq(decisions.id, target.id))
        .get() ?? null
    );
  if (target.kind === "action")
    return db.select({ bodyId: actions.bodyId }).from(actions).where(eq(actions.id, target.id)).get() ?? null;
  return (
    db
      .select({ bodyId: annualPlans.bodyId })
      .from(planGoals)
      .innerJoin(annualPlans, eq(annualPlans.id, planGoals.planId))
      .where(eq(planGoals.id, target.id))
      .get() ?? null
  );
}

/**
 * Who links a record to goals: the kwartiermaker always; the secretariaat of the body for its items,
 * decisions and actions; whoever keeps a plan for that plan's goals.
 */
export function canLinkGoals(viewer: Viewer, target: LinkTarget) {
  if (canManageProgrammes(viewer)) return true;
  const owner = targetBody(target);
  if (!owner) return false;
  if (target.kind === "planGoal") return canManagePlanOf(viewer, owner.bodyId);
  return managesBody(viewer, owner.bodyId);
}

/**
 * The objectives and plan goals a record is linked to now, for its link form; null when the viewer
 * may not see the record (or may see only its number, as for a besloten item).
 */
export function getGoalLinks({ viewer, target }: { viewer: Viewer; target: LinkTarget }) {
  if (!targetVisible(viewer, target)) return null;
  const scope = visibleGoalLinks(viewer);
  const rows = getDb()
    .select({ objectiveId: goalLinks.objectiveId, planGoalId: goalLinks.planGoalId })
    .from(goalLinks)
    .innerJoin(scope, eq(scope.id, goalLinks.id))
    .where(eq(targetColumn[target.kind], target.id))
    .all();
  return {
    objectiveIds: rows.flatMap((r) => (r.objectiveId ? [r.objectiveId] : [])),
    planGoalIds: rows.flatMap((r) => (r.planGoalId ? [r.planGoalId] : [])),
  };
}

/** Whether the viewer may read the record whose links are asked for. */
function targetVisible(viewer: Viewer, target: LinkTarget) {
  const db = getDb();
  const one = (scope: { id: SQLiteColumn } & Subquery, condition?: SQL) =>
    db
      .select({ id: scope.id })
      .from(scope)
      .where(and(eq(scope.id, target.id), condition))
      .get() !== undefined;
  if (target.kind === "agendaItem") {
    const items = visibleItems(viewer);
    return one(items, readable(items));
  }
  if (target.kind === "decision") return one(visibleDecisions(viewer));
  if (target.kind === "action") return one(visibleActions(viewer));
  return one(visiblePlanGoals(viewer));
}

/** Labels of the goals a record serves, as the viewer may see them (for display next to the record). */
export function describeGoalLinks({ viewer, target }: { viewer: Viewer; target: LinkTarget }) {
  const db = getDb();
  const scope = visibleGoalLinks(viewer);
  const objectiveRows = db
    .select({
      programmeSlug: programmes.slug,
      programmeTitle: programmes.title,
      number: objectiveNumberLabel,
      title: objectives.title,
    })
    .from(goalLinks)
    .innerJoin(scope, eq(scope.id, goalLinks.id))
    .innerJoin(objectives, eq(objectives.id, goalLinks.objectiveId))
    .innerJoin(programmes, eq(programmes.id, objectives.programmeId))
    .where(eq(targetColumn[target.kind], target.id))
    .orderBy(asc(programmes.title), asc(objectives.number), asc(objectives.suffix))
    .all();
  const goalRows = db
    .select({ planId: annualPlans.id, planTitle: annualPlans.title, title: planGoals.title })
    .from(goalLinks)
    .innerJoin(scope, eq(scope.id, goalLinks.id))
    .innerJoin(planGoals, eq(planGoals.id, goalLinks.planGoalId))
    .innerJoin(annualPlans, eq(annualPlans.id, planGoals.planId))
    .where(eq(targetColumn[target.kind], target.id))
    .all();
  return { objectives: objectiveRows, planGoals: goalRows };
}

/**
 * What a link form offers: the objectives of current programmes, and the goals of the plans of the
 * given years that the viewer may see.
 */
export function listGoalOptions({ viewer, years }: { viewer: Viewer; years: number[] }) {
  const db = getDb();
  const objectiveOptions = db
    .select({
      id: objectives.id,
      number: objectiveNumberLabel,
      title: objectives.title,
      programmeTitle: programmes.title,
    })
    .from(objectives)
    .innerJoin(programmes, eq(programmes.id, objectives.programmeId))
    .orderBy(desc(programmes.startsOn), asc(objectives.number), asc(objectives.suffix))
    .all();
  const goalScope = visiblePlanGoals(viewer);
  const goalOptions = years.length
    ? db
        .select({ id: planGoals.id, title: planGoals.title, planTitle: annualPlans.title, bodyName: bodies.name })
        .from(planGoals)
        .innerJoin(goalScope, eq(goalScope.id, planGoals.id))
        .innerJoin(annualPlans, eq(annualPlans.id, planGoals.planId))
        .innerJoin(bodies, eq(bodies.id, annualPlans.bodyId))
        .where(inArray(annualPlans.year, years))
        .orderBy(asc(bodies.name), asc(planGoals.position))
        .all()
    : [];
  return { objectives: objectiveOptions, planGoals: goalOptions };
}

/**
 * Replaces the goals a record is linked to, as far as the viewer sees them: links to plan goals the
 * viewer cannot see (a concept plan of another body) stay as they are. Unknown or hidden goals are
 * refused; the change is audited.
 */
export function setGoalLinks({
  viewer,
  target,
  objectiveIds,
  planGoalIds,
}: {
  viewer: Viewer;
  target: LinkTarget;
  objectiveIds: number[];
  planGoalIds: number[];
}) {
  const uniqueObjectives = [...new Set(objectiveIds)];
  const uniqueGoals = [...new Set(planGoalIds)].filter((id) => !(target.kind === "planGoal" && id === target.id));
  const goalScope = visiblePlanGoals(viewer);
  const seenGoals = getDb().select({ id: goalScope.id }).from(goalScope);
  const linksOfTarget = and(
    eq(targetColumn[target.kind], target.id),
    or(isNotNull(goalLinks.objectiveId), inArray(goalLinks.planGoalId, seenGoals)),
  );
  change({
    viewer,
    load: () => targetBody(target) ?? undefined,
    missing: `Dit ${targetLabel[target.kind]} bestaat niet meer.`,
    allow: (viewer) => canLinkGoals(viewer, target) || "U mag dit niet aan doelen koppelen.",
    check: (_owner, tx) => {
      if (uniqueObjectives.length) {
        const known = tx
          .select({ id: objectives.id })
          .from(objectives)
          .where(inArray(objectives.id, uniqueObjectives))
          .all();
        if (known.length !== uniqueObjectives.length)
          throw new RuleError({ objectiveIds: ["Een gekozen opgave bestaat niet meer."] });
      }
      if (uniqueGoals.length) {
        const known = tx
          .select({ id: planGoals.id })
          .from(planGoals)
          .innerJoin(goalScope, eq(goalScope.id, planGoals.id))
          .where(inArray(planGoals.id, uniqueGoals))
          .all();
        if (known.length !== uniqueGoals.length)
          throw new RuleError({ planGoalIds: ["Een gekozen plandoel bestaat niet meer."] });
      }
    },
    write: (tx, _owner, signedIn) => {
      const before = tx
        .select({ objectiveId: goalLinks.objectiveId, planGoalId: goalLinks.planGoalId })
        .from(goalLinks)
        .where(linksOfTarget)
        .all();
      tx.delete(goalLinks).where(linksOfTarget).run();
      const targetValues = {
        agendaItemId: target.kind === "agendaItem" ? target.id : null,
        decisionId: target.kind === "decision" ? target.id : null,
        actionId: target.kind === "action" ? target.id : null,
        targetPlanGoalId: target.kind === "planGoal" ? target.id : null,
        createdByUserId: actorOf(signedIn),
      };
      for (const objectiveId of uniqueObjectives)
        tx.insert(goalLinks)
          .values({ ...targetValues, objectiveId })
          .run();
      for (const planGoalId of uniqueGoals)
        tx.insert(goalLinks)
          .values({ ...targetValues, planGoalId })
          .run();
      return before;
    },
    audit: (_owner, before) => ({
      action: "goal-links.set",
      entityType: target.kind,
      entityId: target.id,
      summary: `Koppeling van ${targetLabel[target.kind]} aan ${uniqueObjectives.length} opgave(n) en ${uniqueGoals.length} plandoel(en)`,
      before,
      after: { objectiveIds: uniqueObjectives, planGoalIds: uniqueGoals },
    }),
  });
}
