import { describe, expect, it } from "vitest";
import { groupBySection, numberAgenda } from "./agenda-numbering";

describe("agenda numbering", () => {
  it("numbers the opening block 1, 2, 3 and the sections A1, A2, B1 … in order", () => {
    const items = [
      { id: "b1", section: "B" as const, position: 5 },
      { id: "o2", section: "opening" as const, position: 2 },
      { id: "a1", section: "A" as const, position: 1 },
      { id: "o1", section: "opening" as const, position: 1 },
      { id: "b2", section: "B" as const, position: 9 },
      { id: "d1", section: "D" as const, position: 1 },
    ];
    expect(numberAgenda(items).map((i) => [i.id, i.number])).toEqual([
      ["o1", "1"],
      ["o2", "2"],
      ["a1", "A1"],
      ["b1", "B1"],
      ["b2", "B2"],
      ["d1", "D1"],
    ]);
  });

  it("renumbers when an item moves: numbers are never stored", () => {
    const before = numberAgenda([
      { id: "x", section: "B" as const, position: 1 },
      { id: "y", section: "B" as const, position: 2 },
    ]);
    const after = numberAgenda([
      { id: "x", section: "B" as const, position: 2 },
      { id: "y", section: "B" as const, position: 1 },
    ]);
    expect(before.map((i) => i.id + i.number)).toEqual(["xB1", "yB2"]);
    expect(after.map((i) => i.id + i.number)).toEqual(["yB1", "xB2"]);
  });

  it("groups by section with empty sections kept, so the agenda always shows A to D", () => {
    const groups = groupBySection([{ section: "C" as const, position: 1 }]);
    expect(groups.map((g) => [g.section, g.items.length])).toEqual([
      ["opening", 0],
      ["A", 0],
      ["B", 0],
      ["C", 1],
      ["D", 0],
    ]);
  });
});
