import { describe, expect, it } from "vitest";
import { fitText, fitTexts, plainText } from "./values";

describe("texts for the ODS standard", () => {
  it("keeps a text that fits, and cuts a longer one at a word with an ellipsis", () => {
    expect(fitText("Twentehuis", 100)).toBe("Twentehuis");
    expect(fitText("Raadzaal  van\nhet stadhuis", 100)).toBe("Raadzaal van het stadhuis");
    const cut = fitText("Evaluatie van de samenwerking tussen zorg en veiligheid", 30);
    expect(cut).toBe("Evaluatie van de samenwerking…");
    expect(cut.length).toBeLessThanOrEqual(30);
    // One long word is cut inside it rather than lost.
    expect(fitText("a".repeat(50), 10)).toBe(`${"a".repeat(9)}…`);
  });

  it("names the whole texts only of the fields it had to shorten", () => {
    expect(fitTexts({ naam: { text: "Kort", max: 10 } })).toEqual({ fitted: { naam: "Kort" }, volledigeTekst: {} });
    const long = "Een locatie met een veel te lange omschrijving";
    expect(fitTexts({ naam: { text: "Kort", max: 10 }, locatie: { text: long, max: 20 } })).toEqual({
      fitted: { naam: "Kort", locatie: "Een locatie met een…" },
      volledigeTekst: { volledigeTekst: { locatie: long } },
    });
  });

  it("reads stored HTML as one line of plain text", () => {
    expect(
      plainText("<p>Kader <strong>vastgesteld</strong> &amp; gedeeld.</p><ul><li>Eén</li><li>Twee</li></ul>"),
    ).toBe("Kader vastgesteld & gedeeld. Eén Twee");
  });
});
