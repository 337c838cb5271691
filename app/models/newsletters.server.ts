import { objectiveSummaryColumns } from "./programmes.server";
import { objectiveLabel } from "~/lib/objective-number";
import { termOf } from "~/lib/objective-term";
import { and, asc, desc, eq, getTableColumns, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import {
  annualPlans,
  bodies,
  meetings,
  newsletterDeliveries,
  newsletterEditions,
  newsletterImages,
  newsletterSections,
  objectiveStatusUpdates,
  objectives,
  organisations,
  people,
  planGoals,
  programmes,
  subscribers,
} from "../../db/schema";
import { canManageProgrammes } from "~/auth/permissions";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { wakeBackgroundWork } from "~/lib/background-wake.server";
import { getDb, type Tx } from "~/lib/db.server";
import { amsterdamDateAndTime, formatDate, formatDay, formatTime, todayIso } from "~/lib/format";
import { sendMail } from "~/lib/mail.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { renderEditionMail } from "~/lib/newsletter-mail.server";
import {
  decisionOutcomeLabels,
  objectiveStatusLabels,
  planGoalStatusLabels,
  sectionKindLabels,
  type SectionKind,
} from "~/lib/vocabulary";
import { change } from "./access/change.server";
import { visibleEditions, visibleMeetings, visiblePlanGoals } from "./access/scopes.server";
import { getAction } from "./actions.server";

import { getDecisionByReference, getDecisionList, listDecisions } from "./decisions.server";
import { getDocumentVersion, storagePath, store } from "./documents.server";
import { sniff } from "~/lib/file-types";
import { Forbidden, RuleError } from "./errors";
import { getMeeting, listUpcomingMeetings } from "./meetings.server";
import { getPlan } from "./plans.server";
import { hashText, newToken } from "~/lib/link-tokens.server";
import { actorOf } from "./access/viewer";

// The nieuwsbrief: drafted from what the portal knows as the public sees it, checked before
// publishing, sent in batches that survive a restart (docs/decisions/013).

const EDITORS = "Alleen de kwartiermaker maakt en verstuurt de nieuwsbrief.";

function requireEditor(viewer: Viewer): asserts viewer is SignedInViewer {
  if (!canManageProgrammes(viewer)) throw new Forbidden(EDITORS);
}

const byEditor = (viewer: Viewer) => canManageProgrammes(viewer) || EDITORS;

export function listEditions({ viewer }: { viewer: Viewer }) {
  const scope = visibleEditions(viewer);
  return getDb()
    .select({
      id: newsletterEditions.id,
      slug: newsletterEditions.slug,
      title: newsletterEditions.title,
      period: newsletterEditions.period,
      status: newsletterEditions.status,
      publishedAt: newsletterEditions.publishedAt,
    })
    .from(newsletterEditions)
    .innerJoin(scope, eq(scope.id, newsletterEditions.id))
    .orderBy(
      sql`${newsletterEditions.publishedAt} is not null`,
      desc(newsletterEditions.publishedAt),
      desc(newsletterEditions.id),
    )
    .all();
}

export function getEdition({ viewer, slug }: { viewer: Viewer; slug: string }) {
  const db = getDb();
  const scope = visibleEditions(viewer);
  const edition = db
    .select(getTableColumns(newsletterEditions))
    .from(newsletterEditions)
    .innerJoin(scope, eq(scope.id, newsletterEditions.id))
    .where(eq(newsletterEditions.slug, slug))
    .get();
  if (!edition) return null;
  const sections = db
    .select({
      id: newsletterSections.id,
      position: newsletterSections.position,
      kind: newsletterSections.kind,
      title: newsletterSections.title,
      bodyMarkdown: newsletterSections.bodyMarkdown,
      bodyHtml: newsletterSections.bodyHtml,
      bodyId: newsletterSections.bodyId,
      readyAt: newsletterSections.readyAt,
      version: newsletterSections.version,
      contributorName: people.name,
    })
    .from(newsletterSections)
    .leftJoin(people, eq(people.id, newsletterSections.contributorPersonId))
    .where(eq(newsletterSections.editionId, edition.id))
    .orderBy(asc(newsletterSections.position))
    .all();
  const canManage = canManageProgrammes(viewer);
  return {
    edition,
    // Who was asked to write a block is the kwartiermaker's business only.
    sections: canManage ? sections : sections.map((s) => ({ ...s, contributorName: null, readyAt: null })),
    canEdit: canManage && edition.status === "concept",
    canManage,
  };
}

/** The editions for the Atom feed as the viewer sees them (the feed asks as the public), newest first. */
export function listEditionsForFeed({ viewer }: { viewer: Viewer }) {
  const db = getDb();
  const scope = visibleEditions(viewer);
  const editions = db
    .select(getTableColumns(newsletterEditions))
    .from(newsletterEditions)
    .innerJoin(scope, eq(scope.id, newsletterEditions.id))
    .where(isNotNull(newsletterEditions.publishedAt))
    .orderBy(desc(newsletterEditions.publishedAt))
    .limit(20)
    .all();
  const sections = editions.length
    ? db
        .select()
        .from(newsletterSections)
        .where(
          inArray(
            newsletterSections.editionId,
            editions.map((e) => e.id),
          ),
        )
        .orderBy(asc(newsletterSections.position))
        .all()
    : [];
  return editions.map((edition) => ({ ...edition, sections: sections.filter((s) => s.editionId === edition.id) }));
}

// Drafting ---------------------------------------------------------------------------------------

type Draft = { kind: SectionKind; title: string; bodyMarkdown: string; bodyId?: number | null };

/** "Vanuit de stuurgroep": the meeting's public decisions, or its public agenda while the list is a concept. */
function draftFromMeeting(meetingId: number | null): string {
  if (!meetingId) return "";
  const list = getDecisionList({ viewer: null, meetingId });
  if (!list) return "";
  const day = formatDay(list.meeting.startsAt);
  if (list.visible) {
    const lines = list.decisions.map((d) => {
      const subject = list.meeting.sections.flatMap((s) => s.items).find((i) => i.id === d.agendaItemId)?.subject ?? "";
      return `- **${subject}**: ${decisionOutcomeLabels[d.outcome].toLowerCase()}. ${d.textMarkdown.replace(/\n+/g, " ").trim()} ([${d.reference}](/besluiten/${d.reference}))`;
    });
    return [`De stuurgroep vergaderde op ${day}.`, "", ...lines].join("\n");
  }
  const subjects = list.meeting.sections
    .filter((s) => s.section === "B")
    .flatMap((s) => s.items)
    .filter((i) => i.subject !== null)
    .map((i) => `- ${i.subject}`);
  return [
    `De stuurgroep vergaderde op ${day}. De besluitenlijst wordt in de volgende vergadering vastgesteld; besproken werd onder meer:`,
    "",
    ...subjects,
  ].join("\n");
}

function draftThemagroepen(tx: Tx, since: number | null, now: number): Draft[] {
  const year = Number(todayIso(now).slice(0, 4));
  const groups = tx
    .select({ id: bodies.id, name: bodies.name, activeUntil: bodies.activeUntil })
    .from(bodies)
    .where(and(eq(bodies.kind, "themagroep"), or(isNull(bodies.activeUntil), gt(bodies.activeUntil, todayIso(now)))))
    .orderBy(asc(bodies.sortOrder), asc(bodies.name))
    .all();
  return groups.map((group) => {
    const publicGoals = visiblePlanGoals(null);
    const goals = tx
      .select({ title: planGoals.title, status: planGoals.status, progressNote: planGoals.progressNote })
      .from(planGoals)
      .innerJoin(publicGoals, eq(publicGoals.id, planGoals.id))
      .innerJoin(annualPlans, eq(annualPlans.id, planGoals.planId))
      .where(and(eq(annualPlans.bodyId, group.id), eq(annualPlans.year, year)))
      .orderBy(asc(planGoals.position))
      .all();
    const decided = listDecisions({ viewer: null, bodyId: group.id }).decisions.filter(
      (d) => since === null || d.startsAt > since,
    );
    const body = [
      ...(goals.length
        ? [
            `Voortgang van het jaarplan ${year}:`,
            "",
            ...goals.map(
              (g) =>
                `- ${g.title}: ${planGoalStatusLabels[g.status].toLowerCase()}.${g.progressNote ? ` ${g.progressNote}` : ""}`,
            ),
          ]
        : []),
      ...(decided.length
        ? ["", "Besluiten:", "", ...decided.map((d) => `- [${d.reference}](/besluiten/${d.reference}): ${d.subject}`)]
        : []),
    ].join("\n");
    return { kind: "themagroep" as const, title: group.name, bodyMarkdown: body.trim(), bodyId: group.id };
  });
}

function draftProgrammes(tx: Tx, since: number | null, now: number): string {
  const today = todayIso(now);
  const current = tx
    .select({
      id: programmes.id,
      title: programmes.title,
      slug: programmes.slug,
      objectiveTerm: programmes.objectiveTerm,
    })
    .from(programmes)
    .where(
      and(
        sql`${programmes.startsOn} <= ${today}`,
        or(isNull(programmes.endsOn), sql`${programmes.endsOn} >= ${since ? amsterdamDateAndTime(since).date : today}`),
      ),
    )
    .all();
  return current
    .flatMap((programme) => {
      const rows = tx
        .select(objectiveSummaryColumns)
        .from(objectives)
        .where(eq(objectives.programmeId, programme.id))
        .orderBy(asc(objectives.number), asc(objectives.suffix))
        .all();
      // The status changes of all the programme's objectives since the last edition, in one query.
      const updates = tx
        .select({
          objectiveId: objectiveStatusUpdates.objectiveId,
          statusOn: objectiveStatusUpdates.statusOn,
          explanation: objectiveStatusUpdates.explanation,
        })
        .from(objectiveStatusUpdates)
        .where(
          and(
            inArray(
              objectiveStatusUpdates.objectiveId,
              rows.map((o) => o.id),
            ),
            since === null ? undefined : gt(objectiveStatusUpdates.statusOn, amsterdamDateAndTime(since).date),
          ),
        )
        .orderBy(asc(objectiveStatusUpdates.statusOn), asc(objectiveStatusUpdates.id))
        .all();
      const changesOf = new Map<number, typeof updates>();
      for (const update of updates)
        changesOf.set(update.objectiveId, [...(changesOf.get(update.objectiveId) ?? []), update]);
      const term = termOf(programme);
      return [
        `**${programme.title}**`,
        "",
        ...rows.flatMap((o) => {
          const changes = changesOf.get(o.id) ?? [];
          return [
            `- [${term.singularTitle} ${objectiveLabel(o)}: ${o.title}](/programmas/${programme.slug}/${objectiveLabel(o)}): ${o.status ? objectiveStatusLabels[o.status].toLowerCase() : "geen status"}.`,
            ...changes.map((c) => `  - ${formatDate(c.statusOn)}: ${c.explanation}`),
          ];
        }),
        "",
      ];
    })
    .join("\n")
    .trim();
}

function draftAgenda(now: number): string {
  return listUpcomingMeetings({ viewer: null, limit: 6, now })
    .map(
      (m) =>
        `- ${formatDay(m.startsAt)}, ${formatTime(m.startsAt)} uur: ${m.bodyName} ([agenda](/vergaderingen/${m.id}))`,
    )
    .join("\n");
}

export type EditionInput = { title: string; slug: string; period: string; meetingId: number | null };

/**
 * A new concept edition, drafted from the chosen stuurgroep meeting and everything since the last
 * published edition — as the public sees it, so nothing besloten can be drafted in.
 */
export function createEdition({
  viewer,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  input: EditionInput;
  now?: number;
}) {
  return change({
    viewer,
    now,
    load: () => ({}),
    missing: "",
    allow: byEditor,
    check: (_none, tx) => {
      if (
        tx
          .select({ id: newsletterEditions.id })
          .from(newsletterEditions)
          .where(eq(newsletterEditions.slug, input.slug))
          .get()
      )
        throw new RuleError({ slug: ["Dit webadres is al in gebruik; kies een ander."] });
    },
    write: (tx, _none, viewer) => draftEdition(tx, viewer, input, now),
    audit: (_none, { edition, sections }) => ({
      action: "newsletter.create",
      entityType: "newsletter",
      entityId: edition.id,
      summary: `Nieuwsbrief ‘${input.title}’ aangemaakt met ${sections} blokken`,
      after: input,
    }),
  }).edition;
}

/** A new edition with its sections drafted from what the public may see. */
function draftEdition(tx: Tx, viewer: SignedInViewer, input: EditionInput, now: number) {
  {
    const last = tx
      .select({ publishedAt: newsletterEditions.publishedAt })
      .from(newsletterEditions)
      .where(eq(newsletterEditions.status, "gepubliceerd"))
      .orderBy(desc(newsletterEditions.publishedAt))
      .get();
    const since = last?.publishedAt ?? null;
    const edition = tx
      .insert(newsletterEditions)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning({ id: newsletterEditions.id, slug: newsletterEditions.slug })
      .get();
    const drafts: Draft[] = [
      { kind: "kwartiermaker", title: sectionKindLabels.kwartiermaker, bodyMarkdown: "" },
      { kind: "stuurgroep", title: sectionKindLabels.stuurgroep, bodyMarkdown: draftFromMeeting(input.meetingId) },
      ...draftThemagroepen(tx, since, now),
      {
        kind: "versterkingsagenda",
        title: sectionKindLabels.versterkingsagenda,
        bodyMarkdown: draftProgrammes(tx, since, now),
      },
      { kind: "agenda", title: sectionKindLabels.agenda, bodyMarkdown: draftAgenda(now) },
      {
        kind: "contact",
        title: sectionKindLabels.contact,
        bodyMarkdown: `Vragen, suggesties of een bericht voor de volgende nieuwsbrief? Mail ${viewer.name}: ${viewer.email}.`,
      },
    ];
    drafts.forEach((draft, index) =>
      tx
        .insert(newsletterSections)
        .values({
          editionId: edition.id,
          position: index + 1,
          kind: draft.kind,
          title: draft.title,
          bodyMarkdown: draft.bodyMarkdown,
          bodyHtml: renderMarkdown(draft.bodyMarkdown),
          bodyId: draft.bodyId ?? null,
        })
        .run(),
    );
    return { edition, sections: drafts.length };
  }
}

// Sections ---------------------------------------------------------------------------------------

const editionRow = (id: number) => getDb().select().from(newsletterEditions).where(eq(newsletterEditions.id, id)).get();

function requireConcept(edition: { status: string }) {
  if (edition.status !== "concept")
    throw new RuleError({ "": ["Deze nieuwsbrief is gepubliceerd en kan niet meer worden gewijzigd."] });
}

/** A section with its edition, as a change of the section reads them. */
function sectionWithEdition(id: number) {
  const section = getDb().select().from(newsletterSections).where(eq(newsletterSections.id, id)).get();
  return section && { ...section, edition: editionRow(section.editionId)! };
}

/**
 * A change of a concept edition's sections through the one door: the kwartiermaker, a concept, logged;
 * the edition's version moves on with it (touch), so publishing checks what was last seen.
 */
function changeSection<Row extends { edition: { id: number; status: string } }, Result>(
  spec: Omit<Parameters<typeof change<Row, Result>>[0], "allow" | "touch" | "check"> & {
    check?: (row: Row, tx: Tx) => void;
    /** The contribution link: its token, matched by the caller, grants the change of one block. */
    byToken?: boolean;
  },
) {
  return change<Row, Result>({
    ...spec,
    allow: spec.byToken ? () => true : byEditor,
    check: (row, tx) => {
      requireConcept(row.edition);
      spec.check?.(row, tx);
    },
    touch: { table: newsletterEditions, id: (row) => row.edition.id },
  });
}

export function addSection({
  viewer,
  editionId,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  editionId: number;
  input: { kind: SectionKind; title: string; bodyMarkdown: string };
  now?: number;
}) {
  changeSection({
    viewer,
    now,
    load: () => {
      const edition = editionRow(editionId);
      return edition && { edition };
    },
    missing: "Deze nieuwsbrief bestaat niet meer.",
    write: (tx) => {
      const last = tx
        .select({ n: sql<number>`coalesce(max(${newsletterSections.position}), 0)` })
        .from(newsletterSections)
        .where(eq(newsletterSections.editionId, editionId))
        .get()!;
      tx.insert(newsletterSections)
        .values({ editionId, position: last.n + 1, ...input, bodyHtml: renderMarkdown(input.bodyMarkdown) })
        .run();
    },
    audit: () => ({
      action: "newsletter.section.add",
      entityType: "newsletter",
      entityId: editionId,
      summary: `Blok ‘${input.title}’ toegevoegd`,
    }),
  });
}

export function updateSection({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: { title: string; bodyMarkdown: string };
  now?: number;
}) {
  changeSection({
    viewer,
    now,
    load: () => sectionWithEdition(id),
    missing: "Dit blok bestaat niet meer.",
    expectedVersion,
    conflictMessage:
      "Iemand anders heeft dit blok intussen gewijzigd. Uw tekst staat hieronder nog; vergelijk en sla opnieuw op.",
    saved: (section) => ({ title: section.title, bodyMarkdown: section.bodyMarkdown, version: section.version }),
    write: (tx, section) =>
      tx
        .update(newsletterSections)
        .set({ ...input, bodyHtml: renderMarkdown(input.bodyMarkdown), version: section.version + 1, updatedAt: now })
        .where(eq(newsletterSections.id, id))
        .run(),
    audit: (section) => ({
      action: "newsletter.section.update",
      entityType: "newsletter",
      entityId: section.editionId,
      summary: `Blok ‘${input.title}’ gewijzigd`,
      before: { title: section.title, body: section.bodyMarkdown },
      after: input,
    }),
  });
}

export function moveSection({
  viewer,
  id,
  direction,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  direction: "up" | "down";
  now?: number;
}) {
  changeSection({
    viewer,
    now,
    load: () => sectionWithEdition(id),
    missing: "Dit blok bestaat niet meer.",
    write: (tx, section) => {
      const all = tx
        .select({ id: newsletterSections.id, position: newsletterSections.position })
        .from(newsletterSections)
        .where(eq(newsletterSections.editionId, section.editionId))
        .orderBy(asc(newsletterSections.position))
        .all();
      const index = all.findIndex((s) => s.id === id);
      const other = all[direction === "up" ? index - 1 : index + 1];
      if (!other) return;
      tx.update(newsletterSections).set({ position: other.position }).where(eq(newsletterSections.id, id)).run();
      tx.update(newsletterSections)
        .set({ position: section.position })
        .where(eq(newsletterSections.id, other.id))
        .run();
    },
    // The order of blocks is no matter for the log; the edition's version records the change.
    audit: () => null,
  });
}

export function removeSection({ viewer, id, now = Date.now() }: { viewer: Viewer; id: number; now?: number }) {
  changeSection({
    viewer,
    now,
    load: () => sectionWithEdition(id),
    missing: "Dit blok bestaat niet meer.",
    write: (tx) => tx.delete(newsletterSections).where(eq(newsletterSections.id, id)).run(),
    audit: (section) => ({
      action: "newsletter.section.remove",
      entityType: "newsletter",
      entityId: section.editionId,
      summary: `Blok ‘${section.title}’ verwijderd`,
      before: { title: section.title, body: section.bodyMarkdown },
    }),
  });
}

// The check before publishing --------------------------------------------------------------------

const REFERENCE = /\b[A-Z]{1,6}-\d{4}-\d{2}-[A-Z]?\d+(?:-\d+)?\b/g;

export type CheckedLink = { href: string; text: string; section: string; problem: string | null };

/** Whether an internal path points at something the public may see; the reason when it does not. */
function publicProblem(path: string): string | null {
  const [pathname] = path.split(/[?#]/);
  const parts = pathname!.split("/").filter(Boolean);
  const id = Number(parts[1]);
  switch (parts[0]) {
    case "besluiten":
      if (!parts[1]) return null;
      return getDecisionByReference({ viewer: null, reference: decodeURIComponent(parts[1]) })
        ? null
        : "verwijst naar een besluit dat niet openbaar is (besloten, of de besluitenlijst is nog een concept)";
    case "vergaderingen": {
      if (!parts[1]) return null;
      if (!getMeeting({ viewer: null, id })) return "verwijst naar een vergadering die niet openbaar is";
      if (parts[2] === "besluitenlijst") {
        const list = getDecisionList({ viewer: null, meetingId: id });
        if (!list?.visible) return "verwijst naar een besluitenlijst die nog een concept is";
      }
      return null;
    }
    case "acties":
      if (!parts[1] || parts[1] === "mijn")
        return parts[1] === "mijn" ? "verwijst naar een pagina alleen voor ingelogde gebruikers" : null;
      return getAction({ viewer: null, id }) ? null : "verwijst naar een actie die niet openbaar is";
    case "jaarplannen":
      if (!parts[1]) return null;
      return getPlan({ viewer: null, id }) ? null : "verwijst naar een jaarplan dat nog niet is vastgesteld";
    case "stukken":
      return getDocumentVersion({ viewer: null, versionId: id }) ? null : "verwijst naar een stuk dat niet openbaar is";
    case "beheer":
    case "account":
      return "verwijst naar een pagina alleen voor ingelogde gebruikers";
    default:
      return null;
  }
}

/**
 * Lists every link and image of an edition and what is wrong with it. Publishing is refused while
 * any section links to or names besloten content, a concept besluitenlijst or a non-public meeting.
 */
export function checkEdition({ viewer, editionId, baseUrl }: { viewer: Viewer; editionId: number; baseUrl: string }) {
  requireEditor(viewer);
  const sections = getDb()
    .select()
    .from(newsletterSections)
    .where(eq(newsletterSections.editionId, editionId))
    .orderBy(asc(newsletterSections.position))
    .all();
  const links: CheckedLink[] = [];
  const images: { src: string; alt: string; section: string; problem: string | null }[] = [];
  const problems: string[] = [];
  for (const section of sections) {
    for (const match of section.bodyHtml.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)) {
      const href = match[1]!.replace(/&amp;/g, "&");
      const text = match[2]!.replace(/<[^>]+>/g, "");
      const internal = href.startsWith("/")
        ? href
        : href.startsWith(baseUrl)
          ? href.slice(baseUrl.length) || "/"
          : null;
      const problem = internal === null ? null : publicProblem(internal);
      links.push({ href, text, section: section.title, problem });
      if (problem) problems.push(`‘${section.title}’: de link ‘${text}’ ${problem}.`);
    }
    for (const match of section.bodyHtml.matchAll(/<img\s[^>]*>/g)) {
      const src = /src="([^"]+)"/.exec(match[0])?.[1] ?? "";
      const alt = /alt="([^"]*)"/.exec(match[0])?.[1] ?? "";
      const problem = alt.trim() ? null : "heeft geen tekstalternatief (alt)";
      images.push({ src, alt, section: section.title, problem });
      if (problem) problems.push(`‘${section.title}’: de afbeelding ${src} ${problem}.`);
    }
    const text = section.bodyMarkdown.replace(/\]\([^)]*\)/g, "]");
    for (const reference of new Set(text.match(REFERENCE) ?? [])) {
      if (!getDecisionByReference({ viewer: null, reference }))
        problems.push(`‘${section.title}’ noemt besluit ${reference}, dat niet openbaar is.`);
    }
  }
  if (!sections.some((s) => s.bodyMarkdown.trim())) problems.push("De nieuwsbrief heeft nog geen tekst.");
  return { links, images, problems };
}

