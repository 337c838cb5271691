import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import {
  agendaItems,
  annualPlans,
  bodies,
  decisionLists,
  decisions,
  documents,
  documentVersions,
  meetings,
} from "../../db/schema";
import { getDb } from "~/lib/db.server";
import { isLegacyOffice, kindOfContentType, type FileKind } from "~/lib/file-types";
import { amsterdamDateAndTime, formatDate } from "~/lib/format";
import { categoryOf, wooCategories, type WooCategory } from "~/lib/woo/categories";
import type { WooEntry, WooFormat } from "~/lib/woo/entry";
import { visibleDocuments, visibleMeetings, visiblePlans } from "./access/scopes.server";

// What Gremium publishes actively under the Woo, as the Woo-index harvests it: one entry per published
// document (agenda and besluitenlijst as Word files, every public version of every public paper, each
// adopted jaarplan with its jaarverslag), each in its informatiecategorie. Every entry is read through
// the access layer as an anonymous visitor sees it, at the moment of asking: what is besloten, concept
// or unpublished is never listed, and a record made besloten is gone from the next harvest.

/** Every public document in the Woo, in a stable order (by path), each in its category. */
export function listWooEntries(): WooEntry[] {
  return [...meetingEntries(), ...paperEntries(), ...planEntries()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The entries of one category. */
export function listWooEntriesIn(category: WooCategory): WooEntry[] {
  return listWooEntries().filter((entry) => entry.category === category);
}

/** The categories that hold at least one public document, in the order of their numbers. */
export function wooCategoriesInUse(): WooCategory[] {
  const used = new Set(listWooEntries().map((entry) => entry.category));
  return (Object.keys(wooCategories) as WooCategory[]).filter((category) => used.has(category));
}

const meetingTitle = (bodyName: string, startsAt: number) => `Vergadering ${bodyName}, ${formatDate(day(startsAt))}`;
const day = (instant: number) => amsterdamDateAndTime(instant).date;

function meetingEntries(): WooEntry[] {
  const scope = visibleMeetings(null);
  const rows = getDb()
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      publishedAt: meetings.publishedAt,
      updatedAt: meetings.updatedAt,
      registrationNumber: meetings.registrationNumber,
      bodyName: bodies.name,
      footing: bodies.wooFooting,
      itemsChangedAt: sql<
        number | null
      >`(select max(${agendaItems.updatedAt}) from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id})`,
      listStatus: decisionLists.status,
      adoptedAt: decisionLists.adoptedAt,
      listChangedAt: decisionLists.updatedAt,
      decisionsChangedAt: sql<
        number | null
      >`(select max(d.updated_at) from ${decisions} d join ${agendaItems} i on i.id = d.agenda_item_id where i.meeting_id = ${meetings.id})`,
    })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
    // Public and published (the scope), and not called off.
    .where(and(isNotNull(meetings.publishedAt), ne(meetings.status, "geannuleerd")))
    .orderBy(asc(meetings.id))
    .all();
  return rows.flatMap((m) => {
    const partOf = { path: `/vergaderingen/${m.id}`, title: meetingTitle(m.bodyName, m.startsAt) };
    const identifiers = m.registrationNumber ? [m.registrationNumber] : [];
    const agenda: WooEntry = {
      path: `/vergaderingen/${m.id}/agenda.docx`,
      lastModified: Math.max(m.updatedAt, m.itemsChangedAt ?? 0),
      category: categoryOf({ kind: "agenda", footing: m.footing }),
      title: `Agenda ${m.bodyName}, ${formatDate(day(m.startsAt))}`,
      documentKinds: ["agenda"],
      handling: { kind: "vaststelling", at: m.publishedAt! },
      createdOn: day(m.publishedAt!),
      format: "DOCX",
      identifiers,
      partOf,
      replaced: false,
    };
    // Each as the accessible PDF (PDF/UA) and as the Word file.
    const asPdf = (entry: WooEntry): WooEntry => ({
      ...entry,
      path: entry.path.replace(/\.docx$/, ".pdf"),
      format: "PDF",
    });
    if (m.listStatus !== "vastgesteld" || !m.adoptedAt) return [asPdf(agenda), agenda];
    const list: WooEntry = {
      path: `/vergaderingen/${m.id}/besluitenlijst.docx`,
      lastModified: Math.max(m.adoptedAt, m.listChangedAt ?? 0, m.decisionsChangedAt ?? 0),
      category: categoryOf({ kind: "besluitenlijst", footing: m.footing }),
      title: `Besluitenlijst ${m.bodyName}, ${formatDate(day(m.startsAt))}`,
      documentKinds: ["besluitenlijst"],
      handling: { kind: "vaststelling", at: m.adoptedAt },
      createdOn: day(m.adoptedAt),
      format: "DOCX",
      identifiers,
      partOf,
      replaced: false,
    };
    return [asPdf(agenda), agenda, asPdf(list), list];
  });
}

