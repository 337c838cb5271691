import { describe, expect, it } from "vitest";
import { makeBody, makePerson, makeViewer } from "../../tests/factories";
import { listAuditEntries } from "./audit.server";
import { addAgendaItem } from "./agenda.server";
import {
  bodyCode,
  getDecisionByReference,
  getDecisionList,
  listDecisions,
  recordDecision,
  removeDecision,
  updateDecision,
  type DecisionInput,
} from "./decisions.server";
import { Forbidden, RuleError } from "./errors";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";

const decided = (overrides: Partial<DecisionInput> = {}): DecisionInput => ({
  outcome: "conform",
  textMarkdown: "1. Vastgesteld.",
  discussionMarkdown: "",
  isConfidential: false,
  commitments: [],
  ...overrides,
});

async function heldMeeting(date = "2026-09-17", bodyOverrides = {}) {
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS", ...bodyOverrides });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const meeting = plan(secretary, body.id, date);
  return { body, secretary, meetingId: meeting };
}

function plan(secretary: Awaited<ReturnType<typeof makeViewer>>, bodyId: number, date: string, isPublic = true) {
  const { id } = createMeeting({
    viewer: secretary,
    input: { bodyId, date, startTime: "13:30", endTime: "15:30", location: "Hengelo", isPublic },
  });
  publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
  return id;
}

function item(meetingId: number, number: string) {
  const meeting = getMeeting({ viewer: null, id: meetingId }) ?? null;
  return meeting!.sections.flatMap((s) => s.items).find((i) => i.number === number)!;
}

describe("recording decisions", () => {
  it("gives each decision a stable reference: body code, year, meeting number, item", async () => {
    const { body, secretary } = await heldMeeting("2026-02-12");
    const second = plan(secretary, body.id, "2026-05-21");
    const b1 = addAgendaItem({
      viewer: secretary,
      meetingId: second,
      input: { section: "B", subject: "Werkwijze", proposalMarkdown: "", isConfidential: false },
    });
    const first = recordDecision({ viewer: secretary, agendaItemId: b1.id, input: decided() });
    const again = recordDecision({
      viewer: secretary,
      agendaItemId: b1.id,
      input: decided({ outcome: "kennisgenomen" }),
    });
    expect([first.reference, again.reference]).toEqual(["SG-2026-02-B1", "SG-2026-02-B1-2"]);
  });

  it("derives a code from a body's name when it has none", () => {
    expect(
      bodyCode({ code: null, kind: "themagroep", name: "Themagroep Huiselijk geweld en kindermishandeling" }),
    ).toBe("HGK");
    expect(bodyCode({ code: "AB", kind: "bestuur", name: "Algemeen bestuur" })).toBe("AB");
  });

  it("keeps toezeggingen with person and organisation, and logs the recording", async () => {
    const { secretary, meetingId } = await heldMeeting();
    const person = makePerson({ name: "Harmen Vedder" });
    const d = recordDecision({
      viewer: secretary,
      agendaItemId: item(meetingId, "3").id,
      input: decided({
        outcome: "kennisgenomen",
        commitments: [{ description: "Signaal landelijk afgeven", personId: person.id, dueOn: "2026-12-01" }],
      }),
      now: Date.parse("2026-09-17T15:00:00Z"),
    });
    const list = getDecisionList({ viewer: secretary, meetingId })!;
    expect(list.visible && list.decisions[0].commitments).toEqual([
      expect.objectContaining({
        description: "Signaal landelijk afgeven",
        personName: "Harmen Vedder",
        dueOn: "2026-12-01",
      }),
    ]);
    const [entry] = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries;
    expect(entry).toMatchObject({ action: "decision.record", entityId: d.id });
  });

  it("is for the secretariaat of the body only, and not before the agenda is published", async () => {
    const { body, secretary, meetingId } = await heldMeeting();
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    expect(() => recordDecision({ viewer: member, agendaItemId: item(meetingId, "1").id, input: decided() })).toThrow(
      Forbidden,
    );
    const { id: concept } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2026-10-01",
        startTime: "10:00",
        endTime: "11:00",
        location: "x",
        isPublic: true,
      },
    });
    const conceptItem = getMeeting({ viewer: secretary, id: concept })!.sections[0].items[0];
    expect(() => recordDecision({ viewer: secretary, agendaItemId: conceptItem.id, input: decided() })).toThrow(
      /Publiceer eerst/,
    );
  });
});

