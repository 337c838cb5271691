import { and, asc, desc, eq, inArray, isNotNull, isNull, like, lte, sql } from "drizzle-orm";
import {
  bodies,
  memberships,
  people,
  writtenProcedureAnswers,
  writtenProcedurePapers,
  writtenProcedures,
} from "../../db/schema";
import { checkUpload } from "~/lib/file-types";
import { titleFromFileName } from "~/lib/paper-title";
import { storagePath, store } from "./documents.server";
import type { Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { amsterdamDateAndTime, formatDateTime, todayIso } from "~/lib/format";
import { hashText, newToken } from "~/lib/link-tokens.server";
import { log } from "~/lib/log.server";
import { sendMail } from "~/lib/mail.server";
import { renderMarkdown } from "~/lib/markdown.server";
import type { WrittenAnswer, WrittenOutcome, WrittenRule, WrittenStatus } from "~/lib/vocabulary";
import { writtenAnswerLabels, writtenOutcomeLabels } from "~/lib/vocabulary";
import { outcomeOf, ruleSentence, tallyOf } from "~/lib/written-rule";
import { anyone, change } from "./access/change.server";
import { managesBody, seesInside } from "./access/grants";
import { listingMeetingIdSql, visibleWrittenProcedures } from "./access/scopes.server";
import { actorOf } from "./access/viewer";
import { writeAudit } from "./audit.server";
import { bodyCode } from "./decisions.server";
import { RuleError } from "./errors";
import { membershipCurrentOn } from "./memberships.server";

// Written procedures (schriftelijke rondes, docs/decisions/030): the secretariaat puts a proposal to
// the body's voting members with a deadline; each answers signed in or through a personal link in
// the mail, used once; a reminder goes out the day before the deadline; closing applies the body's
// rule, and the next besluitenlijst of the body lists the outcome under "Schriftelijk besloten".

/** Who is asked: the members who vote (the chair, members and kartrekkers), not the secretary or advisers. */
const VOTING_ROLES = ["voorzitter", "lid", "kartrekker"] as const;
const REMIND_BEFORE_MS = 24 * 60 * 60_000;
const PROCEDURE_GONE = "Deze schriftelijke ronde bestaat niet (meer).";
const MANAGER_ONLY = "Alleen het secretariaat van dit gremium zet schriftelijke rondes uit.";

export type WrittenProcedureInput = {
  title: string;
  proposalMarkdown: string;
  isConfidential: boolean;
  deadlineAt: number;
  /** Papers sent with the proposal: files, checked by their content like every upload. */
  papers?: { fileName: string; bytes: Uint8Array }[];
};

function newWrittenReference(tx: Tx, bodyId: number, now: number) {
  const body = tx
    .select({ code: bodies.code, kind: bodies.kind, name: bodies.name })
    .from(bodies)
    .where(eq(bodies.id, bodyId))
    .get()!;
  const year = amsterdamDateAndTime(now).date.slice(0, 4);
  const base = `${bodyCode(body)}-${year}-S`;
  const taken = tx
    .select({ reference: writtenProcedures.reference })
    .from(writtenProcedures)
    .where(like(writtenProcedures.reference, `${base}%`))
    .all()
    .map((row) => Number(row.reference.slice(base.length)) || 0);
  return `${base}${Math.max(0, ...taken) + 1}`;
}

function votersOf(tx: Tx, bodyId: number, now: number) {
  return tx
    .select({ personId: people.id, name: people.name, email: people.email })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        inArray(memberships.role, [...VOTING_ROLES]),
        membershipCurrentOn(todayIso(now)),
      ),
    )
    .orderBy(asc(people.name))
    .all();
}

type MailOut = { name: string; address: string; token: string };

