import { and, asc, eq, gte, inArray, like, lte, ne, or, sql } from "drizzle-orm";
import {
  agendaItems,
  bodies,
  decisionAmendments,
  decisionLists,
  decisions,
  goalLinks,
  meetings,
} from "../../db/schema";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { itemNumbersOf } from "./agenda-numbers.server";
import { getDb, type Tx } from "~/lib/db.server";
import { amsterdamDateAndTime, formatDateTime, instantFromAmsterdam } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown.server";
import type { BodyKind, DecisionOutcome } from "~/lib/vocabulary";
import { insertAction, listActionsForDecisions, removeActionsOfDecision } from "./actions.server";
import { change } from "./access/change.server";
import { visibleDecisions } from "./access/scopes.server";
import { writeAudit } from "./audit.server";
import { applyDecisionToPlans, revertPlansOfDecision } from "./plans.server";
import { RuleError } from "./errors";
import { byManager, getMeeting, meetingForChange, requireOpenMeeting, type MeetingForChange } from "./meetings.server";
import { actorOf } from "./access/viewer";

/** The body's code in references: its own code, or one made from its kind or name. */
export function bodyCode(body: { code: string | null; kind: BodyKind; name: string }) {
  if (body.code) return body.code;
  if (body.kind === "stuurgroep") return "SG";
  if (body.kind === "expertgroep") return "EG";
  const words = body.name
    .replace(/^(Themagroep|Werkgroep)\s+/i, "")
    .split(/\s+/)
    .filter((w) => !/^(en|van|de|het|der)$/i.test(w));
  return (
    words
      .map((w) => w[0]!.toUpperCase())
      .join("")
      .slice(0, 4) || "G"
  );
}

/** Which meeting of its body in that calendar year this is (1, 2 …), cancelled ones not counted. */
function meetingNumberInYear(tx: Tx, meeting: { id: number; bodyId: number; startsAt: number }) {
  const year = amsterdamDateAndTime(meeting.startsAt).date.slice(0, 4);
  const from = instantFromAmsterdam(`${year}-01-01`, "00:00");
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, meeting.bodyId),
        gte(meetings.startsAt, from),
        lte(meetings.startsAt, meeting.startsAt),
        ne(meetings.status, "geannuleerd"),
      ),
    )
    .get();
  return { year, number: row?.n ?? 1 };
}