const formatOfFile = (contentType: string | null): WooFormat | null => {
  const kind: FileKind | null = kindOfContentType(contentType);
  const legacy = isLegacyOffice(contentType);
  switch (kind) {
    case "pdf":
      return "PDF";
    case "word":
      return legacy ? "DOC" : "DOCX";
    case "excel":
      return legacy ? "XLS" : "XLSX";
    case "powerpoint":
      return legacy ? "PPT" : "PPTX";
    case "text":
      return "TXT";
    // Images are not among the formats the Woo-index takes; they stay on the meeting's page only.
    default:
      return null;
  }
};

function paperEntries(): WooEntry[] {
  const meetingScope = visibleMeetings(null);
  const documentScope = visibleDocuments(null);
  const rows = getDb()
    .select({
      versionId: documentVersions.id,
      number: documentVersions.number,
      contentType: documentVersions.contentType,
      createdAt: documentVersions.createdAt,
      documentId: documents.id,
      title: documents.title,
      kind: documents.kind,
      isAdvice: documents.isAdvice,
      documentChangedAt: documents.updatedAt,
      latest: sql<number>`(select max(v.number) from ${documentVersions} v where v.document_id = ${documents.id})`,
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      registrationNumber: meetings.registrationNumber,
      bodyName: bodies.name,
      footing: bodies.wooFooting,
    })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .innerJoin(documentScope, eq(documentScope.id, documents.id))
    .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(meetingScope, eq(meetingScope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(isNotNull(meetings.publishedAt), ne(meetings.status, "geannuleerd")))
    .orderBy(asc(documentVersions.id))
    .all();
  return rows.flatMap((v) => {
    const format = v.kind === "note" ? "HTML" : formatOfFile(v.contentType);
    if (!format) return [];
    return [
      {
        path: v.kind === "note" ? `/stukken/${v.versionId}` : `/stukken/${v.versionId}/bestand`,
        // A new version or a new title changes what the harvest says of every version (replaced, title).
        lastModified: Math.max(v.createdAt, v.documentChangedAt),
        category: categoryOf({ kind: "stuk", footing: v.footing, isAdvice: v.isAdvice }),
        title: v.number > 1 ? `${v.title} (versie ${v.number})` : v.title,
        documentKinds: [v.isAdvice ? "advies" : "vergaderstuk"],
        handling: { kind: "ontvangst", at: v.createdAt },
        createdOn: day(v.createdAt),
        format,
        identifiers: [`${v.documentId}-${v.number}`],
        partOf: { path: `/vergaderingen/${v.meetingId}`, title: meetingTitle(v.bodyName, v.startsAt) },
        replaced: v.number < v.latest,
      } satisfies WooEntry,
    ];
  });
}

function planEntries(): WooEntry[] {
  const scope = visiblePlans(null);
  const rows = getDb()
    .select({
      id: annualPlans.id,
      title: annualPlans.title,
      year: annualPlans.year,
      adoptedAt: annualPlans.adoptedAt,
      reportPublishedAt: annualPlans.reportPublishedAt,
      updatedAt: annualPlans.updatedAt,
      createdAt: annualPlans.createdAt,
      bodyName: bodies.name,
      footing: bodies.wooFooting,
    })
    .from(annualPlans)
    .innerJoin(scope, eq(scope.id, annualPlans.id))
    .innerJoin(bodies, eq(bodies.id, annualPlans.bodyId))
    .where(inArray(annualPlans.status, ["vastgesteld", "afgesloten"]))
    .orderBy(asc(annualPlans.id))
    .all();
  return rows.map((p) => {
    const adopted = p.adoptedAt ?? p.createdAt;
    return {
      path: `/jaarplannen/${p.id}.docx`,
      lastModified: p.updatedAt,
      category: categoryOf({ kind: "jaarplan", footing: p.footing }),
      // The plan's Word file holds its jaarverslag once that is published.
      title: p.reportPublishedAt ? `${p.title}, met jaarverslag` : p.title,
      documentKinds: p.reportPublishedAt ? ["jaarplan", "jaarverslag"] : ["jaarplan"],
      handling: { kind: "vaststelling", at: adopted },
      createdOn: day(adopted),
      format: "DOCX",
      identifiers: [`${p.bodyName} ${p.year}`],
      partOf: null,
      replaced: false,
    };
  });
}
