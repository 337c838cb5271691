import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  useMatches,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import stylesheet from "~/styles/index.css?url";
import { can } from "~/auth/permissions";
import { getSession } from "~/auth/session.server";
import { secondStepPath } from "~/auth/sign-in-flow.server";
import { contactEmail } from "~/lib/env.server";
import { redirect } from "~/lib/responses.server";
import { useErrorReference, useNonce } from "~/lib/render-context";
import { userRoleLabels } from "~/lib/vocabulary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [{ title: "Gremium · Zorg, Veiligheid en Straf Twente" }];

/**
 * What a route says about itself in its handle: that it describes itself for search engines (the
 * others share the site description), and that it needs its scripts for visitors too (see Layout).
 */
export type RouteHandle = { ownDescription?: boolean; scriptsForVisitors?: boolean };
const SITE_DESCRIPTION =
  "Agenda's, besluiten, acties, jaarplannen en nieuws van het netwerk Zorg, Veiligheid en Straf in Twente.";

/** The only pages someone half-way a sign-in may open; every other page sends them to their step. */
const SECOND_STEP_PAGES = ["/inloggen/verificatie", "/account/tweestapsverificatie", "/uitloggen", "/inloggen"];

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, pending, setCookie } = getSession(request);
  if (pending) {
    const url = new URL(request.url);
    if (!SECOND_STEP_PAGES.includes(url.pathname))
      throw redirect(secondStepPath(pending.step, `${url.pathname}${url.search}`));
  }
  const headers = setCookie ? { "Set-Cookie": setCookie } : undefined;
  return data(
    {
      contact: contactEmail(),
      viewer: viewer && {
        name: viewer.name,
        roleLabel: userRoleLabels[viewer.role],
        canAdminister: can(viewer, "manage-users"),
      },
    },
    { headers },
  );
}

const menuItems: [to: string, label: string][] = [
  ["/", "Home"],
  ["/vergaderingen", "Vergaderingen"],
  ["/besluiten", "Besluiten"],
  ["/acties", "Acties"],
  ["/programmas", "Programma's"],
  ["/jaarplannen", "Jaarplannen"],
  ["/nieuwsbrieven", "Nieuwsbrief"],
  ["/gremia", "Gremia"],
];

/**
 * The header: on a phone one bar with the name and a menu button, a `<details>` that opens without
 * JavaScript; on a wide screen the menu stands open in the bar (see .gremium-menu in app.css).
 */
