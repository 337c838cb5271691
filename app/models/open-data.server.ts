import { and, asc, count, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
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
import { itemPlacesOf } from "./agenda-numbers.server";
import { objectiveSummaryColumns } from "./programmes.server";
import { focusYears, objectiveLabel } from "~/lib/objective-number";
import { addDaysIso, amsterdamDateAndTime, instantFromAmsterdam } from "~/lib/format";
import type { Filters } from "~/lib/ods/filters";
import { DUTCH, fitText, fitTexts, meetingTypeOf, plainText, reference } from "~/lib/ods/values";
import { actionStatusLabels, decisionOutcomeLabels, objectiveStatusLabels } from "~/lib/vocabulary";
import {
  readable,
  visibleActions,
  visibleDecisions,
  visibleDocuments,
  visibleItems,
  visibleMeetings,
} from "./access/scopes.server";

// Open data: what the public may see, and only that, in the shape of the VNG standard "ODS Open
// Raadsinformatie" 2.0 (its component schemas: string ids, references as {id, url}, its names,
// lengths and enumerations), with Gremium's extras as documented extension properties
// (docs/decisions/014 and 027). Every function reads through the access layer's scopes as an
// anonymous visitor (viewer null).

export type Paging = { page: number; pageSize: number; since: number | null; filters?: Filters };

const iso = (instant: number) => new Date(instant).toISOString();
const amsterdamDate = (instant: number) => amsterdamDateAndTime(instant).date;
const offset = (p: Paging) => (p.page - 1) * p.pageSize;

const meetingStatus = {
  concept: "gepland",
  gepubliceerd: "gepland",
  vergaderd: "gehouden",
  geannuleerd: "geannuleerd",
} as const;

const meetingStatusesOf = (status: (typeof meetingStatus)[keyof typeof meetingStatus]) =>
  (Object.keys(meetingStatus) as (keyof typeof meetingStatus)[]).filter((key) => meetingStatus[key] === status);

function meetingFilter(filters: Filters = {}) {
  const { status, vergaderdatum, vergaderingstype } = filters;
  return and(
    status ? inArray(meetings.status, meetingStatusesOf(status)) : undefined,
    vergaderdatum
      ? and(
          gte(meetings.startsAt, instantFromAmsterdam(vergaderdatum, "00:00")),
          lt(meetings.startsAt, instantFromAmsterdam(addDaysIso(vergaderdatum, 1), "00:00")),
        )
      : undefined,
    vergaderingstype === "algemene_bestuursvergadering"
      ? eq(bodies.wooFooting, "algemeen-bestuur")
      : vergaderingstype === "commissievergadering"
        ? ne(bodies.wooFooting, "algemeen-bestuur")
        : vergaderingstype
          ? sql`0`
          : undefined,
  );
}

export function listVergaderingen(p: Paging, base: string, id?: number) {
  const db = getDb();
  const scope = visibleMeetings(null);
  const where = and(
    p.since ? gte(meetings.updatedAt, p.since) : undefined,
    id ? eq(meetings.id, id) : undefined,
    meetingFilter(p.filters),
  );
  const total = db
    .select({ n: count() })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(where)
    .get()!.n;
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
      bodyKind: bodies.kind,
      wooFooting: bodies.wooFooting,
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
      const date = amsterdamDate(m.startsAt);
      const { fitted, volledigeTekst } = fitTexts({
        naam: { text: `${m.bodyName} ${date}`, max: 100 },
        locatie: { text: m.location, max: 100 },
      });
      return {
        url: `${base}/api/v1/vergaderingen/${m.id}`,
        id: String(m.id),
        naam: fitted.naam,
        vergaderingstype: meetingTypeOf(m.wooFooting),
        status: meetingStatus[m.status],
        // Gremium keeps one start and end per meeting, moved when the meeting moves: the planned
        // times and, once held, the times it was held at.
        vergaderdatum: date,
        aanvangVergadering: iso(m.startsAt),
        eindeVergadering: iso(m.endsAt),
        geplandeVergaderdatum: date,
        geplandeAanvangVergadering: iso(m.startsAt),
        geplandeEindeVergadering: iso(m.endsAt),
        locatie: fitted.locatie,
        georganiseerdDoorGremium: { gremiumidentificatie: String(m.bodyId), gremiumnaam: fitText(m.bodyName, 100) },
        agendapunten: items.filter((i) => i.meetingId === m.id).map((i) => `${base}/api/v1/agendapunten/${i.id}`),
        wijzigingsdatum: amsterdamDate(m.updatedAt),
        // Extensions.
        webpagina: `${base}/vergaderingen/${m.id}`,
        gremium: { ...reference(base, "gremia", m.bodyId), naam: m.bodyName, soort: m.bodyKind },
        gewijzigd: iso(m.updatedAt),
        ...volledigeTekst,
      };
    }),
  };
}

