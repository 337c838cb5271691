import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/auth/permissions.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { membershipRoleLabels, signInMethodLabels, userRoleLabels, type MembershipRole } from "~/lib/vocabulary";
import { listAccessReview } from "~/models/access-review.server";

export const meta: MetaFunction = () => [{ title: "Toegangsreview · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return { rows: listAccessReview({ viewer }) };
});

export default function AccessReview() {
  const { rows } = useLoaderData<typeof loader>();
  const flagged = rows.filter((row) => row.flags.length > 0).length;
  return (
    <>
      <Breadcrumb items={[{ to: "/beheer", label: "Beheer" }]} />
      <h1 className="nl-heading nl-heading--level-1">Toegangsreview</h1>
      <p className="nl-paragraph">
        Loop minstens eens per jaar na wie wat mag zien (BIO 5.18.03): per account de rol, de gremia waarvan het de
        besloten stukken ziet, wanneer het voor het laatst inlogde en met welke tweede stap. Accounts die zes maanden
        niet gebruikt zijn en afgelopen lidmaatschappen zijn gemarkeerd. Pas rollen en lidmaatschappen aan via{" "}
        <Link className="nl-link" to="/beheer/gebruikers">
          Gebruikers
        </Link>{" "}
        en{" "}
        <Link className="nl-link" to="/beheer/gremia">
          Gremia en leden
        </Link>
        .
      </p>
      <p className="nl-paragraph">
        {rows.length} accounts, waarvan {flagged} met een aandachtspunt.{" "}
        <a className="nl-link" href="/beheer/toegang.csv" download>
          Download als CSV (voor Excel)
        </a>
      </p>
      <div className="gremium-table-wrap" tabIndex={0} role="region" aria-label="Toegang per account">
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                Account
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Rol
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Ziet besloten stukken van
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Laatst ingelogd
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Tweede stap
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Aandachtspunten
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((row) => (
              <tr className="utrecht-table__row" key={row.userId}>
                <th className="utrecht-table__cell" scope="row">
                  <Link className="nl-link" to={`/beheer/gebruikers/${row.userId}`}>
                    {row.name}
                  </Link>
                  <br />
                  <span className="gremium-muted">
                    {row.email}
                    {row.organisation ? `, ${row.organisation}` : ""}
                  </span>
                  {row.active ? null : (
                    <>
                      <br />
                      <StatusBadge tone="neutral">gedeactiveerd</StatusBadge>
                    </>
                  )}
                </th>
                <td className="utrecht-table__cell">{userRoleLabels[row.role]}</td>
                <td className="utrecht-table__cell">
                  {row.role === "beheerder" ? (
                    "alle gremia (beheerder)"
                  ) : row.memberships.length === 0 ? (
                    "geen"
                  ) : (
                    <ul className="gremium-plain-list">
                      {row.memberships.map((m) => (
                        <li key={`${m.body}-${m.since}`}>
                          {m.body} ({membershipRoleLabels[m.role as MembershipRole].toLowerCase()}, sinds{" "}
                          {formatDate(m.since)})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="utrecht-table__cell">
                  {row.lastSignInAt ? formatDateTime(row.lastSignInAt) : "nooit"}
                  {row.lastSignInMethod ? (
                    <>
                      <br />
                      <span className="gremium-muted">{signInMethodLabels[row.lastSignInMethod]}</span>
                    </>
                  ) : null}
                </td>
                <td className="utrecht-table__cell">
                  {row.secondFactor ?? (row.secondStepRequired ? "verplicht, niet ingesteld" : "niet ingesteld")}
                  {row.sso ? (
                    <>
                      <br />
                      <span className="gremium-muted">logt in via {row.sso}</span>
                    </>
                  ) : null}
                </td>
                <td className="utrecht-table__cell">
                  {row.flags.length === 0 ? (
                    "—"
                  ) : (
                    <ul className="gremium-plain-list">
                      {row.flags.map((flag) => (
                        <li key={flag}>
                          <StatusBadge tone="warning">{flag}</StatusBadge>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
