import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../factories";
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

// An independent check: every response is validated against the OpenAPI document's own schemas by Ajv.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "doc", components: document.components });
const validate = (schema: string, body: unknown) => {
  const check = ajv.compile({ $ref: `doc#/components/schemas/${schema}` });
  expect(check(body), JSON.stringify(check.errors)).toBe(true);
};

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
  const body = makeBody({ kind: "bestuur", name: "Algemeen bestuur", code: "AB" });
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

  it("serves every collection in its documented shape, with only public, adopted content", async () => {
    const { meetingId, publicDecision, closedDecision } = await publicMeetingWithAdoptedList();
    const schemaOf: Record<string, string> = {
      vergaderingen: "LijstVergadering",
      agendapunten: "LijstAgendapunt",
      besluiten: "LijstBesluit",
      informatieobjecten: "LijstInformatieobject",
      gremia: "LijstGremium",
      acties: "LijstActie",
      doelen: "LijstDoel",
    };
    const bodies: Record<string, any> = {};
    for (const [name, schema] of Object.entries(schemaOf)) {
      const response = await list(name);
      expect(response.status, name).toBe(200);
      bodies[name] = await response.json();
      validate(schema, bodies[name]);
    }
    expect(bodies.vergaderingen.resultaten.map((m: any) => m.id)).toContain(meetingId);
    expect(bodies.agendapunten.resultaten.map((i: any) => i.titel)).not.toContain("Personele zaken");
    expect(bodies.besluiten.resultaten.map((d: any) => d.kenmerk)).toContain(publicDecision.reference);
    expect(bodies.besluiten.resultaten.map((d: any) => d.kenmerk)).not.toContain(closedDecision.reference);
    expect(bodies.besluiten.resultaten[0].toezegging[0].omschrijving).toBe("Evaluatie na een jaar");
    expect(bodies.informatieobjecten.resultaten.map((d: any) => d.titel)).toEqual(["Kader"]);
    expect(bodies.acties.resultaten.map((a: any) => a.omschrijving)).toEqual(["Evaluatie na een jaar"]);
    expect(JSON.stringify(bodies)).not.toContain("Afspraak gemaakt");

    const single = await one("besluiten", publicDecision.id);
    validate("Besluit", await single.json());
    const hidden = await one("besluiten", closedDecision.id);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get("content-type")).toContain("application/problem+json");
    validate("Probleem", await hidden.json());
  });

  it("pages with links and syncs incrementally by gewijzigdSinds", async () => {
    await publicMeetingWithAdoptedList();
    const first = await (await list("agendapunten", "?perPagina=1")).json();
    expect(first.resultaten).toHaveLength(1);
    expect(first.volgende).toBe(`${BASE}/api/v1/agendapunten?perPagina=1&pagina=2`);
    expect(first.vorige).toBeNull();
    const second = await (await list("agendapunten", "?perPagina=1&pagina=2")).json();
    expect(second.vorige).toBe(`${BASE}/api/v1/agendapunten?perPagina=1&pagina=1`);
    expect(second.resultaten[0].id).not.toBe(first.resultaten[0].id);

    const mark = new Date(Date.now() + 1000).toISOString();
    expect((await (await list("besluiten", `?gewijzigdSinds=${mark}`)).json()).aantal).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const added = makeBody({ name: "Werkgroep Nazorg" });
    const changed = await (await list("gremia", `?gewijzigdSinds=${mark}`)).json();
    expect(changed.resultaten.map((g: any) => g.id)).toEqual([added.id]);
    expect(changed.aantal).toBe(1);
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
