import { collectionFilters } from "./ods/filters";

// The OpenAPI 3.1 description of /api/v1: the resources of the VNG standard ODS Open Raadsinformatie
// 2.0 (vergaderingen, agendapunten, besluiten, informatieobjecten) in the standard's own shape, and
// Gremium's extension collections gremia, acties and doelen. Properties the standard does not have
// are marked "x-uitbreiding"; "x-ods-schema" names the standard's component schema a record meets.

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const uri = { type: "string", format: "uri" } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const date = { type: "string", format: "date" } as const;
const id = {
  type: "string",
  pattern: "^[1-9][0-9]*$",
  maxLength: 40,
  description: "Unieke id (tekst, zoals de standaard).",
};
const max = (maxLength: number, description?: string) => ({
  type: "string",
  maxLength,
  ...(description ? { description } : {}),
});
const reference = (description: string) => ({
  type: "object",
  description,
  additionalProperties: false,
  required: ["id", "url"],
  properties: { id, url: uri },
});

/** A property that the ODS standard does not have: marked, and described for the reader. */
const extension = (schema: Record<string, unknown>, description: string) => ({
  ...schema,
  description: `Uitbreiding op de standaard: ${description}`,
  "x-uitbreiding": true,
});

/** The whole texts of fields that the standard caps shorter than Gremium keeps them. */
const wholeTexts = (fields: string[]) =>
  extension(
    {
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(fields.map((f) => [f, str])),
    },
    "alleen aanwezig als een tekst voor de standaard is ingekort (met …); hier staat dan de volledige tekst, onder dezelfde naam.",
  );

function object(
  properties: Record<string, unknown>,
  description: string,
  { optional = [], odsSchema }: { optional?: string[]; odsSchema?: string } = {},
) {
  return {
    type: "object",
    description,
    ...(odsSchema ? { "x-ods-schema": odsSchema } : {}),
    additionalProperties: false,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    properties,
  };
}

export const collections = {
  vergaderingen: {
    schema: "Vergadering",
    title: "Vergaderingen",
    description: "Openbare, gepubliceerde vergaderingen van de gremia.",
  },
  agendapunten: {
    schema: "Agendapunt",
    title: "Agendapunten",
    description: "De openbare agendapunten van die vergaderingen.",
  },
  besluiten: {
    schema: "Besluit",
    title: "Besluiten",
    description: "Openbare besluiten uit vastgestelde besluitenlijsten, met hun toezeggingen.",
  },
  informatieobjecten: {
    schema: "Informatieobject",
    title: "Informatieobjecten",
    description: "Openbare stukken bij openbare agendapunten.",
  },
  gremia: { schema: "Gremium", title: "Gremia", description: "De gremia van het samenwerkingsverband." },
  acties: {
    schema: "Actie",
    title: "Acties (uitbreiding)",
    description: "Uitbreiding op de standaard: acties uit openbare, vastgestelde besluiten, zonder namen of notities.",
  },
  doelen: {
    schema: "Doel",
    title: "Doelen (uitbreiding)",
    description: "Uitbreiding op de standaard: de opgaven en ambities van de programma's, met hun status.",
  },
} as const;

const gewijzigd = extension(dateTime, "het moment van de laatste wijziging, waarop gewijzigdSinds filtert.");
const webpagina = extension(uri, "de pagina van dit record op de website.");

