import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { countAuditEntries } from "~/models/audit.server";
import { listBodiesForSelect } from "~/models/bodies.server";
import { listPeople } from "~/models/people.server";
import { listUsers } from "~/models/users.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const users = listUsers({ viewer });
  return {
    activeUsers: users.filter((u) => u.deactivatedAt === null).length,
    deactivatedUsers: users.filter((u) => u.deactivatedAt !== null).length,
    bodies: listBodiesForSelect({ viewer }).length,
    people: listPeople({ viewer }).length,
    auditEntries: countAuditEntries({ viewer }),
  };
});

export default function AdminHome() {
  const stats = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Beheer</h1>
      <ul className="gremium-cards">
        <li className="gremium-card">
          <h2 className="nl-heading nl-heading--level-3">
            <Link className="nl-link" to="/beheer/gebruikers">
              Gebruikers
            </Link>
          </h2>
          <p>
            {stats.activeUsers} actief, {stats.deactivatedUsers} gedeactiveerd
          </p>
        </li>
        <li className="gremium-card">
          <h2 className="nl-heading nl-heading--level-3">
            <Link className="nl-link" to="/beheer/personen">
              Personen
            </Link>
          </h2>
          <p>{stats.people} personen, met en zonder account</p>
        </li>
        <li className="gremium-card">
          <h2 className="nl-heading nl-heading--level-3">
            <Link className="nl-link" to="/beheer/gremia">
              Gremia en leden
            </Link>
          </h2>
          <p>{stats.bodies} gremia, ook opgeheven</p>
        </li>
        <li className="gremium-card">
          <h2 className="nl-heading nl-heading--level-3">
            <Link className="nl-link" to="/beheer/inlogmethoden">
              Inlogmethoden
            </Link>
          </h2>
          <p>Inloggen met het werkaccount van een organisatie (SSO)</p>
        </li>
        <li className="gremium-card">
          <h2 className="nl-heading nl-heading--level-3">
            <Link className="nl-link" to="/beheer/toegang">
              Toegangsreview
            </Link>
          </h2>
          <p>Wie wat mag zien, voor de jaarlijkse controle</p>
        </li>
        <li className="gremium-card">
          <h2 className="nl-heading nl-heading--level-3">
            <Link className="nl-link" to="/beheer/import">
              Gegevens importeren
            </Link>
          </h2>
          <p>De geschiedenis van uw netwerk in één zipbestand, eerst op proef</p>
        </li>
        <li className="gremium-card">
          <h2 className="nl-heading nl-heading--level-3">
            <Link className="nl-link" to="/beheer/logboek">
              Logboek
            </Link>
          </h2>
          <p>{stats.auditEntries} wijzigingen vastgelegd</p>
        </li>
      </ul>
    </>
  );
}
