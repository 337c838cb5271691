import { describe, expect, it } from "vitest";
import { slugFromTitle } from "./slug";

describe("slugFromTitle", () => {
  it("proposes a short address from the title", () => {
    expect(slugFromTitle("Nieuwsbrief december 2026")).toBe("december-2026");
    expect(slugFromTitle("Nieuwsbrief Zorg, Veiligheid & Straf — café-editie")).toBe(
      "zorg-veiligheid-straf-cafe-editie",
    );
    expect(slugFromTitle("  Extra editie: 1 april!  ")).toBe("extra-editie-1-april");
  });

  it("keeps the word when it is all there is, and gives nothing for a title without letters", () => {
    expect(slugFromTitle("Nieuwsbrief")).toBe("nieuwsbrief");
    expect(slugFromTitle("—")).toBe("");
  });
});