const schemas = {
  Vergadering: object(
    {
      url: uri,
      id,
      naam: max(100),
      vergaderingstype: {
        type: "string",
        enum: [
          "raadsvergadering",
          "commissievergadering",
          "presidium",
          "statenvergadering",
          "algemene_bestuursvergadering",
        ],
        description:
          "Een algemeen bestuur vergadert als algemene_bestuursvergadering, elk ander gremium als commissievergadering; de soort van het gremium staat in gremium.soort.",
      },
      status: { type: "string", enum: ["gepland", "gehouden", "geannuleerd"] },
      vergaderdatum: date,
      aanvangVergadering: dateTime,
      eindeVergadering: dateTime,
      geplandeVergaderdatum: date,
      geplandeAanvangVergadering: dateTime,
      geplandeEindeVergadering: dateTime,
      locatie: max(100),
      georganiseerdDoorGremium: object(
        { gremiumidentificatie: max(10), gremiumnaam: max(100) },
        "Het gremium dat vergadert, als in de standaard.",
        { odsSchema: "Gremium" },
      ),
      agendapunten: { type: "array", items: uri, uniqueItems: true },
      wijzigingsdatum: date,
      webpagina,
      gremium: extension(
        object(
          {
            id,
            url: uri,
            naam: str,
            soort: { type: "string", enum: ["stuurgroep", "expertgroep", "themagroep", "bestuur", "overleg"] },
          },
          "Het gremium.",
        ),
        "het gremium in /api/v1/gremia, met zijn volledige naam en soort.",
      ),
      gewijzigd,
      volledigeTekst: wholeTexts(["naam", "locatie"]),
    },
    "ODS Vergadering.",
    { optional: ["volledigeTekst"], odsSchema: "Vergadering" },
  ),
  Agendapunt: object(
    {
      url: uri,
      id,
      vergadering: reference("De vergadering waar dit agendapunt behandeld wordt."),
      agendapuntKenmerk: max(20, "Het nummer op de agenda: 1, A1, B3."),
      agendapuntvolgnummer: max(3, "De plaats op de agenda, vanaf 1."),
      agendapuntTitel: { type: "string", minLength: 1, maxLength: 100 },
      agendapuntOmschrijving: { type: "string", description: "Het voorstel, in Markdown." },
      indicatieHamerstuk: { type: "boolean" },
      indicatorBesloten: { type: "boolean", const: false, description: "Besloten agendapunten staan niet in de API." },
      informatieobjecten: { type: "array", items: uri, uniqueItems: true },
      webpagina,
      gewijzigd,
      volledigeTekst: wholeTexts(["agendapuntTitel"]),
    },
    "ODS Agendapunt. Besloten agendapunten staan niet in de API.",
    { optional: ["volledigeTekst"], odsSchema: "Agendapunt" },
  ),
  Besluit: object(
    {
      url: uri,
      id,
      besluitresultaat: max(200),
      besluittoelichting: max(200, "De besluittekst als platte tekst, zo nodig ingekort; volledig in besluittekst."),
      toezegging: max(500, "De toezeggingen, met ; gescheiden, zo nodig ingekort; volledig in toezeggingen."),
      webpagina,
      kenmerk: extension(str, "het kenmerk van het besluit, zoals SG-2026-14."),
      agendapunt: extension(reference("Het agendapunt."), "het agendapunt waarbij het besluit is genomen."),
      besluittekst: extension(str, "de volledige besluittekst, in Markdown."),
      toezeggingen: extension(
        {
          type: "array",
          items: object(
            { omschrijving: str, actie: reference("De actie in /api/v1/acties.") },
            "Een toezegging en de actie die ervan is gemaakt.",
          ),
        },
        "elke toezegging bij het besluit, met de actie die ervan is gemaakt.",
      ),
      vastgesteldOp: extension(
        { type: ["string", "null"], format: "date" },
        "de dag waarop de besluitenlijst is vastgesteld: die van de vaststellende vergadering.",
      ),
      gewijzigd,
    },
    "ODS Besluit: een besluit uit een vastgestelde besluitenlijst.",
    { optional: ["besluittoelichting", "toezegging"], odsSchema: "Besluit" },
  ),
  Informatieobject: object(
    {
      url: uri,
      id,
      titel: max(200),
      informatieobjecttype: { type: "string", enum: ["besluitvormingsstuk"] },
      link: { ...uri, description: "Het adres van de inhoud (de huidige versie)." },
      taal: { type: "string", const: "dut", description: "Nederlands (ISO 639-2/B)." },
      versie: max(5),
      creatiedatum: { ...date, description: "De dag waarop de huidige versie is toegevoegd." },
      agendapunten: { type: "array", items: reference("Een agendapunt."), uniqueItems: true },
      vergaderingen: { type: "array", items: reference("Een vergadering."), uniqueItems: true },
      vertrouwelijkheidsaanduiding: { type: "string", const: "openbaar" },
      bestandsnaam: extension(nullableStr, "de bestandsnaam; leeg bij een geschreven notitie."),
      mediatype: extension(str, "het mediatype van de inhoud."),
      grootte: extension({ type: ["integer", "null"] }, "de grootte in bytes."),
      advies: extension({ type: "boolean" }, "of het stuk een advies is (Woo-categorie adviezen)."),
      gewijzigd,
      volledigeTekst: wholeTexts(["titel"]),
    },
    "ODS InformatieObject: een openbaar stuk bij een agendapunt.",
    { optional: ["volledigeTekst"], odsSchema: "InformatieObject" },
  ),
  Gremium: object(
    {
      url: extension(uri, "het adres van dit record."),
      id: extension(id, "de id van het gremium."),
      gremiumidentificatie: max(10),
      gremiumnaam: max(100),
      webpagina,
      naam: extension(str, "de volledige naam."),
      afkorting: extension(nullableStr, "de afkorting of korte naam."),
      soort: extension(
        { type: "string", enum: ["stuurgroep", "expertgroep", "themagroep", "bestuur", "overleg"] },
        "de soort gremium.",
      ),
      vergaderingstype: extension(
        {
          type: "string",
          enum: ["commissievergadering", "algemene_bestuursvergadering"],
        },
        "het vergaderingstype van zijn vergaderingen.",
      ),
      actiefVan: extension(date, "de dag waarop het gremium begon."),
      actiefTot: extension({ type: ["string", "null"], format: "date" }, "de dag waarop het ophield, of leeg."),
      gewijzigd,
    },
    "Uitbreiding op de standaard (die gremia alleen als referentielijst kent): de gremia van het samenwerkingsverband.",
    { odsSchema: "Gremium" },
  ),
  Actie: object(
    {
      url: uri,
      id,
      omschrijving: str,
      organisatie: nullableStr,
      status: { type: "string", enum: ["Open", "In uitvoering", "Afgerond", "Vervallen"] },
      termijn: { type: ["string", "null"], format: "date" },
      gesloten: {
        type: ["string", "null"],
        format: "date",
        description: "De dag waarop de actie is afgerond of vervallen.",
      },
      besluit: { oneOf: [reference("Het besluit waaruit de actie voortkomt."), { type: "null" }] },
      gewijzigd,
    },
    "Uitbreiding op de standaard: een actie.",
  ),
  Doel: object(
    {
      url: uri,
      id,
      webpagina,
      programma: str,
      nummer: { type: "string", description: "Zoals het programma nummert: 7, of 7a onder 7.", example: "7a" },
      titel: str,
      status: { type: "string", enum: ["Op koers", "Aandacht nodig", "Achter", "Afgerond", "Geen status"] },
      focusVan: { type: ["integer", "null"], description: "Eerste focusjaar." },
      focusTot: { type: ["integer", "null"], description: "Laatste focusjaar." },
      periode: nullableStr,
      gewijzigd,
    },
    "Uitbreiding op de standaard: een opgave of ambitie van een programma.",
  ),
  Probleem: {
    type: "object",
    description: "Een foutmelding volgens RFC 9457.",
    required: ["type", "title", "status", "detail"],
    properties: {
      type: uri,
      title: str,
      status: { type: "integer" },
      detail: str,
      "invalid-params": {
        type: "array",
        items: { type: "object", required: ["name", "reason"], properties: { name: str, reason: str } },
      },
    },
  },
};