export function newReference(tx: Tx, meeting: { id: number; bodyId: number; startsAt: number }, itemNumber: string) {
  const body = tx
    .select({ code: bodies.code, kind: bodies.kind, name: bodies.name })
    .from(bodies)
    .where(eq(bodies.id, meeting.bodyId))
    .get()!;
  const { year, number } = meetingNumberInYear(tx, meeting);
  const base = `${bodyCode(body)}-${year}-${String(number).padStart(2, "0")}-${itemNumber}`;
  const taken = tx
    .select({ reference: decisions.reference })
    .from(decisions)
    .where(like(decisions.reference, `${base}%`))
    .all()
    .map((d) => d.reference);
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function listStatus(tx: Tx, meetingId: number) {
  return tx.select().from(decisionLists).where(eq(decisionLists.meetingId, meetingId)).get() ?? null;
}

function requireOpenList(tx: Tx, meetingId: number) {
  const list = listStatus(tx, meetingId);
  if (list?.status === "vastgesteld") {
    throw new RuleError({
      "": [
        "De besluitenlijst is vastgesteld en kan niet meer worden gewijzigd; een wijziging loopt via een latere vergadering.",
      ],
    });
  }
  if (!list) tx.insert(decisionLists).values({ meetingId }).run();
}

export type CommitmentInput = {
  description: string;
  personId?: number | null;
  organisationId?: number | null;
  dueOn?: string | null;
};
export type DecisionInput = {
  outcome: DecisionOutcome;
  textMarkdown: string;
  discussionMarkdown: string;
  isConfidential: boolean;
  commitments: CommitmentInput[];
  /** Only on the item that adopts an earlier list: new texts for decisions of that list. */
  amendments?: { decisionId: number; textMarkdown: string }[];
};

function itemWithNumber(tx: Tx, agendaItemId: number) {
  const item = tx.select().from(agendaItems).where(eq(agendaItems.id, agendaItemId)).get();
  if (!item) throw new RuleError({ "": ["Dit agendapunt bestaat niet meer."] });
  return { ...item, number: itemNumbersOf(tx, [item.meetingId]).get(item.id)! };
}

/**
 * Adopts an earlier meeting's list: concept → vastgesteld, with the adopting meeting and date.
 * Amendments replace the texts they name; the earlier wording is kept as history.
 */
function adoptList(
  tx: Tx,
  viewer: SignedInViewer,
  {
    listMeetingId,
    adoptingMeetingId,
    amendments,
    now,
    adoptedAt,
  }: {
    listMeetingId: number;
    adoptingMeetingId: number;
    amendments: { decisionId: number; textMarkdown: string }[];
    now: number;
    /** The adopting meeting's moment: the list's date of adoption, whenever it is typed in. */
    adoptedAt: number;
  },
) {
  const list = listStatus(tx, listMeetingId);
  if (list?.status === "vastgesteld") throw new RuleError({ outcome: ["Deze besluitenlijst is al vastgesteld."] });
  if (!list) tx.insert(decisionLists).values({ meetingId: listMeetingId }).run();
  for (const amendment of amendments) {
    const decision = tx
      .select({
        id: decisions.id,
        textMarkdown: decisions.textMarkdown,
        reference: decisions.reference,
        meetingId: agendaItems.meetingId,
      })
      .from(decisions)
      .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
      .where(eq(decisions.id, amendment.decisionId))
      .get();
    if (!decision || decision.meetingId !== listMeetingId)
      throw new RuleError({ amendments: ["Een wijziging hoort niet bij deze besluitenlijst."] });
    if (decision.textMarkdown.trim() === amendment.textMarkdown.trim()) continue;
    tx.insert(decisionAmendments)
      .values({
        decisionId: decision.id,
        previousTextMarkdown: decision.textMarkdown,
        newTextMarkdown: amendment.textMarkdown,
        amendedByMeetingId: adoptingMeetingId,
      })
      .run();
    tx.update(decisions)
      .set({
        textMarkdown: amendment.textMarkdown,
        textHtml: renderMarkdown(amendment.textMarkdown),
        updatedAt: now,
        version: sql`${decisions.version} + 1`,
      })
      .where(eq(decisions.id, decision.id))
      .run();
    writeAudit(tx, {
      actorUserId: actorOf(viewer),
      action: "decision.amend",
      entityType: "decision",
      entityId: decision.id,
      summary: `Besluit ${decision.reference} gewijzigd bij het vaststellen van de besluitenlijst`,
      before: { text: decision.textMarkdown },
      after: { text: amendment.textMarkdown },
    });
  }
  tx.update(decisionLists)
    .set({
      status: "vastgesteld",
      adoptedAt,
      adoptedByMeetingId: adoptingMeetingId,
      updatedAt: now,
      version: sql`${decisionLists.version} + 1`,
    })
    .where(eq(decisionLists.meetingId, listMeetingId))
    .run();
  writeAudit(tx, {
    actorUserId: actorOf(viewer),
    action: "decision-list.adopt",
    entityType: "meeting",
    entityId: listMeetingId,
    summary: `Besluitenlijst vastgesteld${amendments.length ? " met wijzigingen" : ""}`,
    before: { status: "concept" },
    after: { status: "vastgesteld", adoptedByMeetingId: adoptingMeetingId },
  });
}

/** An agenda item with its number and meeting, as a change of its decisions reads them. */
function itemForChange(agendaItemId: number) {
  const db = getDb();
  if (!db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.id, agendaItemId)).get())
    return undefined;
  const item = itemWithNumber(db, agendaItemId);
  const meeting = meetingForChange(db, item.meetingId)!;
  return { item, meeting, bodyId: meeting.bodyId };
}

/** A decision with its item and meeting, as a change of it reads them. */
function decisionForChange(id: number) {
  const decision = getDb().select().from(decisions).where(eq(decisions.id, id)).get();
  if (!decision) return undefined;
  return { ...itemForChange(decision.agendaItemId)!, decision, version: decision.version };
}

