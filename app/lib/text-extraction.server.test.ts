import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { buildAgendaPdf } from "./pdf/meeting-documents.server";
import { readPaper } from "./text-extraction.server";

async function untaggedPdf(text: string | null) {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  if (text) page.drawText(text, { x: 60, y: 700, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

describe("reading an uploaded paper", () => {
  it("names what a screen reader misses in an untagged PDF, and gives its text as a page", async () => {
    const reading = await readPaper(await untaggedPdf("Het plan van aanpak."));
    expect(reading.accessibilityProblems).toEqual([
      "geen tags (structuur)",
      "geen documenttitel",
      "geen taal ingesteld",
    ]);
    expect(reading.extractedText).toBe("Het plan van aanpak.");
    expect(reading.textHtml).toBe("<h2>Pagina 1</h2>\n<p>Het plan van aanpak.</p>");
    // A scan has no text at all.
    expect((await readPaper(await untaggedPdf(null))).accessibilityProblems).toContain("geen tekstlaag (gescand?)");
  });

  it("finds nothing missing in a tagged PDF/UA file, such as Gremium's own", async () => {
    const pdf = buildAgendaPdf(
      {
        id: 1,
        bodyName: "Stuurgroep",
        startsAt: Date.UTC(2026, 11, 10, 9),
        endsAt: Date.UTC(2026, 11, 10, 11),
        location: "Enschede",
        chairName: null,
        secretaryName: null,
        inviteesNote: null,
        invitees: [],
        isPublic: true,
        registrationNumber: null,
        status: "gepubliceerd",
        sections: [
          {
            section: "opening",
            items: [
              { id: 1, number: "1", subject: "Opening", isConfidential: false, proposalHtml: null, presenter: null },
            ],
          },
        ],
      },
      [],
      { base: "https://gremium.example" },
    );
    expect((await readPaper(pdf)).accessibilityProblems).toEqual([]);
  });

  it("keeps a Word file's headings in its text version, and checks no other kind of file", async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Aanleiding" }),
              new Paragraph({ text: "De regio vraagt om één aanpak." }),
            ],
          },
        ],
      }),
    );
    const reading = await readPaper(new Uint8Array(docx));
    expect(reading.textHtml).toBe("<h2>Aanleiding</h2><p>De regio vraagt om één aanpak.</p>");
    expect(reading.accessibilityProblems).toBeNull();
    expect(reading.extractedText).toBe("Aanleiding De regio vraagt om één aanpak.");
  });
});
