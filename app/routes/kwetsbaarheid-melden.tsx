import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { securityContacts } from "~/lib/env.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [
  { title: "Kwetsbaarheid melden · Gremium" },
  { name: "description", content: "Zo meldt u een beveiligingsprobleem in Gremium, en zo gaan wij met uw melding om." },
];

export const loader = pageRoute(async () => ({
  contacts: securityContacts().map((uri) => ({
    uri,
    label: uri.replace(/^(mailto|tel):/, ""),
  })),
}));

// Coordinated vulnerability disclosure as the NCSC's guideline describes it (BIO 8.08.06).
export default function ReportVulnerability() {
  const { contacts } = useLoaderData<typeof loader>();
  return (
    <article className="gremium-prose">
      <h1 className="nl-heading nl-heading--level-1">Kwetsbaarheid melden</h1>
      <p className="nl-paragraph">
        Wij vinden de beveiliging van Gremium en van de gegevens erin belangrijk. Toch kan er een zwakke plek zijn. Hebt
        u er een gevonden, meld het ons dan, zodat wij het zo snel mogelijk kunnen oplossen. Wij werken volgens de
        Leidraad Coordinated Vulnerability Disclosure van het Nationaal Cyber Security Centrum.
      </p>

      <h2 className="nl-heading nl-heading--level-2">Zo meldt u</h2>
      <ul>
        {contacts.map((contact) => (
          <li key={contact.uri}>
            <a className="nl-link" href={contact.uri}>
              {contact.label}
            </a>
          </li>
        ))}
      </ul>
      <p className="nl-paragraph">Vermeld in uw melding:</p>
      <ul>
        <li>wat de kwetsbaarheid is en op welke pagina of in welk onderdeel u haar vond;</li>
        <li>de stappen waarmee wij haar kunnen nazien, en waar het kan een voorbeeld;</li>
        <li>hoe wij u kunnen bereiken (u mag ook anoniem melden, maar dan kunnen wij u niet op de hoogte houden).</li>
      </ul>

      <h2 className="nl-heading nl-heading--level-2">Wat wij van u vragen</h2>
      <ul>
        <li>Meld het zo snel mogelijk na uw ontdekking, en deel het met niemand anders tot het is opgelost.</li>
        <li>
          Gebruik de kwetsbaarheid niet verder dan nodig om haar aan te tonen: bekijk, kopieer, wijzig of verwijder geen
          gegevens van anderen, en wis wat u toch in handen kreeg.
        </li>
        <li>
          Doe geen aanvallen die de dienst verstoren (zoals overbelasting), geen social engineering, phishing of fysieke
          aanvallen, en plaats geen kwaadaardige software.
        </li>
      </ul>

      <h2 className="nl-heading nl-heading--level-2">Wat wij u beloven</h2>
      <ul>
        <li>Wij bevestigen uw melding binnen drie werkdagen en laten weten hoe wij haar beoordelen.</li>
        <li>Wij houden u op de hoogte van het oplossen, en lossen het zo snel als verantwoord is op.</li>
        <li>
          Hebt u zich aan de voorwaarden hierboven gehouden, dan doen wij geen aangifte tegen u en behandelen wij uw
          melding vertrouwelijk; uw persoonsgegevens delen wij niet zonder uw toestemming.
        </li>
        <li>Wilt u dat, dan noemen wij u als melder wanneer wij over de oplossing berichten.</li>
      </ul>
    </article>
  );
}
