import { ScrollRegion } from "~/components/scroll-region";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ActionChart } from "~/components/action-chart";
import { ActionList, toActionListItem } from "~/components/action-list";
import { FilterSelect } from "~/components/filter-select";
import { getViewer } from "~/auth/session.server";
import { actionStatusFilterLabels, parseActionFilters, type ActionStatusFilter } from "~/lib/action-filters";
import { formatDay } from "~/lib/format";
import { listActionMeetings, listActionOwners, listActions, summariseActions } from "~/models/actions.server";
import { listBodiesForSelect } from "~/models/bodies.server";
import { listOrganisations } from "~/models/people.server";
import { listObjectivesForFilter } from "~/models/programmes.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Acties · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const { filters, query, page } = parseActionFilters(new URL(request.url).searchParams);
  const { actions, ...paging } = listActions({ viewer, filters, page });
  return {
    ...paging,
    actions: actions.map(toActionListItem),
    signedIn: viewer !== null,
    filters: { ...filters, status: filters.status },
    query,
    page,
    ...summariseActions({ viewer }),
    bodies: listBodiesForSelect({ viewer }).map((b) => ({ value: b.id, label: b.name })),
    objectives: listObjectivesForFilter({ viewer }).map((o) => ({
      value: o.id,
      label: `${o.programmeTitle} — ${o.number}. ${o.title}`,
    })),
    organisations: listOrganisations({ viewer }).map((o) => ({ value: o.id, label: o.name })),
    owners: listActionOwners({ viewer }).map((p) => ({ value: p.id, label: p.name })),
    meetings: listActionMeetings({ viewer, bodyId: filters.bodyId, selectedId: filters.meetingId }).map((m) => ({
      value: m.id,
      label: `${m.bodyName}, ${formatDay(m.startsAt)}`,
    })),
  };
});

type Counts = { id: number | null; name: string | null; open: number; overdue: number; closedThisQuarter: number };

function CountsTable({ caption, first, rows }: { caption: string; first: string; rows: readonly Counts[] }) {
  return (
    <ScrollRegion label={caption}>
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {first}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Lopend
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Over de termijn
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Afgerond dit kwartaal
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.id ?? "geen"} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell">
                {row.name ?? "Geen organisatie"}
              </th>
              <td className="utrecht-table__cell">{row.open}</td>
              <td className="utrecht-table__cell">{row.overdue}</td>
              <td className="utrecht-table__cell">{row.closedThisQuarter}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export default function ActionOverview() {
  const {
    actions,
    hasMore,
    signedIn,
    filters,
    query,
    page,
    counts,
    chart,
    bodies,
    organisations,
    owners,
    meetings,
    objectives,
  } = useLoaderData<typeof loader>();
  const withPage = (p: number) => `?${new URLSearchParams({ ...query, pagina: String(p) })}`;
  const csv = `/acties.csv${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`;
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Acties</h1>
      <p className="nl-paragraph">
        Elke toezegging en actie uit de vergaderingen, gevolgd tot zij is afgerond.
        {signedIn ? (
          <>
            {" "}
            <Link className="nl-link" to="/acties/mijn">
              Mijn acties
            </Link>
          </>
        ) : (
          " Zonder inloggen ziet u alleen acties uit openbare besluiten van een vastgestelde besluitenlijst, zonder namen."
        )}
      </p>
      <Form method="get" className="gremium-filters" aria-label="Acties filteren">
        <FilterSelect
          name="gremium"
          label="Gremium"
          allLabel="Alle gremia"
          options={bodies}
          value={filters.bodyId ?? ""}
        />
        {owners.length > 0 ? (
          <FilterSelect
            name="eigenaar"
            label="Eigenaar"
            allLabel="Alle eigenaren"
            options={owners}
            value={filters.ownerPersonId ?? ""}
          />
        ) : null}
        <FilterSelect
          name="organisatie"
          label="Organisatie"
          allLabel="Alle organisaties"
          options={organisations}
          value={filters.organisationId ?? ""}
        />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="status">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={filters.status}
            className="utrecht-select utrecht-select--html-select"
          >
            {(Object.keys(actionStatusFilterLabels) as ActionStatusFilter[]).map((s) => (
              <option key={s} value={s}>
                {actionStatusFilterLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect
          name="doel"
          label="Opgave"
          allLabel="Alle opgaven"
          options={objectives}
          value={filters.objectiveId ?? ""}
        />
        <FilterSelect
          name="vergadering"
          label="Uit vergadering"
          allLabel="Alle vergaderingen"
          options={meetings}
          value={filters.meetingId ?? ""}
        />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="binnen">
            Termijn binnen … dagen
          </label>
          <input
            id="binnen"
            name="binnen"
            type="number"
            min={1}
            max={3650}
            inputMode="numeric"
            defaultValue={filters.dueWithinDays ?? ""}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <div className="utrecht-form-field gremium-checkbox">
          <input
            id="te-laat"
            name="te-laat"
            type="checkbox"
            value="1"
            defaultChecked={filters.overdue}
            className="gremium-checkbox__input"
          />
          <label className="utrecht-form-label" htmlFor="te-laat">
            Alleen over de termijn
          </label>
        </div>
        <button type="submit" className="nl-button">
          <span className="nl-button__label">Filteren</span>
        </button>
      </Form>

      <h2 className="nl-heading nl-heading--level-2">
        {actions.length === 0 ? "Geen acties" : `Acties${hasMore || page > 1 ? ` (pagina ${page})` : ""}`}
      </h2>
      <p className="nl-paragraph">
        <a className="nl-link" href={csv} download>
          Download deze selectie voor Excel (CSV)
        </a>
      </p>
      <ActionList actions={actions} emptyText="Er zijn geen acties die aan het filter voldoen." />
      <nav aria-label="Bladeren door de acties">
        <ul className="gremium-pager">
          {page > 1 ? (
            <li>
              <Link className="nl-link" to={withPage(page - 1)}>
                Vorige acties
              </Link>
            </li>
          ) : null}
          {hasMore ? (
            <li>
              <Link className="nl-link" to={withPage(page + 1)}>
                Volgende acties
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>

      <h2 className="nl-heading nl-heading--level-2">Stand per gremium en organisatie</h2>
      {counts.perBody.length === 0 ? (
        <p className="nl-paragraph">Er zijn geen lopende of dit kwartaal afgeronde acties.</p>
      ) : (
        <div className="gremium-counts">
          <CountsTable caption="Per gremium" first="Gremium" rows={counts.perBody} />
          <CountsTable caption="Per organisatie" first="Organisatie" rows={counts.perOrganisation} />
        </div>
      )}
      <h2 className="nl-heading nl-heading--level-2">Verloop over twee jaar</h2>
      <ActionChart points={chart} />
    </>
  );
}
