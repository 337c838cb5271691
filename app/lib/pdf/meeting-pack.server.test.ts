import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { accessibilityProblems, pdfHeadings, pdfInfo } from "../../../tests/pdfinfo";
import { renderMarkdown } from "../markdown.server";
import { buildMeetingPack, type PackInput } from "./meeting-pack.server";

const dir = mkdtempSync(join(tmpdir(), "pack-"));

async function writePdf(name: string, pages: string[]) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 60, y: 700, size: 12, font });
  const path = join(dir, name);
  writeFileSync(path, await doc.save());
  return path;
}

async function read(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const outline = (await pdf.getOutline()) ?? [];
  return { pdf, pages: text as string[], outline };
}

async function input(): Promise<PackInput> {
  return {
    meeting: {
      bodyName: "Stuurgroep Zorg, Veiligheid en Straf",
      startsAt: Date.UTC(2026, 11, 10, 9),
      endsAt: Date.UTC(2026, 11, 10, 11),
      location: "Twentehuis, Enschede",
      registrationNumber: null,
      url: "https://gremium.example/vergaderingen/1",
    },
    forMembers: false,
    items: [
      { number: "1", subject: "Opening", presenter: null, proposalHtml: null, isConfidential: false, documents: [] },
      {
        number: "A1",
        subject: "Jaarplan Zorg- en Veiligheidshuis 2027",
        presenter: "Ingrid Mulder",
        proposalHtml: "<p>Instemmen met het jaarplan.</p>",
        isConfidential: false,
        documents: [
          {
            kind: "pdf",
            title: "Jaarplan 2027",
            isConfidential: false,
            url: "https://gremium.example/stukken/1",
            fileName: "jaarplan.pdf",
            path: await writePdf("jaarplan.pdf", [
              "Jaarplan pagina een",
              "Jaarplan pagina twee",
              "Jaarplan pagina drie",
            ]),
          },
          {
            kind: "note",
            title: "Toelichting",
            isConfidential: false,
            url: "https://gremium.example/stukken/2",
            html: renderMarkdown(
              "## Achtergrond\n\nDe **regio** vraagt om één aanpak[^bron] — zie [de site](https://example.org).\n\n- eerste punt\n- tweede punt\n\n[^bron]: Advies van de expertgroep, juni 2022.\n",
            ),
          },
          {
            kind: "file",
            title: "Begroting",
            isConfidential: false,
            url: "https://gremium.example/stukken/3/bestand",
            fileName: "begroting.xlsx",
            typeLabel: "Excel-bestand",
          },
        ],
      },
      { number: "B1", subject: null, presenter: null, proposalHtml: null, isConfidential: true, documents: [] },
    ],
  };
}

