import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
// Imports the demo corpus into a database. Idempotent: records are matched by slug (or e-mail,
// or body+person+role+start), so a second import updates in place and adds no duplicates.
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or } from "drizzle-orm";
import { hashPassword, verifyPassword } from "../app/lib/password.server";
import { renderMarkdown } from "../app/lib/markdown.server";
import type { Db, Tx } from "../app/lib/db.server";
import { numberAgenda } from "../app/lib/agenda-numbering";
import { newReference } from "../app/models/decisions.server";
import { writeAudit } from "../app/models/audit.server";
import { store } from "../app/models/documents.server";
import { checkUpload } from "../app/lib/file-types";
import { extractText } from "../app/lib/text-extraction.server";
import { loadCorpus, type ContentMeeting } from "./content";
import { amsterdamDateAndTime, instantFromAmsterdam } from "../app/lib/format";
import {
  actionReviews,
  actionUpdates,
  actions,
  agendaItems,
  bodies,
  decisionAmendments,
  decisionLists,
  decisions,
  documentVersions,
  documents,
  handoffs,
  meetingInvitees,
  meetings,
  memberships,
  organisations,
  people,
  users,
} from "./schema";
import { membershipCurrentOn } from "../app/models/memberships.server";
import { importNewsletters, importPlans, importProgrammes, linkToObjectives } from "./import-plans";

export type ImportSummary = {
  organisations: number;
  people: number;
  users: number;
  bodies: number;
  memberships: number;
  meetings: number;
};

