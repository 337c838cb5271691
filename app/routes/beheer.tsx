import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { pageRoute } from "~/lib/responses.server";

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  requireRole(request, ["beheerder"]);
  return null;
});

export default function AdminLayout() {
  return (
    <>
      <nav aria-label="Beheer" className="gremium-subnav">
        <ul>
          <li>
            <NavLink className="nl-link" to="/beheer" end>
              Overzicht
            </NavLink>
          </li>
          <li>
            <NavLink className="nl-link" to="/beheer/gebruikers">
              Gebruikers
            </NavLink>
          </li>
          <li>
            <NavLink className="nl-link" to="/beheer/personen">
              Personen
            </NavLink>
          </li>
          <li>
            <NavLink className="nl-link" to="/beheer/organisaties">
              Organisaties
            </NavLink>
          </li>
          <li>
            <NavLink className="nl-link" to="/beheer/gremia">
              Gremia en leden
            </NavLink>
          </li>
          <li>
            <NavLink className="nl-link" to="/beheer/uitgaande-post">
              Uitgaande post
            </NavLink>
          </li>
          <li>
            <NavLink className="nl-link" to="/beheer/instellingen">
              Instellingen
            </NavLink>
          </li>
          <li>
            <NavLink className="nl-link" to="/beheer/archief">
              Archief
            </NavLink>
          </li>
          <li>
            <NavLink className="nl-link" to="/beheer/import">
              Importeren
            </NavLink>
          </li>
          <li>
            <NavLink className="nl-link" to="/beheer/logboek">
              Logboek
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
