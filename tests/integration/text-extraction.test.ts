import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../factories";
import { extractText } from "../../app/lib/text-extraction.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { addDocument, replaceDocument } from "../../app/models/documents.server";
import { createMeeting, publishAgenda } from "../../app/models/meetings.server";
import { search } from "../../app/models/search.server";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "../fixtures", name)));

describe("text from uploaded files", () => {
  it("reads the text of a real PDF and a real Word file, and nothing from other files", async () => {
    expect(await extractText(fixture("adviesnota.pdf"))).toContain(
      "Voorstel voor een geïntegreerde aanpak van zorgmijding",
    );
    expect(await extractText(fixture("verslag.docx"))).toContain("De signalenkaart voor wijkteams is verspreid");
    expect(await extractText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("");
  });

  it("makes an uploaded file findable by its content, and a replacement replaces what is found", async () => {
    const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const { id: meetingId } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2026-09-17",
        startTime: "13:30",
        endTime: "15:30",
        location: "x",
        isPublic: true,
      },
    });
    publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
    const item = addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject: "Zorg", proposalMarkdown: "", isConfidential: false },
    });
    const pdf = fixture("adviesnota.pdf");
    const { id } = addDocument({
      viewer: secretary,
      agendaItemId: item.id,
      title: "Adviesnota",
      isConfidential: false,
      content: { fileName: "adviesnota.pdf", bytes: pdf, extractedText: await extractText(pdf) },
    });
    const found = (q: string) => search({ viewer: null, query: q }).results.map((r) => r.href);
    // A hit leads to the paper itself, in its current version.
    expect(found("geintegreerde zorgmijding")).toEqual([expect.stringMatching(/^\/stukken\/\d+$/)]);
    const first = found("geintegreerde zorgmijding")[0];
    const docx = fixture("verslag.docx");
    replaceDocument({
      viewer: secretary,
      documentId: id,
      expectedVersion: 1,
      content: { fileName: "verslag.docx", bytes: docx, extractedText: await extractText(docx) },
    });
    expect(found("zorgmijding")).toEqual([]);
    expect(found("signalenkaart")).toEqual([expect.stringMatching(/^\/stukken\/\d+$/)]);
    expect(found("signalenkaart")).not.toEqual([first]);
  });
});
