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
        de standaard <strong>ODS Open Raadsinformatie 2.0</strong> van de VNG. Software die voor die standaard is
        gebouwd, leest vergaderingen, agendapunten, besluiten en informatieobjecten zonder aanpassing. Alleen
        gepubliceerde, openbare en vastgestelde inhoud staat erin: nooit besloten stukken of concepten. U mag de
        gegevens vrij hergebruiken (CC0).
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
        Eén record haalt u op met zijn id, bijvoorbeeld <code>/api/v1/besluiten/12</code>. De volledige beschrijving
        staat in het{" "}
        <a className="nl-link" href="/api/v1/openapi.json">
          OpenAPI-document
        </a>
        .
      </p>
      <h2 className="nl-heading nl-heading--level-2">Standaard en uitbreidingen</h2>
      <ul>
        <li>
          Elk record heeft een <code>id</code> (tekst) en een <code>url</code>; verwijzingen naar andere records zijn
          objecten met <code>id</code> en <code>url</code>, zoals de standaard voorschrijft.
        </li>
        <li>
          Het <code>vergaderingstype</code> van een vergadering van het algemeen bestuur is{" "}
          <code>algemene_bestuursvergadering</code>; alle andere gremia vergaderen als <code>commissievergadering</code>
          . De soort van het gremium (stuurgroep, expertgroep …) staat in <code>gremium.soort</code>.
        </li>
        <li>
          Waar de standaard een tekst korter houdt dan Gremium hem vastlegt (een titel of locatie tot 100 tekens, een
          besluittoelichting tot 200), is de tekst ingekort met … en staat de volledige tekst in{" "}
          <code>volledigeTekst</code>. De hele besluittekst staat altijd in <code>besluittekst</code>, elke toezegging
          met haar actie in <code>toezeggingen</code>.
        </li>
        <li>
          Eigenschappen die de standaard niet kent (zoals <code>webpagina</code>, <code>kenmerk</code> en{" "}
          <code>gewijzigd</code>) en de verzamelingen gremia, acties en doelen zijn uitbreidingen; het OpenAPI-document
          markeert ze met <code>x-uitbreiding</code>.
        </li>
        <li>
          De filters van de standaard werken: <code>status</code>, <code>vergaderdatum</code> en{" "}
          <code>vergaderingstype</code> bij vergaderingen, <code>vergaderingsIdentificatie</code> bij agendapunten en
          informatieobjecten, <code>agendapuntIdentificatie</code> bij informatieobjecten. Filters op gemeente,
          provincie of waterschap zijn er niet: het samenwerkingsverband deelt zijn gegevens zo niet in.
        </li>
      </ul>
      <h2 className="nl-heading nl-heading--level-2">Bladeren en bijhouden</h2>
      <p className="nl-paragraph">
        Lijsten zijn in pagina&apos;s verdeeld: <code>pagina</code> (vanaf 1) en <code>perPagina</code> (hooguit 200).
        Het antwoord geeft de records in <code>results</code>, het totale aantal in <code>count</code> en de adressen
        van de volgende en vorige pagina in <code>next</code> en <code>previous</code>. Met <code>gewijzigdSinds</code>{" "}
        haalt u alleen op wat sinds een moment is gewijzigd, zodat u een kopie bijhoudt zonder alles opnieuw te laden:
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
