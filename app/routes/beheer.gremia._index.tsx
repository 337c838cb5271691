import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/auth/permissions.server";
import { listBodiesForAdmin } from "~/models/bodies.server";
import { bodyKindLabels } from "~/lib/vocabulary";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Gremia · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return { bodies: listBodiesForAdmin({ viewer }) };
});

export default function AdminBodies() {
  const { bodies } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Gremia en leden</h1>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/beheer/gremia/nieuw">
          Nieuw gremium toevoegen
        </Link>
      </p>
      <div className="gremium-table-wrap">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption gremium-visually-hidden">Alle gremia</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Naam
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Soort
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Valt onder
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Leden
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {bodies.map((body) => (
              <tr key={body.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  <Link className="nl-link" to={`/beheer/gremia/${body.id}`}>
                    {body.name}
                  </Link>
                </td>
                <td className="utrecht-table__cell">{bodyKindLabels[body.kind]}</td>
                <td className="utrecht-table__cell">{body.parentName ?? "—"}</td>
                <td className="utrecht-table__cell">{body.currentMembers}</td>
                <td className="utrecht-table__cell">
                  {body.retired ? (
                    <StatusBadge tone="neutral">opgeheven</StatusBadge>
                  ) : (
                    <StatusBadge tone="safe">actief</StatusBadge>
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
