import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../factories";
import { buildDecisionListDocx } from "../../app/lib/docx.server";
import { decisionOutcomeLabels } from "../../app/lib/vocabulary";
import { addAgendaItem } from "../../app/models/agenda.server";
import { getDecisionList, recordDecision } from "../../app/models/decisions.server";
import { createMeeting, getMeeting, publishAgenda } from "../../app/models/meetings.server";

async function docx(viewer: Parameters<typeof getDecisionList>[0]["viewer"], meetingId: number) {
  const list = getDecisionList({ viewer, meetingId })!;
  if (!list.visible) return null;
  const buffer = await buildDecisionListDocx(list.meeting, {
    status: list.status,
    adoptedAt: list.adoptedAt,
    hiddenCount: list.hiddenCount,
    present: ["H. Wolters"],
    absent: [],
    decisions: list.decisions.map((d) => ({ ...d, outcomeLabel: decisionOutcomeLabels[d.outcome] })),
  });
  return (await mammoth.extractRawText({ buffer })).value;
}

describe("the besluitenlijst as a Word document", () => {
  it("follows the seed layout and leaves besloten decisions out for the public", async () => {
    const body = makeBody({ kind: "bestuur", name: "Algemeen bestuur", code: "AB" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const plan = (date: string) => {
      const { id } = createMeeting({
        viewer: secretary,
        input: { bodyId: body.id, date, startTime: "10:00", endTime: "11:00", location: "Twentehuis", isPublic: true },
      });
      publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
      return id;
    };
    const june = plan("2026-06-10");
    const b1 = addAgendaItem({
      viewer: secretary,
      meetingId: june,
      input: {
        section: "B",
        subject: "Toetsingskader",
        proposalMarkdown: "1. Vast te stellen.",
        isConfidential: false,
      },
    });
    recordDecision({
      viewer: secretary,
      agendaItemId: b1.id,
      input: {
        outcome: "conform",
        textMarkdown: "Toetsingskader vastgesteld.",
        discussionMarkdown: "",
        isConfidential: false,
        commitments: [],
      },
    });
    recordDecision({
      viewer: secretary,
      agendaItemId: b1.id,
      input: {
        outcome: "anders",
        textMarkdown: "Personele afspraak gemaakt.",
        discussionMarkdown: "",
        isConfidential: true,
        commitments: [],
      },
    });

    const concept = (await docx(secretary, june))!;
    for (const expected of [
      "Concept besluitenlijst Algemeen bestuur van 10 juni 2026",
      "AANWEZIG",
      "H. Wolters",
      "NR.",
      "BESLUIT",
      "B1",
      "AB-2026-01-B1: Conform voorstel",
      "Toetsingskader vastgesteld.",
      "Personele afspraak gemaakt.",
    ]) {
      expect(concept).toContain(expected);
    }
    expect(await docx(null, june)).toBeNull();

    const next = plan("2026-09-09");
    const a1 = getMeeting({ viewer: secretary, id: next })!.sections.find((s) => s.section === "A")!.items[0];
    recordDecision({
      viewer: secretary,
      agendaItemId: a1.id,
      input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
    });
    const adopted = (await docx(null, june))!;
    expect(adopted).toContain("Besluitenlijst Algemeen bestuur van 10 juni 2026");
    expect(adopted).toContain("Toetsingskader vastgesteld.");
    expect(adopted).toContain("Het besloten deel is alleen voor leden beschikbaar.");
    expect(adopted).not.toContain("Personele afspraak");
  });
});

describe("the actielijst in the Word besluitenlijst", () => {
  it("follows the decisions as a list of what the meeting did with each action", async () => {
    const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const { id } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2026-12-10",
        startTime: "13:30",
        endTime: "15:30",
        location: "x",
        isPublic: false,
      },
    });
    const list = getDecisionList({ viewer: secretary, meetingId: id })!;
    const buffer = await buildDecisionListDocx(list.meeting, {
      status: "concept",
      adoptedAt: null,
      hiddenCount: 0,
      present: [],
      absent: [],
      decisions: [],
      actionList: [
        "Werkwijze opnemen (Gerrit Koster, Politie): afgedaan",
        "Invoering volgen (Lotte Jansen): loopt door tot 15 januari 2027",
      ],
    });
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toMatch(/Actielijst\s+Werkwijze opnemen \(Gerrit Koster, Politie\): afgedaan\s+Invoering volgen/);
  });
});