export async function importDemoCorpus(
  db: Db,
  { contentDir, demoPassword }: { contentDir: string; demoPassword: string },
): Promise<ImportSummary> {
  const corpus = loadCorpus(contentDir);
  // Hash outside the transaction (it is slow and async); reuse an existing hash when it still
  // matches, so a re-import does not churn every user row.
  const existingHashes = new Map(
    db
      .select({ email: users.email, hash: users.passwordHash })
      .from(users)
      .all()
      .map((u) => [u.email, u.hash]),
  );
  const hashes = new Map<string, string>();
  for (const user of corpus.users) {
    const existing = existingHashes.get(user.email);
    hashes.set(
      user.email,
      existing && (await verifyPassword(existing, demoPassword)) ? existing : await hashPassword(demoPassword),
    );
  }

  // Demo papers are read (and their text extracted for search) before the transaction, which is synchronous.
  const files = new Map<string, { bytes: Uint8Array; text: string }>();
  for (const meeting of corpus.meetings)
    for (const item of meeting.items)
      for (const document of item.documents ?? [])
        if (document.file && !files.has(document.file)) {
          const bytes = new Uint8Array(readFileSync(join(contentDir, "files", document.file)));
          files.set(document.file, { bytes, text: await extractText(bytes) });
        }

  return db.transaction((tx) => {
    const orgIds = new Map<string, number>();
    for (const org of corpus.organisations) {
      const row = tx
        .insert(organisations)
        .values(org)
        .onConflictDoUpdate({ target: organisations.slug, set: { name: org.name, kind: org.kind } })
        .returning({ id: organisations.id })
        .get();
      orgIds.set(org.slug, row.id);
    }
    const personIds = new Map<string, number>();
    for (const person of corpus.people) {
      const values = {
        slug: person.slug,
        name: person.name,
        email: person.email ?? null,
        jobTitle: person.jobTitle ?? null,
        organisationId: orgIds.get(person.organisation)!,
        isOrganisationContact: person.contact ?? false,
      };
      const { slug: _slug, ...update } = values;
      const row = tx
        .insert(people)
        .values(values)
        .onConflictDoUpdate({ target: people.slug, set: update })
        .returning({ id: people.id })
        .get();
      personIds.set(person.slug, row.id);
    }
    for (const user of corpus.users) {
      const values = {
        email: user.email,
        personId: personIds.get(user.person)!,
        role: user.role,
        passwordHash: hashes.get(user.email)!,
      };
      tx.insert(users)
        .values(values)
        .onConflictDoUpdate({
          target: users.email,
          set: { personId: values.personId, role: values.role, passwordHash: values.passwordHash },
        })
        .run();
    }
    // Parents first: a body may name a parent that sorts after it.
    const bodyIds = new Map<string, number>();
    for (const body of corpus.bodies) {
      const values = {
        slug: body.slug,
        name: body.name,
        shortName: body.shortName ?? null,
        code: body.code ?? null,
        kind: body.kind,
        purposeMarkdown: body.purposeMarkdown,
        purposeHtml: renderMarkdown(body.purposeMarkdown),
        meetingFrequency: body.meetingFrequency ?? null,
        activeFrom: body.activeFrom,
        activeUntil: body.activeUntil ?? null,
        sortOrder: body.sortOrder,
      };
      const { slug: _slug, ...update } = values;
      const row = tx
        .insert(bodies)
        .values(values)
        .onConflictDoUpdate({ target: bodies.slug, set: update })
        .returning({ id: bodies.id })
        .get();
      bodyIds.set(body.slug, row.id);
    }
    let membershipCount = 0;
    for (const body of corpus.bodies) {
      const bodyId = bodyIds.get(body.slug)!;
      tx.update(bodies)
        .set({ parentId: body.parent ? bodyIds.get(body.parent)! : null })
        .where(eq(bodies.id, bodyId))
        .run();
      for (const member of body.members) {
        const personId = personIds.get(member.person)!;
        const match = and(
          eq(memberships.bodyId, bodyId),
          eq(memberships.personId, personId),
          eq(memberships.role, member.role),
          eq(memberships.startsOn, member.from),
        );
        const existing = tx.select({ id: memberships.id }).from(memberships).where(match).get();
        if (existing) {
          tx.update(memberships)
            .set({ endsOn: member.until ?? null })
            .where(eq(memberships.id, existing.id))
            .run();
        } else {
          tx.insert(memberships)
            .values({ bodyId, personId, role: member.role, startsOn: member.from, endsOn: member.until ?? null })
            .run();
        }
        membershipCount++;
      }
    }
    const objectiveIds = importProgrammes(tx, corpus, { bodyIds, personIds });
    // Meetings are matched by body and start; a re-import replaces their agenda with the file's.
    const meetingIdsByFile = new Map<string, number>();
    for (const meeting of corpus.meetings) {
      const bodyId = bodyIds.get(meeting.body)!;
      const startsAt = instantFromAmsterdam(meeting.date, meeting.start);
      const published = meeting.status !== "concept";
      const values = {
        bodyId,
        startsAt,
        endsAt: instantFromAmsterdam(meeting.date, meeting.end),
        location: meeting.location,
        chairName: meeting.chair ?? null,
        secretaryName: meeting.secretary ?? null,
        inviteesNote: meeting.invitees ?? null,
        isPublic: meeting.public,
        registrationNumber: meeting.registrationNumber ?? null,
        status: meeting.status,
        // Demo agendas count as published a week before the meeting.
        publishedAt: published ? startsAt - 7 * 24 * 60 * 60_000 : null,
      };
      const existing = tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.bodyId, bodyId), eq(meetings.startsAt, startsAt)))
        .get();
      const meetingId = existing
        ? (tx.update(meetings).set(values).where(eq(meetings.id, existing.id)).run(), existing.id)
        : tx.insert(meetings).values(values).returning({ id: meetings.id }).get().id;
      // Decisions and their actions no longer go along with their item (migration 0018): a re-import
      // that replaces the agenda removes them first, explicitly.
      const itemIds = tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
      const decisionIds = tx
        .select({ id: decisions.id })
        .from(decisions)
        .where(inArray(decisions.agendaItemId, itemIds));
      tx.delete(actions).where(inArray(actions.decisionId, decisionIds)).run();
      tx.delete(decisions).where(inArray(decisions.agendaItemId, itemIds)).run();
      tx.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId)).run();
      // The standing "Besluitenlijst …" hamerstuk adopts the list of the body's previous meeting.
      const previous = tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.bodyId, bodyId), lt(meetings.startsAt, startsAt), ne(meetings.status, "geannuleerd")))
        .orderBy(desc(meetings.startsAt))
        .limit(1)
        .get();
      const positions = new Map<string, number>();
      for (const item of meeting.items) {
        const position = (positions.get(item.section) ?? 0) + 1;
        positions.set(item.section, position);
        const proposal = item.proposal?.trim() ?? "";
        const createdItem = tx
          .insert(agendaItems)
          .values({
            meetingId,
            section: item.section,
            position,
            subject: item.subject,
            proposalMarkdown: proposal,
            proposalHtml: renderMarkdown(proposal),
            presenter: item.presenter ?? null,
            plannedMinutes: item.minutes ?? null,
            isConfidential: item.confidential ?? false,
            adoptsMeetingId:
              previous && item.section === "A" && /^besluitenlijst/i.test(item.subject) ? previous.id : null,
          })
          .returning({ id: agendaItems.id })
          .get();
        linkToObjectives(tx, { agendaItemId: createdItem.id }, item.objectives, objectiveIds);
        for (const document of item.documents ?? []) importDocument(tx, createdItem.id, document, files);
      }
      meetingIdsByFile.set(basename(meeting.file, ".yaml"), meetingId);
      importHandoffs(tx, meeting, meetingId, bodyId, meetingIdsByFile);
      importDecisions(tx, {
        meeting,
        meetingId,
        bodyId,
        startsAt,
        previousId: previous?.id ?? null,
        personIds,
        orgIds,
        objectiveIds,
      });
      tx.delete(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId)).run();
      const invitees = tx
        .selectDistinct({ personId: memberships.personId })
        .from(memberships)
        .where(and(eq(memberships.bodyId, bodyId), membershipCurrentOn(meeting.date)))
        .all();
      if (invitees.length > 0) {
        tx.insert(meetingInvitees)
          .values(invitees.map((i) => ({ meetingId, personId: i.personId })))
          .run();
      }
    }
    importActionReviews(tx);
    importPlans(tx, corpus, { bodyIds, objectiveIds, meetingIdsByFile });
    importNewsletters(tx, corpus, { meetingIdsByFile });
    const summary: ImportSummary = {
      organisations: corpus.organisations.length,
      people: corpus.people.length,
      users: corpus.users.length,
      bodies: corpus.bodies.length,
      memberships: membershipCount,
      meetings: corpus.meetings.length,
    };
    writeAudit(tx, {
      actorUserId: null,
      action: "demo.import",
      entityType: "corpus",
      entityId: null,
      summary: `Democorpus geïmporteerd: ${summary.bodies} gremia, ${summary.people} personen, ${summary.users} gebruikers, ${summary.meetings} vergaderingen`,
      after: summary,
    });
    return summary;
  });
}

