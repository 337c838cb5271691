import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/auth/permissions.server";
import { userRoleLabels } from "~/lib/vocabulary";
import { listUsers } from "~/models/users.server";
import { pageRoute } from "~/lib/responses.server";
import { DataTable } from "~/components/data-table";

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
      <DataTable
        caption="Alle gebruikers"
        captionHidden
        rows={users}
        rowKey={(user) => user.id}
        columns={[
          {
            header: "Naam",
            cell: (user) => (
              <Link className="nl-link" to={`/beheer/gebruikers/${user.id}`}>
                {user.name}
              </Link>
            ),
          },
          { header: "E-mailadres", cell: (user) => user.email },
          { header: "Organisatie", cell: (user) => user.organisationName ?? "—" },
          { header: "Rol", cell: (user) => userRoleLabels[user.role] },
          {
            header: "Status",
            cell: (user) =>
              user.deactivatedAt ? (
                <StatusBadge tone="neutral">gedeactiveerd</StatusBadge>
              ) : (
                <StatusBadge tone="safe">actief</StatusBadge>
              ),
          },
        ]}
      />
    </>
  );
}