// Publishing and sending -------------------------------------------------------------------------

/** Publishes the edition (public at its address and in the feed) and queues it for every confirmed subscriber. */
/** The kwartiermaker's next edition and the blocks others were asked to write that are not ready. */
export function getNewsletterTasks({ viewer }: { viewer: Viewer }) {
  requireEditor(viewer);
  const db = getDb();
  const edition = db
    .select({ id: newsletterEditions.id, slug: newsletterEditions.slug, title: newsletterEditions.title })
    .from(newsletterEditions)
    .where(eq(newsletterEditions.status, "concept"))
    .orderBy(asc(newsletterEditions.id))
    .get();
  if (!edition) return { edition: null, contributionsOut: [] };
  const contributionsOut = db
    .select({ id: newsletterSections.id, title: newsletterSections.title, contributorName: people.name })
    .from(newsletterSections)
    .innerJoin(people, eq(people.id, newsletterSections.contributorPersonId))
    .where(
      and(
        eq(newsletterSections.editionId, edition.id),
        isNotNull(newsletterSections.contributionTokenHash),
        isNull(newsletterSections.readyAt),
      ),
    )
    .orderBy(asc(newsletterSections.position))
    .all();
  return { edition, contributionsOut };
}

/** How many subscribers an edition published now would be sent to, asked before it is sent. */
export function countEditionRecipients({ viewer }: { viewer: Viewer }) {
  requireEditor(viewer);
  return getDb().select({ id: subscribers.id }).from(subscribers).where(eq(subscribers.status, "bevestigd")).all()
    .length;
}

