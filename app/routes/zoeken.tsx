import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { getViewer } from "~/auth/session.server";
import { listBodiesForSelect } from "~/models/bodies.server";
import { listMeetingYears } from "~/models/meetings.server";
import { searchGroupKeys, searchGroups, type SearchGroup } from "~/lib/search-groups";
import { search } from "~/models/search.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query ? `Zoeken: ${data.query} · Gremium` : "Zoeken · Gremium" },
];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 300);
  const groupParam = url.searchParams.get("soort") ?? "";
  const group = (searchGroupKeys as string[]).includes(groupParam) ? (groupParam as SearchGroup) : undefined;
  const bodies = listBodiesForSelect({ viewer });
  const body = bodies.find((b) => String(b.id) === url.searchParams.get("gremium"));
  const yearParam = Number(url.searchParams.get("jaar"));
  const year = Number.isInteger(yearParam) && yearParam > 1900 && yearParam < 3000 ? yearParam : undefined;
  const page = Math.min(500, Math.max(1, Number(url.searchParams.get("pagina")) || 1));
  return {
    ...search({ viewer, query, group, bodyId: body?.id, year, page }),
    filters: { q: query, soort: group ?? "", gremium: body ? String(body.id) : "", jaar: year ? String(year) : "" },
    page,
    bodies: bodies.map((b) => ({ value: b.id, label: b.name })),
    years: listMeetingYears({ viewer }).map((y) => ({ value: y, label: String(y) })),
  };
});

export default function Search() {
  const { query, results, hasMore, counts, filters, page, bodies, years } = useLoaderData<typeof loader>();
  const link = (changes: Record<string, string>) =>
    `?${new URLSearchParams(Object.entries({ ...filters, ...changes }).filter(([, v]) => v !== ""))}`;
  const total = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
  const groupsInOrder = [...new Set(results.map((r) => r.group))];
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Zoeken</h1>
      <Form method="get" className="gremium-filters" role="search" aria-label="Zoeken in Gremium">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="zoekterm">
            Zoek in vergaderingen, besluiten, acties, stukken, plannen en nieuwsbrieven
          </label>
          <input
            id="zoekterm"
            name="q"
            type="search"
            defaultValue={filters.q}
            className="utrecht-textbox utrecht-textbox--html-input"
            aria-describedby="zoektips"
          />
        </div>
        <FilterSelect
          name="soort"
          label="Soort"
          allLabel="Alles"
          options={searchGroupKeys.map((g) => ({ value: g, label: searchGroups[g].label }))}
          value={filters.soort}
        />
        <FilterSelect name="gremium" label="Gremium" allLabel="Alle gremia" options={bodies} value={filters.gremium} />
        <FilterSelect name="jaar" label="Jaar" allLabel="Alle jaren" options={years} value={filters.jaar} />
        <button type="submit" className="nl-button nl-button--primary">
          <span className="nl-button__label">Zoeken</span>
        </button>
      </Form>
      <p className="gremium-muted" id="zoektips">
        Tip: woorden vinden ook langere woorden (‘jaarpl’ vindt ‘jaarplan’); zet woorden tussen aanhalingstekens voor
        een vaste woordgroep. Accenten maken niet uit.
      </p>
      {query ? (
        <p className="nl-paragraph" role="status">
          {total === 0
            ? `Niets gevonden voor ‘${query}’.`
            : `${total} ${total === 1 ? "resultaat" : "resultaten"} voor ‘${query}’.`}
        </p>
      ) : null}
      {total > 0 ? (
        <nav aria-label="Resultaten per soort">
          <ul className="gremium-pager">
            <li>
              {filters.soort ? (
                <Link className="nl-link" to={link({ soort: "", pagina: "" })}>
                  Alles ({total})
                </Link>
              ) : (
                <strong>Alles ({total})</strong>
              )}
            </li>
            {searchGroupKeys
              .filter((g) => counts[g])
              .map((g) => (
                <li key={g}>
                  {filters.soort === g ? (
                    <strong>
                      {searchGroups[g].label} ({counts[g]})
                    </strong>
                  ) : (
                    <Link className="nl-link" to={link({ soort: g, pagina: "" })}>
                      {searchGroups[g].label} ({counts[g]})
                    </Link>
                  )}
                </li>
              ))}
          </ul>
        </nav>
      ) : null}
      {groupsInOrder.map((group) => (
        <section key={group} aria-labelledby={`groep-${group}`}>
          <h2 className="nl-heading nl-heading--level-2" id={`groep-${group}`}>
            {searchGroups[group].label}
          </h2>
          <ul className="gremium-meetings gremium-search-results">
            {results
              .filter((r) => r.group === group)
              .map((r) => (
                <li key={`${r.kind}-${r.recordId}`}>
                  <Link className="nl-link gremium-meetings__date" to={r.href}>
                    <span dangerouslySetInnerHTML={{ __html: r.titleHtml }} />
                  </Link>
                  <span className="gremium-muted">
                    {r.context}
                    {r.itemHref ? (
                      <>
                        {" · "}
                        <Link className="nl-link" to={r.itemHref}>
                          naar het agendapunt
                        </Link>
                      </>
                    ) : null}
                  </span>
                  {r.snippetHtml ? <span dangerouslySetInnerHTML={{ __html: r.snippetHtml }} /> : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
      {page > 1 || hasMore ? (
        <nav aria-label="Bladeren door de resultaten">
          <ul className="gremium-pager">
            {page > 1 ? (
              <li>
                <Link className="nl-link" to={link({ pagina: String(page - 1) })}>
                  Vorige resultaten
                </Link>
              </li>
            ) : null}
            {hasMore ? (
              <li>
                <Link className="nl-link" to={link({ pagina: String(page + 1) })}>
                  Volgende resultaten
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