function SiteHeader() {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const viewer = rootData?.viewer ?? null;
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const menu = useRef<HTMLDetailsElement>(null);
  // A link followed inside the open menu navigates without reloading: close the menu behind it.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname, location.search]);
  return (
    <header className="gremium-header">
      <div className="gremium-container gremium-header__bar">
        <Link to={viewer ? "/mijn" : "/"} className="gremium-logo">
          Gremium
          <small>Zorg, Veiligheid en Straf Twente</small>
        </Link>
        <details className="gremium-menu" ref={menu}>
          <summary>Menu</summary>
          <div className="gremium-menu__panel">
            <nav aria-label="Hoofdmenu" className="gremium-nav">
              <ul>
                {menuItems.map(([to, label]) => (
                  <li key={to}>
                    <NavLink to={to} end={to === "/"}>
                      {label}
                    </NavLink>
                  </li>
                ))}
                {viewer?.canAdminister ? (
                  <li>
                    <NavLink to="/beheer">Beheer</NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
            <Form method="get" action="/zoeken" role="search" aria-label="Zoeken" className="gremium-header-search">
              <label htmlFor="kop-zoekterm" className="gremium-visually-hidden">
                Zoekterm
              </label>
              <input id="kop-zoekterm" name="q" type="search" placeholder="Zoeken" />
              <button type="submit">Zoek</button>
            </Form>
            <div className="gremium-account">
              {viewer ? (
                <>
                  <NavLink to="/mijn" className="gremium-linkbutton">
                    {viewer.name}
                    <span className="gremium-account__role">{` (${viewer.roleLabel})`}</span>
                  </NavLink>
                  <NavLink to="/account" className="gremium-linkbutton">
                    Account
                  </NavLink>
                  <Form method="post" action="/uitloggen">
                    <button type="submit" className="gremium-linkbutton">
                      Uitloggen
                    </button>
                  </Form>
                </>
              ) : location.pathname === "/inloggen" ? null : (
                <Link
                  className="gremium-linkbutton"
                  to={location.pathname === "/" ? "/inloggen" : `/inloggen?redirectTo=${encodeURIComponent(here)}`}
                >
                  Inloggen
                </Link>
              )}
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}

function SiteFooter() {
  const contact = useRouteLoaderData<typeof loader>("root")?.contact;
  return (
    <footer className="gremium-footer">
      <div className="gremium-container">
        <p>
          Gremium is het portaal van het samenwerkingsverband Zorg, Veiligheid en Straf Twente: veertien gemeenten en
          hun partners in zorg, veiligheid en justitie.
        </p>
        {contact ? (
          <p>
            Vragen? Mail het secretariaat:{" "}
            <a className="nl-link" href={`mailto:${contact}`}>
              {contact}
            </a>
          </p>
        ) : null}
        <nav aria-label="Over deze site">
          <ul className="gremium-footer__links">
            <li>
              <Link className="nl-link" to="/volgen">
                Volgen: nieuwsbrief, agenda en feeds
              </Link>
            </li>
            <li>
              <Link className="nl-link" to="/api">
                Open data
              </Link>
            </li>
            <li>
              <Link className="nl-link" to="/privacy">
                Privacy
              </Link>
            </li>
            <li>
              <Link className="nl-link" to="/toegankelijkheid">
                Toegankelijkheid
              </Link>
            </li>
            <li>
              <Link className="nl-link" to="/kwetsbaarheid-melden">
                Kwetsbaarheid melden
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const handles = useMatches().map((match) => (match.handle ?? {}) as RouteHandle);
  const describedByRoute = handles.some((handle) => handle.ownDescription);
  // Visitors read: their pages work whole without JavaScript, and on a phone hydrating ~90 kB costs
  // more than it gives (Lighthouse's mobile run lost 0.3–0.75 s of blocking time to it). So a visitor
  // gets no scripts unless the route asks for them; a signed-in person, whose pages have forms that
  // check as they type, save in the background or preview, gets them everywhere.
  const signedIn = Boolean(useRouteLoaderData<typeof loader>("root")?.viewer);
  const withScripts = signedIn || handles.some((handle) => handle.scriptsForVisitors);
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {describedByRoute ? null : <meta name="description" content={SITE_DESCRIPTION} />}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="nl-skip-link gremium-skip-link" href="#inhoud">
          Ga direct naar de inhoud
        </a>
        <SiteHeader />
        <main id="inhoud" className="gremium-main" tabIndex={-1}>
          <div className="gremium-container">{children}</div>
        </main>
        <SiteFooter />
        {withScripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const statusPages: Record<number, { title: string; text: string }> = {
  400: {
    title: "Verzoek niet begrepen",
    text: "Het verzoek kon niet worden verwerkt. Controleer de invoer en probeer het opnieuw.",
  },
  403: {
    title: "Geen toegang",
    text: "U hebt geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem contact op met de beheerder.",
  },
  404: {
    title: "Pagina niet gevonden",
    text: "Deze pagina bestaat niet (meer). Misschien is het adres veranderd of verkeerd overgenomen.",
  },
  405: { title: "Niet toegestaan", text: "Deze handeling kan op deze pagina niet worden uitgevoerd." },
};

export function ErrorBoundary() {
  const error = useRouteError();
  // The server renders the reference; while hydrating, the browser reads it back from that HTML so
  // the page does not change under the reader (the client has no request to look it up by).
  const serverReference = useErrorReference();
  const [reference] = useState(
    () =>
      serverReference ??
      (typeof document === "undefined"
        ? null
        : (document.querySelector("[data-fout-referentie]")?.getAttribute("data-fout-referentie") ?? null)),
  );
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = statusPages[status];
  const title = page?.title ?? "Er ging iets mis";
  return (
    <>
      <title>{`${title} · Gremium`}</title>
      <h1 className="nl-heading nl-heading--level-1">{title}</h1>
      {page ? (
        <p className="nl-paragraph">
          {isRouteErrorResponse(error) && typeof error.data === "string" && error.data && status !== 404
            ? error.data
            : page.text}
        </p>
      ) : (
        <>
          <p className="nl-paragraph">
            Er is een onverwachte fout opgetreden. Uw gegevens zijn niet verloren gegaan; probeer het over een paar
            minuten opnieuw.
          </p>
          {reference ? (
            <p className="nl-paragraph">
              Neemt u contact op met de beheerder? Noem dan deze referentie:{" "}
              <strong data-fout-referentie={reference}>{reference}</strong>
            </p>
          ) : (
            <p className="nl-paragraph">
              <a className="nl-link" href="">
                Laad de pagina opnieuw
              </a>{" "}
              om een referentie voor de beheerder te krijgen.
            </p>
          )}
        </>
      )}
      <p className="nl-paragraph">
        <Link className="nl-link" to="/">
          Naar de homepagina
        </Link>
      </p>
    </>
  );
}