describe("adopting the besluitenlijst", () => {
  it("the next meeting's agenda carries the hamerstuk that adopts the concept list", async () => {
    const { body, secretary } = await heldMeeting("2026-09-17");
    const next = plan(secretary, body.id, "2026-12-10");
    const a1 = item(next, "A1");
    expect(a1.subject).toBe("Besluitenlijst Stuurgroep ZVS 17 september 2026");
    expect(item(next, "A2").subject).toBe("Actielijst");
    expect(getMeeting({ viewer: secretary, id: next })!.sections.find((s) => s.section === "A")!.items).toHaveLength(2);
  });

  it("concept → vastgesteld with one amendment; the original wording stays in the history", async () => {
    const { body, secretary, meetingId } = await heldMeeting("2026-09-17");
    const b = addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject: "Meerjarenkoers", proposalMarkdown: "", isConfidential: false },
    });
    const { id: decisionId } = recordDecision({
      viewer: secretary,
      agendaItemId: b.id,
      input: decided({ textMarkdown: "1. Opdracht gegeven voor een koers 2027-2030." }),
    });
    expect(getDecisionList({ viewer: secretary, meetingId })).toMatchObject({ status: "concept" });

    const next = plan(secretary, body.id, "2026-12-10");
    recordDecision({
      viewer: secretary,
      agendaItemId: item(next, "A1").id,
      input: decided({
        outcome: "gewijzigd",
        amendments: [{ decisionId, textMarkdown: "1. Opdracht gegeven voor een koers 2027-2031." }],
      }),
    });
    const list = getDecisionList({ viewer: secretary, meetingId })!;
    expect(list).toMatchObject({ status: "vastgesteld", adoptedBy: { id: next } });
    if (!list.visible) throw new Error("zichtbaar verwacht");
    expect(list.decisions[0].textMarkdown).toBe("1. Opdracht gegeven voor een koers 2027-2031.");
    expect(list.decisions[0].history).toEqual([
      expect.objectContaining({ previousTextMarkdown: "1. Opdracht gegeven voor een koers 2027-2030." }),
    ]);
    const actions = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries.map((e) => e.action);
    // One transaction: the amendment and the adoption, then the decision that made them (logged by the door last).
    expect(actions.slice(0, 3)).toEqual(["decision.record", "decision-list.adopt", "decision.amend"]);
  });

  it("after adoption the list refuses every direct edit, in the model", async () => {
    const { body, secretary, meetingId } = await heldMeeting("2026-09-17");
    const { id } = recordDecision({
      viewer: secretary,
      agendaItemId: item(meetingId, "3").id,
      input: decided({ outcome: "kennisgenomen" }),
    });
    const next = plan(secretary, body.id, "2026-12-10");
    recordDecision({ viewer: secretary, agendaItemId: item(next, "A1").id, input: decided() });
    const edit = { outcome: "conform" as const, textMarkdown: "anders", discussionMarkdown: "", isConfidential: false };
    expect(() => updateDecision({ viewer: secretary, id, expectedVersion: 1, input: edit })).toThrow(/vastgesteld/);
    expect(() => removeDecision({ viewer: secretary, id })).toThrow(/vastgesteld/);
    expect(() =>
      recordDecision({ viewer: secretary, agendaItemId: item(meetingId, "1").id, input: decided() }),
    ).toThrow(RuleError);
  });

  it("aangehouden leaves the list a concept; only conform, gewijzigd or aangehouden fit the hamerstuk", async () => {
    const { body, secretary, meetingId } = await heldMeeting("2026-09-17");
    const next = plan(secretary, body.id, "2026-12-10");
    expect(() =>
      recordDecision({
        viewer: secretary,
        agendaItemId: item(next, "A1").id,
        input: decided({ outcome: "verworpen" }),
      }),
    ).toThrow(/Kies bij het vaststellen/);
    recordDecision({
      viewer: secretary,
      agendaItemId: item(next, "A1").id,
      input: decided({ outcome: "aangehouden" }),
    });
    expect(getDecisionList({ viewer: secretary, meetingId })).toMatchObject({ status: "concept" });
  });
});

