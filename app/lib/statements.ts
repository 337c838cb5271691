// Gremium's own texts of the two statements the law asks for, shown until the beheerder writes the
// site's own (/beheer/instellingen). Keep the privacy text in step with what the code keeps: the tables
// and the clean-up jobs. `contact` is the secretariaat's address (CONTACT_EMAIL).

export function defaultAccessibilityMarkdown(contact: string) {
  return `Het samenwerkingsverband Zorg, Veiligheid en Straf Twente wil dat iedereen Gremium kan gebruiken, ook wie slecht ziet, een schermlezer gebruikt, alleen met het toetsenbord werkt of de site op een telefoon leest. Gremium moet voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, zoals het Besluit digitale toegankelijkheid overheid vraagt.

## Wat we doen

- Elke pagina wordt bij elke wijziging automatisch getoetst met axe-core op de regels van WCAG 2.1 AA.
- De pagina’s werken met alleen een toetsenbord en zonder JavaScript; alleen inloggen met een passkey vraagt JavaScript.
- Elke pagina wordt getoetst op een scherm van 320 pixels breed: niets valt weg en u hoeft niet opzij te schuiven.

## Wat nog niet voldoet

- De bestanden die Gremium maakt (de vergaderstukken als één PDF, agenda’s en besluitenlijsten als Word-bestand) zijn nog niet volledig toegankelijk: de PDF heeft geen structuur voor schermlezers. De inhoud staat altijd ook als webpagina op Gremium.
- Stukken die leden en partners aanleveren, publiceren we zoals ze zijn gemaakt; of die toegankelijk zijn, hangt af van de maker.

## Lukt iets niet?

Kunt u iets niet lezen of gebruiken, of hebt u een stuk nodig in een andere vorm? Mail het secretariaat: [${contact}](mailto:${contact}). U krijgt binnen vijf werkdagen antwoord. Bent u niet tevreden met de oplossing, dan kunt u terecht bij de Nationale ombudsman.
`;
}

export function defaultPrivacyMarkdown(contact: string) {
  const mail = `[${contact}](mailto:${contact})`;
  return `Gremium is het vergaderportaal van het samenwerkingsverband Zorg, Veiligheid en Straf Twente. Het samenwerkingsverband is verantwoordelijk voor de persoonsgegevens die het portaal verwerkt. Vragen hierover stelt u aan het secretariaat: ${mail}.

## Bezoekers

Wie de openbare pagina’s leest, laat geen gegevens achter: Gremium gebruikt geen analysediensten, geen advertenties en geen cookies van anderen. Om de site te beveiligen tegen misbruik houdt de server een korte tijd bij hoe vaak vanaf een internetadres wordt geprobeerd in te loggen of zich aan te melden.

## Leden en medewerkers met een account

- Naam, e-mailadres, organisatie, functie en het lidmaatschap van gremia: nodig om vergaderingen voor te bereiden, stukken te delen en besluiten en acties vast te leggen. Dit is een taak van algemeen belang van de deelnemende overheden (AVG artikel 6, lid 1, onder e).
- Inloggegevens: het wachtwoord alleen als onleesbare hash, eventuele tweestapsverificatie en passkeys, de sessies met apparaat en internetadres (een sessie vervalt na dertig dagen zonder gebruik), bekende apparaten en het moment van de laatste keer inloggen. Zo beveiligen we uw account en controleren we jaarlijks wie toegang heeft.
- Een logboek van wijzigingen: wie wat wanneer veranderde. Het hoort bij de archiefplicht van de overheid en wordt bewaard zolang de stukken waar het over gaat.
- Aanwezigheid bij vergaderingen en acties op uw naam: die staan in de besluitenlijsten en actielijsten, die archiefstukken zijn.

Besluiten en namen op openbare vergaderstukken worden actief openbaar gemaakt, zoals de Wet open overheid vraagt. Wat besloten is, zien alleen de leden van het gremium.

## Abonnees van de nieuwsbrief

Uw e-mailadres en, als u die opgeeft, uw naam en organisatie, met uw toestemming (AVG artikel 6, lid 1, onder a). Een aanmelding die u niet binnen zeven dagen bevestigt, telt niet. Meldt u zich af, dan verwijderen we uw gegevens; alleen een onleesbare code van uw adres blijft, zodat we u nooit opnieuw mailen zonder dat u zich opnieuw aanmeldt.

## Cookies

Gremium plaatst alleen cookies die nodig zijn om in te loggen: de sessie, en een cookie dat uw apparaat herkent zodat we u kunnen waarschuwen bij inloggen vanaf een nieuw apparaat. Daarvoor is geen toestemming nodig.

## Uw rechten

U mag uw gegevens inzien, laten verbeteren of laten verwijderen voor zover de wet dat toelaat, en bezwaar maken. Mail daarvoor ${mail}. Bent u niet tevreden over hoe wij met uw gegevens omgaan, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.
`;
}
