import { and, asc, count, eq, gte, inArray, sql } from "drizzle-orm";
import {
  actions,
  agendaItems,
  bodies,
  decisionLists,
  decisions,
  documentVersions,
  documents,
  meetings,
  objectives,
  organisations,
  programmes,
} from "../../db/schema";
import { getDb } from "~/lib/db.server";
import { itemNumbersOf } from "./agenda-numbers.server";
import { objectiveSummaryColumns } from "./programmes.server";
import { focusYears, objectiveLabel } from "~/lib/objective-number";
import { amsterdamDateAndTime } from "~/lib/format";
import { actionStatusLabels, decisionOutcomeLabels, objectiveStatusLabels } from "~/lib/vocabulary";
import {
  readable,
  visibleActions,
  visibleDecisions,
  visibleDocuments,
  visibleItems,
  visibleMeetings,
} from "./access/scopes.server";

// Open data: what the public may see, and only that, in the shape of the VNG "ODS Open
// Raadsinformatie" model (docs/decisions/014). Every function reads through the access layer's
// scopes as an anonymous visitor (viewer null).

export type Paging = { page: number; pageSize: number; since: number | null };

const iso = (instant: number) => new Date(instant).toISOString();
const offset = (p: Paging) => (p.page - 1) * p.pageSize;

const meetingStatus = {
  concept: "gepland",
  gepubliceerd: "gepland",
  vergaderd: "gehouden",
  geannuleerd: "geannuleerd",
} as const;

export function listVergaderingen(p: Paging, base: string, id?: number) {
  const db = getDb();
  const scope = visibleMeetings(null);
  const where = and(p.since ? gte(meetings.updatedAt, p.since) : undefined, id ? eq(meetings.id, id) : undefined);
  const total = db.select({ n: count() }).from(meetings).innerJoin(scope, eq(scope.id, meetings.id)).where(where).get()!
    .n;
  const rows = db
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      location: meetings.location,
      status: meetings.status,
      updatedAt: meetings.updatedAt,
      bodyId: bodies.id,
      bodyName: bodies.name,
    })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(where)
    .orderBy(asc(meetings.id))
    .limit(p.pageSize)
    .offset(offset(p))
    .all();
  const itemScope = visibleItems(null);
  const items = rows.length
    ? db
        .select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
        .from(agendaItems)
        .innerJoin(itemScope, eq(itemScope.id, agendaItems.id))
        .where(
          and(
            inArray(
              agendaItems.meetingId,
              rows.map((r) => r.id),
            ),
            readable(itemScope),
          ),
        )
        .orderBy(asc(agendaItems.section), asc(agendaItems.position))
        .all()
    : [];
  return {
    total,
    rows: rows.map((m) => {
      const start = amsterdamDateAndTime(m.startsAt);
      return {
        id: m.id,
        url: `${base}/api/v1/vergaderingen/${m.id}`,
        webpagina: `${base}/vergaderingen/${m.id}`,
        naam: `${m.bodyName} ${start.date}`,
        gremium: { id: m.bodyId, naam: m.bodyName, url: `${base}/api/v1/gremia/${m.bodyId}` },
        datum: start.date,
        aanvang: start.time,
        einde: amsterdamDateAndTime(m.endsAt).time,
        locatie: m.location,
        status: meetingStatus[m.status],
        agendapunten: items.filter((i) => i.meetingId === m.id).map((i) => `${base}/api/v1/agendapunten/${i.id}`),
        gewijzigd: iso(m.updatedAt),
      };
    }),
  };
}

/** Public items of public meetings; their numbers are those of the whole agenda. */
export function listAgendapunten(p: Paging, base: string, id?: number) {
  const db = getDb();
  const scope = visibleItems(null);
  const where = and(
    readable(scope),
    p.since ? gte(agendaItems.updatedAt, p.since) : undefined,
    id ? eq(agendaItems.id, id) : undefined,
  );
  const total = db
    .select({ n: count() })
    .from(agendaItems)
    .innerJoin(scope, eq(scope.id, agendaItems.id))
    .where(where)
    .get()!.n;
  const rows = db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      section: agendaItems.section,
      subject: agendaItems.subject,
      proposalMarkdown: agendaItems.proposalMarkdown,
      updatedAt: agendaItems.updatedAt,
    })
    .from(agendaItems)
    .innerJoin(scope, eq(scope.id, agendaItems.id))
    .where(where)
    .orderBy(asc(agendaItems.id))
    .limit(p.pageSize)
    .offset(offset(p))
    .all();
  const meetingIds = [...new Set(rows.map((r) => r.meetingId))];
  const numbers = itemNumbersOf(db, meetingIds);
  const docs = publicDocuments(rows.map((r) => r.id));
  return {
    total,
    rows: rows.map((item) => ({
      id: item.id,
      url: `${base}/api/v1/agendapunten/${item.id}`,
      vergadering: `${base}/api/v1/vergaderingen/${item.meetingId}`,
      volgnummer: numbers.get(item.id) ?? "",
      titel: item.subject,
      omschrijving: item.proposalMarkdown,
      indicatieHamerstuk: item.section === "A",
      indicatorBesloten: false,
      informatieobjecten: docs
        .filter((d) => d.agendaItemId === item.id)
        .map((d) => `${base}/api/v1/informatieobjecten/${d.id}`),
      gewijzigd: iso(item.updatedAt),
    })),
  };
}

