import { resourceRoute } from "~/lib/responses.server";
import { sitemapIndexResponse } from "~/lib/woo/sitemap-routes.server";

/** The Woo-index's entry to this informatiecategorie (see app/lib/woo/categories.ts). */
export const loader = resourceRoute(async () => sitemapIndexResponse("009"));
