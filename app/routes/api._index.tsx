import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { collections } from "~/lib/openapi";
import { publicUrl } from "~/lib/env.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Open data (API) · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  return { base: publicUrl() };
});

export default function ApiPage() {
  const { base } = useLoaderData<typeof loader>();
  return (
    <div className="gremium-prose">
      <h1 className="nl-heading nl-heading--level-1">Open data</h1>
      <p className="nl-paragraph">
        Alle openbare vergaderinformatie van het samenwerkingsverband is ook als open data beschikbaar, in JSON, volgens
        het model <strong>ODS Open Raadsinformatie</strong> van de VNG. Alleen gepubliceerde, openbare en vastgestelde
        inhoud staat erin: nooit besloten stukken of concepten. U mag de gegevens vrij hergebruiken (CC0).
      </p>
      <h2 className="nl-heading nl-heading--level-2">Verzamelingen</h2>
      <ul>
        {Object.entries(collections).map(([name, c]) => (
          <li key={name}>
            <a className="nl-link" href={`/api/v1/${name}`}>
              <code>/api/v1/{name}</code>
            </a>
            : {c.description}
          </li>
        ))}
      </ul>
      <p className="nl-paragraph">
        Eén record haalt u op met zijn nummer, bijvoorbeeld <code>/api/v1/besluiten/12</code>. De volledige beschrijving
        staat in het{" "}
        <a className="nl-link" href="/api/v1/openapi.json">
          OpenAPI-document
        </a>
        .
      </p>
      <h2 className="nl-heading nl-heading--level-2">Bladeren en bijhouden</h2>
      <p className="nl-paragraph">
        Lijsten zijn in pagina&apos;s verdeeld: <code>pagina</code> (vanaf 1) en <code>perPagina</code> (hooguit 200).
        Het antwoord noemt het <code>aantal</code> en de adressen van de <code>volgende</code> en <code>vorige</code>{" "}
        pagina. Met <code>gewijzigdSinds</code> haalt u alleen op wat sinds een moment is gewijzigd, zodat u een kopie
        bijhoudt zonder alles opnieuw te laden:
      </p>
      <pre
        className="gremium-code"
        tabIndex={0}
        aria-label="Voorbeeld: besluiten ophalen die sinds een moment zijn gewijzigd"
      >
        <code>{`curl '${base}/api/v1/besluiten?gewijzigdSinds=2026-11-01T00:00:00Z&perPagina=100'`}</code>
      </pre>
      <p className="nl-paragraph">
        Antwoorden hebben een <code>ETag</code> en <code>Last-Modified</code>; stuur de ETag mee in{" "}
        <code>If-None-Match</code> en u krijgt <code>304 Not Modified</code> als er niets veranderde.
      </p>
      <h2 className="nl-heading nl-heading--level-2">Fouten</h2>
      <p className="nl-paragraph">
        Een ongeldige parameter geeft status 400 met een foutbeschrijving volgens RFC 9457 (
        <code>application/problem+json</code>), bijvoorbeeld:
      </p>
      <pre className="gremium-code" tabIndex={0} aria-label="Voorbeeld van een foutbeschrijving">
        <code>{`{
  "type": "https://gremium.example/api/problemen/ongeldige-parameter",
  "title": "Ongeldige parameter",
  "status": 400,
  "detail": "Een of meer parameters van het verzoek zijn ongeldig.",
  "invalid-params": [{ "name": "perPagina", "reason": "Moet een geheel getal zijn van 1 tot en met 200." }]
}`}</code>
      </pre>
    </div>
  );
}
