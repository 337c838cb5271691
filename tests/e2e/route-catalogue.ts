import { readdirSync } from "node:fs";
import { resolve } from "node:path";

// Every route file of the app with the URLs that exercise it, for the suites that must reach every
// route (the leak audit, the security headers). A new route file without an entry here fails
// `route-catalogue covers every route`, so a new page cannot slip past those checks.

export type Samples = {
  meetingId: number;
  confidentialItemId: number;
  publicItemId: number;
  decisionId: number;
  decisionReference: string;
  actionId: number;
  documentId: number;
  versionId: number;
  bodyId: number;
  bodySlug: string;
  planId: number;
  programmeSlug: string;
  objectiveNumber: number;
  editionSlug: string;
  writtenProcedureId: number;
  writtenPaperId: number;
  userId: number;
  personId: number;
  since: string;
};

/** The route files, by name without extension (the way flatRoutes reads them). */
export function routeFiles() {
  return readdirSync(resolve("app/routes"))
    .filter((name) => !name.includes(".test."))
    .map((name) => name.replace(/\.(tsx|ts)$/, ""))
    .sort();
}

export function catalogue(s: Samples): Record<string, string[]> {
  const meeting = `/vergaderingen/${s.meetingId}`;
  const api = (collection: string) =>
    `/api/v1/${collection}?gewijzigdSinds=${encodeURIComponent(s.since)}&perPagina=200`;
  return {
    $: ["/bestaat-niet"],
    _index: ["/"],
    account: ["/account"],
    mijn: ["/mijn"],
    privacy: ["/privacy"],
    toegankelijkheid: ["/toegankelijkheid"],
    volgen: ["/volgen"],
    "[.]well-known.security[.]txt": ["/.well-known/security.txt"],
    "kwetsbaarheid-melden": ["/kwetsbaarheid-melden"],
    "account_.tweestapsverificatie": ["/account/tweestapsverificatie"],
    "account_.passkeys": ["/account/passkeys"],
    "inloggen_.passkey": ["/inloggen/passkey"],
    "markdown-voorbeeld": ["/markdown-voorbeeld"],
    "vergaderingen.$id.agenda.$itemId.stukken_.bestand": [`${meeting}/agenda/${s.publicItemId}/stukken/bestand`],
    "inloggen_.verificatie": ["/inloggen/verificatie"],
    "beheer.toegang": ["/beheer/toegang"],
    "beheer.inlogmethoden": ["/beheer/inlogmethoden"],
    "beheer.inlogmethoden_.$id": ["/beheer/inlogmethoden/999999"],
    "inloggen_.sso.terug": ["/inloggen/sso/terug?state=onbekend&code=x"],
    "beheer.toegang[.]csv": ["/beheer/toegang.csv"],
    "acties.$id": [`/acties/${s.actionId}`],
    "acties._index": ["/acties"],
    "acties.mijn": ["/acties/mijn"],
    "acties.nieuw": ["/acties/nieuw"],
    "acties[.]csv": ["/acties.csv"],
    "api._index": ["/api"],
    "api.v1.$collection.$id": [
      `/api/v1/vergaderingen/${s.meetingId}`,
      `/api/v1/agendapunten/${s.confidentialItemId}`,
      `/api/v1/agendapunten/${s.publicItemId}`,
      `/api/v1/besluiten/${s.decisionId}`,
      `/api/v1/informatieobjecten/${s.documentId}`,
      `/api/v1/acties/${s.actionId}`,
    ],
    "api.v1.$collection._index": [
      "vergaderingen",
      "agendapunten",
      "besluiten",
      "informatieobjecten",
      "acties",
      "doelen",
      "gremia",
    ].map(api),
    "api.v1.openapi[.]json": ["/api/v1/openapi.json"],
    beheer: ["/beheer"],
    "beheer._index": ["/beheer"],
    "beheer.gebruikers.$id": [`/beheer/gebruikers/${s.userId}`],
    "beheer.gebruikers._index": ["/beheer/gebruikers"],
    "beheer.gebruikers.nieuw": ["/beheer/gebruikers/nieuw"],
    "beheer.gremia.$id": [`/beheer/gremia/${s.bodyId}`],
    "beheer.gremia._index": ["/beheer/gremia"],
    "beheer.gremia.nieuw": ["/beheer/gremia/nieuw"],
    "beheer.archief": ["/beheer/archief"],
    "beheer.archief[.]zip": ["/beheer/archief.zip?jaar=2026"],
    "beheer.import": ["/beheer/import"],
    "beheer.instellingen": ["/beheer/instellingen"],
    "beheer.logboek": ["/beheer/logboek"],
    "beheer.organisaties": ["/beheer/organisaties"],
    "beheer.personen.$id": [`/beheer/personen/${s.personId}`],
    "beheer.personen._index": ["/beheer/personen"],
    "beheer.personen.nieuw": ["/beheer/personen/nieuw"],
    "beheer.uitgaande-post.$file": ["/beheer/uitgaande-post/bestaat-niet.eml"],
    "beheer.uitgaande-post._index": ["/beheer/uitgaande-post"],
    "besluiten.$reference": [`/besluiten/${s.decisionReference}`],
    "besluiten._index": ["/besluiten", `/besluiten?gremium=${s.bodyId}`],
    // Reached only through the server's refusal of a cross-site post; visited directly it is a 404.
    "formulier-geweigerd": ["/formulier-geweigerd"],
    "gremia.$slug._index": [`/gremia/${s.bodySlug}`],
    "gremia.$slug.acties": [`/gremia/${s.bodySlug}/acties`],
    "gremia.$slug.planning": [`/gremia/${s.bodySlug}/planning`],
    "gremia.$slug.planning[.]docx": [`/gremia/${s.bodySlug}/planning.docx?jaar=2028`],
    "gremia.$slug.schriftelijk._index": [`/gremia/${s.bodySlug}/schriftelijk`],
    "gremia.$slug.schriftelijk.$id._index": [`/gremia/${s.bodySlug}/schriftelijk/${s.writtenProcedureId}`],
    // A link that does not (or no longer) work: the page says so, and shows nothing of the proposal.
    "gremia.$slug.schriftelijk.$id.antwoord.$token": [
      `/gremia/${s.bodySlug}/schriftelijk/${s.writtenProcedureId}/antwoord/abcdefghijklmnopqrstuvwxyz234567`,
    ],
    "gremia.$slug.schriftelijk.$id.stukken.$paperId": [
      `/gremia/${s.bodySlug}/schriftelijk/${s.writtenProcedureId}/stukken/${s.writtenPaperId}`,
      `/gremia/${s.bodySlug}/schriftelijk/${s.writtenProcedureId}/stukken/${s.writtenPaperId}?sleutel=abcdefghijklmnopqrstuvwxyz234567`,
    ],
    "gremia.$slug.sjabloon": [`/gremia/${s.bodySlug}/sjabloon`],
    "gremia.$slug.vergaderingen[.]ics": [`/gremia/${s.bodySlug}/vergaderingen.ics`],
    "gremia.$slug.vergaderschema": [`/gremia/${s.bodySlug}/vergaderschema`],
    "gremia.$slug.vergaderschema_.$seriesId": [`/gremia/${s.bodySlug}/vergaderschema/1`],
    "gremia._index": ["/gremia"],
    healthz: ["/healthz"],
    inloggen: ["/inloggen"],
    "jaarplannen.$id": [`/jaarplannen/${s.planId}`],
    "jaarplannen.$id[.]docx": [`/jaarplannen/${s.planId}.docx`],
    "jaarplannen._index": ["/jaarplannen"],
    "jaarplannen.nieuw": ["/jaarplannen/nieuw"],
    // The personal calendar feeds are read per viewer, with their own token (see the audit).
    "kalender.$token": ["/kalender/ongeldig-token"],
    "nieuwsbrief.aanmelden": ["/nieuwsbrief/aanmelden"],
    "nieuwsbrief.abonnees": ["/nieuwsbrief/abonnees"],
    "nieuwsbrief.abonnees[.]csv": ["/nieuwsbrief/abonnees.csv"],
    "nieuwsbrief.afmelden.$token": ["/nieuwsbrief/afmelden/ongeldig-token"],
    "nieuwsbrief.bevestigen.$token": ["/nieuwsbrief/bevestigen/ongeldig-token"],
    "nieuwsbrief.bijdrage.$token": ["/nieuwsbrief/bijdrage/ongeldig-token"],
    "nieuwsbrieven.$slug._index": [`/nieuwsbrieven/${s.editionSlug}`],
    "nieuwsbrieven.$slug.bewerken": [`/nieuwsbrieven/${s.editionSlug}/bewerken`],
    "nieuwsbrieven.$slug.mail": [`/nieuwsbrieven/${s.editionSlug}/mail`],
    "nieuwsbrieven._index": ["/nieuwsbrieven"],
    "nieuwsbrieven.afbeeldingen.$id": ["/nieuwsbrieven/afbeeldingen/1"],
    "nieuwsbrieven.feed[.]xml": ["/nieuwsbrieven/feed.xml"],
    "nieuwsbrieven.nieuw": ["/nieuwsbrieven/nieuw"],
    "programmas.$slug.$nummer": [`/programmas/${s.programmeSlug}/${s.objectiveNumber}`],
    "programmas.$slug._index": [`/programmas/${s.programmeSlug}`],
    "programmas.$slug.bewerken": [`/programmas/${s.programmeSlug}/bewerken`],
    "programmas._index": ["/programmas"],
    "programmas.nieuw": ["/programmas/nieuw"],
    "robots[.]txt": ["/robots.txt"],
    ...Object.fromEntries(
      ["008", "009", "010", "012", "018"].map((n) => [
        `sitemapindex-diwoo-infocat${n}[.]xml`,
        [`/sitemapindex-diwoo-infocat${n}.xml`],
      ]),
    ),
    "sitemaps.$name": ["008", "009", "010", "012", "018"].map((n) => `/sitemaps/sitemap-diwoo-infocat${n}-1.xml`),
    "stukken.$versionId._index": [`/stukken/${s.versionId}`],
    "stukken.$versionId.tekst": [`/stukken/${s.versionId}/tekst`],
    "stukken.$versionId.bestand": [`/stukken/${s.versionId}/bestand`],
    uitloggen: ["/uitloggen"],
    "vergaderingen.$id._index": [meeting, `${meeting}?weergave=publiek`],
    "vergaderingen.$id.aanwezigheid": [`${meeting}/aanwezigheid`],
    "vergaderingen.$id.actielijst": [`${meeting}/actielijst`],
    "vergaderingen.$id.afdrukken": [`${meeting}/afdrukken`],
    "vergaderingen.$id.agenda.$itemId._index": [
      `${meeting}/agenda/${s.confidentialItemId}`,
      `${meeting}/agenda/${s.publicItemId}`,
    ],
    "vergaderingen.$id.agenda.$itemId.stukken": [`${meeting}/agenda/${s.publicItemId}/stukken`],
    "vergaderingen.$id.agenda._index": [`${meeting}/agenda`],
    "vergaderingen.$id.agenda[.]docx": [`${meeting}/agenda.docx`],
    "vergaderingen.$id.agenda[.]pdf": [`${meeting}/agenda.pdf`],
    "vergaderingen.$id.besluiten": [`${meeting}/besluiten`],
    "vergaderingen.$id.besluitenlijst": [`${meeting}/besluitenlijst`],
    "vergaderingen.$id.besluitenlijst[.]docx": [`${meeting}/besluitenlijst.docx`],
    "vergaderingen.$id.besluitenlijst[.]pdf": [`${meeting}/besluitenlijst.pdf`],
    "vergaderingen.$id.bewerken": [`${meeting}/bewerken`],
    "vergaderingen.$id.live": [`${meeting}/live`],
    "vergaderingen.$id.live_.stream": [`${meeting}/live/stream`],
    "vergaderingen.$id.notities": [`${meeting}/notities`],
    "vergaderingen.$id.vergadermodus": [`${meeting}/vergadermodus`],
    "vergaderingen.$id.vergadermodus_.opslaan": [`${meeting}/vergadermodus/opslaan`],
    "vergaderingen.$id.stukken": [`${meeting}/stukken`],
    "vergaderingen.$id.stukken[.]pdf": [`${meeting}/stukken.pdf`, `${meeting}/stukken.pdf?weergave=publiek`],
    "vergaderingen._index": ["/vergaderingen", "/vergaderingen?jaar=2028"],
    "vergaderingen.nieuw": ["/vergaderingen/nieuw"],
    "vergaderingen[.]ics": ["/vergaderingen.ics"],
    vergaderschema: ["/vergaderschema"],
    woo: ["/woo"],
    zoeken: ["/zoeken?q=LEK", "/zoeken?q=LEK&pagina=2"],
    "wachtwoord-vergeten": ["/wachtwoord-vergeten"],
    // An unknown token gets the page that says the link is no longer valid.
    "wachtwoord-instellen.$token": ["/wachtwoord-instellen/ongeldigetokenvanmeerdantwintigtekens"],
  };
}