function publicDocuments(itemIds: number[]) {
  if (itemIds.length === 0) return [];
  const scope = visibleDocuments(null);
  return getDb()
    .select({ id: documents.id, agendaItemId: documents.agendaItemId })
    .from(documents)
    .innerJoin(scope, eq(scope.id, documents.id))
    .where(inArray(documents.agendaItemId, itemIds))
    .all();
}

export function listBesluiten(p: Paging, base: string, id?: number) {
  const db = getDb();
  const scope = visibleDecisions(null);
  const where = and(p.since ? gte(decisions.updatedAt, p.since) : undefined, id ? eq(decisions.id, id) : undefined);
  const total = db
    .select({ n: count() })
    .from(decisions)
    .innerJoin(scope, eq(scope.id, decisions.id))
    .where(where)
    .get()!.n;
  const rows = db
    .select({
      id: decisions.id,
      reference: decisions.reference,
      outcome: decisions.outcome,
      textMarkdown: decisions.textMarkdown,
      agendaItemId: decisions.agendaItemId,
      adoptedAt: decisionLists.adoptedAt,
      updatedAt: decisions.updatedAt,
    })
    .from(decisions)
    .innerJoin(scope, eq(scope.id, decisions.id))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, agendaItems.meetingId))
    .where(where)
    .orderBy(asc(decisions.id))
    .limit(p.pageSize)
    .offset(offset(p))
    .all();
  const actionScope = visibleActions(null);
  const promised = rows.length
    ? db
        .select({ decisionId: actions.decisionId, description: actions.description, id: actions.id })
        .from(actions)
        .innerJoin(actionScope, eq(actionScope.id, actions.id))
        .where(
          inArray(
            actions.decisionId,
            rows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  return {
    total,
    rows: rows.map((d) => ({
      id: d.id,
      url: `${base}/api/v1/besluiten/${d.id}`,
      webpagina: `${base}/besluiten/${d.reference}`,
      kenmerk: d.reference,
      agendapunt: `${base}/api/v1/agendapunten/${d.agendaItemId}`,
      besluitresultaat: decisionOutcomeLabels[d.outcome],
      toelichting: d.textMarkdown,
      toezegging: promised
        .filter((a) => a.decisionId === d.id)
        .map((a) => ({ omschrijving: a.description, actie: `${base}/api/v1/acties/${a.id}` })),
      vastgesteldOp: d.adoptedAt ? amsterdamDateAndTime(d.adoptedAt).date : null,
      gewijzigd: iso(d.updatedAt),
    })),
  };
}

export function listInformatieobjecten(p: Paging, base: string, id?: number) {
  const db = getDb();
  const scope = visibleDocuments(null);
  const where = and(p.since ? gte(documents.updatedAt, p.since) : undefined, id ? eq(documents.id, id) : undefined);
  const total = db
    .select({ n: count() })
    .from(documents)
    .innerJoin(scope, eq(scope.id, documents.id))
    .where(where)
    .get()!.n;
  const rows = db
    .select({
      id: documents.id,
      title: documents.title,
      agendaItemId: documents.agendaItemId,
      updatedAt: documents.updatedAt,
      versionId: documentVersions.id,
      fileName: documentVersions.fileName,
      contentType: documentVersions.contentType,
      size: documentVersions.sizeBytes,
    })
    .from(documents)
    .innerJoin(scope, eq(scope.id, documents.id))
    // The current version: the one with the highest number.
    .innerJoin(
      documentVersions,
      and(
        eq(documentVersions.documentId, documents.id),
        sql`${documentVersions.number} = (select max(v.number) from ${documentVersions} v where v.document_id = ${documents.id})`,
      ),
    )
    .where(where)
    .orderBy(asc(documents.id))
    .limit(p.pageSize)
    .offset(offset(p))
    .all();
  return {
    total,
    rows: rows.map((d) => ({
      id: d.id,
      url: `${base}/api/v1/informatieobjecten/${d.id}`,
      titel: d.title,
      agendapunt: `${base}/api/v1/agendapunten/${d.agendaItemId}`,
      bestandsnaam: d.fileName,
      mediatype: d.contentType ?? "text/markdown",
      grootte: d.size,
      inhoud: `${base}/stukken/${d.versionId}`,
      gewijzigd: iso(d.updatedAt),
    })),
  };
}

export function listGremia(p: Paging, base: string, id?: number) {
  const db = getDb();
  const where = and(p.since ? gte(bodies.updatedAt, p.since) : undefined, id ? eq(bodies.id, id) : undefined);
  const total = db.select({ n: count() }).from(bodies).where(where).get()!.n;
  const rows = db.select().from(bodies).where(where).orderBy(asc(bodies.id)).limit(p.pageSize).offset(offset(p)).all();
  return {
    total,
    rows: rows.map((b) => ({
      id: b.id,
      url: `${base}/api/v1/gremia/${b.id}`,
      webpagina: `${base}/gremia/${b.slug}`,
      naam: b.name,
      afkorting: b.code ?? b.shortName ?? null,
      soort: b.kind,
      actiefVan: b.activeFrom,
      actiefTot: b.activeUntil,
      gewijzigd: iso(b.updatedAt),
    })),
  };
}

/** Extension: actions of public, adopted decisions, without names or notes. */
export function listActies(p: Paging, base: string, id?: number) {
  const db = getDb();
  const scope = visibleActions(null);
  const where = and(p.since ? gte(actions.updatedAt, p.since) : undefined, id ? eq(actions.id, id) : undefined);
  const total = db.select({ n: count() }).from(actions).innerJoin(scope, eq(scope.id, actions.id)).where(where).get()!
    .n;
  const rows = db
    .select({
      id: actions.id,
      description: actions.description,
      status: actions.status,
      dueOn: actions.dueOn,
      closedAt: actions.closedAt,
      decisionId: actions.decisionId,
      organisation: organisations.name,
      updatedAt: actions.updatedAt,
    })
    .from(actions)
    .innerJoin(scope, eq(scope.id, actions.id))
    .leftJoin(organisations, eq(organisations.id, actions.organisationId))
    .where(where)
    .orderBy(asc(actions.id))
    .limit(p.pageSize)
    .offset(offset(p))
    .all();
  return {
    total,
    rows: rows.map((a) => ({
      id: a.id,
      url: `${base}/api/v1/acties/${a.id}`,
      omschrijving: a.description,
      organisatie: a.organisation,
      status: actionStatusLabels[a.status],
      termijn: a.dueOn,
      gesloten: a.closedAt ? amsterdamDateAndTime(a.closedAt).date : null,
      besluit: a.decisionId ? `${base}/api/v1/besluiten/${a.decisionId}` : null,
      gewijzigd: iso(a.updatedAt),
    })),
  };
}

/** Extension: the objectives of the network's programmes. */
export function listDoelen(p: Paging, base: string, id?: number) {
  const db = getDb();
  const where = and(p.since ? gte(objectives.updatedAt, p.since) : undefined, id ? eq(objectives.id, id) : undefined);
  const total = db.select({ n: count() }).from(objectives).where(where).get()!.n;
  const rows = db
    .select({
      ...objectiveSummaryColumns,
      focus: objectives.focus,
      focusFromYear: objectives.focusFromYear,
      focusToYear: objectives.focusToYear,
      updatedAt: objectives.updatedAt,
      programme: programmes.title,
      slug: programmes.slug,
    })
    .from(objectives)
    .innerJoin(programmes, eq(programmes.id, objectives.programmeId))
    .where(where)
    .orderBy(asc(objectives.id))
    .limit(p.pageSize)
    .offset(offset(p))
    .all();
  return {
    total,
    rows: rows.map((o) => ({
      id: o.id,
      url: `${base}/api/v1/doelen/${o.id}`,
      webpagina: `${base}/programmas/${o.slug}/${objectiveLabel(o)}`,
      programma: o.programme,
      nummer: objectiveLabel(o),
      titel: o.title,
      // Never a default: an objective without a stated status says so.
      status: o.status ? objectiveStatusLabels[o.status] : "Geen status",
      focusVan: o.focusFromYear,
      focusTot: o.focusToYear,
      periode: focusYears(o) ?? o.focus,
      gewijzigd: iso(o.updatedAt),
    })),
  };
}

export const openDataCollections = {
  vergaderingen: listVergaderingen,
  agendapunten: listAgendapunten,
  besluiten: listBesluiten,
  informatieobjecten: listInformatieobjecten,
  gremia: listGremia,
  acties: listActies,
  doelen: listDoelen,
} as const;
export type OpenDataCollection = keyof typeof openDataCollections;

/** Whether a name from the URL is one of the collections (not a property every object has, like "constructor"). */
export function isOpenDataCollection(name: string): name is OpenDataCollection {
  return Object.hasOwn(openDataCollections, name);
}