function procedureMail(
  procedure: {
    reference: string;
    title: string;
    proposalMarkdown: string;
    deadlineAt: number;
    rule: WrittenRule;
    quorumPercent: number;
    bodyName: string;
    isConfidential: boolean;
    papers: string[];
  },
  recipient: MailOut,
  { baseUrl, slug, id, reminder }: { baseUrl: string; slug: string; id: number; reminder: boolean },
) {
  const link = `${baseUrl}/gremia/${slug}/schriftelijk/${id}/antwoord/${recipient.token}`;
  const text = [
    `Beste ${recipient.name},`,
    "",
    reminder
      ? `Herinnering: u hebt nog niet geantwoord op de schriftelijke ronde ${procedure.reference} van ${procedure.bodyName}. De termijn sluit ${formatDateTime(procedure.deadlineAt)}.`
      : `${procedure.bodyName} legt u schriftelijk een voorstel voor: ${procedure.reference}, ${procedure.title}. Antwoord uiterlijk ${formatDateTime(procedure.deadlineAt)}.`,
    "",
    ruleSentence(procedure.rule, procedure.quorumPercent),
    "",
    // A besloten proposal stays in the portal: the mail carries its title and the link only.
    procedure.isConfidential
      ? "Het voorstel is besloten; u leest het via de link hieronder."
      : `Voorstel:\n${procedure.proposalMarkdown}`,
    "",
    ...(procedure.papers.length
      ? [`Stukken (te openen via de link hieronder): ${procedure.papers.join("; ")}.`, ""]
      : []),
    `Uw persoonlijke link om te antwoorden (eenmalig te gebruiken${reminder ? "; vervangt de link uit de eerste mail" : ""}):`,
    link,
    "",
    "U kunt ook antwoorden na aanmelden in Gremium, onder het gremium bij ‘Schriftelijke rondes’.",
  ].join("\n");
  return {
    to: [{ name: recipient.name, address: recipient.address }],
    subject: `${reminder ? "Herinnering: " : ""}Schriftelijke ronde ${procedure.reference}: ${procedure.title}`,
    text,
  };
}

async function deliver(mails: ReturnType<typeof procedureMail>[]) {
  for (const mail of mails) {
    try {
      await sendMail(mail);
    } catch (error) {
      log.error("mail van een schriftelijke ronde niet verzonden", { to: mail.to[0]?.address, error });
    }
  }
}

function bodyForChange(bodyId: number) {
  return getDb()
    .select({
      bodyId: bodies.id,
      slug: bodies.slug,
      name: bodies.name,
      writtenRule: bodies.writtenRule,
      writtenQuorumPercent: bodies.writtenQuorumPercent,
    })
    .from(bodies)
    .where(eq(bodies.id, bodyId))
    .get();
}

/** Sends a proposal to the body's voting members, each with their own single-use link. */
export async function sendWrittenProcedure({
  viewer,
  bodyId,
  input,
  baseUrl,
  now = Date.now(),
}: {
  viewer: Viewer;
  bodyId: number;
  input: WrittenProcedureInput;
  baseUrl: string;
  now?: number;
}) {
  const outgoing: MailOut[] = [];
  const created = change({
    viewer,
    load: () => bodyForChange(bodyId),
    missing: "Dit gremium bestaat niet.",
    allow: (viewer, body) => managesBody(viewer, body.bodyId) || MANAGER_ONLY,
    check: (body, tx) => {
      if (input.deadlineAt <= now + 60 * 60_000)
        throw new RuleError({ deadlineDate: ["Kies een termijn die ten minste een uur na nu ligt."] });
      const refused = (input.papers ?? []).flatMap((paper) => {
        const check = checkUpload(paper.fileName, paper.bytes);
        return check.ok ? [] : [`${paper.fileName}: ${check.message}`];
      });
      if (refused.length) throw new RuleError({ papers: refused });
      if (votersOf(tx, body.bodyId, now).filter((voter) => voter.email).length === 0)
        throw new RuleError({
          "": ["Dit gremium heeft geen leden met een e-mailadres om het voorstel aan te sturen."],
        });
    },
    write: (tx, body, signedIn) => {
      const reference = newWrittenReference(tx, body.bodyId, now);
      const procedure = tx
        .insert(writtenProcedures)
        .values({
          bodyId: body.bodyId,
          reference,
          title: input.title.trim(),
          proposalMarkdown: input.proposalMarkdown,
          proposalHtml: renderMarkdown(input.proposalMarkdown),
          isConfidential: input.isConfidential,
          deadlineAt: input.deadlineAt,
          rule: body.writtenRule,
          quorumPercent: body.writtenQuorumPercent,
          sentAt: now,
          createdByUserId: actorOf(signedIn),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: writtenProcedures.id })
        .get();
      for (const paper of input.papers ?? []) {
        const check = checkUpload(paper.fileName, paper.bytes);
        tx.insert(writtenProcedurePapers)
          .values({
            procedureId: procedure.id,
            title: titleFromFileName(paper.fileName),
            fileName: paper.fileName,
            contentType: check.ok ? check.contentType : "application/octet-stream",
            sizeBytes: paper.bytes.length,
            sha256: store(paper.bytes),
          })
          .run();
      }
      for (const voter of votersOf(tx, body.bodyId, now)) {
        const token = voter.email ? newToken() : null;
        tx.insert(writtenProcedureAnswers)
          .values({ procedureId: procedure.id, personId: voter.personId, tokenHash: token ? hashText(token) : null })
          .run();
        if (token && voter.email) outgoing.push({ name: voter.name, address: voter.email, token });
      }
      return { id: procedure.id, reference, body };
    },
    audit: (body, { id, reference }) => ({
      action: "written-procedure.send",
      entityType: "written_procedure",
      entityId: id,
      summary: `Schriftelijke ronde ${reference} ‘${input.title.trim()}’ uitgezet bij ${body.name}, termijn ${formatDateTime(input.deadlineAt)}`,
      after: {
        isConfidential: input.isConfidential,
        deadlineAt: input.deadlineAt,
        rule: body.writtenRule,
        asked: outgoing.length,
      },
    }),
    now,
  });
  const facts = {
    reference: created.reference,
    title: input.title.trim(),
    proposalMarkdown: input.proposalMarkdown,
    deadlineAt: input.deadlineAt,
    rule: created.body.writtenRule,
    quorumPercent: created.body.writtenQuorumPercent,
    bodyName: created.body.name,
    isConfidential: input.isConfidential,
    papers: (input.papers ?? []).map((paper) => titleFromFileName(paper.fileName)),
  };
  await deliver(
    outgoing.map((recipient) =>
      procedureMail(facts, recipient, { baseUrl, slug: created.body.slug, id: created.id, reminder: false }),
    ),
  );
  return { id: created.id, reference: created.reference };
}

