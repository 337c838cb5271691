import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../../tests/factories";
import { createAction } from "./actions.server";
import { addAgendaItem, getAgendaItemForEdit, updateAgendaItem } from "./agenda.server";
import { recordDecision, removeDecision, updateDecision } from "./decisions.server";
import { addDocument } from "./documents.server";
import { createMeeting, publishAgenda } from "./meetings.server";
import { createEdition } from "./newsletters.server";
import { addTopic, removeTopic, updateTopic } from "./planning.server";
import { addChapter, createPlan } from "./plans.server";
import { addObjective, createProgramme } from "./programmes.server";
import { search, toFtsQuery } from "./search.server";

async function corpus() {
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
  const outsider = await makeViewer({ role: "lid" });
  const { id: meetingId } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: body.id,
      date: "2026-09-17",
      startTime: "13:30",
      endTime: "15:30",
      location: "Hengelo",
      isPublic: true,
    },
  });
  publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
  const item = (subject: string, proposalMarkdown = "", isConfidential = false) =>
    addAgendaItem({ viewer: secretary, meetingId, input: { section: "B", subject, proposalMarkdown, isConfidential } })
      .id;
  return { body, secretary, member, outsider, meetingId, item };
}

const titles = (result: ReturnType<typeof search>) => result.results.map((r) => r.titleHtml.replace(/<\/?mark>/g, ""));

