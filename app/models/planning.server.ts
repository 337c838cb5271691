import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import {
  actions,
  agendaItems,
  annualPlans,
  bodies,
  decisions,
  handoffs,
  meetings,
  planGoals,
  plannedTopics,
} from "../../db/schema";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { instantFromAmsterdam, todayIso } from "~/lib/format";
import { originValue } from "~/lib/topic-origin";
import { topicPurposeLabels, type DecisionOutcome, type TopicPurpose } from "~/lib/vocabulary";
import { insertWorkflowAgendaItem } from "./agenda.server";
import { change } from "./access/change.server";
import { managesBody } from "./access/grants";
import {
  visibleActions,
  visibleDecisions,
  visibleItems,
  visibleMeetings,
  visiblePlanGoals,
  visiblePlans,
  visibleTopics,
} from "./access/scopes.server";
import { acceptHandoffInto } from "./handoffs.server";
import { Forbidden, RuleError } from "./errors";
import { actorOf } from "./access/viewer";

// The bestuursagenda: topics planned for a body's coming meetings. Besloten topics are for the
// members of the body; the public sees the rest (docs/decisions/015).

const MANAGER_ONLY = "Alleen het secretariaat van dit gremium plant onderwerpen.";

function requireManager(viewer: Viewer, bodyId: number): asserts viewer is SignedInViewer {
  if (!managesBody(viewer, bodyId)) throw new Forbidden(MANAGER_ONLY);
}

/** A body's topics as the viewer may see them, each with its origin and the decisions on its item. */
function loadTopics(viewer: Viewer, bodyId: number) {
  const scope = visibleTopics(viewer);
  const topics = getDb()
    .select({
      id: plannedTopics.id,
      subject: plannedTopics.subject,
      purpose: plannedTopics.purpose,
      ownerName: plannedTopics.ownerName,
      meetingId: plannedTopics.meetingId,
      quarter: plannedTopics.quarter,
      isConfidential: scope.confidential,
      agendaItemId: plannedTopics.agendaItemId,
      version: plannedTopics.version,
      meetingStartsAt: meetings.startsAt,
      itemMeetingId: agendaItems.meetingId,
      originPlanGoalId: plannedTopics.originPlanGoalId,
      originActionId: plannedTopics.originActionId,
      originHandoffId: plannedTopics.originHandoffId,
    })
    .from(plannedTopics)
    .innerJoin(scope, eq(scope.id, plannedTopics.id))
    .leftJoin(meetings, eq(meetings.id, plannedTopics.meetingId))
    .leftJoin(agendaItems, eq(agendaItems.id, plannedTopics.agendaItemId))
    .where(eq(plannedTopics.bodyId, bodyId))
    .orderBy(asc(plannedTopics.quarter), asc(plannedTopics.id))
    .all();
  const origins = describeOrigins(viewer, topics);
  const decided = decisionsOnItems(
    viewer,
    topics.flatMap((t) => (t.agendaItemId ? [t.agendaItemId] : [])),
  );
  return topics.map((t) => ({
    ...t,
    origin: origins(t),
    decisions: t.agendaItemId ? (decided.get(t.agendaItemId) ?? []) : [],
  }));
}

/**
 * For a stuurgroep: the plans of the given years that still await its consent, expected on its agenda
 * in February, as far as the viewer may see them (a concept is its own body's until it is submitted).
 */
function expectedPlansFor(viewer: Viewer, bodyId: number, years: SQL | undefined) {
  const db = getDb();
  const body = db.select({ kind: bodies.kind }).from(bodies).where(eq(bodies.id, bodyId)).get();
  if (body?.kind !== "stuurgroep") return [];
  const scope = visiblePlans(viewer);
  return db
    .select({ id: annualPlans.id, title: annualPlans.title, year: annualPlans.year, bodyName: bodies.name })
    .from(annualPlans)
    .innerJoin(scope, eq(scope.id, annualPlans.id))
    .innerJoin(bodies, eq(bodies.id, annualPlans.bodyId))
    .where(and(years, inArray(annualPlans.status, ["concept", "ter_instemming"])))
    .orderBy(asc(annualPlans.year), asc(bodies.name))
    .all();
}

/**
 * A body's planning: per coming meeting its topics, topics planned for a quarter only, and topics whose
 * meeting has passed without them reaching an agenda. For a stuurgroep, the concept plans of this and
 * next year show as expected topics "ter instemming".
 */