describe("who sees which decisions", () => {
  it("the public sees a list only once vastgesteld, and never its besloten decisions", async () => {
    const { body, secretary, meetingId } = await heldMeeting("2026-09-17");
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    const open = addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject: "Open", proposalMarkdown: "", isConfidential: false },
    });
    const closed = addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject: "Casus", proposalMarkdown: "", isConfidential: true },
    });
    recordDecision({ viewer: secretary, agendaItemId: open.id, input: decided({ textMarkdown: "Openbaar besluit" }) });
    recordDecision({
      viewer: secretary,
      agendaItemId: open.id,
      input: decided({ textMarkdown: "Apart besloten besluit", isConfidential: true }),
    });
    recordDecision({
      viewer: secretary,
      agendaItemId: closed.id,
      input: decided({ textMarkdown: "Besluit over casus" }),
    });

    expect(getDecisionList({ viewer: null, meetingId })).toMatchObject({ visible: false });
    const memberView = getDecisionList({ viewer: member, meetingId })!;
    expect(memberView.visible && memberView.decisions.map((d) => d.textMarkdown)).toEqual([
      "Openbaar besluit",
      "Apart besloten besluit",
      "Besluit over casus",
    ]);

    const next = plan(secretary, body.id, "2026-12-10");
    recordDecision({ viewer: secretary, agendaItemId: item(next, "A1").id, input: decided() });
    const publicView = getDecisionList({ viewer: null, meetingId })!;
    if (!publicView.visible) throw new Error("zichtbaar verwacht");
    expect(publicView.decisions.map((d) => d.textMarkdown)).toEqual(["Openbaar besluit"]);
    expect(publicView.hiddenCount).toBe(2);
    expect(JSON.stringify(publicView)).not.toMatch(/besloten besluit|casus/i);
  });
});

describe("the decision register", () => {
  it("lists what each viewer may see, newest first, with filters", async () => {
    const { body, secretary, meetingId } = await heldMeeting("2026-09-17");
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    const open = addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject: "Meerjarenkoers", proposalMarkdown: "", isConfidential: false },
    });
    const closed = addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject: "Casus Twenterand", proposalMarkdown: "", isConfidential: true },
    });
    const a = recordDecision({
      viewer: secretary,
      agendaItemId: open.id,
      input: decided({ textMarkdown: "Koers vastgesteld" }),
    });
    const b = recordDecision({
      viewer: secretary,
      agendaItemId: closed.id,
      input: decided({ outcome: "kennisgenomen", textMarkdown: "Afspraken bekrachtigd" }),
    });
    const refs = (viewer: Parameters<typeof listDecisions>[0]["viewer"], filters = {}) =>
      listDecisions({ viewer, ...filters }).decisions.map((d) => d.reference);

    expect(refs(null)).toEqual([]);
    expect(refs(member)).toEqual([a.reference, b.reference]);

    const next = plan(secretary, body.id, "2026-12-10");
    const adoption = recordDecision({ viewer: secretary, agendaItemId: item(next, "A1").id, input: decided() });
    expect(refs(null)).toEqual([a.reference]);
    expect(refs(member)).toEqual([adoption.reference, a.reference, b.reference]);
    expect(refs(member, { outcome: "kennisgenomen" })).toEqual([b.reference]);
    expect(refs(member, { text: "koers" })).toEqual([a.reference]);
    expect(refs(member, { year: 2025 })).toEqual([]);

    expect(getDecisionByReference({ viewer: null, reference: b.reference })).toBeNull();
    expect(getDecisionByReference({ viewer: member, reference: b.reference })?.subject).toBe("Casus Twenterand");
    expect(getDecisionByReference({ viewer: null, reference: a.reference })).toMatchObject({
      subject: "Meerjarenkoers",
      listStatus: "vastgesteld",
    });
  });
});