/** True when the database holds no users yet: the only state in which start-up imports demo data. */
function importDocument(
  tx: Tx,
  agendaItemId: number,
  document: NonNullable<ContentMeeting["items"][number]["documents"]>[number],
  files: Map<string, { bytes: Uint8Array; text: string }>,
) {
  const created = tx
    .insert(documents)
    .values({
      agendaItemId,
      title: document.title,
      kind: document.file ? "file" : "note",
      isConfidential: document.confidential ?? false,
    })
    .returning({ id: documents.id })
    .get();
  const file = document.file ? files.get(document.file)! : null;
  const check = file ? checkUpload(document.file!, file.bytes) : null;
  if (check && !check.ok) throw new Error(`content/files/${document.file}: ${check.message}`);
  tx.insert(documentVersions)
    .values({
      documentId: created.id,
      number: 1,
      ...(file && check?.ok
        ? {
            fileName: document.file!,
            contentType: check.contentType,
            sizeBytes: file.bytes.byteLength,
            sha256: store(file.bytes),
            extractedText: file.text || null,
          }
        : { noteMarkdown: document.note!, noteHtml: renderMarkdown(document.note!) }),
    })
    .run();
}

export function isEmptyDatabase(db: Db) {
  return !db.select({ id: users.id }).from(users).limit(1).get();
}

/**
 * Decisions of a demo meeting, with toezeggingen. A decision on the hamerstuk that adopts the
 * previous meeting's list (conform or gewijzigd) makes that list vastgesteld, with its amendments.
 */
