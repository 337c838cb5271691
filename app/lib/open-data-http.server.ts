import { createHash } from "node:crypto";
import { collectionFilters, regionParams, REGION_REASON, type Filters } from "~/lib/ods/filters";

// HTTP for the open-data API: parameters checked into a problem (RFC 9457) instead of a 500,
// responses cacheable with ETag and Last-Modified, pages with links to the next and previous.

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
const PAGING_PARAMS = ["pagina", "perPagina", "gewijzigdSinds"];

export type InvalidParam = { name: string; reason: string };

export function problem(status: number, title: string, detail: string, invalidParams: InvalidParam[] = []) {
  return new Response(
    JSON.stringify({
      type:
        status === 404
          ? "https://gremium.example/api/problemen/niet-gevonden"
          : "https://gremium.example/api/problemen/ongeldige-parameter",
      title,
      status,
      detail,
      ...(invalidParams.length ? { "invalid-params": invalidParams } : {}),
    }),
    {
      status,
      headers: { "Content-Type": "application/problem+json; charset=utf-8", "Access-Control-Allow-Origin": "*" },
    },
  );
}

/** The list parameters of a collection (paging, gewijzigdSinds and its filters), or the problem with them. */
export function parseListParams(
  url: URL,
  collection: string,
):
  | { ok: true; page: number; pageSize: number; since: number | null; filters: Filters }
  | { ok: false; response: Response } {
  const invalid: InvalidParam[] = [];
  const filterSpecs = collectionFilters[collection] ?? {};
  const known = [...PAGING_PARAMS, ...Object.keys(filterSpecs)];
  const filters: Record<string, unknown> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const spec = Object.hasOwn(filterSpecs, name) ? filterSpecs[name] : undefined;
    if (spec) {
      const parsed = spec.parse(url.searchParams.get(name)!);
      if ("reason" in parsed) invalid.push({ name, reason: parsed.reason });
      else filters[name] = parsed.value;
    } else if ((regionParams as readonly string[]).includes(name)) invalid.push({ name, reason: REGION_REASON });
    else if (!PAGING_PARAMS.includes(name))
      invalid.push({ name, reason: `Onbekende parameter. Bekend zijn: ${known.join(", ")}.` });
  }
  const int = (name: string, fallback: number, max: number) => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > max) {
      invalid.push({ name, reason: `Moet een geheel getal zijn van 1 tot en met ${max}.` });
      return fallback;
    }
    return n;
  };
  const page = int("pagina", 1, 100_000);
  const pageSize = int("perPagina", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  let since: number | null = null;
  const rawSince = url.searchParams.get("gewijzigdSinds");
  if (rawSince !== null) {
    const valid = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(rawSince);
    since = valid ? Date.parse(rawSince) : NaN;
    if (!valid || Number.isNaN(since)) {
      invalid.push({
        name: "gewijzigdSinds",
        reason: "Moet een datum of tijdstip zijn volgens ISO 8601, bijvoorbeeld 2026-11-01 of 2026-11-01T09:00:00Z.",
      });
      since = null;
    }
  }
  if (invalid.length)
    return {
      ok: false,
      response: problem(400, "Ongeldige parameter", "Een of meer parameters van het verzoek zijn ongeldig.", invalid),
    };
  return { ok: true, page, pageSize, since, filters: filters as Filters };
}

/** JSON with a weak ETag over the body and Last-Modified from the newest record; 304 when unchanged. */
export function cacheableJson(request: Request, body: unknown, lastModified: number | null) {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash("sha1").update(text).digest("base64url")}"`;
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "public, max-age=60",
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
  });
  if (lastModified !== null) headers.set("Last-Modified", new Date(lastModified).toUTCString());
  const match = request.headers.get("if-none-match");
  if (
    match &&
    match
      .split(",")
      .map((m) => m.trim())
      .includes(etag)
  )
    return new Response(null, { status: 304, headers });
  return new Response(text, { headers });
}

export function newest(rows: readonly { gewijzigd: string }[]) {
  return rows.length ? Math.max(...rows.map((r) => Date.parse(r.gewijzigd))) : null;
}
