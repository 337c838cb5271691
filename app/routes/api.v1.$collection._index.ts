import type { LoaderFunctionArgs } from "@remix-run/node";
import { cacheableJson, newest, parseListParams, problem } from "~/lib/open-data-http.server";
import { publicUrl } from "~/lib/env.server";
import { isOpenDataCollection, openDataCollections } from "~/models/open-data.server";
import { resourceRoute } from "~/lib/responses.server";

/** A collection of public records, paged, filterable by gewijzigdSinds and the standard's own filters. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const name = params.collection ?? "";
  if (!isOpenDataCollection(name))
    return problem(404, "Niet gevonden", `Er is geen verzameling '${name}'. Zie /api/v1/openapi.json.`);
  const url = new URL(request.url);
  const parsed = parseListParams(url, name);
  if (!parsed.ok) return parsed.response;
  const base = publicUrl();
  const { total, rows } = openDataCollections[name](parsed, base);
  const pageUrl = (page: number) => {
    const next = new URL(`${base}/api/v1/${name}`);
    url.searchParams.forEach((value, key) => next.searchParams.set(key, value));
    next.searchParams.set("pagina", String(page));
    return next.toString();
  };
  return cacheableJson(
    request,
    {
      // The standard's pagination: next, previous and results; count as the usual extension.
      count: total,
      next: parsed.page * parsed.pageSize < total ? pageUrl(parsed.page + 1) : null,
      previous: parsed.page > 1 ? pageUrl(parsed.page - 1) : null,
      results: rows,
    },
    newest(rows),
  );
});