export function getPlanning({ viewer, bodyId, now = Date.now() }: { viewer: Viewer; bodyId: number; now?: number }) {
  const withLinks = loadTopics(viewer, bodyId);
  const scope = visibleMeetings(viewer);
  const coming = getDb()
    .select({ id: meetings.id, startsAt: meetings.startsAt, status: meetings.status })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .where(and(eq(meetings.bodyId, bodyId), gte(meetings.endsAt, now), ne(meetings.status, "geannuleerd")))
    .orderBy(asc(meetings.startsAt))
    .all();
  const canManage = managesBody(viewer, bodyId);
  // A topic can be tied to any meeting of the body that was not cancelled: coming ones first, then the
  // past ones newest first, so a network's earlier years can be entered too.
  const past = canManage
    ? getDb()
        .select({ id: meetings.id, startsAt: meetings.startsAt })
        .from(meetings)
        .innerJoin(scope, eq(scope.id, meetings.id))
        .where(and(eq(meetings.bodyId, bodyId), lt(meetings.endsAt, now), ne(meetings.status, "geannuleerd")))
        .orderBy(desc(meetings.startsAt))
        .all()
    : [];
  return {
    canManage,
    meetings: coming.map((m) => ({ ...m, topics: withLinks.filter((t) => t.meetingId === m.id) })),
    meetingChoices: [
      ...coming.map((m) => ({ id: m.id, startsAt: m.startsAt, past: false })),
      ...past.map((m) => ({ ...m, past: true })),
    ],
    byQuarter: withLinks.filter((t) => t.meetingId === null && !t.agendaItemId),
    overdue: withLinks.filter(
      (t) => t.meetingId !== null && t.meetingStartsAt !== null && t.meetingStartsAt < now && !t.agendaItemId,
    ),
    // Topics that went onto an agenda of a meeting now past, newest first, with what was decided.
    handled: withLinks
      .filter((t) => t.agendaItemId && t.meetingStartsAt !== null && t.meetingStartsAt < now)
      .sort((a, b) => b.meetingStartsAt! - a.meetingStartsAt!),
    expectedPlans: expectedPlansFor(viewer, bodyId, gte(annualPlans.year, Number(todayIso(now).slice(0, 4)))),
    origins: canManage ? topicOrigins(bodyId) : null,
  };
}