describe("search", () => {
  it("folds diacritics, matches prefixes and phrases, and ranks a title above a mention", async () => {
    const c = await corpus();
    c.item("Geïntegreerde aanpak huiselijk geweld");
    c.item("Jaarverslag", "De aanpak is geïntegreerd en het huiselijk overleg loopt.");
    const hits = (q: string) => titles(search({ viewer: c.member, query: q }));
    expect(hits("geintegreerd")).toEqual(["Geïntegreerde aanpak huiselijk geweld", "Jaarverslag"]);
    expect(hits("geïntegr")).toHaveLength(2);
    expect(hits('"aanpak huiselijk"')).toEqual(["Geïntegreerde aanpak huiselijk geweld"]);
    expect(hits("aanpak onbekendwoord")).toEqual([]);
    const first = search({ viewer: c.member, query: "geweld" }).results[0]!;
    expect(first.titleHtml).toBe("Geïntegreerde aanpak huiselijk <mark>geweld</mark>");
    expect(search({ viewer: c.member, query: "overleg" }).results[0]!.snippetHtml).toContain("<mark>overleg</mark>");
  });

  it("turns any input into a valid query", () => {
    expect(toFtsQuery("  ")).toBeNull();
    expect(toFtsQuery('aanpak "huiselijk geweld" NEAR( -x* "')).toBe('"aanpak"* "huiselijk geweld" "NEAR"* "x"*');
    expect(toFtsQuery('"')).toBeNull();
  });

  it("finds a besloten item, decision, action and document for members only, also after a toggle", async () => {
    const c = await corpus();
    const openItem = c.item("Zorgtraject Twenterand");
    const closedItem = c.item("Casus Borne", "Vertrouwelijke casus over zorgmijding.", true);
    const { id: decisionId } = recordDecision({
      viewer: c.secretary,
      agendaItemId: openItem,
      input: {
        outcome: "conform",
        textMarkdown: "Besluit over zorgmijding.",
        discussionMarkdown: "",
        isConfidential: true,
        commitments: [
          { description: "Zorgmijding in kaart brengen", personId: c.member.personId, dueOn: "2030-01-01" },
        ],
      },
      now: Date.parse("2026-09-17T15:00:00Z"),
    });
    addDocument({
      viewer: c.secretary,
      agendaItemId: closedItem,
      title: "Notitie zorgmijding",
      isConfidential: false,
      content: { markdown: "Analyse van zorgmijding." },
    });
    const groups = (viewer: typeof c.member | null) =>
      search({ viewer, query: "zorgmijding" })
        .results.map((r) => r.group)
        .sort();
    expect(groups(c.member)).toEqual(["action", "agenda_item", "decision", "document"]);
    expect(groups(c.secretary)).toEqual(["action", "agenda_item", "decision", "document"]);
    expect(groups(null)).toEqual([]);
    expect(groups(c.outsider)).toEqual([]);
    expect(search({ viewer: null, query: "zorgmijding" }).counts).toEqual({});

    // Toggle the item to public: its text becomes findable; the besloten decision stays hidden.
    const item = getAgendaItemForEdit({ viewer: c.secretary, meetingId: c.meetingId, id: closedItem })!;
    updateAgendaItem({
      viewer: c.secretary,
      id: closedItem,
      expectedVersion: item.version,
      input: { section: "B", subject: item.subject!, proposalMarkdown: item.proposalMarkdown, isConfidential: false },
    });
    expect(groups(null)).toEqual(["agenda_item", "document"]);
    // And the decision made public, but its list is still a concept: still hidden from the public.
    updateDecision({
      viewer: c.secretary,
      id: decisionId,
      expectedVersion: 1,
      input: {
        outcome: "conform",
        textMarkdown: "Besluit over zorgmijding.",
        discussionMarkdown: "",
        isConfidential: false,
      },
    });
    expect(groups(null)).toEqual(["agenda_item", "document"]);
    expect(groups(c.member)).toEqual(["action", "agenda_item", "decision", "document"]);
    // Removed records leave the index.
    removeDecision({ viewer: c.secretary, id: decisionId });
    expect(groups(c.member)).toEqual(["agenda_item", "document"]);
  });

  it("keeps concept plans and concept newsletters to those who may see them; programmes are public", async () => {
    const c = await corpus();
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    const programme = createProgramme({
      viewer: kwartiermaker,
      input: {
        slug: "koers",
        title: "Meerjarenkoers",
        startsOn: "2027-01-01",
        endsOn: null,
        ownerBodyId: c.body.id,
        descriptionMarkdown: "Over wederkerigheid.",
        predecessorId: null,
      },
    });
    addObjective({
      viewer: kwartiermaker,
      programmeId: programme.id,
      input: { title: "Wederkerigheid in de zorg", descriptionMarkdown: "", leadPersonId: null, focus: null },
    });
    const { id: planId } = createPlan({
      viewer: kwartiermaker,
      input: { bodyId: c.body.id, year: 2027, title: "Jaarplan 2027", copyOpenGoals: false },
    });
    addChapter({ viewer: kwartiermaker, planId, input: { title: "Wederkerigheid", bodyMarkdown: "Concepttekst." } });
    createEdition({
      viewer: kwartiermaker,
      input: { title: "Nieuwsbrief wederkerigheid", slug: "w", period: "", meetingId: null },
    });
    const groups = (viewer: typeof c.member | null) =>
      [...new Set(search({ viewer, query: "wederkerigheid" }).results.map((r) => r.group))].sort();
    expect(groups(null)).toEqual(["programme"]);
    expect(groups(c.member)).toEqual(["plan", "programme"]);
    expect(groups(kwartiermaker)).toEqual(["edition", "plan", "programme"]);
    const filtered = search({ viewer: kwartiermaker, query: "wederkerigheid", group: "plan" });
    expect(filtered.results.every((r) => r.group === "plan")).toBe(true);
    expect(filtered.counts).toEqual({ programme: 2, plan: 1, edition: 1 });
    expect(search({ viewer: kwartiermaker, query: "wederkerigheid", year: 2025 }).results).toEqual([]);
    createAction({
      viewer: c.secretary,
      input: {
        bodyId: c.body.id,
        description: "Wederkerigheid uitwerken",
        ownerPersonId: null,
        organisationId: null,
        dueOn: null,
      },
    });
    expect(groups(c.member)).toContain("action");
    expect(groups(null)).not.toContain("action");
  });
});

