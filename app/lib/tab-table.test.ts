import { describe, expect, it } from "vitest";
import { tabBlocksToTables } from "./tab-table";

describe("tab-separated text as a table", () => {
  it("turns a block copied from a spreadsheet into a Markdown table with a header row", () => {
    const pasted =
      "Planning:\nAmbitie\tFocus\tTrekker\n7a\t2016/2017\tGemeente Enschede\n7b\t2018\tVNG | regio\nEinde.";
    expect(tabBlocksToTables(pasted)).toBe(
      [
        "Planning:",
        "",
        "| Ambitie | Focus | Trekker |",
        "| --- | --- | --- |",
        "| 7a | 2016/2017 | Gemeente Enschede |",
        "| 7b | 2018 | VNG \\| regio |",
        "",
        "Einde.",
      ].join("\n"),
    );
  });

  it("leaves a single tabbed line, code and indented code alone", () => {
    expect(tabBlocksToTables("Naam\tWaarde")).toBe("Naam\tWaarde");
    const code = "```\na\tb\nc\td\n```";
    expect(tabBlocksToTables(code)).toBe(code);
    expect(tabBlocksToTables("\tcode\tx\n\tmeer\ty")).toBe("\tcode\tx\n\tmeer\ty");
  });
});