function importDecisions(
  tx: Tx,
  {
    meeting,
    meetingId,
    bodyId,
    startsAt,
    previousId,
    personIds,
    orgIds,
    objectiveIds,
  }: {
    meeting: ContentMeeting;
    meetingId: number;
    bodyId: number;
    startsAt: number;
    previousId: number | null;
    personIds: Map<string, number>;
    orgIds: Map<string, number>;
    objectiveIds: Map<string, number>;
  },
) {
  const items = tx
    .select({
      id: agendaItems.id,
      section: agendaItems.section,
      position: agendaItems.position,
      subject: agendaItems.subject,
      adoptsMeetingId: agendaItems.adoptsMeetingId,
    })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .all();
  const numbered = numberAgenda(items);
  const withDecisions = meeting.items.filter((item) => item.decisions?.length);
  if (withDecisions.length === 0) return;
  tx.insert(decisionLists).values({ meetingId }).onConflictDoNothing().run();
  for (const source of withDecisions) {
    const item = numbered.find((i) => i.subject === source.subject && i.section === source.section)!;
    for (const decision of source.decisions!) {
      const reference = newReference(tx, { id: meetingId, bodyId, startsAt }, item.number);
      const text = decision.text?.trim() ?? "";
      const discussion = decision.discussion?.trim() ?? "";
      const created = tx
        .insert(decisions)
        .values({
          agendaItemId: item.id,
          reference,
          outcome: decision.outcome,
          textMarkdown: text,
          textHtml: renderMarkdown(text),
          discussionMarkdown: discussion,
          discussionHtml: renderMarkdown(discussion),
          isConfidential: decision.confidential ?? false,
        })
        .returning({ id: decisions.id })
        .get();
      linkToObjectives(tx, { decisionId: created.id }, decision.objectives, objectiveIds);
      for (const commitment of decision.commitments ?? []) {
        const actionId = importAction(tx, commitment, {
          decisionId: created.id,
          agendaItemId: item.id,
          meetingId,
          bodyId,
          startsAt,
          personIds,
          orgIds,
        });
        linkToObjectives(tx, { actionId }, commitment.objectives, objectiveIds);
      }
      if (item.adoptsMeetingId && previousId && (decision.outcome === "conform" || decision.outcome === "gewijzigd")) {
        for (const amendment of decision.amendments ?? []) {
          const target = tx
            .select({ id: decisions.id, textMarkdown: decisions.textMarkdown })
            .from(decisions)
            .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
            .where(and(eq(agendaItems.meetingId, previousId), eq(agendaItems.subject, amendment.item)))
            .get();
          if (!target) continue;
          tx.insert(decisionAmendments)
            .values({
              decisionId: target.id,
              previousTextMarkdown: target.textMarkdown,
              newTextMarkdown: amendment.text.trim(),
              amendedByMeetingId: meetingId,
              createdAt: startsAt,
            })
            .run();
          tx.update(decisions)
            .set({ textMarkdown: amendment.text.trim(), textHtml: renderMarkdown(amendment.text.trim()) })
            .where(eq(decisions.id, target.id))
            .run();
        }
        tx.insert(decisionLists)
          .values({ meetingId: previousId, status: "vastgesteld", adoptedAt: startsAt, adoptedByMeetingId: meetingId })
          .onConflictDoUpdate({
            target: decisionLists.meetingId,
            set: { status: "vastgesteld", adoptedAt: startsAt, adoptedByMeetingId: meetingId },
          })
          .run();
      }
    }
  }
}

/** Items that were sent up from another body's meeting: the hand-off is recorded as accepted. */
function importHandoffs(
  tx: Tx,
  meeting: ContentMeeting,
  meetingId: number,
  bodyId: number,
  meetingIdsByFile: Map<string, number>,
) {
  for (const item of meeting.items.filter((i) => i.handedFrom)) {
    const fromMeetingId = meetingIdsByFile.get(item.handedFrom!.meeting);
    if (!fromMeetingId)
      throw new Error(`${meeting.file}: handedFrom noemt een onbekende vergadering "${item.handedFrom!.meeting}"`);
    const from = tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, fromMeetingId), eq(agendaItems.subject, item.handedFrom!.item)))
      .get();
    const to = tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.subject, item.subject)))
      .get();
    if (!from || !to)
      throw new Error(`${meeting.file}: handedFrom noemt een onbekend agendapunt "${item.handedFrom!.item}"`);
    tx.delete(handoffs)
      .where(and(eq(handoffs.fromAgendaItemId, from.id), eq(handoffs.toBodyId, bodyId)))
      .run();
    tx.insert(handoffs)
      .values({ fromAgendaItemId: from.id, toBodyId: bodyId, status: "geaccepteerd", toAgendaItemId: to.id })
      .run();
  }
}

type ContentCommitment = NonNullable<
  NonNullable<ContentMeeting["items"][number]["decisions"]>[number]["commitments"]
>[number];

