import { resolve } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItems, documents } from "../../db/schema";
import { importDemoCorpus } from "../../app/content/import.server";
import { getDb } from "../../app/lib/db.server";
import { wooCategories } from "../../app/lib/woo/categories";
import { sitemapIndexResponse, sitemapResponse } from "../../app/lib/woo/sitemap-routes.server";
import { addAgendaItem, updateAgendaItem } from "../../app/models/agenda.server";
import { addDocument, replaceDocument } from "../../app/models/documents.server";
import { recordDecision } from "../../app/models/decisions.server";
import { getBodyForEdit, updateBody } from "../../app/models/bodies.server";
import { listActies, listAgendapunten, listBesluiten, listInformatieobjecten } from "../../app/models/open-data.server";
import { listWooDeadlines } from "../../app/models/woo-deadlines.server";
import { buildArchivePackage } from "../../app/models/archive.server";
import { loadSelectielijst } from "../../app/lib/archive/selectielijst.server";
import { createMeeting, getMeeting, publishAgenda } from "../../app/models/meetings.server";
import { getSiteSettingsForEdit, setWooPublisher } from "../../app/models/site-settings.server";
import { listWooEntries } from "../../app/models/woo.server";
import { loader as robots } from "../../app/routes/robots[.]txt";
import { makeBody, makeViewer } from "../factories";
import { xmlProblems } from "../xmllint";

const SCHEMA = "tests/standards/sitemap-diwoo.xsd";

async function robotsSitemaps() {
  const response = await robots({ request: new Request("http://localhost/robots.txt"), params: {}, context: {} });
  return [...(await response.text()).matchAll(/^Sitemap: .*\/(sitemapindex-diwoo-infocat(\d{3})\.xml)$/gm)].map(
    (m) => m[2]!,
  );
}

/** Every sitemap of every category robots.txt names, as the Woo-index harvests them. */
async function harvest() {
  const sitemaps: string[] = [];
  for (const number of await robotsSitemaps()) {
    const index = await sitemapIndexResponse(number).text();
    expect(xmlProblems(index, SCHEMA), `index ${number}`).toBe("");
    for (const [, name] of index.matchAll(/<loc>[^<]*\/sitemaps\/([^<]+)<\/loc>/g)) {
      const sitemap = await sitemapResponse(name).text();
      expect(xmlProblems(sitemap, SCHEMA), name).toBe("");
      sitemaps.push(sitemap);
    }
  }
  return sitemaps.join("\n");
}

