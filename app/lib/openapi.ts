// The OpenAPI 3.1 description of /api/v1: the ODS Open Raadsinformatie resources (vergaderingen,
// agendapunten, besluiten, informatieobjecten, gremia) and Gremium's extension for acties and doelen.

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const uri = { type: "string", format: "uri" } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const id = { type: "integer", minimum: 1 } as const;

function object(properties: Record<string, unknown>, description: string) {
  return { type: "object", description, additionalProperties: false, required: Object.keys(properties), properties };
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

const schemas = {
  Vergadering: object(
    {
      id,
      url: uri,
      webpagina: uri,
      naam: str,
      gremium: object({ id, naam: str, url: uri }, "Het gremium dat vergadert."),
      datum: { type: "string", format: "date" },
      aanvang: { type: "string", pattern: "^\\d{2}:\\d{2}$" },
      einde: { type: "string", pattern: "^\\d{2}:\\d{2}$" },
      locatie: str,
      status: { type: "string", enum: ["gepland", "gehouden", "geannuleerd"] },
      agendapunten: { type: "array", items: uri },
      gewijzigd: dateTime,
    },
    "ODS Vergadering.",
  ),
  Agendapunt: object(
    {
      id,
      url: uri,
      vergadering: uri,
      volgnummer: str,
      titel: str,
      omschrijving: str,
      indicatieHamerstuk: { type: "boolean" },
      indicatorBesloten: { type: "boolean", const: false },
      informatieobjecten: { type: "array", items: uri },
      gewijzigd: dateTime,
    },
    "ODS Agendapunt. Besloten agendapunten staan niet in de API.",
  ),
  Besluit: object(
    {
      id,
      url: uri,
      webpagina: uri,
      kenmerk: str,
      agendapunt: uri,
      besluitresultaat: str,
      toelichting: str,
      toezegging: {
        type: "array",
        items: object({ omschrijving: str, actie: uri }, "Een toezegging en de actie die ervan is gemaakt."),
      },
      vastgesteldOp: {
        type: ["string", "null"],
        format: "date",
        description: "De dag waarop de besluitenlijst is vastgesteld: die van de vaststellende vergadering.",
      },
      gewijzigd: dateTime,
    },
    "ODS Besluit.",
  ),
  Informatieobject: object(
    {
      id,
      url: uri,
      titel: str,
      agendapunt: uri,
      bestandsnaam: nullableStr,
      mediatype: str,
      grootte: { type: ["integer", "null"] },
      inhoud: uri,
      gewijzigd: dateTime,
    },
    "ODS Informatieobject: een stuk bij een agendapunt.",
  ),
  Gremium: object(
    {
      id,
      url: uri,
      webpagina: uri,
      naam: str,
      afkorting: nullableStr,
      soort: { type: "string", enum: ["stuurgroep", "expertgroep", "themagroep", "bestuur", "overleg"] },
      actiefVan: { type: "string", format: "date" },
      actiefTot: { type: ["string", "null"], format: "date" },
      gewijzigd: dateTime,
    },
    "ODS Gremium (orgaan).",
  ),
  Actie: object(
    {
      id,
      url: uri,
      omschrijving: str,
      organisatie: nullableStr,
      status: { type: "string", enum: ["Open", "In uitvoering", "Afgerond", "Vervallen"] },
      termijn: { type: ["string", "null"], format: "date" },
      gesloten: {
        type: ["string", "null"],
        format: "date",
        description: "De dag waarop de actie is afgerond of vervallen.",
      },
      besluit: { type: ["string", "null"], format: "uri" },
      gewijzigd: dateTime,
    },
    "Uitbreiding: een actie.",
  ),
  Doel: object(
    {
      id,
      url: uri,
      webpagina: uri,
      programma: str,
      nummer: { type: "string", description: "Zoals het programma nummert: 7, of 7a onder 7.", example: "7a" },
      titel: str,
      status: { type: "string", enum: ["Op koers", "Aandacht nodig", "Achter", "Afgerond", "Geen status"] },
      focusVan: { type: ["integer", "null"], description: "Eerste focusjaar." },
      focusTot: { type: ["integer", "null"], description: "Laatste focusjaar." },
      periode: nullableStr,
      gewijzigd: dateTime,
    },
    "Uitbreiding: een opgave of ambitie van een programma.",
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

const listOf = (schema: string) => ({
  type: "object",
  additionalProperties: false,
  required: ["aantal", "volgende", "vorige", "resultaten"],
  properties: {
    aantal: { type: "integer", minimum: 0 },
    volgende: { type: ["string", "null"], format: "uri" },
    vorige: { type: ["string", "null"], format: "uri" },
    resultaten: { type: "array", items: { $ref: `#/components/schemas/${schema}` } },
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
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
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
      version: "1.0.0",
      description:
        "Openbare vergaderinformatie van het samenwerkingsverband Zorg, Veiligheid en Straf Twente, volgens het VNG-model ODS Open Raadsinformatie, met een uitbreiding voor acties en doelen. Alleen gepubliceerde, openbare en vastgestelde inhoud.",
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
