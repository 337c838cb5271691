import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDemoCorpus } from "../../app/content/import.server";
import { getDb } from "../../app/lib/db.server";
import { makeBody, makeViewer } from "../factories";
import { odsProblems, odsSchemas } from "../standards/ods";
import { reloadEnv } from "../../app/lib/env.server";
import { openApiDocument } from "../../app/lib/openapi";
import { addAgendaItem } from "../../app/models/agenda.server";
import { recordDecision } from "../../app/models/decisions.server";
import { addDocument } from "../../app/models/documents.server";
import { createMeeting, getMeeting, publishAgenda } from "../../app/models/meetings.server";
import { loader as itemLoader } from "../../app/routes/api.v1.$collection.$id";
import { loader as listLoader } from "../../app/routes/api.v1.$collection._index";

const BASE = "https://gremium.example";
const document = openApiDocument(BASE);

// Two independent checks on every response, both by Ajv: against the component schemas of the ODS
// standard itself (its names, types, formats, lengths, enumerations, pagination), and against
// Gremium's own OpenAPI document, which allows no property it does not describe.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "doc", components: document.components });
const validate = (schema: string, body: unknown) => {
  const check = ajv.compile({ $ref: `doc#/components/schemas/${schema}` });
  expect(check(body), JSON.stringify(check.errors)).toBe(true);
};
const schemas = document.components.schemas as Record<string, any>;

// The standard's list schema of each collection; the extension collections page as the standard does.
const standardList: Record<string, string> = {
  vergaderingen: "PaginatedVergaderingList",
  agendapunten: "PaginatedAgendapuntList",
  besluiten: "PaginatedBesluitList",
  informatieobjecten: "PaginatedInformatieObjectList",
  gremia: "PaginatedBasis",
  acties: "PaginatedBasis",
  doelen: "PaginatedBasis",
};
const ownSchema: Record<string, string> = {
  vergaderingen: "Vergadering",
  agendapunten: "Agendapunt",
  besluiten: "Besluit",
  informatieobjecten: "Informatieobject",
  gremia: "Gremium",
  acties: "Actie",
  doelen: "Doel",
};

/** A list response checked against the standard (the page, and each record by its x-ods-schema) and our document. */
function expectConformingList(name: string, body: any) {
  expect(odsProblems(standardList[name]!, body), name).toEqual([]);
  const odsSchema = schemas[ownSchema[name]!]["x-ods-schema"];
  if (odsSchema) for (const record of body.results) expect(odsProblems(odsSchema, record), name).toEqual([]);
  validate(`Lijst${ownSchema[name]}`, body);
}

// The requests come to another address than the site's: every link must still use PUBLIC_URL.
const REQUESTED = "http://127.0.0.1:3000";
beforeEach(() => {
  process.env.PUBLIC_URL = BASE;
  reloadEnv();
});
afterEach(() => {
  delete process.env.PUBLIC_URL;
  reloadEnv();
});

const list = async (name: string, query = "", headers: Record<string, string> = {}) =>
  listLoader({
    request: new Request(`${REQUESTED}/api/v1/${name}${query}`, {
      headers: { "x-forwarded-host": "evil.example", ...headers },
    }),
    params: { collection: name },
    context: {},
  });
const one = async (name: string, id: number) =>
  itemLoader({
    request: new Request(`${REQUESTED}/api/v1/${name}/${id}`, { headers: { "x-forwarded-host": "evil.example" } }),
    params: { collection: name, id: String(id) },
    context: {},
  });