/** A decision that adopted an earlier list is part of that list's legal record. */
function requireNotAdopting(tx: Tx, decision: { id: number; agendaItemId: number; outcome: DecisionOutcome }) {
  const item = tx
    .select({ adoptsMeetingId: agendaItems.adoptsMeetingId })
    .from(agendaItems)
    .where(eq(agendaItems.id, decision.agendaItemId))
    .get();
  const adopted = item?.adoptsMeetingId
    ? tx
        .select({ adoptedByMeetingId: decisionLists.adoptedByMeetingId })
        .from(decisionLists)
        .where(and(eq(decisionLists.meetingId, item.adoptsMeetingId), eq(decisionLists.status, "vastgesteld")))
        .get()
    : undefined;
  if (adopted && decision.outcome !== "aangehouden")
    throw new RuleError({
      "": [
        "Met dit besluit is een eerdere besluitenlijst vastgesteld; het hoort bij die vastgestelde lijst en kan niet meer worden gewijzigd of verwijderd.",
      ],
    });
}

const DECISION_GONE = "Dit besluit bestaat niet meer.";

/** A decision changes only on an open meeting's concept list, and not when it adopted an earlier list. */
function requireChangeable(
  { meeting, decision }: { meeting: MeetingForChange; decision: typeof decisions.$inferSelect },
  tx: Tx,
) {
  requireOpenMeeting(meeting);
  requireOpenList(tx, meeting.id);
  requireNotAdopting(tx, decision);
}

/**
 * Records a decision on an agenda item, with its toezeggingen. On the hamerstuk that adopts an
 * earlier besluitenlijst, a conform or gewijzigd decision adopts that list.
 */
export function recordDecision({
  viewer,
  agendaItemId,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  agendaItemId: number;
  input: DecisionInput;
  now?: number;
}) {
  return change({
    viewer,
    load: () => itemForChange(agendaItemId),
    missing: "Dit agendapunt bestaat niet meer.",
    allow: byManager(),
    check: ({ item, meeting }, tx) => {
      requireOpenMeeting(meeting);
      if (meeting.status === "concept")
        throw new RuleError({ "": ["Publiceer eerst de agenda; besluiten legt u vast tijdens of na de vergadering."] });
      requireOpenList(tx, meeting.id);
      if (item.adoptsMeetingId && !["conform", "gewijzigd", "aangehouden"].includes(input.outcome)) {
        throw new RuleError({
          outcome: ["Kies bij het vaststellen van een besluitenlijst: conform, gewijzigd vastgesteld of aangehouden."],
        });
      }
      if (input.outcome === "gewijzigd" && item.adoptsMeetingId && !(input.amendments ?? []).length) {
        throw new RuleError({ outcome: ["Geef aan welke besluiten gewijzigd zijn, of kies ‘conform’."] });
      }
    },
    write: (tx, { item, meeting }, signedIn) => {
      // A decision is taken at its meeting: toezeggingen open, plans and the earlier list are adopted on the
      // meeting's date, also when the secretariaat enters it days or years later (the audit log keeps when).
      const decidedAt = Math.min(now, meeting.startsAt);
      const reference = newReference(
        tx,
        { id: meeting.id, bodyId: meeting.bodyId, startsAt: meeting.startsAt },
        item.number,
      );
      const decision = tx
        .insert(decisions)
        .values({
          agendaItemId,
          reference,
          outcome: input.outcome,
          textMarkdown: input.textMarkdown,
          textHtml: renderMarkdown(input.textMarkdown),
          discussionMarkdown: input.discussionMarkdown,
          discussionHtml: renderMarkdown(input.discussionMarkdown),
          isConfidential: input.isConfidential,
        })
        .returning({ id: decisions.id })
        .get();
      // Every toezegging is an action the body follows until it is done.
      input.commitments.forEach((commitment, index) => {
        insertAction(
          tx,
          signedIn,
          {
            bodyId: meeting.bodyId,
            description: commitment.description,
            ownerPersonId: commitment.personId ?? null,
            organisationId: commitment.organisationId ?? null,
            dueOn: commitment.dueOn ?? null,
            decisionId: decision.id,
            agendaItemId,
            meetingId: meeting.id,
          },
          {
            now: decidedAt,
            field: `commitments[${index}].dueOn`,
            arisesNow: decidedAt === now,
            since: "de dag van de vergadering",
          },
        );
      });
      // A plan put ter instemming on this item is adopted (or sent back) by this decision.
      applyDecisionToPlans(tx, {
        agendaItemId,
        decisionId: decision.id,
        outcome: input.outcome,
        actorUserId: actorOf(signedIn),
        now,
        decidedAt,
      });
      if (item.adoptsMeetingId && input.outcome !== "aangehouden") {
        adoptList(tx, signedIn, {
          listMeetingId: item.adoptsMeetingId,
          adoptingMeetingId: meeting.id,
          amendments: input.amendments ?? [],
          now,
          adoptedAt: decidedAt,
        });
      }
      return { id: decision.id, reference };
    },
    audit: ({ item, meeting }, { id, reference }) => ({
      action: "decision.record",
      entityType: "decision",
      entityId: id,
      summary: `Besluit ${reference} vastgelegd bij ‘${item.subject}’ — ${meeting.bodyName}, ${formatDateTime(meeting.startsAt)}`,
      after: { outcome: input.outcome, commitments: input.commitments.length, isConfidential: input.isConfidential },
    }),
    now,
  });
}