export function publishEdition({
  viewer,
  id,
  expectedVersion,
  baseUrl,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  baseUrl: string;
  now?: number;
}) {
  requireEditor(viewer);
  const { problems } = checkEdition({ viewer, editionId: id, baseUrl });
  if (problems.length) throw new RuleError({ "": ["Publiceren kan nog niet:", ...problems] });
  const published = change({
    viewer,
    now,
    load: () => editionRow(id),
    missing: "Deze nieuwsbrief bestaat niet meer.",
    allow: byEditor,
    expectedVersion,
    conflictMessage:
      "Iemand anders heeft deze nieuwsbrief intussen gewijzigd. Controleer haar opnieuw voordat u publiceert.",
    check: requireConcept,
    write: (tx, _edition, signedIn) => {
      tx.update(newsletterEditions)
        .set({ status: "gepubliceerd", publishedAt: now, publishedByUserId: actorOf(signedIn) })
        .where(eq(newsletterEditions.id, id))
        .run();
      const confirmed = tx
        .select({ id: subscribers.id })
        .from(subscribers)
        .where(eq(subscribers.status, "bevestigd"))
        .all();
      for (const subscriber of confirmed)
        tx.insert(newsletterDeliveries)
          .values({ editionId: id, subscriberId: subscriber.id, createdAt: now })
          .onConflictDoNothing()
          .run();
      return { queued: confirmed.length };
    },
    touch: { table: newsletterEditions, id: () => id },
    audit: (edition, { queued }) => ({
      action: "newsletter.publish",
      entityType: "newsletter",
      entityId: id,
      summary: `Nieuwsbrief ‘${edition.title}’ gepubliceerd; ${queued} abonnees in de wachtrij`,
      after: { recipients: queued },
    }),
  });
  wakeBackgroundWork("nieuwsbrief");
  return published;
}

