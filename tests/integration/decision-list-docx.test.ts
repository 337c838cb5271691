import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../factories";
import { readZip } from "../zip";
import type { Viewer } from "../../app/auth/viewer";
import { buildDecisionListDocx } from "../../app/lib/docx.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { composeDecisionList } from "../../app/models/decision-list-document.server";
import { getDecisionList, recordDecision } from "../../app/models/decisions.server";
import { createMeeting, getMeeting, publishAgenda } from "../../app/models/meetings.server";

async function docx(viewer: Viewer, meetingId: number) {
  const list = getDecisionList({ viewer, meetingId })!;
  if (!list.visible) return null;
  const buffer = await buildDecisionListDocx(composeDecisionList({ viewer, list }));
  return { text: (await mammoth.extractRawText({ buffer })).value, files: readZip(buffer) };
}

describe("the besluitenlijst as a Word document", () => {
  it("follows the seed layout, marks besloten decisions for members and leaves them out for the public", async () => {
    const body = makeBody({ kind: "bestuur", name: "Algemeen bestuur", code: "AB" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const plan = (date: string) => {
      const { id } = createMeeting({
        viewer: secretary,
        input: {
          bodyId: body.id,
          date,
          startTime: "10:00",
          endTime: "11:00",
          location: "Twentehuis",
          isPublic: true,
          chairName: "H. Wolters",
        },
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
        commitments: [
          { description: "Kader toelichten in de raden", personId: null, organisationId: null, dueOn: "2027-03-01" },
        ],
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
      "VOORZITTER",
      "H. Wolters",
      "NR.",
      "BESLUIT",
      "B1",
      "AB-2026-01-B1: Conform voorstel",
      "Toetsingskader vastgesteld.",
      "(uiterlijk 1 maart 2027)",
      "AB-2026-01-B1-2: Anders — BESLOTEN",
      "Personele afspraak gemaakt.",
    ]) {
      expect(concept.text).toContain(expected);
    }
    expect(concept.text).not.toContain("2027-03-01");
    // Word's properties: the title, the body as author, Dutch; the warning in the header of every page.
    const core = concept.files.get("docProps/core.xml")!;
    expect(core).toContain("<dc:title>Concept besluitenlijst Algemeen bestuur van 10 juni 2026</dc:title>");
    expect(core).toContain("<dc:creator>Algemeen bestuur</dc:creator>");
    expect(core).toContain("<dc:subject>");
    expect(concept.files.get("word/styles.xml")).toContain('w:lang w:val="nl-NL"');
    const headers = [...concept.files].filter(([name]) => /^word\/header\d*\.xml$/.test(name));
    expect(headers.map(([, xml]) => xml).join("")).toContain("Bevat besloten informatie — niet verder verspreiden");

    const next = plan("2026-09-09");
    const a1 = getMeeting({ viewer: secretary, id: next })!.sections.find((s) => s.section === "A")!.items[0];
    recordDecision({
      viewer: secretary,
      agendaItemId: a1.id,
      input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
    });
    const adopted = (await docx(null, june))!;
    expect(adopted.text).toContain("Besluitenlijst Algemeen bestuur van 10 juni 2026");
    expect(adopted.text).toContain("Toetsingskader vastgesteld.");
    expect(adopted.text).toContain("Het besloten deel is alleen voor leden beschikbaar.");
    expect(adopted.text).not.toContain("Personele afspraak");
    expect(adopted.text).not.toContain("BESLOTEN");
    const publicHeaders = [...adopted.files].filter(([name]) => /^word\/header\d*\.xml$/.test(name));
    expect(publicHeaders.map(([, xml]) => xml).join("")).not.toContain("besloten informatie");
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
    if (!list.visible) throw new Error("De secretaris ziet de conceptlijst");
    const buffer = await buildDecisionListDocx({
      ...composeDecisionList({ viewer: secretary, list }),
      actionList: {
        canProcess: false,
        reviews: [
          { actionId: 1, description: "Werkwijze opnemen", outcome: "Gerrit Koster, Politie: afgedaan" },
          { actionId: 2, description: "Invoering volgen", outcome: "Lotte Jansen: loopt door tot 15 januari 2027" },
        ],
      },
    });
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toMatch(/Actielijst\s+Werkwijze opnemen \(Gerrit Koster, Politie: afgedaan\)\s+Invoering volgen/);
  });
});
