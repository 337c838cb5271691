import { publicUrl } from "~/lib/env.server";
import { resourceRoute } from "~/lib/responses.server";
import { wooCategories } from "~/lib/woo/categories";
import { sitemapIndexName } from "~/lib/woo/sitemap-xml";
import { getWooPublisher } from "~/models/site-settings.server";
import { wooCategoriesInUse } from "~/models/woo.server";

/**
 * For crawlers: the public pages may be read, the signed-in parts are not worth their while, and the
 * Woo-index finds the sitemap index of every informatiecategorie Gremium publishes in.
 */
export const loader = resourceRoute(async () => {
  const sitemaps = getWooPublisher()
    ? wooCategoriesInUse().map(
        (category) => `Sitemap: ${publicUrl()}/${sitemapIndexName(wooCategories[category].number)}`,
      )
    : [];
  const body = [
    "User-agent: *",
    "Disallow: /beheer",
    "Disallow: /account",
    "Disallow: /mijn",
    "Disallow: /inloggen",
    "Disallow: /zoeken",
    "",
    ...sitemaps,
  ].join("\n");
  return new Response(`${body}\n`, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
});
