import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { StatusBadge } from "~/components/status-badge";
import { getViewer } from "~/auth/session.server";
import { formatDay } from "~/lib/format";
import { decisionOutcomeLabels, decisionOutcomes, type DecisionOutcome } from "~/lib/vocabulary";
import { listBodiesForSelect } from "~/models/bodies.server";
import { listDecisions } from "~/models/decisions.server";
import { listMeetingYears } from "~/models/meetings.server";
import { listObjectivesForFilter } from "~/models/programmes.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Besluiten · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const url = new URL(request.url);
  const bodies = listBodiesForSelect({ viewer });
  const body = bodies.find((b) => String(b.id) === url.searchParams.get("gremium"));
  const yearParam = Number(url.searchParams.get("jaar"));
  const year = Number.isInteger(yearParam) && yearParam > 1900 ? yearParam : undefined;
  const outcomeParam = url.searchParams.get("uitkomst");
  const outcome = decisionOutcomes.includes(outcomeParam as DecisionOutcome)
    ? (outcomeParam as DecisionOutcome)
    : undefined;
  const text = (url.searchParams.get("tekst") ?? "").slice(0, 200);
  const page = Math.max(1, Number(url.searchParams.get("pagina")) || 1);
  const objectives = listObjectivesForFilter({ viewer });
  const objective = objectives.find((o) => String(o.id) === url.searchParams.get("doel"));
  return {
    ...listDecisions({ viewer, bodyId: body?.id, year, outcome, text, objectiveId: objective?.id, page }),
    filters: {
      gremium: body?.id ?? "",
      jaar: year ?? "",
      uitkomst: outcome ?? "",
      tekst: text,
      doel: objective?.id ?? "",
    },
    objectives: objectives.map((o) => ({ value: o.id, label: `${o.programmeTitle} — ${o.number}. ${o.title}` })),
    page,
    bodies: bodies.map((b) => ({ id: b.id, name: b.name })),
    years: listMeetingYears({ viewer }),
    signedIn: viewer !== null,
  };
});

export default function DecisionRegister() {
  const { decisions, hasMore, filters, page, bodies, years, objectives, signedIn } = useLoaderData<typeof loader>();
  const query = (p: number) =>
    `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, String(v)])), pagina: String(p) })}`;
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Besluiten</h1>
      <p className="nl-paragraph">
        Elk besluit van de gremia, nieuwste eerst. Elk besluit heeft een vaste verwijzing, zoals SG-2026-02-B1.
      </p>
      {signedIn ? null : (
        <p className="nl-paragraph">
          U ziet de openbare besluiten uit vastgestelde besluitenlijsten. Besluiten van vergaderingen die niet openbaar
          zijn, zoals die van de stuurgroep, ziet u als lid na{" "}
          <Link className="nl-link" to="/inloggen?redirectTo=%2Fbesluiten">
            inloggen
          </Link>
          .
        </p>
      )}
      <Form method="get" className="gremium-filters" aria-label="Besluiten filteren">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="tekst">
            Zoek in onderwerp en besluit
          </label>
          <input
            id="tekst"
            name="tekst"
            type="search"
            defaultValue={filters.tekst}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <FilterSelect
          name="gremium"
          label="Gremium"
          allLabel="Alle gremia"
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          value={filters.gremium}
        />
        <FilterSelect
          name="jaar"
          label="Jaar"
          allLabel="Alle jaren"
          options={years.map((y) => ({ value: y, label: String(y) }))}
          value={filters.jaar}
        />
        <FilterSelect
          name="uitkomst"
          label="Uitkomst"
          allLabel="Alle uitkomsten"
          options={decisionOutcomes.map((o) => ({ value: o, label: decisionOutcomeLabels[o] }))}
          value={filters.uitkomst}
        />
        <FilterSelect name="doel" label="Opgave" allLabel="Alle opgaven" options={objectives} value={filters.doel} />
        <button type="submit" className="nl-button">
          <span className="nl-button__label">Filteren</span>
        </button>
      </Form>
      {decisions.length === 0 ? (
        <p className="nl-paragraph">Er zijn geen besluiten die aan het filter voldoen.</p>
      ) : (
        <ul className="gremium-meetings">
          {decisions.map((d) => (
            <li key={d.id}>
              <Link className="nl-link gremium-meetings__date" to={`/besluiten/${d.reference}`}>
                {d.reference}: {d.subject}
              </Link>
              <span>
                {decisionOutcomeLabels[d.outcome]} · {d.bodyName}, {formatDay(d.startsAt)}
              </span>
              <span>
                {d.listStatus === "concept" ? <StatusBadge tone="warning">concept</StatusBadge> : null}
                {d.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Bladeren door de besluiten">
        <ul className="gremium-pager">
          {page > 1 ? (
            <li>
              <Link className="nl-link" to={query(page - 1)}>
                Nieuwere besluiten
              </Link>
            </li>
          ) : null}
          {hasMore ? (
            <li>
              <Link className="nl-link" to={query(page + 1)}>
                Oudere besluiten
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  );
}