async function publicMeetingWithAdoptedList() {
  const body = makeBody({ kind: "bestuur", name: "Algemeen bestuur", code: "AB", wooFooting: "algemeen-bestuur" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const plan = (date: string) => {
    const { id } = createMeeting({
      viewer: secretary,
      input: { bodyId: body.id, date, startTime: "10:00", endTime: "11:30", location: "Twentehuis", isPublic: true },
    });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    return id;
  };
  const meetingId = plan("2026-06-10");
  const item = (subject: string, isConfidential = false) =>
    addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject, proposalMarkdown: "1. Vast te stellen.", isConfidential },
    }).id;
  const open = item("Kader organisatieontwikkeling");
  const closedItem = item("Personele zaken", true);
  const publicDecision = recordDecision({
    viewer: secretary,
    agendaItemId: open,
    input: {
      outcome: "conform",
      textMarkdown: "Kader vastgesteld.",
      discussionMarkdown: "",
      isConfidential: false,
      commitments: [
        {
          description: "Evaluatie na een jaar",
          organisationId: null,
          personId: secretary.personId,
          dueOn: "2030-06-10",
        },
      ],
    },
    now: Date.parse("2026-06-10T10:00:00Z"),
  });
  const closedDecision = recordDecision({
    viewer: secretary,
    agendaItemId: closedItem,
    input: {
      outcome: "anders",
      textMarkdown: "Afspraak gemaakt.",
      discussionMarkdown: "",
      isConfidential: false,
      commitments: [],
    },
  });
  addDocument({
    viewer: secretary,
    agendaItemId: open,
    title: "Kader",
    isConfidential: false,
    content: { markdown: "Het kader." },
  });
  addDocument({
    viewer: secretary,
    agendaItemId: closedItem,
    title: "Geheim",
    isConfidential: true,
    content: { markdown: "x" },
  });
  const next = plan("2026-09-09");
  const a1 = getMeeting({ viewer: secretary, id: next })!
    .sections.flatMap((s) => s.items)
    .find((i) => i.adoptsMeetingId)!;
  recordDecision({
    viewer: secretary,
    agendaItemId: a1.id,
    input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
  });
  return { secretary, meetingId, publicDecision, closedDecision, body };
}

