// Imports programmes (with objectives and their status history) and annual plans from the corpus.
// Idempotent: programmes by slug, objectives by programme and number, plans by body and year.
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../app/lib/db.server";
import { instantFromAmsterdam } from "../app/lib/format";
import { renderMarkdown } from "../app/lib/markdown.server";
import type { Corpus } from "./content";
import {
  agendaItems,
  annualPlans,
  decisions,
  goalLinks,
  meetings,
  newsletterEditions,
  newsletterSections,
  objectiveStatusUpdates,
  objectives,
  planBudgetLines,
  planChapters,
  planGoals,
  programmes,
  subscribers,
} from "./schema";
import { hashEmail, newToken } from "../app/models/subscribers.server";

type LinkTarget = { agendaItemId?: number; decisionId?: number; actionId?: number; targetPlanGoalId?: number };

/** Links a record to the objectives named in the content ("programma/nummer"). */
export function linkToObjectives(
  tx: Tx,
  target: LinkTarget,
  refs: string[] | undefined,
  objectiveIds: Map<string, number>,
) {
  for (const ref of refs ?? []) {
    const objectiveId = objectiveIds.get(ref);
    if (objectiveId)
      tx.insert(goalLinks)
        .values({ ...target, objectiveId })
        .run();
  }
}

export function importProgrammes(
  tx: Tx,
  corpus: Corpus,
  { bodyIds, personIds }: { bodyIds: Map<string, number>; personIds: Map<string, number> },
) {
  const objectiveIds = new Map<string, number>();
  const programmeIds = new Map<string, number>();
  for (const programme of corpus.programmes) {
    const values = {
      slug: programme.slug,
      title: programme.title,
      startsOn: programme.starts,
      endsOn: programme.ends ?? null,
      ownerBodyId: bodyIds.get(programme.owner)!,
      descriptionMarkdown: programme.descriptionMarkdown,
      descriptionHtml: renderMarkdown(programme.descriptionMarkdown),
    };
    const { slug: _slug, ...update } = values;
    const row = tx
      .insert(programmes)
      .values(values)
      .onConflictDoUpdate({ target: programmes.slug, set: update })
      .returning({ id: programmes.id })
      .get();
    programmeIds.set(programme.slug, row.id);
    for (const objective of programme.objectives) {
      const history = [...objective.statuses].sort((a, b) => a.on.localeCompare(b.on));
      const description = objective.description?.trim() ?? "";
      const objectiveValues = {
        programmeId: row.id,
        number: objective.number,
        title: objective.title,
        descriptionMarkdown: description,
        descriptionHtml: renderMarkdown(description),
        leadPersonId: objective.lead ? (personIds.get(objective.lead) ?? null) : null,
        focus: objective.focus ?? null,
        status: history.at(-1)?.status ?? "op_koers",
      };
      const { programmeId: _p, number: _n, ...objectiveUpdate } = objectiveValues;
      const saved = tx
        .insert(objectives)
        .values(objectiveValues)
        .onConflictDoUpdate({ target: [objectives.programmeId, objectives.number], set: objectiveUpdate })
        .returning({ id: objectives.id })
        .get();
      objectiveIds.set(`${programme.slug}/${objective.number}`, saved.id);
      tx.delete(objectiveStatusUpdates).where(eq(objectiveStatusUpdates.objectiveId, saved.id)).run();
      for (const status of history) {
        tx.insert(objectiveStatusUpdates)
          .values({
            objectiveId: saved.id,
            status: status.status,
            statusOn: status.on,
            explanation: status.explanation,
            authorName: "Kwartiermaker",
            createdAt: instantFromAmsterdam(status.on, "12:00"),
          })
          .run();
      }
    }
  }
  // Predecessors last: a programme may name one that sorts after it.
  for (const programme of corpus.programmes) {
    tx.update(programmes)
      .set({ predecessorId: programme.predecessor ? programmeIds.get(programme.predecessor)! : null })
      .where(eq(programmes.id, programmeIds.get(programme.slug)!))
      .run();
  }
  return objectiveIds;
}