/** Changes a decision while its list is a concept; a vastgesteld list refuses every direct edit. */
export function updateDecision({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: Omit<DecisionInput, "amendments" | "commitments">;
  now?: number;
}) {
  change({
    viewer,
    load: () => decisionForChange(id),
    missing: DECISION_GONE,
    allow: byManager(),
    expectedVersion,
    saved: ({ decision }) => ({
      outcome: decision.outcome,
      textMarkdown: decision.textMarkdown,
      discussionMarkdown: decision.discussionMarkdown,
      isConfidential: decision.isConfidential,
      version: decision.version,
    }),
    check: requireChangeable,
    write: (tx) =>
      tx
        .update(decisions)
        .set({
          outcome: input.outcome,
          textMarkdown: input.textMarkdown,
          textHtml: renderMarkdown(input.textMarkdown),
          discussionMarkdown: input.discussionMarkdown,
          discussionHtml: renderMarkdown(input.discussionMarkdown),
          isConfidential: input.isConfidential,
        })
        .where(eq(decisions.id, id))
        .run(),
    touch: { table: decisions, id: () => id },
    audit: ({ decision }) => ({
      action: "decision.update",
      entityType: "decision",
      entityId: id,
      summary: `Besluit ${decision.reference} gewijzigd (concept)`,
      before: { outcome: decision.outcome, text: decision.textMarkdown },
      after: { outcome: input.outcome, text: input.textMarkdown },
    }),
    now,
  });
}

/**
 * Adds a toezegging to a decision of a concept list, as it is made during the meeting: it becomes an
 * action the body follows, like the toezeggingen recorded with the decision.
 */
export function addCommitment({
  viewer,
  decisionId,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  decisionId: number;
  input: CommitmentInput;
  now?: number;
}) {
  return change({
    viewer,
    load: () => decisionForChange(decisionId),
    missing: DECISION_GONE,
    allow: byManager(),
    check: requireChangeable,
    write: (tx, { meeting, item }, signedIn) => {
      const decidedAt = Math.min(now, meeting.startsAt);
      return insertAction(
        tx,
        signedIn,
        {
          bodyId: meeting.bodyId,
          description: input.description,
          ownerPersonId: input.personId ?? null,
          organisationId: input.organisationId ?? null,
          dueOn: input.dueOn ?? null,
          decisionId,
          agendaItemId: item.id,
          meetingId: meeting.id,
        },
        { now: decidedAt, field: "dueOn", arisesNow: decidedAt === now, since: "de dag van de vergadering" },
      );
    },
    // insertAction logs the new action itself.
    audit: () => null,
    now,
  });
}

