import type { WooDocumentKind, WooEntry, WooFormat } from "./entry";
import { wooCategories } from "./categories";

// The sitemaps the Woo-index harvests: a sitemap index per informatiecategorie
// (sitemapindex-diwoo-infocatNNN.xml), sitemaps of at most 50 000 documents, and per document a
// <diwoo:Document> with the metadata of DiWoo 0.9.8, every value taken from its TOOI value lists.

export const SITEMAP_LIMIT = 50_000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/";
const KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/";
const FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

const documentKinds: Record<WooDocumentKind, { uri: string; label: string }> = {
  agenda: { uri: `${KERN}c_f90465b3`, label: "agenda" },
  besluitenlijst: { uri: `${KERN}c_d4a4792f`, label: "besluitenlijst" },
  vergaderstuk: { uri: `${KERN}c_7f9dffa7`, label: "vergaderstuk" },
  advies: { uri: `${KERN}c_d506b718`, label: "advies" },
  jaarplan: { uri: `${KERN}c_a6f44748`, label: "jaarplan" },
  jaarverslag: { uri: `${KERN}c_3d782f30`, label: "jaarverslag" },
};
const handlings = {
  vaststelling: { uri: `${KERN}c_641ecd76`, label: "vaststelling" },
  ontvangst: { uri: `${KERN}c_dfcee535`, label: "ontvangst" },
};
const formatLabels: Record<WooFormat, string> = {
  PDF: "PDF",
  DOCX: "Word DOCX",
  DOC: "Word DOC",
  XLSX: "Excel XLSX",
  XLS: "Excel XLS",
  PPTX: "PowerPoint PPTX",
  PPT: "PowerPoint PPT",
  TXT: "Plain text",
  HTML: "HTML",
};
// A newer version of a paper corrects the one before; the value list knows no plainer reason.
const REPLACED = { uri: `${KERN}c_c77c86e0`, label: "correctie procedurele fout" };
const DUTCH = { uri: "http://publications.europa.eu/resource/authority/language/NLD", label: "Nederlands" };

export type Publisher = { name: string; uri: string };

const escape = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
const iso = (instant: number) => new Date(instant).toISOString().replace(/\.\d{3}Z$/, "Z");
const labelled = (element: string, { uri, label }: { uri: string; label: string }) =>
  `<diwoo:${element} resource="${escape(uri)}">${escape(label)}</diwoo:${element}>`;

export const sitemapIndexName = (number: string) => `sitemapindex-diwoo-infocat${number}.xml`;
export const sitemapName = (number: string, page: number) => `sitemap-diwoo-infocat${number}-${page}.xml`;

/** The index of one category: its sitemaps, each with the time its newest document changed. */
export function sitemapIndexXml(baseUrl: string, number: string, pages: { lastModified: number }[]) {
  const entries = pages
    .map(
      (page, index) =>
        `<sitemap><loc>${escape(`${baseUrl}/sitemaps/${sitemapName(number, index + 1)}`)}</loc><lastmod>${iso(page.lastModified)}</lastmod></sitemap>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${entries}\n</sitemapindex>\n`;
}

/** One sitemap: per document its address, last change and DiWoo metadata. */
export function sitemapXml(baseUrl: string, publisher: Publisher, entries: WooEntry[]) {
  const urls = entries.map((entry) => urlXml(baseUrl, publisher, entry)).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:diwoo="${DIWOO_NS}">\n${urls}\n</urlset>\n`;
}

function urlXml(baseUrl: string, publisher: Publisher, entry: WooEntry) {
  const loc = `${baseUrl}${entry.path}`;
  const category = wooCategories[entry.category];
  const metadata = [
    `<diwoo:identifiers>${[loc, ...entry.identifiers].map((id) => `<diwoo:identifier>${escape(id)}</diwoo:identifier>`).join("")}</diwoo:identifiers>`,
    labelled("publisher", { uri: publisher.uri, label: publisher.name }),
    `<diwoo:titelcollectie><diwoo:officieleTitel>${escape(entry.title)}</diwoo:officieleTitel></diwoo:titelcollectie>`,
    `<diwoo:classificatiecollectie><diwoo:informatiecategorieen>${labelled("informatiecategorie", category)}</diwoo:informatiecategorieen><diwoo:documentsoorten>${entry.documentKinds.map((kind) => labelled("documentsoort", documentKinds[kind])).join("")}</diwoo:documentsoorten></diwoo:classificatiecollectie>`,
    `<diwoo:creatiedatum>${entry.createdOn}</diwoo:creatiedatum>`,
    labelled("language", DUTCH),
    labelled("format", { uri: `${FILE_TYPE}${entry.format}`, label: formatLabels[entry.format] }),
    entry.partOf ? labelled("isPartOf", { uri: `${baseUrl}${entry.partOf.path}`, label: entry.partOf.title }) : "",
    `<diwoo:documenthandelingen><diwoo:documenthandeling>${labelled("soortHandeling", handlings[entry.handling.kind])}<diwoo:atTime>${iso(entry.handling.at)}</diwoo:atTime></diwoo:documenthandeling></diwoo:documenthandelingen>`,
    entry.replaced ? labelled("redenVerwijderingVervanging", REPLACED) : "",
  ].filter(Boolean);
  return `<url><loc>${escape(loc)}</loc><lastmod>${iso(entry.lastModified)}</lastmod><diwoo:Document><diwoo:DiWoo>${metadata.join("")}</diwoo:DiWoo></diwoo:Document></url>`;
}