export function importPlans(
  tx: Tx,
  corpus: Corpus,
  {
    bodyIds,
    objectiveIds,
    meetingIdsByFile,
  }: { bodyIds: Map<string, number>; objectiveIds: Map<string, number>; meetingIdsByFile: Map<string, number> },
) {
  for (const plan of [...corpus.plans].sort((a, b) => a.year - b.year)) {
    const bodyId = bodyIds.get(plan.body)!;
    let agendaItemId: number | null = null;
    let decisionId: number | null = null;
    let adoptedAt: number | null = null;
    if (plan.consent) {
      const meetingId = meetingIdsByFile.get(plan.consent.meeting)!;
      const item = tx
        .select({ id: agendaItems.id, startsAt: meetings.startsAt, endsAt: meetings.endsAt })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.subject, plan.consent.item)))
        .get()!;
      agendaItemId = item.id;
      if (plan.status === "vastgesteld" || plan.status === "afgesloten") {
        decisionId =
          tx
            .select({ id: decisions.id })
            .from(decisions)
            .where(eq(decisions.agendaItemId, item.id))
            .orderBy(asc(decisions.id))
            .get()?.id ?? null;
        adoptedAt = item.endsAt;
      }
    }
    const report = plan.report?.trim() ?? "";
    const values = {
      bodyId,
      year: plan.year,
      title: plan.title,
      status: plan.status,
      agendaItemId,
      decisionId,
      adoptedAt,
      closedAt: plan.status === "afgesloten" ? instantFromAmsterdam(`${plan.year + 1}-01-15`, "12:00") : null,
      reportMarkdown: report,
      reportHtml: renderMarkdown(report),
      reportPublishedAt: plan.reportPublished ? instantFromAmsterdam(plan.reportPublished, "12:00") : null,
    };
    const row = tx
      .insert(annualPlans)
      .values(values)
      .onConflictDoUpdate({ target: [annualPlans.bodyId, annualPlans.year], set: values })
      .returning({ id: annualPlans.id })
      .get();
    tx.delete(planChapters).where(eq(planChapters.planId, row.id)).run();
    tx.delete(planGoals).where(eq(planGoals.planId, row.id)).run();
    tx.delete(planBudgetLines).where(eq(planBudgetLines.planId, row.id)).run();
    plan.chapters.forEach((chapter, index) =>
      tx
        .insert(planChapters)
        .values({
          planId: row.id,
          position: index + 1,
          title: chapter.title,
          bodyMarkdown: chapter.bodyMarkdown,
          bodyHtml: renderMarkdown(chapter.bodyMarkdown),
        })
        .run(),
    );
    plan.goals.forEach((goal, index) => {
      const created = tx
        .insert(planGoals)
        .values({
          planId: row.id,
          position: index + 1,
          title: goal.title,
          ownerName: goal.owner ?? null,
          quarter: goal.quarter ?? null,
          status: goal.status,
          progressNote: goal.progress?.trim() ?? "",
        })
        .returning({ id: planGoals.id })
        .get();
      linkToObjectives(tx, { targetPlanGoalId: created.id }, goal.objectives, objectiveIds);
    });
    for (const kind of ["baten", "lasten"] as const) {
      (plan.budget?.[kind] ?? []).forEach((line, index) =>
        tx
          .insert(planBudgetLines)
          .values({
            planId: row.id,
            kind,
            position: index + 1,
            description: line.description,
            amountCents: line.amount,
          })
          .run(),
      );
    }
  }
}

/** Newsletter editions (published on their date, or concept) and the demo subscribers. */
export function importNewsletters(
  tx: Tx,
  corpus: Corpus,
  { meetingIdsByFile }: { meetingIdsByFile: Map<string, number> },
) {
  for (const edition of corpus.editions) {
    const publishedAt = edition.published ? instantFromAmsterdam(edition.published, "10:00") : null;
    const values = {
      slug: edition.slug,
      title: edition.title,
      period: edition.period ?? "",
      meetingId: edition.meeting ? (meetingIdsByFile.get(edition.meeting) ?? null) : null,
      status: publishedAt ? ("gepubliceerd" as const) : ("concept" as const),
      publishedAt,
    };
    const { slug: _slug, ...update } = values;
    const row = tx
      .insert(newsletterEditions)
      .values(values)
      .onConflictDoUpdate({ target: newsletterEditions.slug, set: update })
      .returning({ id: newsletterEditions.id })
      .get();
    tx.delete(newsletterSections).where(eq(newsletterSections.editionId, row.id)).run();
    edition.sections.forEach((section, index) =>
      tx
        .insert(newsletterSections)
        .values({
          editionId: row.id,
          position: index + 1,
          kind: section.kind,
          title: section.title,
          bodyMarkdown: section.bodyMarkdown,
          bodyHtml: renderMarkdown(section.bodyMarkdown),
        })
        .run(),
    );
  }
  for (const subscriber of corpus.subscribers) {
    const emailHash = hashEmail(subscriber.email);
    // An unsubscribed address is kept only as its hash, as the site itself does.
    const values =
      subscriber.status === "afgemeld"
        ? {
            email: null,
            name: null,
            organisation: null,
            status: "afgemeld" as const,
            unsubscribeToken: null,
            unsubscribedAt: Date.now(),
          }
        : {
            email: subscriber.email,
            name: subscriber.name ?? null,
            organisation: subscriber.organisation ?? null,
            status: subscriber.status,
            confirmedAt: subscriber.status === "bevestigd" ? Date.now() : null,
          };
    const existing = tx
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(eq(subscribers.emailHash, emailHash))
      .get();
    if (existing) tx.update(subscribers).set(values).where(eq(subscribers.id, existing.id)).run();
    else
      tx.insert(subscribers)
        .values({ ...values, emailHash, unsubscribeToken: values.status === "afgemeld" ? null : newToken() })
        .run();
  }
}