describe("Woo publication", () => {
  it("offers the demo's public records in their categories, every sitemap valid, nothing besloten", async () => {
    await importDemoCorpus(getDb(), { contentDir: resolve("content"), demoPassword: "x-x-x-x-x-x" });
    expect(await robotsSitemaps()).toEqual(["008", "010", "012", "018"]);
    const harvested = await harvest();
    expect(harvested).toContain("gemeente Enschede");
    expect(harvested).toMatch(
      /<diwoo:officieleTitel>Agenda Algemeen bestuur samenwerkingsverband Twente, 10 december 2025</,
    );
    expect(harvested).toMatch(
      new RegExp(`resource="${wooCategories.adviezen.uri}">adviezen</diwoo:informatiecategorie>`),
    );
    // No besloten paper, nor any paper of a besloten item, by its title.
    const closedTitles = getDb()
      .select({ title: documents.title, itemClosed: agendaItems.isConfidential, closed: documents.isConfidential })
      .from(documents)
      .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
      .all()
      .filter((d) => d.closed || d.itemClosed)
      .map((d) => d.title);
    expect(closedTitles.length).toBeGreaterThan(0);
    for (const title of closedTitles) expect(harvested).not.toContain(title);
    // Nothing was published on a day still to come, not even the agenda of a coming meeting.
    const harvestedAt = Date.now();
    for (const entry of listWooEntries()) {
      expect(entry.handling.at, entry.title).toBeLessThanOrEqual(harvestedAt);
      expect(entry.lastModified, entry.title).toBeLessThanOrEqual(harvestedAt);
    }
    // Importing the whole demo corpus takes seconds on a busy machine.
  }, 120_000);

  it("puts a dagelijks bestuur's agenda under 009 and its papers under 3.1, marks a replaced version, and drops what turns besloten", async () => {
    const secretary = await makeViewer({ role: "secretariaat" });
    const beheerder = await makeViewer({ role: "beheerder" });
    setWooPublisher({
      viewer: beheerder,
      publisher: "Veiligheidsregio Twente",
      expectedVersion: getSiteSettingsForEdit({ viewer: beheerder }).version,
    });
    const body = makeBody({ name: "Dagelijks bestuur Twente", wooFooting: "dagelijks-bestuur" });
    const viewer = { ...secretary, memberBodyIds: [body.id] };
    const { id } = createMeeting({
      viewer,
      input: {
        bodyId: body.id,
        date: "2027-02-10",
        startTime: "10:00",
        endTime: "12:00",
        location: "Almelo",
        isPublic: true,
      },
    });
    addAgendaItem({
      viewer,
      meetingId: id,
      input: {
        section: "B",
        subject: "Begroting 2028",
        proposalMarkdown: "1. Vast te stellen.",
        isConfidential: false,
      },
    });
    const item = getMeeting({ viewer, id })!
      .sections.flatMap((s) => s.items)
      .find((i) => i.subject === "Begroting 2028")!;
    const { id: documentId } = addDocument({
      viewer,
      agendaItemId: item.id,
      title: "Toelichting begroting",
      isConfidential: false,
      content: { markdown: "Eerste versie." },
    });
    publishAgenda({ viewer, id, expectedVersion: getMeeting({ viewer, id })!.version });
    replaceDocument({ viewer, documentId, expectedVersion: 1, content: { markdown: "Tweede versie." } });

    const entries = listWooEntries().filter((e) => e.partOf?.path === `/vergaderingen/${id}`);
    // In the order of their addresses: the paper's versions, then the agenda.
    expect(entries.map((e) => [e.category, e.title, e.format, e.replaced])).toEqual([
      ["inspanningsverplichting", "Toelichting begroting", "HTML", true],
      ["inspanningsverplichting", "Toelichting begroting (versie 2)", "HTML", false],
      ["bestuurscolleges", "Agenda Dagelijks bestuur Twente, 10 februari 2027", "DOCX", false],
      ["bestuurscolleges", "Agenda Dagelijks bestuur Twente, 10 februari 2027", "PDF", false],
    ]);
    // The replaced version changed when it was replaced, so a harvester fetches its new metadata.
    expect(entries[0]!.lastModified).toBeGreaterThanOrEqual(entries[1]!.handling.at);
    const harvested = await harvest();
    expect(harvested).toContain("Veiligheidsregio Twente");
    expect(harvested).toContain("Toelichting begroting (versie 2)");

    const current = getMeeting({ viewer, id })!
      .sections.flatMap((s) => s.items)
      .find((i) => i.id === item.id)!;
    updateAgendaItem({
      viewer,
      id: item.id,
      expectedVersion: current.version,
      input: { section: "B", subject: "Begroting 2028", proposalMarkdown: "1. Vast te stellen.", isConfidential: true },
    });
    expect(
      listWooEntries()
        .filter((e) => e.partOf?.path === `/vergaderingen/${id}`)
        .map((e) => e.title),
    ).toEqual([
      "Agenda Dagelijks bestuur Twente, 10 februari 2027",
      "Agenda Dagelijks bestuur Twente, 10 februari 2027",
    ]);
    expect(await harvest()).not.toContain("Toelichting begroting");
  });

  it("publishes a dagelijks bestuur's closed meeting's agenda and adopted list, never its papers, until its footing changes", async () => {
    const beheerder = await makeViewer({ role: "beheerder" });
    setWooPublisher({
      viewer: beheerder,
      publisher: "gemeente Almelo",
      expectedVersion: getSiteSettingsForEdit({ viewer: beheerder }).version,
    });
    const body = makeBody({ name: "Dagelijks bestuur Veiligheidshuis", code: "DB", wooFooting: "dagelijks-bestuur" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const plan = (date: string) => {
      const { id } = createMeeting({
        viewer: secretary,
        input: { bodyId: body.id, date, startTime: "10:00", endTime: "12:00", location: "Almelo", isPublic: false },
      });
      return id;
    };
    const id = plan("2026-03-04");
    const item = (subject: string, isConfidential: boolean) =>
      addAgendaItem({
        viewer: secretary,
        meetingId: id,
        input: { section: "B", subject, proposalMarkdown: "1. In te stemmen.", isConfidential },
      }).id;
    const open = item("Jaarverslag Veiligheidshuis", false);
    const closed = item("Casus wijkaanpak", true);
    addDocument({
      viewer: secretary,
      agendaItemId: open,
      title: "Conceptjaarverslag qqpaper",
      isConfidential: false,
      content: { markdown: "Cijfers." },
    });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1, now: Date.parse("2026-02-25T09:00:00Z") });
    const decided = (agendaItemId: number, textMarkdown: string, description?: string) =>
      recordDecision({
        viewer: secretary,
        agendaItemId,
        input: {
          outcome: "conform",
          textMarkdown,
          discussionMarkdown: "",
          isConfidential: false,
          commitments: description
            ? [{ description, organisationId: null, personId: secretary.personId, dueOn: "2026-06-30" }]
            : [],
        },
        now: Date.parse("2026-03-04T10:30:00Z"),
      });
    const publicDecision = decided(open, "Jaarverslag vastgesteld.", "Jaarverslag rondsturen aan de raden");
    decided(closed, "Aanpak qqclosed afgesproken.");
    const next = plan("2026-04-01");
    publishAgenda({ viewer: secretary, id: next, expectedVersion: 1, now: Date.parse("2026-03-25T09:00:00Z") });
    const adoption = getMeeting({ viewer: secretary, id: next })!
      .sections.flatMap((s) => s.items)
      .find((i) => i.adoptsMeetingId === id)!;
    decided(adoption.id, "");

    // The agenda by number and subject (the besloten item by number only) and the adopted list are public.
    const publicMeeting = getMeeting({ viewer: null, id })!;
    expect(publicMeeting.isPublic).toBe(false);
    const subjects = publicMeeting.sections.flatMap((s) => s.items).map((i) => i.subject);
    expect(subjects).toContain("Jaarverslag Veiligheidshuis");
    expect(subjects).not.toContain("Casus wijkaanpak");
    const all = { page: 1, pageSize: 200, since: null, filters: { vergaderingsIdentificatie: id } };
    expect(listAgendapunten(all, "").rows.map((i) => i.agendapuntTitel)).toContain("Jaarverslag Veiligheidshuis");
    expect(listBesluiten({ page: 1, pageSize: 200, since: null }, "").rows.map((d) => d.kenmerk)).toContain(
      publicDecision.reference,
    );
    expect(listActies({ page: 1, pageSize: 200, since: null }, "").rows.map((a) => a.omschrijving)).toContain(
      "Jaarverslag rondsturen aan de raden",
    );
    // Its papers are not: not in the API, the sitemaps, nor readable by a visitor.
    expect(listInformatieobjecten(all, "").rows).toEqual([]);
    const entries = listWooEntries().filter((e) => e.partOf?.path === `/vergaderingen/${id}`);
    expect(entries.map((e) => [e.category, e.title, e.format])).toEqual([
      ["bestuurscolleges", "Agenda Dagelijks bestuur Veiligheidshuis, 4 maart 2026", "DOCX"],
      ["bestuurscolleges", "Agenda Dagelijks bestuur Veiligheidshuis, 4 maart 2026", "PDF"],
      ["bestuurscolleges", "Besluitenlijst Dagelijks bestuur Veiligheidshuis, 4 maart 2026", "DOCX"],
      ["bestuurscolleges", "Besluitenlijst Dagelijks bestuur Veiligheidshuis, 4 maart 2026", "PDF"],
    ]);
    const harvested = await harvest();
    expect(harvested).toContain("Besluitenlijst Dagelijks bestuur Veiligheidshuis, 4 maart 2026");
    expect(harvested).not.toMatch(/qqpaper|qqclosed|Casus wijkaanpak/);
    // The secretariaat sees both deadlines met.
    const deadlines = listWooDeadlines({ viewer: secretary, now: Date.parse("2026-04-02T09:00:00Z") }).deadlines;
    expect(deadlines.filter((d) => d.meetingId === id).map((d) => [d.kind, d.status])).toEqual([
      ["agenda", "gehaald"],
      ["besluitenlijst", "gehaald"],
    ]);

    // The archive marks them alike: the agenda public but for its besloten item, the paper restricted as
    // one of a closed meeting.
    const archived = buildArchivePackage({ viewer: beheerder, year: 2026, selectielijst: loadSelectielijst() })
      .files.filter((f) => f.path.includes(`-${id}/`) && f.path.endsWith(".mdto.xml"))
      .map((f) => [f.path, new TextDecoder().decode(f.bytes)] as const);
    const agendaRecord = archived.find(([path]) => path.endsWith(`vergadering-${id}-agenda.mdto.xml`))![1];
    expect(agendaRecord).toContain("Bevat besloten agendapunten: B2.");
    expect(agendaRecord).not.toContain("Besloten vergadering.");
    expect(archived.some(([, xml]) => xml.includes("Stuk van een besloten vergadering."))).toBe(true);

    // Under article 3.1 the closed meeting is the body's own again, and so is the toezegging.
    const edit = getBodyForEdit({ viewer: beheerder, id: body.id })!;
    updateBody({
      viewer: beheerder,
      id: body.id,
      expectedVersion: edit.version,
      input: {
        slug: edit.slug,
        name: edit.name,
        kind: edit.kind,
        purposeMarkdown: edit.purposeMarkdown,
        activeFrom: edit.activeFrom,
        code: edit.code,
        wooFooting: "artikel-3-1",
      },
    });
    expect(getMeeting({ viewer: null, id })).toBeNull();
    expect(listWooEntries().filter((e) => e.partOf?.path === `/vergaderingen/${id}`)).toEqual([]);
    expect(listActies({ page: 1, pageSize: 200, since: null }, "").rows.map((a) => a.omschrijving)).not.toContain(
      "Jaarverslag rondsturen aan de raden",
    );
  });
});
