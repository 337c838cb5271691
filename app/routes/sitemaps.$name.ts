import type { LoaderFunctionArgs } from "@remix-run/node";
import { resourceRoute } from "~/lib/responses.server";
import { sitemapResponse } from "~/lib/woo/sitemap-routes.server";

/** One sitemap of Woo publications, named in its category's sitemap index. */
export const loader = resourceRoute(async ({ params }: LoaderFunctionArgs) => sitemapResponse(params.name));