const procedureColumns = {
  id: writtenProcedures.id,
  bodyId: writtenProcedures.bodyId,
  reference: writtenProcedures.reference,
  title: writtenProcedures.title,
  proposalHtml: writtenProcedures.proposalHtml,
  isConfidential: writtenProcedures.isConfidential,
  deadlineAt: writtenProcedures.deadlineAt,
  rule: writtenProcedures.rule,
  quorumPercent: writtenProcedures.quorumPercent,
  status: writtenProcedures.status,
  outcome: writtenProcedures.outcome,
  sentAt: writtenProcedures.sentAt,
  closedAt: writtenProcedures.closedAt,
  version: writtenProcedures.version,
};

function papersOf(procedureIds: number[]) {
  if (procedureIds.length === 0) return [];
  return getDb()
    .select({
      id: writtenProcedurePapers.id,
      procedureId: writtenProcedurePapers.procedureId,
      title: writtenProcedurePapers.title,
      fileName: writtenProcedurePapers.fileName,
      sizeBytes: writtenProcedurePapers.sizeBytes,
    })
    .from(writtenProcedurePapers)
    .where(inArray(writtenProcedurePapers.procedureId, procedureIds))
    .orderBy(asc(writtenProcedurePapers.id))
    .all();
}

function answersOf(procedureIds: number[]) {
  if (procedureIds.length === 0) return [];
  return getDb()
    .select({
      id: writtenProcedureAnswers.id,
      procedureId: writtenProcedureAnswers.procedureId,
      personId: writtenProcedureAnswers.personId,
      name: people.name,
      answer: writtenProcedureAnswers.answer,
      remark: writtenProcedureAnswers.remark,
      answeredAt: writtenProcedureAnswers.answeredAt,
      version: writtenProcedureAnswers.version,
    })
    .from(writtenProcedureAnswers)
    .innerJoin(people, eq(people.id, writtenProcedureAnswers.personId))
    .where(inArray(writtenProcedureAnswers.procedureId, procedureIds))
    .orderBy(asc(people.name))
    .all();
}

type WrittenRow = {
  id: number;
  bodyId: number;
  reference: string;
  title: string;
  proposalHtml: string;
  isConfidential: boolean;
  deadlineAt: number;
  rule: WrittenRule;
  quorumPercent: number;
  status: WrittenStatus;
  outcome: WrittenOutcome | null;
  sentAt: number;
  closedAt: number | null;
  version: number;
};

