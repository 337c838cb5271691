import type { LoaderFunctionArgs } from "@remix-run/node";
import { cacheableJson } from "~/lib/open-data-http.server";
import { openApiDocument } from "~/lib/openapi";
import { publicUrl } from "~/lib/env.server";
import { resourceRoute } from "~/lib/responses.server";

export const loader = resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  return cacheableJson(request, openApiDocument(publicUrl()), null);
});
