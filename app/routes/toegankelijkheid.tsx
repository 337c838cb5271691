import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { contactEmail } from "~/lib/env.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [
  { title: "Toegankelijkheid · Gremium" },
  {
    name: "description",
    content: "Hoe toegankelijk Gremium is, wat nog niet goed werkt en waar u terechtkunt als iets niet lukt.",
  },
];

export const loader = pageRoute(async () => ({ contact: contactEmail() }));

// The statement follows the model of digitoegankelijk.nl: what we aim for, what we checked, what does
// not meet the standard yet. Keep the known problems honest; they are open issues of their own.
export default function Accessibility() {
  const { contact } = useLoaderData<typeof loader>();
  return (
    <article className="gremium-prose">
      <h1 className="nl-heading nl-heading--level-1">Toegankelijkheid</h1>
      <p className="nl-paragraph">
        Het samenwerkingsverband Zorg, Veiligheid en Straf Twente wil dat iedereen Gremium kan gebruiken, ook wie slecht
        ziet, een schermlezer gebruikt, alleen met het toetsenbord werkt of de site op een telefoon leest. Gremium moet
        voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, zoals het Besluit digitale
        toegankelijkheid overheid vraagt.
      </p>

      <h2 className="nl-heading nl-heading--level-2">Wat we doen</h2>
      <ul>
        <li>Elke pagina wordt bij elke wijziging automatisch getoetst met axe-core op de regels van WCAG 2.1 AA.</li>
        <li>
          De pagina’s werken met alleen een toetsenbord en zonder JavaScript; alleen inloggen met een passkey vraagt
          JavaScript.
        </li>
        <li>
          Elke pagina wordt getoetst op een scherm van 320 pixels breed: niets valt weg en u hoeft niet opzij te
          schuiven.
        </li>
      </ul>

      <h2 className="nl-heading nl-heading--level-2">Wat nog niet voldoet</h2>
      <ul>
        <li>
          De bestanden die Gremium maakt (de vergaderstukken als één PDF, agenda’s en besluitenlijsten als Word-bestand)
          zijn nog niet volledig toegankelijk: de PDF heeft geen structuur voor schermlezers. De inhoud staat altijd ook
          als webpagina op Gremium.
        </li>
        <li>
          Stukken die leden en partners aanleveren, publiceren we zoals ze zijn gemaakt; of die toegankelijk zijn, hangt
          af van de maker.
        </li>
      </ul>

      <h2 className="nl-heading nl-heading--level-2">Lukt iets niet?</h2>
      <p className="nl-paragraph">
        Kunt u iets niet lezen of gebruiken, of hebt u een stuk nodig in een andere vorm? Mail het secretariaat:{" "}
        <a className="nl-link" href={`mailto:${contact}`}>
          {contact}
        </a>
        . U krijgt binnen vijf werkdagen antwoord. Bent u niet tevreden met de oplossing, dan kunt u terecht bij de
        Nationale ombudsman.
      </p>
    </article>
  );
}