/**
 * A procedure with what this viewer may read of its answers: names and remarks for the body's
 * insiders, the count per answer for everyone; and the viewer's own answer when they are asked.
 */
function presentProcedure(
  viewer: Viewer,
  procedure: WrittenRow,
  answers: ReturnType<typeof answersOf>,
  papers: ReturnType<typeof papersOf>,
) {
  const inside = seesInside(viewer, procedure.bodyId);
  const own = viewer ? (answers.find((a) => a.personId === viewer.personId) ?? null) : null;
  return {
    ...procedure,
    tally: tallyOf(answers.map((a) => a.answer)),
    answers: inside ? answers.map(({ procedureId: _p, ...answer }) => answer) : null,
    ownAnswer: own ? { answer: own.answer, remark: own.remark, version: own.version } : null,
    canManage: managesBody(viewer, procedure.bodyId),
    papers: papers.map(({ procedureId: _p, ...paper }) => paper),
  };
}

/** Procedures as presented, with their answers and papers read in one query each, not one per row. */
function presentAll(viewer: Viewer, rows: WrittenRow[]) {
  const ids = rows.map((row) => row.id);
  const answers = answersOf(ids);
  const papers = papersOf(ids);
  return rows.map((row) =>
    presentProcedure(
      viewer,
      row,
      answers.filter((a) => a.procedureId === row.id),
      papers.filter((p) => p.procedureId === row.id),
    ),
  );
}

export type WrittenProcedure = ReturnType<typeof presentProcedure>;

/** The body's written procedures the viewer may see, newest first. */
export function listWrittenProcedures({ viewer, bodyId }: { viewer: Viewer; bodyId: number }) {
  const scope = visibleWrittenProcedures(viewer);
  const rows = getDb()
    .select(procedureColumns)
    .from(writtenProcedures)
    .innerJoin(scope, eq(scope.id, writtenProcedures.id))
    .where(eq(writtenProcedures.bodyId, bodyId))
    .orderBy(desc(writtenProcedures.sentAt))
    .all() as WrittenRow[];
  return presentAll(viewer, rows);
}

/** One written procedure as the viewer may see it, or null. */
export function getWrittenProcedure({ viewer, id }: { viewer: Viewer; id: number }) {
  const scope = visibleWrittenProcedures(viewer);
  const row = getDb()
    .select({ ...procedureColumns, listingMeetingId: listingMeetingIdSql })
    .from(writtenProcedures)
    .innerJoin(scope, eq(scope.id, writtenProcedures.id))
    .where(eq(writtenProcedures.id, id))
    .get() as (WrittenRow & { listingMeetingId: number | null }) | undefined;
  if (!row) return null;
  return { ...presentAll(viewer, [row])[0]!, listingMeetingId: row.listingMeetingId };
}

/**
 * The written decisions a meeting's besluitenlijst lists under "Schriftelijk besloten": those of the
 * body closed since its previous meeting, as the viewer may see them.
 */
