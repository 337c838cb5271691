import { objectiveNumberLabel } from "./programmes.server";
import { and, eq, exists, inArray, or, sql, type SQL, type Subquery } from "drizzle-orm";
import {
  actions,
  agendaItems,
  annualPlans,
  bodies,
  decisions,
  documents,
  documentVersions,
  meetings,
  newsletterEditions,
  newsletterSections,
  objectives,
  personalNotes,
  planChapters,
  planGoals,
  plannedTopics,
  programmes,
} from "../../db/schema";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Viewer } from "~/auth/viewer";
import { itemNumbersOf } from "./agenda-numbers.server";
import { getDb } from "~/lib/db.server";
import { formatDay } from "~/lib/format";
import {
  readable,
  visibleActions,
  visibleDecisions,
  visibleDocuments,
  visibleEditions,
  visibleItems,
  visibleMeetings,
  visibleNotes,
  visiblePlans,
  visibleTopics,
} from "./access/scopes.server";
import { searchGroupKeys, searchGroups, type SearchGroup } from "~/lib/search-groups";
import { escapeHtml } from "~/lib/html";

// Search over the FTS5 index that triggers keep in step (migration add_search_index). The index has
// text only; whether the viewer may see a hit is part of the same query, through the visibility rules
// of each model, so a page never holds fewer results than it should and never a hidden one.

const groupOf = (kind: string) =>
  searchGroupKeys.find((g) => (searchGroups[g].kinds as readonly string[]).includes(kind))!;

/**
 * The user's words as an FTS5 query: quoted phrases stay phrases, other words match as prefixes,
 * all must occur. Operators and stray quotes are taken literally, so no input is a syntax error.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const text = input.slice(0, 300);
  for (const match of text.matchAll(/"([^"]+)"|(\S+)/g)) {
    const phrase = match[1];
    const word = match[2];
    const clean = (s: string) => s.replace(/["*^:(){}[\]\\-]/g, " ").trim();
    if (phrase && clean(phrase)) terms.push(`"${clean(phrase)}"`);
    else if (word) for (const part of clean(word).split(/\s+/).filter(Boolean)) terms.push(`"${part}"*`);
    if (terms.length >= 10) break;
  }
  return terms.length ? terms.join(" ") : null;
}

const recordId = sql`search_index.record_id`;

/**
 * Whether the viewer may see the record behind a hit, per kind, as one SQL condition: the hit's record
 * must be in its kind's scope (app/models/access/scopes.server.ts), tested per hit by its id.
 */
function visibility(viewer: Viewer): SQL {
  const db = getDb();
  const inScope = (scope: { id: SQLiteColumn } & Subquery, condition?: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(scope)
        .where(and(eq(scope.id, recordId), condition)),
    );
  const items = visibleItems(viewer);
  const plans = visiblePlans(viewer);
  const ofVisiblePlan = (table: typeof planChapters | typeof planGoals) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(table)
        .innerJoin(plans, eq(plans.id, table.planId))
        .where(eq(table.id, recordId)),
    );
  const editions = visibleEditions(viewer);
  const byKind: Record<string, SQL> = {
    meeting: inScope(visibleMeetings(viewer)),
    // A besloten item shows its number only, so its words are no hit for those outside.
    agenda_item: inScope(items, readable(items)),
    decision: inScope(visibleDecisions(viewer)),
    action: inScope(visibleActions(viewer)),
    document: inScope(visibleDocuments(viewer)),
    programme: sql`1`,
    objective: sql`1`,
    plan: inScope(plans),
    // A note is found by its author, and a shared one by the body's members: never by anyone else.
    note: inScope(visibleNotes(viewer)),
    planned_topic: inScope(visibleTopics(viewer)),
    plan_chapter: ofVisiblePlan(planChapters),
    plan_goal: ofVisiblePlan(planGoals),
    edition: inScope(editions),
    newsletter_section: exists(
      db
        .select({ one: sql`1` })
        .from(newsletterSections)
        .innerJoin(editions, eq(editions.id, newsletterSections.editionId))
        .where(eq(newsletterSections.id, recordId)),
    ),
  };
  return or(...Object.entries(byKind).map(([kind, condition]) => sql`(search_index.kind = ${kind} and ${condition})`))!;
}

export const SEARCH_PAGE_SIZE = 20;

type Hit = { kind: string; recordId: number; title: string; snippet: string; rank: number };

