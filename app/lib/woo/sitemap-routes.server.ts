import { notFound } from "~/auth/guards";
import { publicUrl } from "~/lib/env.server";
import { getWooPublisher } from "~/models/site-settings.server";
import { listWooEntriesIn } from "~/models/woo.server";
import { categoryByNumber, wooCategories, type WooCategory } from "./categories";
import { SITEMAP_LIMIT, sitemapIndexXml, sitemapXml } from "./sitemap-xml";

// The answers of /sitemapindex-diwoo-infocatNNN.xml and /sitemaps/sitemap-diwoo-infocatNNN-P.xml,
// made at the moment of asking from what the public may see, so a harvest never finds a record that
// has since become besloten. Without a publisher set by the beheerder there is nothing to harvest.

const xml = (body: string) =>
  new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-cache" },
  });

function published(category: WooCategory) {
  const publisher = getWooPublisher();
  if (!publisher) notFound("Er is nog geen publicerende organisatie ingesteld voor de Woo.");
  return { publisher, entries: listWooEntriesIn(category) };
}

/** The index of a category: one sitemap per 50 000 documents. */
export function sitemapIndexResponse(number: string) {
  const category = categoryByNumber(number);
  if (!category) notFound();
  const { entries } = published(category);
  if (entries.length === 0) notFound("In deze informatiecategorie is (nog) niets gepubliceerd.");
  const pages = [];
  for (let start = 0; start < entries.length; start += SITEMAP_LIMIT) {
    const page = entries.slice(start, start + SITEMAP_LIMIT);
    pages.push({ lastModified: page.reduce((latest, entry) => Math.max(latest, entry.lastModified), 0) });
  }
  return xml(sitemapIndexXml(publicUrl(), wooCategories[category].number, pages));
}

/** One sitemap of a category, by its name (sitemap-diwoo-infocat008-1.xml). */
export function sitemapResponse(name: string | undefined) {
  const match = /^sitemap-diwoo-infocat(\d{3})-([1-9]\d*)\.xml$/.exec(name ?? "");
  const category = match ? categoryByNumber(match[1]!) : undefined;
  if (!match || !category) notFound();
  const { publisher, entries } = published(category);
  const page = entries.slice((Number(match[2]) - 1) * SITEMAP_LIMIT, Number(match[2]) * SITEMAP_LIMIT);
  if (page.length === 0) notFound();
  return xml(sitemapXml(publicUrl(), publisher, page));
}