/** A page in the standard's shape (PaginatedBasis: next, previous, results), with count as an extension. */
const listOf = (schema: string) => ({
  type: "object",
  additionalProperties: false,
  required: ["count", "next", "previous", "results"],
  properties: {
    count: extension({ type: "integer", minimum: 0 }, "het aantal records over alle pagina's."),
    next: { type: ["string", "null"], format: "uri" },
    previous: { type: ["string", "null"], format: "uri" },
    results: { type: "array", items: { $ref: `#/components/schemas/${schema}` } },
  },
});

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Probleem" } } },
});

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, unknown> = {};
  for (const [name, c] of Object.entries(collections)) {
    paths[`/${name}`] = {
      get: {
        summary: c.title,
        description: c.description,
        operationId: `lijst_${name}`,
        parameters: [
          { name: "pagina", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "perPagina", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          {
            name: "gewijzigdSinds",
            in: "query",
            description: "Alleen records die op of na dit moment zijn gewijzigd (ISO 8601), voor incrementeel ophalen.",
            schema: { type: "string" },
          },
          ...Object.entries(collectionFilters[name] ?? {}).map(([filter, spec]) => ({
            name: filter,
            in: "query",
            description: `${spec.description} Een parameter van de standaard.`,
            schema: spec.schema,
          })),
        ],
        responses: {
          "200": {
            description: "Een pagina resultaten.",
            content: { "application/json": { schema: { $ref: `#/components/schemas/Lijst${c.schema}` } } },
          },
          "304": { description: "Niet gewijzigd sinds de meegegeven ETag." },
          "400": problemResponse("Een ongeldige parameter."),
        },
      },
    };
    paths[`/${name}/{id}`] = {
      get: {
        summary: `Eén ${c.schema.toLowerCase()}`,
        operationId: `een_${name}`,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[1-9][0-9]*$" } }],
        responses: {
          "200": {
            description: c.schema,
            content: { "application/json": { schema: { $ref: `#/components/schemas/${c.schema}` } } },
          },
          "304": { description: "Niet gewijzigd sinds de meegegeven ETag." },
          "404": problemResponse("Bestaat niet of is niet openbaar."),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Gremium open data",
      version: "2.0.0",
      description:
        "Openbare vergaderinformatie van het samenwerkingsverband Zorg, Veiligheid en Straf Twente, volgens de VNG-standaard ODS Open Raadsinformatie 2.0 (vergaderingen, agendapunten, besluiten en informatieobjecten in de vorm van de standaard), met uitbreidingen: verzamelingen voor gremia, acties en doelen, en eigenschappen gemarkeerd met x-uitbreiding. Alleen gepubliceerde, openbare en vastgestelde inhoud.",
      "x-standaard": {
        naam: "ODS Open Raadsinformatie",
        versie: "2.0.0-beta.4",
        url: "https://github.com/VNG-Realisatie/ODS-Open-Raadsinformatie",
      },
      license: { name: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    paths,
    components: {
      schemas: {
        ...schemas,
        ...Object.fromEntries(Object.values(collections).map((c) => [`Lijst${c.schema}`, listOf(c.schema)])),
      },
    },
  };
}