/** The index marks hits with \u0001…\u0002; everything else is escaped before the marks become <mark>. */
const marked = (text: string) =>
  escapeHtml(text.replace(/[#*_`>[\]]/g, "").replace(/\(\/[^)]*\)/g, ""))
    .replace(/\u0001/g, "<mark>")
    .replace(/\u0002/g, "</mark>");

/** Searches what the viewer may see; filters by group, body and year; ranked, paged and grouped. */
export function search({
  viewer,
  query,
  group,
  bodyId,
  year,
  page = 1,
}: {
  viewer: Viewer;
  query: string;
  group?: SearchGroup;
  bodyId?: number;
  year?: number;
  page?: number;
}) {
  const fts = toFtsQuery(query);
  if (!fts) return { query, results: [], hasMore: false, counts: {} as Partial<Record<SearchGroup, number>> };
  const db = getDb();
  const filters = and(
    bodyId ? sql`search_index.body_id = ${bodyId}` : undefined,
    year ? sql`search_index.year = ${String(year)}` : undefined,
  );
  const base = and(sql`search_index match ${fts}`, visibility(viewer), filters);
  const counted = db.all<{ kind: string; n: number }>(
    sql`select search_index.kind as kind, count(*) as n from search_index where ${base} group by search_index.kind`,
  );
  const counts: Partial<Record<SearchGroup, number>> = {};
  for (const row of counted) counts[groupOf(row.kind)] = (counts[groupOf(row.kind)] ?? 0) + row.n;
  const kinds = group ? [...searchGroups[group].kinds] : null;
  const hits = db.all<Hit>(sql`
    select search_index.kind as kind, search_index.record_id as recordId,
      highlight(search_index, 0, char(1), char(2)) as title,
      snippet(search_index, 1, char(1), char(2), '…', 16) as snippet,
      bm25(search_index, 5.0, 1.0) as rank
    from search_index
    where ${and(
      base,
      kinds
        ? sql`search_index.kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})`
        : undefined,
    )}
    order by rank
    limit ${SEARCH_PAGE_SIZE + 1} offset ${(page - 1) * SEARCH_PAGE_SIZE}`);
  const shown = hits.slice(0, SEARCH_PAGE_SIZE);
  const links = linksOf(shown);
  return {
    query,
    results: shown.map((hit) => ({
      kind: hit.kind,
      group: groupOf(hit.kind),
      recordId: hit.recordId,
      titleHtml: marked(hit.title),
      snippetHtml: marked(hit.snippet),
      ...(links.get(`${hit.kind}:${hit.recordId}`) ?? { href: "/zoeken", context: "" }),
    })),
    hasMore: hits.length > SEARCH_PAGE_SIZE,
    counts,
  };
}

/** Where a hit leads, what it belongs to (shown under the title), and for a paper its agenda item. */
type Link = { href: string; context: string; itemHref?: string };

/** Body, date and item numbers of the meetings behind the hits: "agendapunt B2 · Stuurgroep, 10 december 2026". */
function meetingsOf(meetingIds: number[]) {
  const db = getDb();
  const ids = [...new Set(meetingIds)];
  const byMeeting = new Map<number, { label: string; numbers: Map<number, string> }>();
  if (ids.length === 0) return byMeeting;
  const numbers = itemNumbersOf(db, ids);
  for (const meeting of db
    .select({ id: meetings.id, startsAt: meetings.startsAt, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(inArray(meetings.id, ids))
    .all())
    byMeeting.set(meeting.id, {
      label: `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`,
      numbers,
    });
  return byMeeting;
}

/**
 * Where each hit leads and what it belongs to (shown under the title): one query per kind on the
 * page, not one per hit.
 */
function linksOf(hits: { kind: string; recordId: number }[]): Map<string, Link> {
  const db = getDb();
  const ids = (kind: string) => hits.filter((h) => h.kind === kind).map((h) => h.recordId);
  const links = new Map<string, Link>();
  const put = (kind: string, id: number, link: Link) => links.set(`${kind}:${id}`, link);
  const some = (kind: string) => ids(kind).length > 0;
  const itemRows = some("agenda_item")
    ? db
        .select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
        .from(agendaItems)
        .where(inArray(agendaItems.id, ids("agenda_item")))
        .all()
    : [];
  const decisionRows = some("decision")
    ? db
        .select({
          id: decisions.id,
          reference: decisions.reference,
          itemId: agendaItems.id,
          meetingId: agendaItems.meetingId,
        })
        .from(decisions)
        .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
        .where(inArray(decisions.id, ids("decision")))
        .all()
    : [];
  const documentRows = some("document")
    ? db
        .select({
          id: documents.id,
          itemId: agendaItems.id,
          meetingId: agendaItems.meetingId,
          versionId: sql<number>`(select max(v.id) from ${documentVersions} v where v.document_id = ${documents.id})`,
        })
        .from(documents)
        .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
        .where(inArray(documents.id, ids("document")))
        .all()
    : [];
  const noteRows = some("note")
    ? db
        .select({ id: personalNotes.id, itemId: agendaItems.id, meetingId: agendaItems.meetingId })
        .from(personalNotes)
        .innerJoin(agendaItems, eq(agendaItems.id, personalNotes.agendaItemId))
        .where(inArray(personalNotes.id, ids("note")))
        .all()
    : [];
  const context = meetingsOf([
    ...noteRows.map((r) => r.meetingId),
    ...ids("meeting"),
    ...itemRows.map((r) => r.meetingId),
    ...decisionRows.map((r) => r.meetingId),
    ...documentRows.map((r) => r.meetingId),
  ]);
  const meetingLabel = (meetingId: number) => context.get(meetingId)?.label ?? "";
  const itemNumber = (meetingId: number, itemId: number) => context.get(meetingId)?.numbers.get(itemId) ?? "";
  const itemAnchor = (meetingId: number, itemId: number) =>
    `/vergaderingen/${meetingId}#punt-${itemNumber(meetingId, itemId)}`;
  for (const id of ids("meeting"))
    put("meeting", id, { href: `/vergaderingen/${id}`, context: `Vergadering · ${meetingLabel(id)}` });
  for (const row of itemRows)
    put("agenda_item", row.id, {
      href: itemAnchor(row.meetingId, row.id),
      context: `Agendapunt ${itemNumber(row.meetingId, row.id)} · ${meetingLabel(row.meetingId)}`,
    });
  for (const row of decisionRows)
    put("decision", row.id, {
      href: `/besluiten/${row.reference}`,
      context: `Besluit ${row.reference} · agendapunt ${itemNumber(row.meetingId, row.itemId)} · ${meetingLabel(row.meetingId)}`,
    });
  for (const row of documentRows)
    put("document", row.id, {
      href: `/stukken/${row.versionId}`,
      context: `Stuk bij agendapunt ${itemNumber(row.meetingId, row.itemId)} · ${meetingLabel(row.meetingId)}`,
      itemHref: itemAnchor(row.meetingId, row.itemId),
    });
  for (const row of noteRows)
    put("note", row.id, {
      href: `/vergaderingen/${row.meetingId}/notities#notitie-${row.id}`,
      context: `Notitie bij agendapunt ${itemNumber(row.meetingId, row.itemId)} · ${meetingLabel(row.meetingId)}`,
    });
  if (some("action"))
    for (const row of db
      .select({ id: actions.id, bodyName: bodies.name })
      .from(actions)
      .innerJoin(bodies, eq(bodies.id, actions.bodyId))
      .where(inArray(actions.id, ids("action")))
      .all())
      put("action", row.id, { href: `/acties/${row.id}`, context: `Actie · ${row.bodyName}` });
  for (const id of ids("plan")) put("plan", id, { href: `/jaarplannen/${id}`, context: "Jaarplan" });
  if (some("programme"))
    for (const row of db
      .select({ id: programmes.id, slug: programmes.slug })
      .from(programmes)
      .where(inArray(programmes.id, ids("programme")))
      .all())
      put("programme", row.id, { href: `/programmas/${row.slug}`, context: "Programma" });
  if (some("objective"))
    for (const row of db
      .select({ id: objectives.id, slug: programmes.slug, number: objectiveNumberLabel, programme: programmes.title })
      .from(objectives)
      .innerJoin(programmes, eq(programmes.id, objectives.programmeId))
      .where(inArray(objectives.id, ids("objective")))
      .all())
      put("objective", row.id, {
        href: `/programmas/${row.slug}/${row.number}`,
        context: `Onderdeel ${row.number} van ${row.programme}`,
      });
  for (const [kind, table] of [
    ["plan_chapter", planChapters],
    ["plan_goal", planGoals],
  ] as const)
    if (some(kind))
      for (const row of db
        .select({ id: table.id, planId: table.planId, title: annualPlans.title })
        .from(table)
        .innerJoin(annualPlans, eq(annualPlans.id, table.planId))
        .where(inArray(table.id, ids(kind)))
        .all())
        put(kind, row.id, { href: `/jaarplannen/${row.planId}`, context: row.title });
  if (some("planned_topic"))
    for (const row of db
      .select({ id: plannedTopics.id, slug: bodies.slug, bodyName: bodies.name })
      .from(plannedTopics)
      .innerJoin(bodies, eq(bodies.id, plannedTopics.bodyId))
      .where(inArray(plannedTopics.id, ids("planned_topic")))
      .all())
      put("planned_topic", row.id, {
        href: `/gremia/${row.slug}/planning#onderwerp-${row.id}`,
        context: `Bestuursagenda van ${row.bodyName}`,
      });
  if (some("edition"))
    for (const row of db
      .select({ id: newsletterEditions.id, slug: newsletterEditions.slug })
      .from(newsletterEditions)
      .where(inArray(newsletterEditions.id, ids("edition")))
      .all())
      put("edition", row.id, { href: `/nieuwsbrieven/${row.slug}`, context: "Nieuwsbrief" });
  if (some("newsletter_section"))
    for (const row of db
      .select({ id: newsletterSections.id, slug: newsletterEditions.slug, title: newsletterEditions.title })
      .from(newsletterSections)
      .innerJoin(newsletterEditions, eq(newsletterEditions.id, newsletterSections.editionId))
      .where(inArray(newsletterSections.id, ids("newsletter_section")))
      .all())
      put("newsletter_section", row.id, { href: `/nieuwsbrieven/${row.slug}`, context: row.title });
  return links;
}
