import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../factories";
import { readZip } from "../zip";
import { buildAgendaDocx, proposalLines } from "../../app/lib/docx.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { createMeeting, getMeeting, publishAgenda } from "../../app/models/meetings.server";

async function docxText(buffer: Buffer) {
  return (await mammoth.extractRawText({ buffer })).value;
}

describe("the agenda as a Word document", () => {
  it("is laid out like the seed agenda and holds besloten content only for those who may see it", async () => {
    const body = makeBody({ name: "Algemeen bestuur" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    const { id } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2026-06-10",
        startTime: "10:00",
        endTime: "11:00",
        location: "Twentehuis, vergaderruimte 501-503",
        chairName: "H. Wolters",
        secretaryName: "S. Kuipers",
        isPublic: true,
        registrationNumber: "2026-000005",
      },
    });
    addAgendaItem({
      viewer: secretary,
      meetingId: id,
      input: {
        section: "B",
        subject: "Toetsingskader organisatie",
        proposalMarkdown: "1. Te starten.\n2. Vast te stellen.",
        isConfidential: false,
      },
    });
    addAgendaItem({
      viewer: secretary,
      meetingId: id,
      input: {
        section: "B",
        subject: "Personele kwestie directie",
        proposalMarkdown: "Vertrouwelijk advies",
        presenter: "Voorzitter",
        isConfidential: true,
      },
    });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });

    const publicText = await docxText(await buildAgendaDocx(getMeeting({ viewer: null, id })!));
    for (const expected of [
      "DATUM",
      "woensdag 10 juni 2026",
      "PLAATS",
      "Twentehuis, vergaderruimte 501-503",
      "TIJDSTIP",
      "10.00-11.00 uur",
      "VOORZITTER",
      "H. Wolters",
      "SECRETARIS",
      "Agenda Algemeen bestuur van 10 juni 2026 (reg.nr. 2026-000005)",
      "NR.",
      "ONDERWERP",
      "VOORSTEL/ADVIES",
      "BESLUIT",
      "A Hamerstukken",
      "B Bespreekstukken",
      "B1",
      "Toetsingskader organisatie",
      "1. Te starten.",
      "2. Vast te stellen.",
      "Besloten agendapunt",
    ]) {
      expect(publicText).toContain(expected);
    }
    expect(publicText).not.toContain("Personele kwestie");
    expect(publicText).not.toContain("Vertrouwelijk advies");

    expect(publicText).not.toContain("BESLOTEN");

    // A member's file holds the besloten item, marked, and warns on every page: it is a file that gets forwarded.
    const memberFile = await buildAgendaDocx(getMeeting({ viewer: member, id })!);
    const memberText = await docxText(memberFile);
    expect(memberText).toMatch(/BESLOTEN\s+Personele kwestie directie/);
    expect(memberText).toContain("Vertrouwelijk advies");
    const files = readZip(memberFile);
    const headers = [...files].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, xml]) => xml);
    expect(headers.join("")).toContain("Bevat besloten informatie — niet verder verspreiden");
    expect(files.get("docProps/core.xml")).toContain("<dc:title>Agenda Algemeen bestuur van 10 juni 2026");
    expect(files.get("docProps/core.xml")).toContain("<dc:creator>Algemeen bestuur</dc:creator>");
    expect(files.get("word/styles.xml")).toContain('w:lang w:val="nl-NL"');
    const publicHeaders = [...readZip(await buildAgendaDocx(getMeeting({ viewer: null, id })!))].filter(([name]) =>
      name.startsWith("word/header"),
    );
    expect(publicHeaders).toEqual([]);
  });

  it("turns stored proposal HTML into lines with list numbers kept", () => {
    expect(
      proposalLines(
        '<ol start="3"><li>Vast te stellen.</li><li>Te &amp; doen.</li></ol><p>Toelichting.</p><ul><li>punt</li></ul>',
      ),
    ).toEqual(["3. Vast te stellen.", "4. Te & doen.", "Toelichting.", "• punt"]);
  });
});
