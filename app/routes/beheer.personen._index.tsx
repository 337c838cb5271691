import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { listPeople } from "~/models/people.server";
import { pageRoute } from "~/lib/responses.server";

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
      <div className="gremium-table-wrap">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption gremium-visually-hidden">Alle personen</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Naam
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Organisatie
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Functie
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Gremia
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Account
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {people.map((person) => (
              <tr key={person.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  <Link className="nl-link" to={`/beheer/personen/${person.id}`}>
                    {person.name}
                  </Link>
                </td>
                <td className="utrecht-table__cell">{person.organisationName ?? "—"}</td>
                <td className="utrecht-table__cell">{person.jobTitle ?? "—"}</td>
                <td className="utrecht-table__cell">{person.currentMemberships}</td>
                <td className="utrecht-table__cell">
                  {person.userId ? (
                    <Link className="nl-link" to={`/beheer/gebruikers/${person.userId}`}>
                      ja<span className="gremium-visually-hidden">, account van {person.name}</span>
                    </Link>
                  ) : (
                    "nee"
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
