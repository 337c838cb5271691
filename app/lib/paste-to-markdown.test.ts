import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "./paste-to-markdown";

describe("htmlToMarkdown", () => {
  it("turns a paste from Word into clean Markdown: heading, emphasis, link, nested and numbered lists, a table", () => {
    const word = readFileSync("tests/fixtures/word-paste.html", "utf8");
    expect(htmlToMarkdown(word)).toBe(
      [
        "## Advies aan het algemeen bestuur",
        "",
        "Het dagelijks bestuur stelt voor het **toetsingskader** vast te stellen en de *evaluatie* in het voorjaar te bespreken. Zie ook [het jaarplan](https://www.zorgenveiligheidstwente.nl/jaarplan).",
        "",
        "- Eén kader voor alle veertien gemeenten",
        "    - ook voor de BES-eilanden",
        "- Jaarlijkse toetsing door de stuurgroep",
        "",
        "Besluit:",
        "",
        "1. Het toetsingskader vast te stellen.",
        "2. De evaluatie in april 2027 te agenderen.",
        "",
        "| **Gemeente** | **Bijdrage 2027** |",
        "| --- | --- |",
        "| Hengelo | € 12.500 |",
      ].join("\n"),
    );
  });

  it("keeps a paste from a web page's list and table as they are", () => {
    expect(htmlToMarkdown("<ul><li>een</li><li>twee</li></ul><p>Zie <a href='/besluiten'>besluiten</a></p>")).toBe(
      "- een\n- twee\n\nZie [besluiten](/besluiten)",
    );
  });
});
