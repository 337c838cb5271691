import { and, asc, eq, gte, inArray, isNull, ne } from "drizzle-orm";
import { annualPlans, bodies, meetings, plannedTopics } from "../../db/schema";
import { forbidden } from "~/auth/guards";
import { canManageMeetings, canSeeConfidential } from "~/auth/permissions";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import { topicPurposeLabels, type TopicPurpose } from "~/lib/vocabulary";
import { insertWorkflowAgendaItem } from "./agenda.server";
import { writeAudit } from "./audit.server";
import { RuleError } from "./errors";
import { visibleTo } from "./meetings.server";

// The bestuursagenda: topics planned for a body's coming meetings. Besloten topics are for the
// members of the body; the public sees the rest (docs/decisions/015).

function requireManager(viewer: Viewer, bodyId: number): asserts viewer is SignedInViewer {
  if (!canManageMeetings(viewer, { id: bodyId }))
    forbidden("Alleen het secretariaat van dit gremium plant onderwerpen.");
}

/**
 * A body's planning: per coming meeting its topics, topics planned for a quarter only, and topics whose
 * meeting has passed without them reaching an agenda. For a stuurgroep, the concept plans of next year
 * show as expected topics "ter instemming".
 */
export function getPlanning({ viewer, bodyId, now = Date.now() }: { viewer: Viewer; bodyId: number; now?: number }) {
  const db = getDb();
  const member = canSeeConfidential(viewer, { id: bodyId });
  const topics = db
    .select({
      id: plannedTopics.id,
      subject: plannedTopics.subject,
      purpose: plannedTopics.purpose,
      ownerName: plannedTopics.ownerName,
      meetingId: plannedTopics.meetingId,
      quarter: plannedTopics.quarter,
      isConfidential: plannedTopics.isConfidential,
      agendaItemId: plannedTopics.agendaItemId,
      version: plannedTopics.version,
      meetingStartsAt: meetings.startsAt,
    })
    .from(plannedTopics)
    .leftJoin(meetings, eq(meetings.id, plannedTopics.meetingId))
    .where(and(eq(plannedTopics.bodyId, bodyId), member ? undefined : eq(plannedTopics.isConfidential, false)))
    .orderBy(asc(plannedTopics.quarter), asc(plannedTopics.id))
    .all();
  const coming = db
    .select({ id: meetings.id, startsAt: meetings.startsAt, status: meetings.status })
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, bodyId),
        gte(meetings.endsAt, now),
        ne(meetings.status, "geannuleerd"),
        visibleTo(viewer),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
  const body = db.select({ kind: bodies.kind }).from(bodies).where(eq(bodies.id, bodyId)).get();
  const nextYear = Number(todayIso(now).slice(0, 4)) + 1;
  const expectedPlans =
    body?.kind === "stuurgroep"
      ? db
          .select({ id: annualPlans.id, title: annualPlans.title, bodyName: bodies.name })
          .from(annualPlans)
          .innerJoin(bodies, eq(bodies.id, annualPlans.bodyId))
          .where(and(eq(annualPlans.year, nextYear), inArray(annualPlans.status, ["concept", "ter_instemming"])))
          .all()
          .filter(() => member || canManageMeetings(viewer, { id: bodyId }))
      : [];
  return {
    canManage: canManageMeetings(viewer, { id: bodyId }),
    meetings: coming.map((m) => ({ ...m, topics: topics.filter((t) => t.meetingId === m.id) })),
    byQuarter: topics.filter((t) => t.meetingId === null && !t.agendaItemId),
    overdue: topics.filter(
      (t) => t.meetingId !== null && t.meetingStartsAt !== null && t.meetingStartsAt < now && !t.agendaItemId,
    ),
    expectedPlans,
  };
}

export type TopicInput = {
  subject: string;
  purpose: TopicPurpose;
  ownerName: string | null;
  meetingId: number | null;
  quarter: string | null;
  isConfidential: boolean;
};

function checkTarget(bodyId: number, input: TopicInput) {
  if (!input.meetingId && !input.quarter)
    throw new RuleError({ meetingId: ["Kies een vergadering, of vul het kwartaal in (bijvoorbeeld 2027-K1)."] });
  if (input.quarter && !/^\d{4}-K[1-4]$/.test(input.quarter))
    throw new RuleError({ quarter: ["Schrijf het kwartaal als 2027-K1."] });
  if (input.meetingId) {
    const meeting = getDb()
      .select({ bodyId: meetings.bodyId })
      .from(meetings)
      .where(eq(meetings.id, input.meetingId))
      .get();
    if (!meeting || meeting.bodyId !== bodyId)
      throw new RuleError({ meetingId: ["Deze vergadering hoort niet bij dit gremium."] });
  }
}

export function addTopic({ viewer, bodyId, input }: { viewer: Viewer; bodyId: number; input: TopicInput }) {
  requireManager(viewer, bodyId);
  checkTarget(bodyId, input);
  return getDb().transaction((tx) => {
    const topic = tx
      .insert(plannedTopics)
      .values({ bodyId, ...input })
      .returning({ id: plannedTopics.id })
      .get();
    writeAudit(tx, {
      actorUserId: viewer.userId,
      action: "topic.add",
      entityType: "body",
      entityId: bodyId,
      summary: `Onderwerp ‘${input.subject}’ op de bestuursagenda (${topicPurposeLabels[input.purpose].toLowerCase()})`,
      after: input,
    });
    return topic;
  });
}

export function removeTopic({ viewer, id }: { viewer: Viewer; id: number }) {
  getDb().transaction((tx) => {
    const topic = tx.select().from(plannedTopics).where(eq(plannedTopics.id, id)).get();
    if (!topic) return;
    requireManager(viewer, topic.bodyId);
    tx.delete(plannedTopics).where(eq(plannedTopics.id, id)).run();
    writeAudit(tx, {
      actorUserId: viewer.userId,
      action: "topic.remove",
      entityType: "body",
      entityId: topic.bodyId,
      summary: `Onderwerp ‘${topic.subject}’ van de bestuursagenda gehaald`,
      before: { subject: topic.subject },
    });
  });
}

/** The topics planned for a meeting that are not on its agenda yet, offered when building it. */
export function listTopicsForMeeting({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  const meeting = getDb().select({ bodyId: meetings.bodyId }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || !canManageMeetings(viewer, { id: meeting.bodyId })) return [];
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
  return getDb().transaction((tx) => {
    const topic = tx.select().from(plannedTopics).where(eq(plannedTopics.id, topicId)).get();
    if (!topic) throw new RuleError({ "": ["Dit onderwerp bestaat niet meer."] });
    requireManager(viewer, topic.bodyId);
    if (!topic.meetingId) throw new RuleError({ "": ["Kies eerst de vergadering van dit onderwerp."] });
    if (topic.agendaItemId) throw new RuleError({ "": ["Dit onderwerp staat al op de agenda."] });
    const item = insertWorkflowAgendaItem(tx, {
      meetingId: topic.meetingId,
      input: {
        section: topic.purpose === "informatie" ? "C" : "B",
        subject: topic.subject,
        proposalMarkdown: "",
        presenter: topic.ownerName,
        isConfidential: topic.isConfidential,
      },
      actorUserId: viewer!.userId,
      now,
    });
    tx.update(plannedTopics)
      .set({ agendaItemId: item.id, version: topic.version + 1, updatedAt: now })
      .where(eq(plannedTopics.id, topicId))
      .run();
    return item;
  });
}
