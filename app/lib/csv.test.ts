import { describe, expect, it } from "vitest";
import { toExcelCsv } from "./csv";

describe("CSV for Dutch Excel", () => {
  it("starts with a byte-order mark, separates with semicolons and quotes what needs quoting", () => {
    const csv = toExcelCsv([
      ["Actie", "Termijn"],
      ['Notitie "concept"; versie 2', "1-12-2026"],
      ["Regel\nmet breuk", null],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Actie;Termijn",
      '"Notitie ""concept""; versie 2";1-12-2026',
      '"Regel\nmet breuk";',
      "",
    ]);
  });

  it("defuses cells that Excel would run as a formula", () => {
    expect(toExcelCsv([['=HYPERLINK("x")', "-2", "@SUM(A1)", "gewoon"]]).slice(1)).toBe(
      '"\'=HYPERLINK(""x"")";\'-2;\'@SUM(A1);gewoon\r\n',
    );
  });
});
