import { describe, expect, it } from "vitest";
import { commitmentLabel, commitmentOwner } from "./commitment-owner";

describe("naming who made a toezegging", () => {
  it("names person and organisation, either alone, or nobody without a stray colon", () => {
    expect(commitmentLabel(commitmentOwner({ personName: "Fleur Hendriks", organisationName: "VRT" }))).toBe(
      "Toezegging Fleur Hendriks, VRT",
    );
    expect(commitmentOwner({ personName: null, organisationName: "VNG" })).toBe("VNG");
    expect(commitmentOwner({ personName: "Werkgroep-trekker", organisationName: null })).toBe("Werkgroep-trekker");
    expect(commitmentLabel(commitmentOwner({ personName: null, organisationName: null }))).toBe("Toezegging");
  });
});
