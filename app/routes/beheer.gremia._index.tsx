import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/auth/permissions.server";
import { listBodiesForAdmin } from "~/models/bodies.server";
import { bodyKindLabels } from "~/lib/vocabulary";
import { pageRoute } from "~/lib/responses.server";
import { DataTable } from "~/components/data-table";

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
      <DataTable
        caption="Alle gremia"
        captionHidden
        rows={bodies}
        rowKey={(body) => body.id}
        columns={[
          {
            header: "Naam",
            cell: (body) => (
              <Link className="nl-link" to={`/beheer/gremia/${body.id}`}>
                {body.name}
              </Link>
            ),
          },
          { header: "Soort", cell: (body) => bodyKindLabels[body.kind] },
          { header: "Valt onder", cell: (body) => body.parentName ?? "—" },
          { header: "Leden", cell: (body) => body.currentMembers },
          {
            header: "Status",
            cell: (body) =>
              body.retired ? (
                <StatusBadge tone="neutral">opgeheven</StatusBadge>
              ) : (
                <StatusBadge tone="safe">actief</StatusBadge>
              ),
          },
        ]}
      />
    </>
  );
}
