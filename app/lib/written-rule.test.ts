import { describe, expect, it } from "vitest";
import { outcomeOf, tallyOf } from "./written-rule";

describe("the outcome of a written procedure", () => {
  it("'tenzij bezwaar': silence and abstention consent, one objection rejects", () => {
    expect(outcomeOf("tenzij-bezwaar", 50, tallyOf([null, null, "onthouden"]))).toBe("aangenomen");
    expect(outcomeOf("tenzij-bezwaar", 50, tallyOf(["instemmen", "niet-instemmen", "instemmen"]))).toBe("verworpen");
  });

  it("a majority needs the quorum of answers, counting abstentions, and more yes than no", () => {
    // 2 of 5 answered: below 50 %.
    expect(outcomeOf("meerderheid", 50, tallyOf(["instemmen", "instemmen", null, null, null]))).toBe("geen-quorum");
    // 3 of 5 answered (one abstains): 2 yes against 0 no.
    expect(outcomeOf("meerderheid", 50, tallyOf(["instemmen", "instemmen", "onthouden", null, null]))).toBe(
      "aangenomen",
    );
    // Exactly the quorum, a tie: no majority.
    expect(outcomeOf("meerderheid", 50, tallyOf(["instemmen", "niet-instemmen", null, null]))).toBe("verworpen");
    expect(outcomeOf("meerderheid", 50, tallyOf([]))).toBe("geen-quorum");
  });
});