/** The bestuursagenda of one calendar year, for the Word export: every meeting of that year with its topics. */
export function getYearPlanning({ viewer, bodyId, year }: { viewer: Viewer; bodyId: number; year: number }) {
  const topics = loadTopics(viewer, bodyId);
  const from = instantFromAmsterdam(`${year}-01-01`, "00:00");
  const to = instantFromAmsterdam(`${year + 1}-01-01`, "00:00");
  const scope = visibleMeetings(viewer);
  const yearMeetings = getDb()
    .select({ id: meetings.id, startsAt: meetings.startsAt, location: meetings.location, status: meetings.status })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .where(
      and(
        eq(meetings.bodyId, bodyId),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        ne(meetings.status, "geannuleerd"),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
  return {
    year,
    meetings: yearMeetings.map((m) => ({ ...m, topics: topics.filter((t) => t.meetingId === m.id) })),
    byQuarter: topics.filter((t) => t.meetingId === null && !t.agendaItemId && t.quarter?.startsWith(`${year}-`)),
    expectedPlans: expectedPlansFor(viewer, bodyId, eq(annualPlans.year, year)),
  };
}

type OriginRefs = { originPlanGoalId: number | null; originActionId: number | null; originHandoffId: number | null };
export type TopicOrigin = { kind: "doel" | "actie" | "overdracht"; label: string; href: string | null } | null;

/**
 * Where each topic came from, in words and with a link, told only as far as the viewer may see the
 * origin: a concept plan, a besloten action or a besloten item that was handed over is named by kind only.
 */
function describeOrigins(viewer: Viewer, topics: OriginRefs[]) {
  const db = getDb();
  const ids = (key: keyof OriginRefs) => [...new Set(topics.flatMap((t) => (t[key] ? [t[key]!] : [])))];
  const goalIds = ids("originPlanGoalId");
  const actionIds = ids("originActionId");
  const handoffIds = ids("originHandoffId");
  const goalScope = visiblePlanGoals(viewer);
  const goals = new Map(
    (goalIds.length
      ? db
          .select({ id: planGoals.id, title: planGoals.title, planId: annualPlans.id, planTitle: annualPlans.title })
          .from(planGoals)
          .innerJoin(goalScope, eq(goalScope.id, planGoals.id))
          .innerJoin(annualPlans, eq(annualPlans.id, planGoals.planId))
          .where(inArray(planGoals.id, goalIds))
          .all()
      : []
    ).map((g) => [g.id, g]),
  );
  const actionScope = visibleActions(viewer);
  const shownActions = new Map(
    (actionIds.length
      ? db
          .select({ id: actions.id, description: actions.description })
          .from(actions)
          .innerJoin(actionScope, eq(actionScope.id, actions.id))
          .where(inArray(actions.id, actionIds))
          .all()
      : []
    ).map((a) => [a.id, a]),
  );
  // Who handed a topic over is part of the topic; what they handed over only where its item is readable.
  const items = visibleItems(viewer);
  const handed = new Map(
    (handoffIds.length
      ? db
          .select({
            id: handoffs.id,
            subject: sql<string | null>`case when ${items.contentVisible} then ${agendaItems.subject} end`,
            bodyName: bodies.name,
          })
          .from(handoffs)
          .innerJoin(agendaItems, eq(agendaItems.id, handoffs.fromAgendaItemId))
          .leftJoin(items, eq(items.id, agendaItems.id))
          .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
          .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
          .where(inArray(handoffs.id, handoffIds))
          .all()
      : []
    ).map((h) => [h.id, h]),
  );
  return (topic: OriginRefs): TopicOrigin => {
    if (topic.originPlanGoalId) {
      const goal = goals.get(topic.originPlanGoalId);
      return goal
        ? { kind: "doel", label: `Doel ‘${goal.title}’ uit ${goal.planTitle}`, href: `/jaarplannen/${goal.planId}` }
        : { kind: "doel", label: "Doel uit een jaarplan", href: null };
    }
    if (topic.originActionId) {
      const action = shownActions.get(topic.originActionId);
      return action
        ? { kind: "actie", label: `Actie ‘${action.description}’`, href: `/acties/${action.id}` }
        : { kind: "actie", label: "Een actie", href: null };
    }
    if (topic.originHandoffId) {
      const handoff = handed.get(topic.originHandoffId);
      if (!handoff) return null;
      return {
        kind: "overdracht",
        label: handoff.subject
          ? `Overgedragen door ${handoff.bodyName}: ‘${handoff.subject}’`
          : `Overgedragen door ${handoff.bodyName}`,
        href: null,
      };
    }
    return null;
  };
}

/** The decisions taken on the given agenda items, as far as the viewer may see them. */
function decisionsOnItems(viewer: Viewer, itemIds: number[]) {
  const scope = visibleDecisions(viewer);
  const rows = itemIds.length
    ? getDb()
        .select({ agendaItemId: decisions.agendaItemId, reference: decisions.reference, outcome: decisions.outcome })
        .from(decisions)
        .innerJoin(scope, eq(scope.id, decisions.id))
        .where(inArray(decisions.agendaItemId, itemIds))
        .orderBy(asc(decisions.reference))
        .all()
    : [];
  const byItem = new Map<number, { reference: string; outcome: DecisionOutcome }[]>();
  for (const row of rows) byItem.set(row.agendaItemId, [...(byItem.get(row.agendaItemId) ?? []), row]);
  return byItem;
}

/**
 * What a topic can come from, for the secretariaat's form: goals of the body's current and coming
 * plans, its running actions, and items handed over to it that are not on an agenda yet.
 */
export function listTopicOrigins({ viewer, bodyId }: { viewer: Viewer; bodyId: number }) {
  requireManager(viewer, bodyId);
  return topicOrigins(bodyId);
}

/** What listTopicOrigins offers, for a caller that has checked the secretariaat. */
function topicOrigins(bodyId: number) {
  const db = getDb();
  const year = Number(todayIso().slice(0, 4));
  const goals = db
    .select({ id: planGoals.id, title: planGoals.title, planTitle: annualPlans.title })
    .from(planGoals)
    .innerJoin(annualPlans, eq(annualPlans.id, planGoals.planId))
    .where(
      and(
        eq(annualPlans.bodyId, bodyId),
        gte(annualPlans.year, year),
        ne(annualPlans.status, "afgesloten"),
        ne(planGoals.status, "afgerond"),
      ),
    )
    .orderBy(desc(annualPlans.year), asc(planGoals.position))
    .all();
  const running = db
    .select({ id: actions.id, description: actions.description })
    .from(actions)
    .where(and(eq(actions.bodyId, bodyId), inArray(actions.status, ["open", "in_uitvoering"])))
    .orderBy(asc(actions.dueOn), asc(actions.id))
    .all();
  const handed = db
    .select({ id: handoffs.id, subject: agendaItems.subject, bodyName: bodies.name })
    .from(handoffs)
    .innerJoin(agendaItems, eq(agendaItems.id, handoffs.fromAgendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(handoffs.toBodyId, bodyId), isNull(handoffs.toAgendaItemId)))
    .orderBy(asc(handoffs.id))
    .all();
  return [
    ...goals.map((g) => ({ value: `doel:${g.id}`, label: `Doel: ${g.title} (${g.planTitle})` })),
    ...running.map((a) => ({ value: `actie:${a.id}`, label: `Actie: ${a.description}` })),
    ...handed.map((h) => ({ value: `overdracht:${h.id}`, label: `Overgedragen door ${h.bodyName}: ${h.subject}` })),
  ];
}

export type TopicInput = {
  subject: string;
  purpose: TopicPurpose;
  ownerName: string | null;
  meetingId: number | null;
  quarter: string | null;
  isConfidential: boolean;
  /** "doel:12", "actie:5", "overdracht:3", or null for a free topic. */
  origin?: string | null;
};

/** The origin columns for a chosen origin: one the body's form offers, or the one the topic already has. */
function originColumns(bodyId: number, origin: string | null | undefined, kept = "") {
  const columns = { originPlanGoalId: null, originActionId: null, originHandoffId: null } as {
    originPlanGoalId: number | null;
    originActionId: number | null;
    originHandoffId: number | null;
  };
  if (!origin) return columns;
  if (origin !== kept && !topicOrigins(bodyId).some((o) => o.value === origin))
    throw new RuleError({ origin: ["Kies een herkomst uit de lijst."] });
  const [kind, id] = origin.split(":");
  const key = kind === "doel" ? "originPlanGoalId" : kind === "actie" ? "originActionId" : "originHandoffId";
  columns[key] = Number(id);
  return columns;
}

function topicRow(bodyId: number, input: TopicInput, kept = "") {
  const { origin, ...rest } = input;
  return { ...rest, ...originColumns(bodyId, origin, kept) };
}

function checkTarget(bodyId: number, input: TopicInput) {
  if (!input.meetingId && !input.quarter)
    throw new RuleError({ meetingId: ["Kies een vergadering, of vul het kwartaal in (bijvoorbeeld 2027-K1)."] });
  if (input.quarter && !/^\d{4}-K[1-4]$/.test(input.quarter))
    throw new RuleError({ quarter: ["Schrijf het kwartaal als 2027-K1."] });
  if (input.meetingId) {
    const meeting = getDb()
      .select({ bodyId: meetings.bodyId, status: meetings.status })
      .from(meetings)
      .where(eq(meetings.id, input.meetingId))
      .get();
    if (!meeting || meeting.bodyId !== bodyId)
      throw new RuleError({ meetingId: ["Deze vergadering hoort niet bij dit gremium."] });
    if (meeting.status === "geannuleerd")
      throw new RuleError({ meetingId: ["Deze vergadering is geannuleerd; kies een andere."] });
  }
}

export function addTopic({ viewer, bodyId, input }: { viewer: Viewer; bodyId: number; input: TopicInput }) {
  return change({
    viewer,
    load: () => getDb().select({ bodyId: bodies.id }).from(bodies).where(eq(bodies.id, bodyId)).get(),
    missing: "Dit gremium bestaat niet.",
    allow: byTopicManager,
    check: () => checkTarget(bodyId, input),
    write: (tx) =>
      tx
        .insert(plannedTopics)
        .values({ bodyId, ...topicRow(bodyId, input) })
        .returning({ id: plannedTopics.id })
        .get(),
    audit: () => ({
      action: "topic.add",
      entityType: "body",
      entityId: bodyId,
      summary: `Onderwerp ‘${input.subject}’ op de bestuursagenda (${topicPurposeLabels[input.purpose].toLowerCase()})`,
      after: input,
    }),
  });
}

const byTopicManager = (viewer: Viewer, row: { bodyId: number }) => managesBody(viewer, row.bodyId) || MANAGER_ONLY;

const topicForChange = (id: number) => getDb().select().from(plannedTopics).where(eq(plannedTopics.id, id)).get();

const TOPIC_GONE = "Dit onderwerp bestaat niet meer.";

/** Changes a planned topic; a stale version (someone else changed it meanwhile) is refused. */
export function updateTopic({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: TopicInput;
  now?: number;
}) {
  change({
    viewer,
    now,
    load: () => topicForChange(id),
    missing: TOPIC_GONE,
    allow: byTopicManager,
    expectedVersion,
    check: (topic) => {
      if (topic.agendaItemId && input.meetingId !== topic.meetingId)
        throw new RuleError({ meetingId: ["Dit onderwerp staat al op de agenda; verplaats het agendapunt zelf."] });
      checkTarget(topic.bodyId, input);
    },
    // A goal reached or a hand-off accepted leaves the list of offered origins; the topic keeps it.
    write: (tx, topic) =>
      tx
        .update(plannedTopics)
        .set(topicRow(topic.bodyId, input, originValue(topic)))
        .where(eq(plannedTopics.id, id))
        .run(),
    touch: { table: plannedTopics, id: () => id },
    audit: (topic) => ({
      action: "topic.update",
      entityType: "body",
      entityId: topic.bodyId,
      summary: `Onderwerp ‘${input.subject}’ op de bestuursagenda gewijzigd`,
      before: { subject: topic.subject, meetingId: topic.meetingId, quarter: topic.quarter, purpose: topic.purpose },
      after: input,
    }),
  });
}

export function removeTopic({ viewer, id }: { viewer: Viewer; id: number }) {
  change({
    viewer,
    load: () => topicForChange(id),
    missing: TOPIC_GONE,
    allow: byTopicManager,
    write: (tx) => tx.delete(plannedTopics).where(eq(plannedTopics.id, id)).run(),
    audit: (topic) => ({
      action: "topic.remove",
      entityType: "body",
      entityId: topic.bodyId,
      summary: `Onderwerp ‘${topic.subject}’ van de bestuursagenda gehaald`,
      before: { subject: topic.subject },
    }),
  });
}

/** The topics planned for a meeting that are not on its agenda yet, offered when building it. */
export function listTopicsForMeeting({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  const meeting = getDb().select({ bodyId: meetings.bodyId }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || !managesBody(viewer, meeting.bodyId)) return [];
  return getDb()
    .select({
      id: plannedTopics.id,
      subject: plannedTopics.subject,
      purpose: plannedTopics.purpose,
      ownerName: plannedTopics.ownerName,
    })
    .from(plannedTopics)
    .where(and(eq(plannedTopics.meetingId, meetingId), isNull(plannedTopics.agendaItemId)))
    .orderBy(asc(plannedTopics.id))
    .all();
}

/** One click: the planned topic becomes an agenda item of its meeting (B, or C for information), linked back. */
export function takeTopicOntoAgenda({
  viewer,
  topicId,
  now = Date.now(),
}: {
  viewer: Viewer;
  topicId: number;
  now?: number;
}) {
  return change({
    viewer,
    now,
    load: () => topicForChange(topicId),
    missing: TOPIC_GONE,
    allow: byTopicManager,
    check: (topic) => {
      if (!topic.meetingId) throw new RuleError({ "": ["Kies eerst de vergadering van dit onderwerp."] });
      if (topic.agendaItemId) throw new RuleError({ "": ["Dit onderwerp staat al op de agenda."] });
    },
    write: (tx, topic, signedIn) => {
      // A topic handed over by another body arrives as that body's item, with its proposal and papers.
      const handoff = topic.originHandoffId
        ? tx.select({ status: handoffs.status }).from(handoffs).where(eq(handoffs.id, topic.originHandoffId)).get()
        : null;
      if (handoff?.status === "voorgesteld")
        return acceptHandoffInto(tx, signedIn, { handoffId: topic.originHandoffId!, meetingId: topic.meetingId!, now });
      const item = insertWorkflowAgendaItem(tx, {
        meetingId: topic.meetingId!,
        input: {
          section: topic.purpose === "informatie" ? "C" : "B",
          subject: topic.subject,
          proposalMarkdown: "",
          presenter: topic.ownerName,
          isConfidential: topic.isConfidential,
        },
        actorUserId: actorOf(signedIn),
        now,
      });
      tx.update(plannedTopics)
        .set({ agendaItemId: item.id, version: topic.version + 1, updatedAt: now })
        .where(eq(plannedTopics.id, topicId))
        .run();
      return item;
    },
    // The agenda item's own entry (or the hand-off's) logs what happened.
    audit: () => null,
  });
}
