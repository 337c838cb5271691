import type { LoaderFunctionArgs } from "@remix-run/node";
import { cacheableJson, newest, problem } from "~/lib/open-data-http.server";
import { publicUrl } from "~/lib/env.server";
import { isOpenDataCollection, openDataCollections } from "~/models/open-data.server";
import { resourceRoute } from "~/lib/responses.server";

/** One public record; anything else (unknown, besloten, concept) is a 404 problem. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const name = params.collection ?? "";
  const id = Number(params.id);
  if (!isOpenDataCollection(name) || !/^\d+$/.test(params.id ?? "") || id < 1)
    return problem(404, "Niet gevonden", "Dit record bestaat niet of is niet openbaar.");
  const { rows } = openDataCollections[name]({ page: 1, pageSize: 1, since: null }, publicUrl(), id);
  if (!rows[0]) return problem(404, "Niet gevonden", "Dit record bestaat niet of is niet openbaar.");
  return cacheableJson(request, rows[0], newest(rows as { gewijzigd: string }[]));
});