/** Removes a decision of a concept list, and the toezeggingen it made; an adopted one stays. */
export function removeDecision({ viewer, id, now = Date.now() }: { viewer: Viewer; id: number; now?: number }) {
  change({
    viewer,
    load: () => decisionForChange(id),
    missing: DECISION_GONE,
    allow: byManager(),
    check: requireChangeable,
    write: (tx, _row, signedIn) => {
      revertPlansOfDecision(tx, { decisionId: id, actorUserId: actorOf(signedIn), now });
      // The database no longer takes the actions along (migration 0018): they go explicitly.
      const removedActions = removeActionsOfDecision(tx, id);
      tx.delete(decisions).where(eq(decisions.id, id)).run();
      return removedActions;
    },
    audit: ({ decision }, removedActions) => ({
      action: "decision.remove",
      entityType: "decision",
      entityId: id,
      summary: `Besluit ${decision.reference} verwijderd (concept)${removedActions ? `, met ${removedActions} toezegging(en)` : ""}`,
      before: { outcome: decision.outcome, text: decision.textMarkdown },
    }),
    now,
  });
}

/**
 * A meeting's besluitenlijst as the viewer may see it. The public sees a public meeting's list only
 * once it is vastgesteld, and never a besloten decision (of a besloten item, or besloten itself).
 */
export function getDecisionList({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  const meeting = getMeeting({ viewer, id: meetingId });
  if (!meeting) return null;
  const db = getDb();
  const list = listStatus(db, meetingId);
  const status = list?.status ?? "concept";
  if (status === "concept" && !meeting.seesConfidential) return { meeting, status, visible: false as const };
  const scope = visibleDecisions(viewer);
  const rows = db
    .select({
      id: decisions.id,
      agendaItemId: decisions.agendaItemId,
      reference: decisions.reference,
      outcome: decisions.outcome,
      textHtml: decisions.textHtml,
      textMarkdown: decisions.textMarkdown,
      discussionHtml: decisions.discussionHtml,
      discussionMarkdown: decisions.discussionMarkdown,
      isConfidential: scope.confidential,
      version: decisions.version,
    })
    .from(decisions)
    .innerJoin(scope, eq(scope.id, decisions.id))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(decisions.id))
    .all();
  const ids = rows.map((r) => r.id);
  const promised = commitmentsOf(viewer, ids);
  const history = ids.length
    ? db
        .select({
          decisionId: decisionAmendments.decisionId,
          previousTextMarkdown: decisionAmendments.previousTextMarkdown,
          createdAt: decisionAmendments.createdAt,
        })
        .from(decisionAmendments)
        .where(inArray(decisionAmendments.decisionId, ids))
        .all()
    : [];
  const adoptedBy = list?.adoptedByMeetingId
    ? (db
        .select({ id: meetings.id, startsAt: meetings.startsAt })
        .from(meetings)
        .where(eq(meetings.id, list.adoptedByMeetingId))
        .get() ?? null)
    : null;
  // Hidden decisions are counted, not read: the list says how many there are besides the shown ones.
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(decisions)
      .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
      .where(eq(agendaItems.meetingId, meetingId))
      .get()?.n ?? 0;
  return {
    meeting,
    status,
    visible: true as const,
    version: list?.version ?? 1,
    adoptedAt: list?.adoptedAt ?? null,
    adoptedBy,
    hiddenCount: total - rows.length,
    decisions: rows.map((row) => ({
      ...row,
      commitments: promised.filter((c) => c.decisionId === row.id),
      history: history.filter((h) => h.decisionId === row.id),
    })),
  };
}

/** The toezeggingen of decisions: the actions they became, as far as the viewer may see them. */
function commitmentsOf(viewer: Viewer, decisionIds: number[]) {
  return listActionsForDecisions({ viewer, decisionIds }).map((action) => ({
    actionId: action.id,
    decisionId: action.decisionId,
    description: action.description,
    dueOn: action.dueOn,
    status: action.status,
    overdue: action.overdue,
    personName: action.ownerName,
    organisationName: action.organisationName,
  }));
}