describe("the meeting pack", () => {
  it("opens with the agenda, merges PDFs, sets notes as pages and gives every page a header", async () => {
    const progress: [number, number][] = [];
    const bytes = await buildMeetingPack(await input(), (done, total) => progress.push([done, total]));
    // Its own pages are tagged PDF/UA, read by an independent reader.
    expect(accessibilityProblems(bytes)).toEqual([]);
    expect(pdfInfo(bytes).Title).toBe(
      "Vergaderstukken Stuurgroep Zorg, Veiligheid en Straf, donderdag 10 december 2026",
    );
    expect(pdfHeadings(bytes)).toEqual([
      "H1 Vergaderstukken Stuurgroep Zorg, Veiligheid en Straf, donderdag 10 december 2026",
      "H2 Agenda",
      "H2 A1. Jaarplan Zorg- en Veiligheidshuis 2027",
      "H3 Voorstel / advies",
      "H3 Stukken",
      "H3 Toelichting",
      "H4 Achtergrond",
      "H4 Voetnoten",
    ]);
    const { pdf, pages, outline } = await read(bytes);
    // Cover, item page, three merged pages, one note page.
    expect(pdf.numPages).toBe(6);
    expect(pages[0]).toContain("Vergaderstukken");
    expect(pages[0]).toContain("Besloten agendapunt");
    expect(pages[0]).toMatch(/Jaarplan Zorg- en Veiligheidshuis 2027\s*2/);
    expect(pages[0]).toMatch(/Jaarplan 2027\s*3/);
    expect(pages[0]).toMatch(/Toelichting\s*6/);
    expect(pages[1]).toContain("Instemmen met het jaarplan.");
    // A long address may wrap.
    expect(pages[1].replace(/\n/g, "")).toContain("https://gremium.example/stukken/3/bestand");
    expect(pages[3]).toContain("Jaarplan pagina twee");
    expect(pages[3].replace(/\s+/g, " ")).toContain(
      "Agendapunt A1: Jaarplan Zorg- en Veiligheidshuis 2027 — Jaarplan 2027",
    );
    expect(pages[5]).toContain("De regio vraagt om één aanpak[1]");
    expect(pages[5]).toMatch(/Voetnoten\s*1\.\s*Advies van de expertgroep, juni 2022\./);
    expect(pages[5]).toContain("Pagina 6 van 6");
    expect(pages.every((text) => text.includes("Openbare stukken"))).toBe(true);

    expect(outline.map((entry) => entry.title)).toEqual(["Agenda", "A1. Jaarplan Zorg- en Veiligheidshuis 2027"]);
    expect(outline[1].items.map((entry) => entry.title)).toEqual(["Jaarplan 2027", "Toelichting"]);
    const dest = outline[1].items[0].dest as unknown[];
    expect(await pdf.getPageIndex(dest[0] as never)).toBe(2);

    expect(progress[0]).toEqual([0, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
  });

  it("names a damaged PDF instead of failing, and sets any language's letters", async () => {
    const pack = await input();
    const broken = join(dir, "kapot.pdf");
    writeFileSync(broken, "%PDF-1.7 niet echt");
    pack.items[1].documents[0] = { ...pack.items[1].documents[0], path: broken } as never;
    pack.items[1].subject = "Aanpak in Łódź en 東京 ✓";
    const { pdf, pages } = await read(await buildMeetingPack(pack));
    expect(pdf.numPages).toBe(3);
    expect(pages[1]).toContain("niet kon worden samengevoegd");
    expect(pages[1]).toContain("Aanpak in Łódź");
  });

  it("warns on every page of a pack with besloten content, as the Word files do", async () => {
    const base = await input();
    const pack = {
      ...base,
      forMembers: true,
      items: base.items.map((item) =>
        item.number === "B1" ? { ...item, subject: "Casus nazorg", isConfidential: true } : item,
      ),
    };
    const { pages } = await read(await buildMeetingPack(pack));
    expect(pages.every((text) => text.includes("Bevat besloten informatie — niet verder verspreiden"))).toBe(true);
    expect(pages[0]).toContain("B1 Casus nazorg (BESLOTEN)");
    // The public pack shows the besloten item by its number only, and carries no such warning.
    const { pages: publicPages } = await read(await buildMeetingPack(base));
    expect(publicPages.some((text) => text.includes("besloten informatie"))).toBe(false);
  });

  it("numbers pages right when the agenda itself runs over more than one page", async () => {
    const pack = await input();
    const filler = Array.from({ length: 60 }, (_, i) => ({
      number: `C${i + 1}`,
      subject: `Ingekomen stuk ${i + 1}`,
      presenter: null,
      proposalHtml: null,
      isConfidential: false,
      documents: [],
    }));
    pack.items.splice(1, 0, ...filler);
    const { pdf, pages, outline } = await read(await buildMeetingPack(pack));
    const coverPages = pdf.numPages - 5;
    expect(coverPages).toBeGreaterThan(1);
    const itemPage = await pdf.getPageIndex((outline[1].dest as unknown[])[0] as never);
    expect(itemPage).toBe(coverPages);
    expect(pages.slice(0, coverPages).join(" ")).toMatch(new RegExp(`Veiligheidshuis 2027\\s*${coverPages + 1}`));
  });
});