/** Public items of public meetings; their numbers are those of the whole agenda. */
export function listAgendapunten(p: Paging, base: string, id?: number) {
  const db = getDb();
  const scope = visibleItems(null);
  const meetingId = p.filters?.vergaderingsIdentificatie;
  const where = and(
    readable(scope),
    p.since ? gte(agendaItems.updatedAt, p.since) : undefined,
    id ? eq(agendaItems.id, id) : undefined,
    meetingId ? eq(agendaItems.meetingId, meetingId) : undefined,
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
  const places = itemPlacesOf(db, [...new Set(rows.map((r) => r.meetingId))]);
  const docs = publicDocuments(rows.map((r) => r.id));
  return {
    total,
    rows: rows.map((item) => {
      const place = places.get(item.id);
      const { fitted, volledigeTekst } = fitTexts({ agendapuntTitel: { text: item.subject, max: 100 } });
      return {
        url: `${base}/api/v1/agendapunten/${item.id}`,
        id: String(item.id),
        vergadering: reference(base, "vergaderingen", item.meetingId),
        agendapuntKenmerk: place?.number ?? "",
        agendapuntvolgnummer: String(place?.sequence ?? ""),
        agendapuntTitel: fitted.agendapuntTitel,
        agendapuntOmschrijving: item.proposalMarkdown,
        indicatieHamerstuk: item.section === "A",
        // Besloten items are not in the API at all.
        indicatorBesloten: false,
        informatieobjecten: docs
          .filter((d) => d.agendaItemId === item.id)
          .map((d) => `${base}/api/v1/informatieobjecten/${d.id}`),
        // Extensions.
        webpagina: `${base}/vergaderingen/${item.meetingId}${place ? `#punt-${place.number}` : ""}`,
        gewijzigd: iso(item.updatedAt),
        ...volledigeTekst,
      };
    }),
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
      textHtml: decisions.textHtml,
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
    rows: rows.map((d) => {
      const commitments = promised.filter((a) => a.decisionId === d.id);
      const explanation = plainText(d.textHtml);
      return {
        url: `${base}/api/v1/besluiten/${d.id}`,
        id: String(d.id),
        besluitresultaat: decisionOutcomeLabels[d.outcome],
        // The standard keeps 200 characters of explanation and 500 of toezegging; the whole decision
        // text and every toezegging with its action are in the extensions besluittekst and toezeggingen.
        ...(explanation ? { besluittoelichting: fitText(explanation, 200) } : {}),
        ...(commitments.length ? { toezegging: fitText(commitments.map((a) => a.description).join("; "), 500) } : {}),
        // Extensions.
        webpagina: `${base}/besluiten/${d.reference}`,
        kenmerk: d.reference,
        agendapunt: reference(base, "agendapunten", d.agendaItemId),
        besluittekst: d.textMarkdown,
        toezeggingen: commitments.map((a) => ({ omschrijving: a.description, actie: reference(base, "acties", a.id) })),
        vastgesteldOp: d.adoptedAt ? amsterdamDate(d.adoptedAt) : null,
        gewijzigd: iso(d.updatedAt),
      };
    }),
  };
}

export function listInformatieobjecten(p: Paging, base: string, id?: number) {
  const db = getDb();
  const scope = visibleDocuments(null);
  const { vergaderingsIdentificatie: meetingId, agendapuntIdentificatie: itemId } = p.filters ?? {};
  const where = and(
    p.since ? gte(documents.updatedAt, p.since) : undefined,
    id ? eq(documents.id, id) : undefined,
    itemId ? eq(documents.agendaItemId, itemId) : undefined,
    meetingId ? eq(agendaItems.meetingId, meetingId) : undefined,
  );
  const total = db
    .select({ n: count() })
    .from(documents)
    .innerJoin(scope, eq(scope.id, documents.id))
    .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
    .where(where)
    .get()!.n;
  const rows = db
    .select({
      id: documents.id,
      title: documents.title,
      agendaItemId: documents.agendaItemId,
      meetingId: agendaItems.meetingId,
      isAdvice: documents.isAdvice,
      updatedAt: documents.updatedAt,
      versionId: documentVersions.id,
      versionNumber: documentVersions.number,
      versionCreatedAt: documentVersions.createdAt,
      fileName: documentVersions.fileName,
      contentType: documentVersions.contentType,
      size: documentVersions.sizeBytes,
    })
    .from(documents)
    .innerJoin(scope, eq(scope.id, documents.id))
    .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
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
    rows: rows.map((d) => {
      const { fitted, volledigeTekst } = fitTexts({ titel: { text: d.title, max: 200 } });
      return {
        url: `${base}/api/v1/informatieobjecten/${d.id}`,
        id: String(d.id),
        titel: fitted.titel,
        // A paper on an agenda item, on which the body deliberates and decides.
        informatieobjecttype: "besluitvormingsstuk" as const,
        link: `${base}/stukken/${d.versionId}`,
        taal: DUTCH,
        versie: String(d.versionNumber),
        creatiedatum: amsterdamDate(d.versionCreatedAt),
        agendapunten: [reference(base, "agendapunten", d.agendaItemId)],
        vergaderingen: [reference(base, "vergaderingen", d.meetingId)],
        vertrouwelijkheidsaanduiding: "openbaar",
        // Extensions.
        bestandsnaam: d.fileName,
        mediatype: d.contentType ?? "text/markdown",
        grootte: d.size,
        advies: d.isAdvice,
        gewijzigd: iso(d.updatedAt),
        ...volledigeTekst,
      };
    }),
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
      url: `${base}/api/v1/gremia/${b.id}`,
      id: String(b.id),
      // The standard's Gremium (a reference list), with Gremium's own fields as extensions.
      gremiumidentificatie: String(b.id),
      gremiumnaam: fitText(b.name, 100),
      webpagina: `${base}/gremia/${b.slug}`,
      naam: b.name,
      afkorting: b.code ?? b.shortName ?? null,
      soort: b.kind,
      vergaderingstype: meetingTypeOf(b.wooFooting),
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
      url: `${base}/api/v1/acties/${a.id}`,
      id: String(a.id),
      omschrijving: a.description,
      organisatie: a.organisation,
      status: actionStatusLabels[a.status],
      termijn: a.dueOn,
      gesloten: a.closedAt ? amsterdamDate(a.closedAt) : null,
      besluit: a.decisionId ? reference(base, "besluiten", a.decisionId) : null,
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
      url: `${base}/api/v1/doelen/${o.id}`,
      id: String(o.id),
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