const registerColumns = (scope: ReturnType<typeof visibleDecisions>) => ({
  id: decisions.id,
  reference: decisions.reference,
  outcome: decisions.outcome,
  textHtml: decisions.textHtml,
  isConfidential: scope.confidential,
  subject: agendaItems.subject,
  meetingId: meetings.id,
  startsAt: meetings.startsAt,
  bodyName: bodies.name,
  bodySlug: bodies.slug,
  listStatus: sql<string>`coalesce(${decisionLists.status}, 'concept')`,
});

export const REGISTER_PAGE_SIZE = 50;

/** The decision register: every decision the viewer may see, newest first, with filters. */
export function listDecisions({
  viewer,
  bodyId,
  year,
  outcome,
  text,
  objectiveId,
  page = 1,
  pageSize = REGISTER_PAGE_SIZE,
}: {
  viewer: Viewer;
  pageSize?: number;
  /** Decisions linked to this objective (opgave, ambitie). */
  objectiveId?: number;
  bodyId?: number;
  year?: number;
  outcome?: DecisionOutcome;
  text?: string;
  page?: number;
}) {
  const words = (text ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const scope = visibleDecisions(viewer);
  const rows = getDb()
    .select(registerColumns(scope))
    .from(decisions)
    .innerJoin(scope, eq(scope.id, decisions.id))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
    .where(
      and(
        bodyId ? eq(meetings.bodyId, bodyId) : undefined,
        year
          ? and(
              gte(meetings.startsAt, instantFromAmsterdam(`${year}-01-01`, "00:00")),
              lte(meetings.startsAt, instantFromAmsterdam(`${year}-12-31`, "23:59")),
            )
          : undefined,
        outcome ? eq(decisions.outcome, outcome) : undefined,
        objectiveId
          ? inArray(
              decisions.id,
              getDb()
                .select({ id: goalLinks.decisionId })
                .from(goalLinks)
                .where(eq(goalLinks.objectiveId, objectiveId)),
            )
          : undefined,
        ...words.map((word) =>
          or(
            like(agendaItems.subject, `%${word}%`),
            like(decisions.textMarkdown, `%${word}%`),
            like(decisions.reference, `%${word}%`),
          ),
        ),
      ),
    )
    .orderBy(sql`${meetings.startsAt} desc`, asc(decisions.reference))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .all();
  return { decisions: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

/** One decision by its reference, with its item and meeting; null when unknown or hidden from the viewer. */
export function getDecisionByReference({ viewer, reference }: { viewer: Viewer; reference: string }) {
  const scope = visibleDecisions(viewer);
  const row = getDb()
    .select({
      ...registerColumns(scope),
      textMarkdown: decisions.textMarkdown,
      discussionHtml: decisions.discussionHtml,
      agendaItemId: agendaItems.id,
      proposalHtml: agendaItems.proposalHtml,
      bodyId: meetings.bodyId,
      adoptedAt: decisionLists.adoptedAt,
      adoptedByMeetingId: decisionLists.adoptedByMeetingId,
    })
    .from(decisions)
    .innerJoin(scope, eq(scope.id, decisions.id))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
    .where(eq(decisions.reference, reference))
    .get();
  if (!row) return null;
  const db = getDb();
  return {
    ...row,
    commitments: commitmentsOf(viewer, [row.id]),
    history: db
      .select({
        previousTextMarkdown: decisionAmendments.previousTextMarkdown,
        amendedByMeetingId: decisionAmendments.amendedByMeetingId,
        createdAt: decisionAmendments.createdAt,
      })
      .from(decisionAmendments)
      .where(eq(decisionAmendments.decisionId, row.id))
      .all(),
  };
}

/** The decisions on some agenda items that the viewer may see (for hand-offs shown back upstream). */
export function listDecisionsForItems({ viewer, agendaItemIds }: { viewer: Viewer; agendaItemIds: number[] }) {
  if (agendaItemIds.length === 0) return [];
  const scope = visibleDecisions(viewer);
  return getDb()
    .select({ agendaItemId: decisions.agendaItemId, reference: decisions.reference, outcome: decisions.outcome })
    .from(decisions)
    .innerJoin(scope, eq(scope.id, decisions.id))
    .where(inArray(decisions.agendaItemId, agendaItemIds))
    .orderBy(asc(decisions.reference))
    .all();
}