/** How far the sending of an edition is, for the kwartiermaker. */
export function deliveryProgress({ viewer, editionId }: { viewer: Viewer; editionId: number }) {
  requireEditor(viewer);
  const rows = getDb()
    .select({ status: newsletterDeliveries.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.editionId, editionId))
    .groupBy(newsletterDeliveries.status)
    .all();
  const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  const sent = count("verzonden");
  const failed = count("mislukt");
  const remaining = count("wachtrij") + count("verzenden");
  return { sent, failed, remaining, total: sent + failed + remaining };
}

/** Puts the failed deliveries of an edition back in the queue. */
export function retryFailedDeliveries({ viewer, editionId }: { viewer: Viewer; editionId: number }) {
  const retried = change({
    viewer,
    load: () => editionRow(editionId),
    missing: "Deze nieuwsbrief bestaat niet meer.",
    allow: byEditor,
    write: (tx) =>
      tx
        .update(newsletterDeliveries)
        .set({ status: "wachtrij", claimedAt: null })
        .where(and(eq(newsletterDeliveries.editionId, editionId), eq(newsletterDeliveries.status, "mislukt")))
        .returning({ id: newsletterDeliveries.id })
        .all().length,
    audit: (_edition, retried) => ({
      action: "newsletter.retry",
      entityType: "newsletter",
      entityId: editionId,
      summary: `${retried} mislukte verzendingen opnieuw in de wachtrij`,
    }),
  });
  wakeBackgroundWork("nieuwsbrief");
  return retried;
}