export function listWrittenDecisionsForMeeting({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  const scope = visibleWrittenProcedures(viewer);
  const rows = getDb()
    .select(procedureColumns)
    .from(writtenProcedures)
    .innerJoin(scope, eq(scope.id, writtenProcedures.id))
    .where(and(eq(writtenProcedures.status, "gesloten"), sql`${listingMeetingIdSql} = ${meetingId}`))
    .orderBy(asc(writtenProcedures.closedAt))
    .all() as WrittenRow[];
  return presentAll(viewer, rows);
}

function procedureForChange(id: number) {
  return getDb()
    .select({
      ...procedureColumns,
      bodyName: bodies.name,
      slug: bodies.slug,
      proposalMarkdown: writtenProcedures.proposalMarkdown,
    })
    .from(writtenProcedures)
    .innerJoin(bodies, eq(bodies.id, writtenProcedures.bodyId))
    .where(eq(writtenProcedures.id, id))
    .get();
}

function requireAnswerable(procedure: { status: string; deadlineAt: number }, now: number) {
  if (procedure.status !== "open")
    throw new RuleError({ answer: ["Deze schriftelijke ronde is gesloten; antwoorden kan niet meer."] });
  if (now > procedure.deadlineAt)
    throw new RuleError({
      answer: [`De termijn is verstreken (${formatDateTime(procedure.deadlineAt)}); antwoorden kan niet meer.`],
    });
}

function writeAnswer(tx: Tx, answerId: number, answer: WrittenAnswer, remark: string, now: number) {
  tx.update(writtenProcedureAnswers)
    .set({
      answer,
      remark: remark.trim(),
      answeredAt: now,
      tokenHash: null,
      updatedAt: now,
      version: sql`${writtenProcedureAnswers.version} + 1`,
    })
    .where(eq(writtenProcedureAnswers.id, answerId))
    .run();
}

/** A signed-in member answers (or changes their answer) while the procedure is open. */
export function answerWrittenProcedure({
  viewer,
  id,
  answer,
  remark,
  expectedVersion,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  answer: WrittenAnswer;
  remark: string;
  expectedVersion: number;
  now?: number;
}) {
  change({
    viewer,
    load: () => {
      const procedure = procedureForChange(id);
      if (!procedure || !viewer) return undefined;
      const own = getDb()
        .select({
          id: writtenProcedureAnswers.id,
          version: writtenProcedureAnswers.version,
          answer: writtenProcedureAnswers.answer,
        })
        .from(writtenProcedureAnswers)
        .where(and(eq(writtenProcedureAnswers.procedureId, id), eq(writtenProcedureAnswers.personId, viewer.personId)))
        .get();
      return { ...procedure, own, version: own?.version ?? 0 };
    },
    missing: PROCEDURE_GONE,
    allow: (_viewer, row) => (row.own ? true : "Dit voorstel is niet aan u voorgelegd."),
    expectedVersion,
    conflictMessage:
      "U hebt intussen al geantwoord (misschien via de link in de mail). Hieronder staat uw antwoord nu; pas het zo nodig aan.",
    check: (row) => requireAnswerable(row, now),
    write: (tx, row) => writeAnswer(tx, row.own!.id, answer, remark, now),
    audit: (row) => ({
      action: "written-procedure.answer",
      entityType: "written_procedure",
      entityId: id,
      summary: `Antwoord op schriftelijke ronde ${row.reference}: ${writtenAnswerLabels[answer]}`,
      before: { answer: row.own!.answer },
      after: { answer },
    }),
    now,
  });
}

function answerByToken(token: string) {
  return getDb()
    .select({
      answerId: writtenProcedureAnswers.id,
      procedureId: writtenProcedureAnswers.procedureId,
      personName: people.name,
    })
    .from(writtenProcedureAnswers)
    .innerJoin(people, eq(people.id, writtenProcedureAnswers.personId))
    .where(and(isNotNull(writtenProcedureAnswers.tokenHash), eq(writtenProcedureAnswers.tokenHash, hashText(token))))
    .get();
}

/**
 * What the personal link in the mail opens: the proposal, for the member it was sent to. The link is
 * their credential for this one answer, so a besloten proposal shows too; null for a used or unknown link.
 */
export function getProcedureByLink({ token, slug }: { token: string; slug: string }) {
  const found = answerByToken(token);
  if (!found) return null;
  const procedure = procedureForChange(found.procedureId);
  if (!procedure || procedure.slug !== slug) return null;
  return {
    id: procedure.id,
    reference: procedure.reference,
    title: procedure.title,
    proposalHtml: procedure.proposalHtml,
    isConfidential: procedure.isConfidential,
    deadlineAt: procedure.deadlineAt,
    status: procedure.status,
    bodyName: procedure.bodyName,
    rule: procedure.rule,
    quorumPercent: procedure.quorumPercent,
    personName: found.personName,
    papers: papersOf([procedure.id]).map(({ procedureId: _p, ...paper }) => paper),
  };
}

/**
 * One paper of a procedure, for a viewer who may see the procedure, or for the holder of a personal
 * link to it that has not been used yet; null otherwise.
 */
export function getWrittenPaper({
  viewer,
  procedureId,
  paperId,
  token,
}: {
  viewer: Viewer;
  procedureId: number;
  paperId: number;
  token?: string | null;
}) {
  const db = getDb();
  const byLink = token ? answerByToken(token)?.procedureId === procedureId : false;
  if (!byLink) {
    const scope = visibleWrittenProcedures(viewer);
    const seen = db
      .select({ id: writtenProcedures.id })
      .from(writtenProcedures)
      .innerJoin(scope, eq(scope.id, writtenProcedures.id))
      .where(eq(writtenProcedures.id, procedureId))
      .get();
    if (!seen) return null;
  }
  const paper = db
    .select()
    .from(writtenProcedurePapers)
    .where(and(eq(writtenProcedurePapers.id, paperId), eq(writtenProcedurePapers.procedureId, procedureId)))
    .get();
  return paper ? { fileName: paper.fileName, contentType: paper.contentType, path: storagePath(paper.sha256) } : null;
}

/** An answer through the personal link: once, while the procedure is open; the link then stops working. */
export function answerByLink({
  token,
  slug,
  answer,
  remark,
  now = Date.now(),
}: {
  token: string;
  slug: string;
  answer: WrittenAnswer;
  remark: string;
  now?: number;
}) {
  return change({
    viewer: null,
    load: () => {
      const found = answerByToken(token);
      const procedure = found ? procedureForChange(found.procedureId) : undefined;
      return found && procedure && procedure.slug === slug ? { ...procedure, ...found } : undefined;
    },
    missing: "Deze link is al gebruikt of bestaat niet. Meld u aan om uw antwoord te bekijken of te wijzigen.",
    // Whoever holds the link is the member it was mailed to (the token was matched above).
    allow: anyone,
    check: (row) => requireAnswerable(row, now),
    write: (tx, row) => writeAnswer(tx, row.answerId, answer, remark, now),
    audit: (row) => ({
      action: "written-procedure.answer-by-link",
      entityType: "written_procedure",
      entityId: row.id,
      summary: `Antwoord van ${row.personName} via de persoonlijke link op schriftelijke ronde ${row.reference}: ${writtenAnswerLabels[answer]}`,
      after: { answer },
    }),
    now,
  });
}

/** A procedure ends (closed or withdrawn): links not used by then open nothing any more. */
function endProcedure(tx: Tx, id: number, set: Partial<typeof writtenProcedures.$inferInsert>) {
  tx.update(writtenProcedures).set(set).where(eq(writtenProcedures.id, id)).run();
  tx.update(writtenProcedureAnswers).set({ tokenHash: null }).where(eq(writtenProcedureAnswers.procedureId, id)).run();
}

function requireOpen(row: { status: string }) {
  if (row.status !== "open") throw new RuleError({ "": ["Deze schriftelijke ronde is al gesloten of ingetrokken."] });
}

/** Closes a procedure: after its deadline, or earlier once everyone answered; the body's rule decides. */
export function closeWrittenProcedure({
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
  return change({
    viewer,
    load: () => procedureForChange(id),
    missing: PROCEDURE_GONE,
    allow: (viewer, row) => managesBody(viewer, row.bodyId) || MANAGER_ONLY,
    expectedVersion,
    check: (row) => {
      requireOpen(row);
      const open = answersOf([id]).filter((a) => a.answer === null).length;
      if (now < row.deadlineAt && open > 0)
        throw new RuleError({
          "": [
            `De termijn loopt tot ${formatDateTime(row.deadlineAt)} en ${open} ${open === 1 ? "lid heeft" : "leden hebben"} nog niet geantwoord.`,
          ],
        });
    },
    write: (tx, row) => {
      const outcome = outcomeOf(row.rule, row.quorumPercent, tallyOf(answersOf([id]).map((a) => a.answer)));
      endProcedure(tx, id, { status: "gesloten", outcome, closedAt: now });
      return outcome;
    },
    touch: { table: writtenProcedures, id: () => id },
    audit: (row, outcome) => ({
      action: "written-procedure.close",
      entityType: "written_procedure",
      entityId: id,
      summary: `Schriftelijke ronde ${row.reference} gesloten: ${writtenOutcomeLabels[outcome]}`,
      before: { status: "open" },
      after: { status: "gesloten", outcome },
    }),
    now,
  });
}

/** Withdraws a running procedure: no outcome, nothing on a list; the links stop working. */
export function withdrawWrittenProcedure({
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
  change({
    viewer,
    load: () => procedureForChange(id),
    missing: PROCEDURE_GONE,
    allow: (viewer, row) => managesBody(viewer, row.bodyId) || MANAGER_ONLY,
    expectedVersion,
    check: requireOpen,
    write: (tx) => endProcedure(tx, id, { status: "ingetrokken", closedAt: now }),
    touch: { table: writtenProcedures, id: () => id },
    audit: (row) => ({
      action: "written-procedure.withdraw",
      entityType: "written_procedure",
      entityId: id,
      summary: `Schriftelijke ronde ${row.reference} ingetrokken`,
      before: { status: "open" },
      after: { status: "ingetrokken" },
    }),
    now,
  });
}

/**
 * The background work's reminder: a day before the deadline, each member who has not answered gets a
 * new personal link (the first one's hash is replaced, so only the newest link works). Once per procedure.
 */
export async function remindWrittenProcedures({ baseUrl, now = Date.now() }: { baseUrl: string; now?: number }) {
  const db = getDb();
  const due = db
    .select({ id: writtenProcedures.id })
    .from(writtenProcedures)
    .where(
      and(
        eq(writtenProcedures.status, "open"),
        isNull(writtenProcedures.remindedAt),
        lte(writtenProcedures.deadlineAt, now + REMIND_BEFORE_MS),
        sql`${writtenProcedures.deadlineAt} > ${now}`,
      ),
    )
    .all();
  let sent = 0;
  for (const { id } of due) {
    const outgoing: MailOut[] = [];
    const procedure = db.transaction(
      (tx) => {
        const row = procedureForChange(id);
        if (!row || row.status !== "open") return null;
        const claimed = tx
          .update(writtenProcedures)
          .set({ remindedAt: now })
          .where(and(eq(writtenProcedures.id, id), isNull(writtenProcedures.remindedAt)))
          .run();
        if (claimed.changes === 0) return null;
        const waiting = tx
          .select({ id: writtenProcedureAnswers.id, name: people.name, email: people.email })
          .from(writtenProcedureAnswers)
          .innerJoin(people, eq(people.id, writtenProcedureAnswers.personId))
          .where(and(eq(writtenProcedureAnswers.procedureId, id), isNull(writtenProcedureAnswers.answer)))
          .all();
        for (const member of waiting) {
          if (!member.email) continue;
          const token = newToken();
          tx.update(writtenProcedureAnswers)
            .set({ tokenHash: hashText(token) })
            .where(eq(writtenProcedureAnswers.id, member.id))
            .run();
          outgoing.push({ name: member.name, address: member.email, token });
        }
        writeAudit(tx, {
          actorUserId: null,
          action: "written-procedure.remind",
          entityType: "written_procedure",
          entityId: id,
          summary: `Herinnering verstuurd voor schriftelijke ronde ${row.reference} aan ${outgoing.length} ${outgoing.length === 1 ? "lid" : "leden"}`,
        });
        return row;
      },
      { behavior: "immediate" },
    );
    if (!procedure) continue;
    await deliver(
      outgoing.map((recipient) =>
        procedureMail({ ...procedure, papers: papersOf([id]).map((paper) => paper.title) }, recipient, {
          baseUrl,
          slug: procedure.slug,
          id,
          reminder: true,
        }),
      ),
    );
    sent += outgoing.length;
  }
  return sent;
}

/** Open procedures that still wait for this member's answer, for their start page. */
export function listProceduresAwaitingAnswer({ viewer, now = Date.now() }: { viewer: Viewer; now?: number }) {
  if (!viewer) return [];
  const scope = visibleWrittenProcedures(viewer);
  return getDb()
    .select({
      id: writtenProcedures.id,
      reference: writtenProcedures.reference,
      title: writtenProcedures.title,
      deadlineAt: writtenProcedures.deadlineAt,
      bodySlug: bodies.slug,
      bodyName: bodies.name,
    })
    .from(writtenProcedureAnswers)
    .innerJoin(writtenProcedures, eq(writtenProcedures.id, writtenProcedureAnswers.procedureId))
    .innerJoin(scope, eq(scope.id, writtenProcedures.id))
    .innerJoin(bodies, eq(bodies.id, writtenProcedures.bodyId))
    .where(
      and(
        eq(writtenProcedureAnswers.personId, viewer.personId),
        isNull(writtenProcedureAnswers.answer),
        eq(writtenProcedures.status, "open"),
        // Past its deadline a round waits for the secretariaat, not for this member.
        sql`${writtenProcedures.deadlineAt} > ${now}`,
      ),
    )
    .orderBy(asc(writtenProcedures.deadlineAt))
    .all();
}
