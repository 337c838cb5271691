import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { listPeople } from "~/models/people.server";
import { pageRoute } from "~/lib/responses.server";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction = () => [{ title: "Personen · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return { people: listPeople({ viewer }) };
});

export default function People() {
  const { people } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Personen</h1>
      <p className="nl-paragraph">
        Iedereen die lid is of was van een gremium. Niet iedereen heeft een account: een burgemeester kan lid zijn
        zonder zelf in te loggen.
      </p>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/beheer/personen/nieuw">
          Nieuwe persoon toevoegen
        </Link>
      </p>
      <DataTable
        caption="Alle personen"
        captionHidden
        rows={people}
        rowKey={(person) => person.id}
        columns={[
          {
            header: "Naam",
            cell: (person) => (
              <Link className="nl-link" to={`/beheer/personen/${person.id}`}>
                {person.name}
              </Link>
            ),
          },
          { header: "Organisatie", cell: (person) => person.organisationName ?? "—" },
          { header: "Functie", cell: (person) => person.jobTitle ?? "—" },
          { header: "Gremia", cell: (person) => person.currentMemberships },
          {
            header: "Account",
            cell: (person) =>
              person.userId ? (
                <Link className="nl-link" to={`/beheer/gebruikers/${person.userId}`}>
                  ja<span className="gremium-visually-hidden">, account van {person.name}</span>
                </Link>
              ) : (
                "nee"
              ),
          },
        ]}
      />
    </>
  );
}