/**
 * After a restart, a delivery that was being sent may or may not have left: it is marked failed
 * rather than sent again, so nobody gets an edition twice; the kwartiermaker can retry failures.
 */
export function recoverInterruptedDeliveries() {
  return getDb()
    .update(newsletterDeliveries)
    .set({ status: "mislukt", lastError: "Onderbroken door een herstart; verstuur opnieuw als dat nodig is." })
    .where(eq(newsletterDeliveries.status, "verzenden"))
    .returning({ id: newsletterDeliveries.id })
    .all().length;
}

/**
 * Sends up to `limit` queued deliveries; returns how many were sent and failed. Each is claimed just
 * before it is sent, so a process that dies leaves at most one delivery in doubt, and two senders
 * can never take the same one. `stopping` ends the batch between two mails; the rest stays queued.
 */
export async function sendDeliveryBatch({
  baseUrl,
  limit = 25,
  now = Date.now(),
  stopping = () => false,
}: {
  baseUrl: string;
  limit?: number;
  now?: number;
  stopping?: () => boolean;
}) {
  const db = getDb();
  const queued = db
    .select({ id: newsletterDeliveries.id })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.status, "wachtrij"))
    .orderBy(asc(newsletterDeliveries.id))
    .limit(limit)
    .all();
  const claim = (id: number) => {
    const claimed = db
      .update(newsletterDeliveries)
      .set({ status: "verzenden", claimedAt: now, attempts: sql`${newsletterDeliveries.attempts} + 1` })
      .where(and(eq(newsletterDeliveries.id, id), eq(newsletterDeliveries.status, "wachtrij")))
      .run();
    if (claimed.changes === 0) return undefined;
    return db
      .select({
        id: newsletterDeliveries.id,
        editionId: newsletterDeliveries.editionId,
        email: subscribers.email,
        name: subscribers.name,
        subscriberStatus: subscribers.status,
        unsubscribeToken: subscribers.unsubscribeToken,
      })
      .from(newsletterDeliveries)
      .innerJoin(subscribers, eq(subscribers.id, newsletterDeliveries.subscriberId))
      .where(eq(newsletterDeliveries.id, id))
      .get();
  };
  let sent = 0;
  let failed = 0;
  const rendered = new Map<number, ReturnType<typeof editionForMail>>();
  for (const { id } of queued) {
    if (stopping()) break;
    const delivery = claim(id);
    if (!delivery) continue;
    const finish = (status: "verzonden" | "mislukt", error: string | null) =>
      db
        .update(newsletterDeliveries)
        .set({ status, lastError: error, sentAt: status === "verzonden" ? Date.now() : null })
        .where(eq(newsletterDeliveries.id, delivery.id))
        .run();
    // Someone who unsubscribed after publication is skipped, not mailed.
    if (delivery.subscriberStatus !== "bevestigd" || !delivery.email) {
      finish("mislukt", "Afgemeld voordat de nieuwsbrief werd verstuurd.");
      failed++;
      continue;
    }
    if (!rendered.has(delivery.editionId)) rendered.set(delivery.editionId, editionForMail(delivery.editionId));
    const edition = rendered.get(delivery.editionId)!;
    const unsubscribeUrl = `${baseUrl}/nieuwsbrief/afmelden/${delivery.unsubscribeToken}`;
    try {
      const mail = renderEditionMail({ ...edition, baseUrl, unsubscribeUrl });
      await sendMail({
        to: [{ name: delivery.name ?? delivery.email, address: delivery.email }],
        subject: edition.edition.title,
        text: mail.text,
        html: mail.html,
        headers: {
          "List-Unsubscribe": `<${unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
      finish("verzonden", null);
      sent++;
    } catch (error) {
      finish("mislukt", error instanceof Error ? error.message : String(error));
      failed++;
    }
  }
  return { sent, failed };
}

function editionForMail(editionId: number) {
  const db = getDb();
  const edition = db.select().from(newsletterEditions).where(eq(newsletterEditions.id, editionId)).get()!;
  const sections = db
    .select()
    .from(newsletterSections)
    .where(eq(newsletterSections.editionId, editionId))
    .orderBy(asc(newsletterSections.position))
    .all();
  return { edition, sections };
}

/** The edition as mail, for the preview and the test mail. */
export function previewEditionMail({ viewer, slug, baseUrl }: { viewer: Viewer; slug: string; baseUrl: string }) {
  requireEditor(viewer);
  const found = getEdition({ viewer, slug });
  if (!found) return null;
  return renderEditionMail({
    ...editionForMail(found.edition.id),
    baseUrl,
    unsubscribeUrl: `${baseUrl}/nieuwsbrief/afmelden/voorbeeld`,
  });
}

/** Sends the edition as it stands to the kwartiermaker's own address. */
export async function sendTestMail({ viewer, slug, baseUrl }: { viewer: Viewer; slug: string; baseUrl: string }) {
  const mail = previewEditionMail({ viewer, slug, baseUrl });
  if (!mail) throw new RuleError({ "": ["Deze nieuwsbrief bestaat niet meer."] });
  const { edition } = getEdition({ viewer, slug })!;
  await sendMail({
    to: [{ name: viewer!.name, address: viewer!.email }],
    subject: `[Test] ${edition.title}`,
    text: mail.text,
    html: mail.html,
  });
}

/** Stuurgroep meetings of the last year, newest first: what an edition can start from. */
export function listEditionMeetings({ viewer, now = Date.now() }: { viewer: Viewer; now?: number }) {
  requireEditor(viewer);
  const scope = visibleMeetings(viewer);
  return getDb()
    .select({ id: meetings.id, startsAt: meetings.startsAt, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        eq(bodies.kind, "stuurgroep"),
        sql`${meetings.startsAt} between ${now - 365 * 24 * 60 * 60_000} and ${now}`,
        inArray(meetings.status, ["gepubliceerd", "vergaderd"]),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .all();
}

// Contributions ------------------------------------------------------------------------------------

/** People who can be asked to write a block: everyone with an e-mail address. */
export function listContributors({ viewer }: { viewer: Viewer }) {
  requireEditor(viewer);
  return getDb()
    .select({ id: people.id, name: people.name, organisationName: organisations.name })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(isNotNull(people.email))
    .orderBy(asc(people.name))
    .all();
}

/**
 * Asks someone (a kartrekker) to write one block: a mail with a personal link that opens only that
 * block. Asking again replaces the earlier link.
 */
export async function requestContribution({
  viewer,
  sectionId,
  personId,
  baseUrl,
  now = Date.now(),
}: {
  viewer: Viewer;
  sectionId: number;
  personId: number;
  baseUrl: string;
  now?: number;
}) {
  requireEditor(viewer);
  const token = newToken();
  const { section, edition, person } = changeSection({
    viewer,
    now,
    load: () => {
      const found = sectionWithEdition(sectionId);
      const person = getDb().select().from(people).where(eq(people.id, personId)).get();
      return found && { ...found, section: found, person };
    },
    missing: "Dit blok bestaat niet meer.",
    check: ({ person }) => {
      if (!person?.email) throw new RuleError({ personId: ["Kies iemand met een e-mailadres."] });
    },
    write: (tx, row) => {
      tx.update(newsletterSections)
        .set({ contributorPersonId: personId, contributionTokenHash: hashText(token), readyAt: null, updatedAt: now })
        .where(eq(newsletterSections.id, sectionId))
        .run();
      return { section: row.section, edition: row.edition, person: row.person! };
    },
    audit: ({ section, person }) => ({
      action: "newsletter.contribution.request",
      entityType: "newsletter",
      entityId: section.editionId,
      summary: `${person!.name} gevraagd het blok ‘${section.title}’ te schrijven`,
    }),
  });
  await sendMail({
    to: [{ name: person.name, address: person.email! }],
    subject: `Wilt u het blok ‘${section.title}’ schrijven voor ${edition.title}?`,
    text: [
      `Beste ${person.name},`,
      "",
      `Voor ${edition.title} vraagt ${viewer.name} u het blok ‘${section.title}’ te schrijven of bij te werken.`,
      `Via deze persoonlijke link opent u alleen dat blok: ${baseUrl}/nieuwsbrief/bijdrage/${token}`,
      "",
      "Zet het vinkje ‘klaar’ als uw tekst af is; de kwartiermaker ziet dat dan meteen.",
    ].join("\n"),
  });
}

/** The one block a contribution link opens; null when the link is unknown or the edition is published. */
export function getContribution({ token }: { token: string }) {
  const row = getDb()
    .select({
      id: newsletterSections.id,
      title: newsletterSections.title,
      bodyMarkdown: newsletterSections.bodyMarkdown,
      readyAt: newsletterSections.readyAt,
      version: newsletterSections.version,
      editionTitle: newsletterEditions.title,
      editionStatus: newsletterEditions.status,
      contributorName: people.name,
    })
    .from(newsletterSections)
    .innerJoin(newsletterEditions, eq(newsletterEditions.id, newsletterSections.editionId))
    .leftJoin(people, eq(people.id, newsletterSections.contributorPersonId))
    .where(eq(newsletterSections.contributionTokenHash, hashText(token)))
    .get();
  return row && row.editionStatus === "concept" ? row : null;
}

/** The contributor saves the block, and marks it ready (or not yet). */
export function saveContribution({
  token,
  expectedVersion,
  bodyMarkdown,
  ready,
  now = Date.now(),
}: {
  token: string;
  expectedVersion: number;
  bodyMarkdown: string;
  ready: boolean;
  now?: number;
}) {
  const section = getDb()
    .select({ id: newsletterSections.id })
    .from(newsletterSections)
    .where(eq(newsletterSections.contributionTokenHash, hashText(token)))
    .get();
  if (!section) return false;
  changeSection({
    // The link's token is the credential: it opens this one block to its contributor, signed in or not.
    viewer: null,
    now,
    load: () => sectionWithEdition(section.id),
    missing: "Dit blok bestaat niet meer.",
    expectedVersion,
    conflictMessage:
      "Iemand anders heeft dit blok intussen gewijzigd. Uw tekst staat hieronder nog; vergelijk en sla opnieuw op.",
    byToken: true,
    write: (tx, row) =>
      tx
        .update(newsletterSections)
        .set({
          bodyMarkdown,
          bodyHtml: renderMarkdown(bodyMarkdown),
          readyAt: ready ? now : null,
          version: row.version + 1,
          updatedAt: now,
        })
        .where(eq(newsletterSections.id, row.id))
        .run(),
    audit: (row) => ({
      action: "newsletter.contribution.save",
      entityType: "newsletter",
      entityId: row.editionId,
      summary: `Bijdrage voor ‘${row.title}’ opgeslagen${ready ? " en klaar gemeld" : ""}`,
      before: { body: row.bodyMarkdown },
      after: { body: bodyMarkdown, ready },
    }),
  });
  return true;
}

// Images -------------------------------------------------------------------------------------------

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** An image for an edition: checked by content (PNG, JPEG, GIF, WebP), with required alt text. */
export function addEditionImage({
  viewer,
  editionId,
  fileName,
  bytes,
  altText,
}: {
  viewer: Viewer;
  editionId: number;
  fileName: string;
  bytes: Uint8Array;
  altText: string;
}) {
  requireEditor(viewer);
  const errors: Record<string, string[]> = {};
  if (!altText.trim())
    errors.altText = [
      "Beschrijf wat er op de afbeelding staat; zonder tekstalternatief kan een schermlezer haar niet voorlezen.",
    ];
  const kind = sniff(bytes)?.kind;
  if (bytes.byteLength === 0) errors.bestand = ["Kies een afbeelding."];
  else if (bytes.byteLength > MAX_IMAGE_BYTES) errors.bestand = ["De afbeelding is groter dan 5 MB."];
  else if (!kind || !["png", "jpeg", "gif", "webp"].includes(kind))
    errors.bestand = [`‘${fileName}’ is geen afbeelding (PNG, JPEG, GIF of WebP).`];
  if (Object.keys(errors).length) throw new RuleError(errors);
  const image = changeSection({
    viewer,
    load: () => {
      const edition = editionRow(editionId);
      return edition && { edition };
    },
    missing: "Deze nieuwsbrief bestaat niet meer.",
    write: (tx) =>
      tx
        .insert(newsletterImages)
        .values({
          editionId,
          sha256: store(bytes),
          contentType: `image/${kind}`,
          altText: altText.trim(),
          size: bytes.byteLength,
        })
        .returning({ id: newsletterImages.id })
        .get(),
    audit: () => ({
      action: "newsletter.image.add",
      entityType: "newsletter",
      entityId: editionId,
      summary: `Afbeelding ‘${altText.trim()}’ toegevoegd`,
    }),
  });
  return {
    id: image.id,
    markdown: `![${altText.trim().replace(/[[\]]/g, "")}](/nieuwsbrieven/afbeeldingen/${image.id})`,
  };
}

export function listEditionImages({ viewer, editionId }: { viewer: Viewer; editionId: number }) {
  requireEditor(viewer);
  return getDb()
    .select({ id: newsletterImages.id, altText: newsletterImages.altText, size: newsletterImages.size })
    .from(newsletterImages)
    .where(eq(newsletterImages.editionId, editionId))
    .orderBy(asc(newsletterImages.id))
    .all()
    .map((image) => ({
      ...image,
      markdown: `![${image.altText.replace(/[[\]]/g, "")}](/nieuwsbrieven/afbeeldingen/${image.id})`,
    }));
}

/** The file of an image: public once its edition is published, before that for the kwartiermaker. */
export function getEditionImage({ viewer, id }: { viewer: Viewer; id: number }) {
  const scope = visibleEditions(viewer);
  const row = getDb()
    .select({
      sha256: newsletterImages.sha256,
      contentType: newsletterImages.contentType,
      status: newsletterEditions.status,
    })
    .from(newsletterImages)
    .innerJoin(scope, eq(scope.id, newsletterImages.editionId))
    .innerJoin(newsletterEditions, eq(newsletterEditions.id, newsletterImages.editionId))
    .where(eq(newsletterImages.id, id))
    .get();
  if (!row) return null;
  return { path: storagePath(row.sha256), contentType: row.contentType, isPublic: row.status === "gepubliceerd" };
}
