import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { contactEmail } from "~/lib/env.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [
  { title: "Privacyverklaring · Gremium" },
  {
    name: "description",
    content: "Welke persoonsgegevens Gremium verwerkt, waarom, hoe lang, en wat uw rechten zijn.",
  },
];

export const loader = pageRoute(async () => ({ contact: contactEmail() }));

// What the code actually keeps, in words: keep this page in step with the tables and clean-up jobs.
export default function Privacy() {
  const { contact } = useLoaderData<typeof loader>();
  const mail = (
    <a className="nl-link" href={`mailto:${contact}`}>
      {contact}
    </a>
  );
  return (
    <article className="gremium-prose">
      <h1 className="nl-heading nl-heading--level-1">Privacyverklaring</h1>
      <p className="nl-paragraph">
        Gremium is het vergaderportaal van het samenwerkingsverband Zorg, Veiligheid en Straf Twente. Het
        samenwerkingsverband is verantwoordelijk voor de persoonsgegevens die het portaal verwerkt. Vragen hierover
        stelt u aan het secretariaat: {mail}.
      </p>

      <h2 className="nl-heading nl-heading--level-2">Bezoekers</h2>
      <p className="nl-paragraph">
        Wie de openbare pagina’s leest, laat geen gegevens achter: Gremium gebruikt geen analysediensten, geen
        advertenties en geen cookies van anderen. Om de site te beveiligen tegen misbruik houdt de server een korte tijd
        bij hoe vaak vanaf een internetadres wordt geprobeerd in te loggen of zich aan te melden.
      </p>

      <h2 className="nl-heading nl-heading--level-2">Leden en medewerkers met een account</h2>
      <ul>
        <li>
          Naam, e-mailadres, organisatie, functie en het lidmaatschap van gremia: nodig om vergaderingen voor te
          bereiden, stukken te delen en besluiten en acties vast te leggen. Dit is een taak van algemeen belang van de
          deelnemende overheden (AVG artikel 6, lid 1, onder e).
        </li>
        <li>
          Inloggegevens: het wachtwoord alleen als onleesbare hash, eventuele tweestapsverificatie en passkeys, de
          sessies met apparaat en internetadres (een sessie vervalt na dertig dagen zonder gebruik), bekende apparaten
          en het moment van de laatste keer inloggen. Zo beveiligen we uw account en controleren we jaarlijks wie
          toegang heeft.
        </li>
        <li>
          Een logboek van wijzigingen: wie wat wanneer veranderde. Het hoort bij de archiefplicht van de overheid en
          wordt bewaard zolang de stukken waar het over gaat.
        </li>
        <li>
          Aanwezigheid bij vergaderingen en acties op uw naam: die staan in de besluitenlijsten en actielijsten, die
          archiefstukken zijn.
        </li>
      </ul>
      <p className="nl-paragraph">
        Besluiten en namen op openbare vergaderstukken worden actief openbaar gemaakt, zoals de Wet open overheid
        vraagt. Wat besloten is, zien alleen de leden van het gremium.
      </p>

      <h2 className="nl-heading nl-heading--level-2">Abonnees van de nieuwsbrief</h2>
      <p className="nl-paragraph">
        Uw e-mailadres en, als u die opgeeft, uw naam en organisatie, met uw toestemming (AVG artikel 6, lid 1, onder
        a). Een aanmelding die u niet binnen zeven dagen bevestigt, telt niet. Meldt u zich af, dan verwijderen we uw
        gegevens; alleen een onleesbare code van uw adres blijft, zodat we u nooit opnieuw mailen zonder dat u zich
        opnieuw aanmeldt.
      </p>

      <h2 className="nl-heading nl-heading--level-2">Cookies</h2>
      <p className="nl-paragraph">
        Gremium plaatst alleen cookies die nodig zijn om in te loggen: de sessie, en een cookie dat uw apparaat herkent
        zodat we u kunnen waarschuwen bij inloggen vanaf een nieuw apparaat. Daarvoor is geen toestemming nodig.
      </p>

      <h2 className="nl-heading nl-heading--level-2">Uw rechten</h2>
      <p className="nl-paragraph">
        U mag uw gegevens inzien, laten verbeteren of laten verwijderen voor zover de wet dat toelaat, en bezwaar maken.
        Mail daarvoor {mail}. Bent u niet tevreden over hoe wij met uw gegevens omgaan, dan kunt u een klacht indienen
        bij de Autoriteit Persoonsgegevens.
      </p>
    </article>
  );
}