/** A toezegging with its history. Imported history may have due dates in the past. */
function importAction(
  tx: Tx,
  commitment: ContentCommitment,
  origin: {
    decisionId: number;
    agendaItemId: number;
    meetingId: number;
    bodyId: number;
    startsAt: number;
    personIds: Map<string, number>;
    orgIds: Map<string, number>;
  },
) {
  const ownerPersonId = commitment.person ? (origin.personIds.get(commitment.person) ?? null) : null;
  const organisationId = commitment.organisation
    ? (origin.orgIds.get(commitment.organisation) ?? null)
    : ownerPersonId
      ? (tx.select({ id: people.organisationId }).from(people).where(eq(people.id, ownerPersonId)).get()?.id ?? null)
      : null;
  const closedAt = commitment.closed ? instantFromAmsterdam(commitment.closed, "17:00") : null;
  const status = commitment.status ?? "open";
  const action = tx
    .insert(actions)
    .values({
      bodyId: origin.bodyId,
      description: commitment.description,
      ownerPersonId,
      organisationId,
      decisionId: origin.decisionId,
      agendaItemId: origin.agendaItemId,
      meetingId: origin.meetingId,
      dueOn: commitment.due ?? null,
      status,
      closedAt: status === "afgerond" || status === "vervallen" ? closedAt : null,
      closingNote: status === "afgerond" || status === "vervallen" ? commitment.note! : null,
      createdAt: origin.startsAt,
      updatedAt: closedAt ?? origin.startsAt,
    })
    .returning({ id: actions.id })
    .get();
  const authorName = (slug: string) =>
    tx
      .select({ name: people.name })
      .from(people)
      .where(eq(people.id, origin.personIds.get(slug)!))
      .get()?.name ?? slug;
  for (const update of commitment.updates ?? []) {
    tx.insert(actionUpdates)
      .values({
        actionId: action.id,
        authorName: authorName(update.by),
        note: update.note,
        createdAt: instantFromAmsterdam(update.on, "09:00"),
      })
      .run();
  }
  if (closedAt && (status === "afgerond" || status === "vervallen")) {
    tx.insert(actionUpdates)
      .values({
        actionId: action.id,
        authorName: commitment.person ? authorName(commitment.person) : "Secretariaat",
        note: commitment.note!,
        statusFrom: "open",
        statusTo: status,
        createdAt: closedAt,
      })
      .run();
  }
  return action.id;
}

/**
 * Each held meeting with an "Actielijst" item discussed the body's actions that were running then:
 * the demo snapshots follow from the actions' dates. An action closed on a meeting's date was
 * closed by that meeting; every other running action carried over.
 */
function importActionReviews(tx: Tx) {
  const held = tx
    .select({ id: meetings.id, bodyId: meetings.bodyId, startsAt: meetings.startsAt })
    .from(meetings)
    .innerJoin(agendaItems, eq(agendaItems.meetingId, meetings.id))
    .where(and(eq(meetings.status, "vergaderd"), eq(agendaItems.subject, "Actielijst")))
    .orderBy(asc(meetings.startsAt))
    .all();
  for (const meeting of held) {
    const date = amsterdamDateAndTime(meeting.startsAt).date;
    const discussed = tx
      .select({
        id: actions.id,
        description: actions.description,
        status: actions.status,
        dueOn: actions.dueOn,
        closedAt: actions.closedAt,
        closingNote: actions.closingNote,
        ownerName: people.name,
        organisationName: organisations.name,
      })
      .from(actions)
      .leftJoin(people, eq(people.id, actions.ownerPersonId))
      .leftJoin(organisations, eq(organisations.id, actions.organisationId))
      .where(
        and(
          eq(actions.bodyId, meeting.bodyId),
          lt(actions.createdAt, meeting.startsAt),
          or(isNull(actions.closedAt), gte(actions.closedAt, meeting.startsAt)),
        ),
      )
      .all();
    for (const action of discussed) {
      const closedHere = action.closedAt !== null && amsterdamDateAndTime(action.closedAt).date === date;
      const result = closedHere ? (action.status === "vervallen" ? "vervallen" : "afgedaan") : "loopt_door";
      tx.insert(actionReviews)
        .values({
          meetingId: meeting.id,
          actionId: action.id,
          description: action.description,
          ownerName: action.ownerName,
          organisationName: action.organisationName,
          statusBefore: "open",
          dueOnBefore: action.dueOn,
          result,
          note: closedHere ? action.closingNote! : "",
          createdAt: meeting.startsAt,
        })
        .onConflictDoNothing()
        .run();
      if (!closedHere) {
        tx.insert(actionUpdates)
          .values({
            actionId: action.id,
            authorName: "Secretariaat",
            note: "",
            meetingId: meeting.id,
            createdAt: meeting.startsAt + 60 * 60_000,
          })
          .run();
      }
    }
  }
}