describe("the open-data API", () => {
  it("is described by a valid OpenAPI document", async () => {
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("marks every property the standard does not have as an extension, and describes it", () => {
    const check = (schema: any, odsName: string | undefined, path: string) => {
      const standardProperties = odsName ? Object.keys(odsSchemas[odsName]!.properties ?? {}) : [];
      for (const [property, definition] of Object.entries<any>(schema.properties)) {
        const where = `${path}.${property}`;
        if (!standardProperties.includes(property) && odsName) {
          expect(definition["x-uitbreiding"], where).toBe(true);
          expect(definition.description, where).toMatch(/^Uitbreiding op de standaard: /);
        }
        if (definition["x-ods-schema"]) check(definition, definition["x-ods-schema"], where);
      }
    };
    for (const name of ["Vergadering", "Agendapunt", "Besluit", "Informatieobject", "Gremium"])
      check(schemas[name], schemas[name]["x-ods-schema"], name);
    // The standard's own schemas name these, so a client built for it finds them.
    expect(schemas.Vergadering["x-ods-schema"]).toBe("Vergadering");
    expect(odsSchemas.Vergadering!.properties).toHaveProperty("vergaderingstype");
  });

  it("serves every collection in the standard's shape, with only public, adopted content", async () => {
    const { meetingId, publicDecision, closedDecision } = await publicMeetingWithAdoptedList();
    const bodies: Record<string, any> = {};
    for (const name of Object.keys(standardList)) {
      const response = await list(name);
      expect(response.status, name).toBe(200);
      bodies[name] = await response.json();
      expectConformingList(name, bodies[name]);
    }
    const meeting = bodies.vergaderingen.results.find((m: any) => m.id === String(meetingId));
    expect(meeting).toMatchObject({
      url: `${BASE}/api/v1/vergaderingen/${meetingId}`,
      vergaderingstype: "algemene_bestuursvergadering",
      vergaderdatum: "2026-06-10",
      aanvangVergadering: "2026-06-10T08:00:00.000Z",
      eindeVergadering: "2026-06-10T09:30:00.000Z",
      status: "gepland",
      georganiseerdDoorGremium: { gremiumnaam: "Algemeen bestuur" },
    });
    const items = bodies.agendapunten.results.filter((i: any) => i.vergadering.id === String(meetingId));
    expect(items.map((i: any) => i.agendapuntTitel)).not.toContain("Personele zaken");
    const framework = items.find((i: any) => i.agendapuntTitel === "Kader organisatieontwikkeling");
    // Its number and its place count the whole agenda: the opening items before it.
    expect(framework).toMatchObject({ agendapuntKenmerk: "B1", indicatorBesloten: false });
    expect(Number(framework.agendapuntvolgnummer)).toBeGreaterThan(1);
    const decision = bodies.besluiten.results.find((d: any) => d.kenmerk === publicDecision.reference);
    expect(decision).toMatchObject({
      id: String(publicDecision.id),
      besluitresultaat: "Conform voorstel",
      besluittoelichting: "Kader vastgesteld.",
      toezegging: "Evaluatie na een jaar",
      agendapunt: { id: framework.id, url: framework.url },
    });
    expect(decision.toezeggingen[0].omschrijving).toBe("Evaluatie na een jaar");
    expect(bodies.besluiten.results.map((d: any) => d.kenmerk)).not.toContain(closedDecision.reference);
    expect(bodies.informatieobjecten.results).toEqual([
      expect.objectContaining({
        titel: "Kader",
        informatieobjecttype: "besluitvormingsstuk",
        taal: "dut",
        versie: "1",
        agendapunten: [{ id: framework.id, url: framework.url }],
        vergaderingen: [{ id: String(meetingId), url: meeting.url }],
      }),
    ]);
    expect(bodies.acties.results.map((a: any) => a.omschrijving)).toEqual(["Evaluatie na een jaar"]);
    expect(JSON.stringify(bodies)).not.toContain("Afspraak gemaakt");
    expect(JSON.stringify(bodies)).not.toContain("Geheim");

    for (const [name, record] of [
      ["vergaderingen", meeting],
      ["besluiten", decision],
    ] as const) {
      const single = await (await one(name, Number(record.id))).json();
      expect(single).toEqual(record);
      expect(odsProblems(schemas[ownSchema[name]!]["x-ods-schema"], single)).toEqual([]);
      validate(ownSchema[name]!, single);
    }
    const hidden = await one("besluiten", closedDecision.id);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get("content-type")).toContain("application/problem+json");
    validate("Probleem", await hidden.json());
  });

  it("lets a harvester built for the standard read the whole demo, page by page and record by record", async () => {
    await importDemoCorpus(getDb(), { contentDir: resolve("content"), demoPassword: "x-x-x-x-x-x" });
    for (const name of Object.keys(standardList)) {
      let query: string | null = "?perPagina=7";
      const seen: any[] = [];
      while (query) {
        const response = await list(name, query);
        expect(response.status, `${name}${query}`).toBe(200);
        const page = await response.json();
        expectConformingList(name, page);
        seen.push(...page.results);
        query = page.next ? new URL(page.next).search : null;
        if (!query) expect(seen).toHaveLength(page.count);
      }
      expect(seen.length, name).toBeGreaterThan(0);
      for (const record of seen) {
        const single = await (await one(name, Number(record.id))).json();
        expect(single, `${name} ${record.id}`).toEqual(record);
        expect(record.url).toBe(`${BASE}/api/v1/${name}/${record.id}`);
      }
    }
  });

  it("fits texts the standard caps shorter, and gives the whole text beside them", async () => {
    const body = makeBody({ name: "Werkgroep" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const location = `Twentehuis, ${"grote vergaderzaal op de derde verdieping ".repeat(3)}`.trim();
    const { id } = createMeeting({
      viewer: secretary,
      input: { bodyId: body.id, date: "2026-06-11", startTime: "10:00", endTime: "11:00", location, isPublic: true },
    });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    const subject = `Evaluatie van ${"de samenwerking tussen zorg, veiligheid en straf ".repeat(3)}`.trim();
    addAgendaItem({
      viewer: secretary,
      meetingId: id,
      input: { section: "B", subject, proposalMarkdown: "", isConfidential: false },
    });

    const meetings = await (await list("vergaderingen", `?vergaderdatum=2026-06-11`)).json();
    expectConformingList("vergaderingen", meetings);
    expect(meetings.results).toHaveLength(1);
    const meeting = meetings.results[0];
    expect(meeting.vergaderingstype).toBe("commissievergadering");
    expect(meeting.locatie.length).toBeLessThanOrEqual(100);
    expect(meeting.locatie).toMatch(/^Twentehuis, grote vergaderzaal .*…$/);
    expect(meeting.volledigeTekst).toEqual({ locatie: location });

    const items = await (await list("agendapunten", `?vergaderingsIdentificatie=${id}`)).json();
    expectConformingList("agendapunten", items);
    const item = items.results.find((i: any) => i.volledigeTekst);
    expect(item.agendapuntTitel).toMatch(/^Evaluatie van de samenwerking .*…$/);
    expect(item.agendapuntTitel.length).toBeLessThanOrEqual(100);
    expect(item.volledigeTekst).toEqual({ agendapuntTitel: subject });
    // A record whose texts fit has no volledigeTekst at all.
    expect(items.results.filter((i: any) => i.volledigeTekst)).toHaveLength(1);
  });

  it("filters by the standard's own parameters", async () => {
    const { meetingId } = await publicMeetingWithAdoptedList();
    const ids = async (query: string) =>
      ((await (await list("vergaderingen", query)).json()).results as any[]).map((m) => Number(m.id));
    expect(await ids("?vergaderingstype=algemene_bestuursvergadering")).toContain(meetingId);
    expect(await ids("?vergaderingstype=commissievergadering")).not.toContain(meetingId);
    expect(await ids("?vergaderingstype=raadsvergadering")).toEqual([]);
    expect(await ids("?vergaderdatum=2026-06-10")).toEqual([meetingId]);
    expect(await ids("?status=gehouden")).not.toContain(meetingId);
    expect(await ids("?status=gepland&vergaderdatum=2026-06-10")).toEqual([meetingId]);
    const items = await (await list("agendapunten", `?vergaderingsIdentificatie=${meetingId}`)).json();
    expect(items.results.every((i: any) => i.vergadering.id === String(meetingId))).toBe(true);
    expect(items.count).toBeGreaterThan(0);
    const papers = await (await list("informatieobjecten", `?vergaderingsIdentificatie=${meetingId}`)).json();
    expect(papers.results.map((d: any) => d.titel)).toEqual(["Kader"]);
    const none = await (await list("informatieobjecten", `?vergaderingsIdentificatie=${meetingId + 1}`)).json();
    expect(none).toMatchObject({ count: 0, results: [] });

    for (const [name, query, param] of [
      ["vergaderingen", "?vergaderingstype=dagelijks", "vergaderingstype"],
      ["vergaderingen", "?vergaderdatum=10-06-2026", "vergaderdatum"],
      ["agendapunten", "?vergaderingsIdentificatie=abc", "vergaderingsIdentificatie"],
      ["besluiten", "?gemeentecode=0153", "gemeentecode"],
      ["besluiten", "?status=gepland", "status"],
    ] as const) {
      const response = await list(name, query);
      expect(response.status, query).toBe(400);
      const problem = await response.json();
      validate("Probleem", problem);
      expect(problem["invalid-params"].map((p: any) => p.name)).toEqual([param]);
    }
    const region = await (await list("vergaderingen", "?gemeentecode=0153")).json();
    expect(region["invalid-params"][0].reason).toMatch(/niet in per gemeente/);
  });

  it("pages with links and syncs incrementally by gewijzigdSinds", async () => {
    await publicMeetingWithAdoptedList();
    const first = await (await list("agendapunten", "?perPagina=1")).json();
    expect(first.results).toHaveLength(1);
    expect(first.next).toBe(`${BASE}/api/v1/agendapunten?perPagina=1&pagina=2`);
    expect(first.previous).toBeNull();
    const second = await (await list("agendapunten", "?perPagina=1&pagina=2")).json();
    expect(second.previous).toBe(`${BASE}/api/v1/agendapunten?perPagina=1&pagina=1`);
    expect(second.results[0].id).not.toBe(first.results[0].id);
    expectConformingList("agendapunten", second);

    const mark = new Date(Date.now() + 1000).toISOString();
    expect((await (await list("besluiten", `?gewijzigdSinds=${mark}`)).json()).count).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const added = makeBody({ name: "Werkgroep Nazorg" });
    const changed = await (await list("gremia", `?gewijzigdSinds=${mark}`)).json();
    expect(changed.results.map((g: any) => g.id)).toEqual([String(added.id)]);
    expect(changed.count).toBe(1);
  });

  it("answers bad parameters with a 400 problem, never a 500, and supports ETags", async () => {
    for (const query of ["?pagina=0", "?perPagina=500", "?gewijzigdSinds=gisteren", "?onbekend=1", "?pagina=abc"]) {
      const response = await list("besluiten", query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const body = await response.json();
      validate("Probleem", body);
      expect(body["invalid-params"].length).toBeGreaterThan(0);
    }
    expect((await list("bestaatniet")).status).toBe(404);
    // Names every JavaScript object has are no collections either: the 404 problem, not a 500.
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      for (const response of [await list(name), await one(name, 1)]) {
        expect(response.status, name).toBe(404);
        validate("Probleem", await response.json());
      }
    }
    const response = await list("gremia");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    expect((await list("gremia", "", { "If-None-Match": etag })).status).toBe(304);
  });
});
