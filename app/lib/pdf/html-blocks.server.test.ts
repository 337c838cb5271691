import { describe, expect, it } from "vitest";
import { htmlToBlocks } from "./html-blocks.server";

const base = "https://gremium.example";

describe("stored HTML as blocks for a PDF", () => {
  it("numbers headings on from where the text stands, never skipping a level", () => {
    const blocks = htmlToBlocks("<h2>Inleiding</h2><p>Tekst</p><h4>Detail</h4>", { underLevel: 3, base });
    expect(blocks.filter((b) => b.k === "h").map((b) => (b as { l: number }).l)).toEqual([4, 5]);
    // In a table cell a heading cannot stand: it becomes a bold paragraph.
    expect(htmlToBlocks("<h2>Kop</h2>", { underLevel: 2, base, inCell: true })).toEqual([
      { k: "p", c: [{ k: "b", c: [{ k: "t", v: "Kop" }] }] },
    ]);
  });

  it("keeps lists with their start, tables with their header row, and links as absolute addresses", () => {
    const blocks = htmlToBlocks(
      '<ol start="3"><li>Drie &amp; meer</li></ol><table><thead><tr><th>Wie</th><th>Wat</th></tr></thead><tbody><tr><td><a href="/stukken/4">Stuk</a></td></tr></tbody></table><p><a href="#vn-1">1</a> <a href="https://x.example">extern</a></p>',
      { underLevel: 1, base },
    );
    expect(blocks[0]).toEqual({ k: "ol", start: 3, items: [[{ k: "p", c: [{ k: "t", v: "Drie & meer" }] }]] });
    expect(blocks[1]).toEqual({
      k: "table",
      columns: 2,
      head: [[{ k: "t", v: "Wie" }], [{ k: "t", v: "Wat" }]],
      body: [[[{ k: "a", href: `${base}/stukken/4`, c: [{ k: "t", v: "Stuk" }] }], []]],
    });
    // An in-page anchor has nowhere to go in a PDF: its text stays.
    expect(blocks[2]).toEqual({
      k: "p",
      c: [
        { k: "t", v: "1 " },
        { k: "a", href: "https://x.example", c: [{ k: "t", v: "extern" }] },
      ],
    });
  });

  it("reads nothing into an empty text", () => {
    expect(htmlToBlocks(null, { underLevel: 1, base })).toEqual([]);
    expect(htmlToBlocks("  ", { underLevel: 1, base })).toEqual([]);
  });
});
