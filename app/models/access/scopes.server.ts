import { and, eq, exists, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import {
  actions,
  agendaItems,
  annualPlans,
  bodies,
  decisionLists,
  decisions,
  documents,
  goalLinks,
  meetings,
  newsletterEditions,
  people,
  personalNotes,
  planGoals,
  plannedTopics,
  writtenProcedures,
} from "../../../db/schema";
import { canManageProgrammes, hasRole } from "~/auth/permissions";
import { getDb } from "~/lib/db.server";
import { managesBodySql, seesEverything, seesInsideSql } from "./grants";
import type { Viewer } from "./viewer";

// The scopes: per kind of record, the ids a viewer may see, as a subquery that carries its own joins
// up to the meeting (or body) it belongs to. Every read of these records joins its scope, so a child
// is visible only where its parents are, and a hidden row is never read:
//
//   db.select(…).from(decisions).innerJoin(scope, eq(scope.id, decisions.id))
//
// SQLite flattens such a join into the outer query (checked with EXPLAIN QUERY PLAN on the benchmark's
// ten years of data), so a scope costs a primary-key lookup per row, not a second pass.
// The rules are written out here once, each built from the primitive in grants.ts.

/**
 * A dagelijks bestuur publishes the agenda and besluitenlijst of every meeting, closed ones too (Woo
 * article 3.3, docs/decisions/028); the papers of a closed meeting stay inside (see papersRule).
 */
const publishesEveryAgenda = sql`exists (select 1 from ${bodies} where ${bodies.id} = ${meetings.bodyId} and ${bodies.wooFooting} = 'dagelijks-bestuur')`;

/**
 * Meetings: published public meetings for everyone, and published closed ones of a dagelijks bestuur
 * (their agenda and list); published ones of the body for its insiders; concepts for those who prepare them.
 */
function meetingRule(viewer: Viewer): SQL | undefined {
  if (seesEverything(viewer)) return undefined;
  return or(
    and(
      isNotNull(meetings.publishedAt),
      or(eq(meetings.isPublic, true), publishesEveryAgenda, seesInsideSql(viewer, meetings.bodyId)),
    ),
    managesBodySql(viewer, meetings.bodyId),
  );
}

/** Papers: those of a closed meeting are for the body's insiders, even where its agenda is public. */
const papersRule = (viewer: Viewer) => or(eq(meetings.isPublic, true), seesInsideSql(viewer, meetings.bodyId))!;

/** The besloten flag of an item, and everything on a besloten item, is for the body's insiders. */
const itemContentRule = (viewer: Viewer) =>
  or(eq(agendaItems.isConfidential, false), seesInsideSql(viewer, meetings.bodyId))!;

export function visibleMeetings(viewer: Viewer) {
  return getDb()
    .select({ id: meetings.id, isPublic: meetings.isPublic })
    .from(meetings)
    .where(meetingRule(viewer))
    .as("visible_meetings");
}

/**
 * Agenda items of visible meetings. `contentVisible` says whether the viewer may read the item's
 * subject, proposal, presenter and what hangs on it; a besloten item otherwise shows its number only.
 * `contentViewer` reads the content as someone else would (the secretariaat's public preview).
 */
export function visibleItems(viewer: Viewer, contentViewer: Viewer = viewer) {
  return getDb()
    .select({
      id: agendaItems.id,
      /** Besloten: shown as such, by number only to those outside. */
      confidential: agendaItems.isConfidential,
      contentVisible: sql<boolean>`coalesce((${itemContentRule(contentViewer)}), 0)`
        .mapWith(Boolean)
        .as("content_visible"),
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(meetingRule(viewer))
    .as("visible_items");
}

/** The condition that an item of visibleItems may be read in full (not only its number). */
export const readable = (items: ReturnType<typeof visibleItems>) => sql`${items.contentVisible} = 1`;

/**
 * Documents (and so their versions): on a visible item, and besloten ones, those of a besloten item
 * and those of a closed meeting for insiders only. `contentViewer` as for visibleItems.
 */
export function visibleDocuments(viewer: Viewer, contentViewer: Viewer = viewer) {
  return getDb()
    .select({
      id: documents.id,
      /** Besloten itself, or on a besloten item. */
      confidential: sql<boolean>`(${documents.isConfidential} or ${agendaItems.isConfidential})`
        .mapWith(Boolean)
        .as("confidential"),
    })
    .from(documents)
    .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        meetingRule(viewer),
        papersRule(contentViewer),
        or(
          and(eq(documents.isConfidential, false), eq(agendaItems.isConfidential, false)),
          seesInsideSql(contentViewer, meetings.bodyId),
        ),
      ),
    )
    .as("visible_documents");
}

/**
 * Decisions: in a visible meeting, on a list that is vastgesteld unless the viewer is an insider, and
 * besloten decisions (or those on a besloten item) for insiders only.
 */
function decisionRule(viewer: Viewer, { live = false } = {}): SQL | undefined {
  if (seesEverything(viewer)) return undefined;
  const inside = seesInsideSql(viewer, meetings.bodyId);
  return and(
    meetingRule(viewer),
    // Following a public meeting live, everyone hears its decisions as they are taken (docs/decisions/030).
    or(eq(decisionLists.status, "vastgesteld"), inside, live ? eq(meetings.isPublic, true) : undefined),
    or(and(eq(decisions.isConfidential, false), eq(agendaItems.isConfidential, false)), inside),
  );
}

/**
 * Decisions as the live view of a meeting shows them: as visibleDecisions, and besides, to everyone,
 * those of a public meeting's public items while its list is still a concept (said aloud in public).
 */
export function visibleLiveDecisions(viewer: Viewer) {
  return decisionsScope(viewer, { live: true }, "visible_live_decisions");
}

export function visibleDecisions(viewer: Viewer) {
  return decisionsScope(viewer, { live: false }, "visible_decisions");
}

function decisionsScope<N extends string>(viewer: Viewer, options: { live: boolean }, name: N) {
  return getDb()
    .select({
      id: decisions.id,
      /** Besloten itself, or on a besloten item. */
      confidential: sql<boolean>`(${decisions.isConfidential} or ${agendaItems.isConfidential})`
        .mapWith(Boolean)
        .as("confidential"),
    })
    .from(decisions)
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
    .where(decisionRule(viewer, options))
    .as(name);
}

/**
 * Who sees an action in full (names, notes, its log): the beheerder, insiders of the body that follows
 * it, its owner, and the contact of its organisation unless it stems from besloten content. Its origin
 * flags are kept by triggers from the decision, item, meeting and list (migration 0016).
 */
function actionDetailRule(viewer: Viewer): SQL {
  if (!viewer) return sql`0`;
  if (seesEverything(viewer)) return sql`1`;
  return or(
    eq(actions.ownerPersonId, viewer.personId),
    seesInsideSql(viewer, actions.bodyId),
    sql`(${actions.organisationId} in (select organisation_id from ${people} where id = ${viewer.personId} and is_organisation_contact = 1) and not ${actions.confidentialOrigin})`,
  )!;
}

/**
 * Actions: in full for those above; to everyone, without names or notes, an action of a public
 * decision on a vastgesteld list that is public (of a public meeting, or of any meeting of a
 * dagelijks bestuur). `detailed` tells the two apart.
 */
export function visibleActions(viewer: Viewer) {
  const detailed = actionDetailRule(viewer);
  return getDb()
    .select({
      id: actions.id,
      detailed: sql<boolean>`coalesce((${detailed}), 0)`.mapWith(Boolean).as("detailed"),
      /** Stems from besloten content (a besloten decision or item). */
      confidential: actions.confidentialOrigin,
    })
    .from(actions)
    .where(seesEverything(viewer) ? undefined : or(detailed, eq(actions.publicOrigin, true)))
    .as("visible_actions");
}

/** Only the actions the viewer sees in full: filtering on an owner would otherwise reveal names. */
export function detailedActions(viewer: Viewer) {
  return getDb().select({ id: actions.id }).from(actions).where(actionDetailRule(viewer)).as("detailed_actions");
}

/**
 * Planned topics of a bestuursagenda: a besloten topic for the body's insiders only, and a topic
 * planned for a meeting only where that meeting is visible (one planned for a quarter follows the body).
 */
export function visibleTopics(viewer: Viewer) {
  return getDb()
    .select({ id: plannedTopics.id, confidential: plannedTopics.isConfidential })
    .from(plannedTopics)
    .leftJoin(meetings, eq(meetings.id, plannedTopics.meetingId))
    .where(
      seesEverything(viewer)
        ? undefined
        : and(
            or(eq(plannedTopics.isConfidential, false), seesInsideSql(viewer, plannedTopics.bodyId)),
            or(isNull(plannedTopics.meetingId), meetingRule(viewer)),
          ),
    )
    .as("visible_topics");
}

/**
 * Annual plans (and their chapters and goals): adopted and closed plans are public; a concept is for
 * the body's insiders and the kwartiermaker; a plan ter instemming also for the insiders of the
 * stuurgroep, who are to consent to it.
 */
function planRule(viewer: Viewer): SQL | undefined {
  if (seesEverything(viewer) || hasRole(viewer, ["kwartiermaker"])) return undefined;
  const stuurgroepInsider = exists(
    getDb()
      .select({ one: sql`1` })
      .from(bodies)
      .where(and(eq(bodies.kind, "stuurgroep"), seesInsideSql(viewer, bodies.id))),
  );
  return or(
    inArray(annualPlans.status, ["vastgesteld", "afgesloten"]),
    seesInsideSql(viewer, annualPlans.bodyId),
    and(eq(annualPlans.status, "ter_instemming"), stuurgroepInsider),
  );
}

export function visiblePlans(viewer: Viewer) {
  return getDb().select({ id: annualPlans.id }).from(annualPlans).where(planRule(viewer)).as("visible_plans");
}

/** Plan goals, through their plan. */
export function visiblePlanGoals(viewer: Viewer) {
  return getDb()
    .select({ id: planGoals.id })
    .from(planGoals)
    .innerJoin(annualPlans, eq(annualPlans.id, planGoals.planId))
    .where(planRule(viewer))
    .as("visible_plan_goals");
}

/** Newsletter editions: published ones for everyone, concepts for those who make the newsletter. */
export function visibleEditions(viewer: Viewer) {
  return getDb()
    .select({ id: newsletterEditions.id })
    .from(newsletterEditions)
    .where(canManageProgrammes(viewer) ? undefined : eq(newsletterEditions.status, "gepubliceerd"))
    .as("visible_editions");
}

/**
 * Links between a record and the goals it serves: visible when both ends are. An agenda item counts
 * as an end only when its content is visible; an objective is public; a plan goal follows its plan.
 */
export function visibleGoalLinks(viewer: Viewer) {
  const items = visibleItems(viewer);
  const itemIds = getDb().select({ id: items.id }).from(items).where(readable(items));
  const decisionScope = visibleDecisions(viewer);
  const actionScope = visibleActions(viewer);
  const goalScope = visiblePlanGoals(viewer);
  const goalIds = getDb().select({ id: goalScope.id }).from(goalScope);
  return getDb()
    .select({ id: goalLinks.id })
    .from(goalLinks)
    .where(
      seesEverything(viewer)
        ? undefined
        : and(
            or(isNull(goalLinks.planGoalId), inArray(goalLinks.planGoalId, goalIds)),
            or(
              and(isNotNull(goalLinks.agendaItemId), inArray(goalLinks.agendaItemId, itemIds)),
              and(
                isNotNull(goalLinks.decisionId),
                inArray(goalLinks.decisionId, getDb().select({ id: decisionScope.id }).from(decisionScope)),
              ),
              and(
                isNotNull(goalLinks.actionId),
                inArray(goalLinks.actionId, getDb().select({ id: actionScope.id }).from(actionScope)),
              ),
              and(isNotNull(goalLinks.targetPlanGoalId), inArray(goalLinks.targetPlanGoalId, goalIds)),
            ),
          ),
    )
    .as("visible_goal_links");
}

/**
 * Personal notes: their author's, and a note its author shared for the insiders of the item's body;
 * the beheerder reads no one's notes. Only where the viewer may read the item (and the paper) at all.
 */
export function visibleNotes(viewer: Viewer) {
  const db = getDb();
  if (!viewer)
    return db
      .select({ id: personalNotes.id, own: sql<boolean>`0`.mapWith(Boolean).as("own") })
      .from(personalNotes)
      .where(sql`0`)
      .as("visible_notes");
  const own = eq(personalNotes.authorUserId, viewer.userId);
  const paperReadable = or(
    isNull(personalNotes.documentId),
    exists(
      db
        .select({ one: sql`1` })
        .from(documents)
        .where(
          and(
            eq(documents.id, personalNotes.documentId),
            papersRule(viewer),
            or(eq(documents.isConfidential, false), seesInsideSql(viewer, meetings.bodyId)),
          ),
        ),
    ),
  );
  return db
    .select({ id: personalNotes.id, own: sql<boolean>`(${own})`.mapWith(Boolean).as("own") })
    .from(personalNotes)
    .innerJoin(agendaItems, eq(agendaItems.id, personalNotes.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        or(own, and(eq(personalNotes.isShared, true), seesInsideSql(viewer, meetings.bodyId))),
        meetingRule(viewer),
        itemContentRule(viewer),
        paperReadable,
      ),
    )
    .as("visible_notes");
}

/**
 * The meeting whose besluitenlijst lists a closed written procedure under "Schriftelijk besloten": the
 * body's first meeting (not cancelled) after the procedure closed.
 */
export const listingMeetingIdSql = sql<
  number | null
>`(select m.id from ${meetings} m where m.body_id = ${writtenProcedures.bodyId} and m.status != 'geannuleerd' and m.starts_at > ${writtenProcedures.closedAt} order by m.starts_at limit 1)`;

/**
 * Written procedures: every one of the body for its insiders (they answer them); for anyone else a
 * closed one that is not besloten, once the besluitenlijst that lists it is vastgesteld and visible
 * to them, as a decision on that list would be.
 */
export function visibleWrittenProcedures(viewer: Viewer) {
  const db = getDb();
  const publicWhenListed = and(
    eq(writtenProcedures.isConfidential, false),
    eq(writtenProcedures.status, "gesloten"),
    exists(
      db
        .select({ one: sql`1` })
        .from(meetings)
        .innerJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
        .where(
          and(
            sql`${meetings.id} = ${listingMeetingIdSql}`,
            eq(decisionLists.status, "vastgesteld"),
            meetingRule(viewer),
          ),
        ),
    ),
  );
  return db
    .select({ id: writtenProcedures.id })
    .from(writtenProcedures)
    .where(seesEverything(viewer) ? undefined : or(seesInsideSql(viewer, writtenProcedures.bodyId), publicWhenListed))
    .as("visible_written_procedures");
}