describe("search over the bestuursagenda", () => {
  it("finds planned topics, a besloten one for members only, and follows changes and removal", async () => {
    const c = await corpus();
    const topic = (subject: string, isConfidential: boolean) =>
      addTopic({
        viewer: c.secretary,
        bodyId: c.body.id,
        input: {
          subject,
          purpose: "besluitvorming",
          ownerName: "Burgemeester Hengelo",
          meetingId: null,
          quarter: "2027-K2",
          isConfidential,
        },
      }).id;
    const open = topic("Evaluatie zorg- en veiligheidshuis", false);
    topic("Integriteitskwestie zorg- en veiligheidshuis", true);
    const found = (viewer: Parameters<typeof search>[0]["viewer"], query = "veiligheidshuis") =>
      search({ viewer, query, group: "planning" });

    expect(titles(found(null))).toEqual(["Evaluatie zorg- en veiligheidshuis"]);
    expect(titles(found(c.outsider))).toEqual(["Evaluatie zorg- en veiligheidshuis"]);
    expect(titles(found(c.member)).sort()).toEqual([
      "Evaluatie zorg- en veiligheidshuis",
      "Integriteitskwestie zorg- en veiligheidshuis",
    ]);
    expect(found(null).counts).toEqual({ planning: 1 });
    expect(found(null).results[0]).toMatchObject({
      group: "planning",
      href: `/gremia/${c.body.slug}/planning#onderwerp-${open}`,
      context: "Bestuursagenda van Stuurgroep ZVS",
    });
    // The owner is on the public planning page, so a search for the owner finds the topic too.
    expect(titles(found(null, "burgemeester"))).toEqual(["Evaluatie zorg- en veiligheidshuis"]);
    expect(search({ viewer: null, query: "veiligheidshuis", year: 2027 }).counts).toEqual({ planning: 1 });

    updateTopic({
      viewer: c.secretary,
      id: open,
      expectedVersion: 1,
      input: {
        subject: "Evaluatie ZVH",
        purpose: "besluitvorming",
        ownerName: null,
        meetingId: null,
        quarter: "2027-K3",
        isConfidential: false,
      },
    });
    expect(titles(found(null))).toEqual([]);
    expect(titles(found(null, "evaluatie zvh"))).toEqual(["Evaluatie ZVH"]);
    removeTopic({ viewer: c.secretary, id: open });
    expect(titles(found(null, "evaluatie"))).toEqual([]);
  });
});

describe("search over meetings", () => {
  it("finds a meeting that is not public for its members only, and a concept for its secretariaat only", async () => {
    const body = makeBody({ kind: "themagroep", name: "Themagroep Mensenhandel" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    const { id } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2026-10-08",
        startTime: "14:00",
        endTime: "15:00",
        location: "Enschede",
        isPublic: false,
      },
    });
    const meetings = (viewer: typeof member | null) =>
      search({ viewer, query: "mensenhandel", group: "meeting" }).results.map((r) => r.recordId);
    expect(meetings(secretary)).toEqual([id]);
    expect(meetings(member)).toEqual([]);
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    expect(meetings(member)).toEqual([id]);
    expect(meetings(null)).toEqual([]);
  });

  it("says on every hit of a meeting which body, date and item it belongs to, and leads a paper hit to the paper", async () => {
    const c = await corpus();
    c.item("Opening");
    const itemId = c.item("Controledag", "Voorstel over de controledag.", true);
    const { id: documentId } = addDocument({
      viewer: c.secretary,
      agendaItemId: itemId,
      title: "Draaiboek",
      isConfidential: true,
      content: {
        fileName: "draaiboek.pdf",
        bytes: new TextEncoder().encode("%PDF-1.7\n%%EOF"),
        extractedText: "Inzet van handhavers in Almelo",
      },
    });
    const [hit] = search({ viewer: c.member, query: "handhavers" }).results;
    expect(hit).toMatchObject({ kind: "document", recordId: documentId });
    expect(hit!.href).toMatch(/^\/stukken\/\d+$/);
    expect(hit!.context).toBe("Stuk bij agendapunt B2 · Stuurgroep ZVS, donderdag 17 september 2026");
    expect(hit!.itemHref).toBe(`/vergaderingen/${c.meetingId}#punt-B2`);
    const [item] = search({ viewer: c.member, query: "controledag" }).results.filter((r) => r.kind === "agenda_item");
    expect(item!.href).toBe(`/vergaderingen/${c.meetingId}#punt-B2`);
    expect(item!.context).toBe("Agendapunt B2 · Stuurgroep ZVS, donderdag 17 september 2026");
  });
});
