import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/auth/permissions.server";
import { userRoleLabels } from "~/lib/vocabulary";
import { listUsers } from "~/models/users.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Gebruikers · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return { users: listUsers({ viewer }) };
});

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Gebruikers</h1>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/beheer/gebruikers/nieuw">
          Nieuwe gebruiker toevoegen
        </Link>
      </p>
      <div className="gremium-table-wrap">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption gremium-visually-hidden">Alle gebruikers</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Naam
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                E-mailadres
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Organisatie
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Rol
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {users.map((user) => (
              <tr key={user.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  <Link className="nl-link" to={`/beheer/gebruikers/${user.id}`}>
                    {user.name}
                  </Link>
                </td>
                <td className="utrecht-table__cell">{user.email}</td>
                <td className="utrecht-table__cell">{user.organisationName ?? "—"}</td>
                <td className="utrecht-table__cell">{userRoleLabels[user.role]}</td>
                <td className="utrecht-table__cell">
                  {user.deactivatedAt ? (
                    <StatusBadge tone="neutral">gedeactiveerd</StatusBadge>
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
