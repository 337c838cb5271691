import { describe, expect, it } from "vitest";
import { makeViewer } from "../../tests/factories";
import { ConflictError, Forbidden, RuleError } from "./errors";
import {
  getSiteSettingsForEdit,
  getStatement,
  getWooPublisher,
  setStatements,
  setWooPublisher,
} from "./site-settings.server";

describe("the site's settings", () => {
  it("shows Gremium's own statements until the beheerder writes the site's, and again when emptied", async () => {
    const beheerder = await makeViewer({ role: "beheerder" });
    const before = getStatement({ viewer: null, kind: "toegankelijkheid" });
    expect(before.html).toContain("<h2>Wat nog niet voldoet</h2>");
    expect(before.changedAt).toBeNull();
    const edit = getSiteSettingsForEdit({ viewer: beheerder });
    expect(edit.privacyMarkdown).toContain("## Uw rechten");

    setStatements({
      viewer: beheerder,
      expectedVersion: edit.version,
      input: {
        accessibilityStatus: "C",
        accessibilityMarkdown: "## Onderzoek\n\nIn 2027 laten we de site <script>x</script>toetsen.",
        privacyMarkdown: edit.privacyMarkdown,
      },
    });
    const after = getStatement({ viewer: null, kind: "toegankelijkheid" });
    expect(after.accessibilityStatus).toBe("C");
    expect(after.html).toContain("<h2>Onderzoek</h2>");
    expect(after.html).not.toContain("<script>");
    expect(after.changedAt).not.toBeNull();

    // A second beheerder with the form of before is told, not overwritten.
    expect(() =>
      setStatements({
        viewer: beheerder,
        expectedVersion: edit.version,
        input: { accessibilityStatus: "A", accessibilityMarkdown: "", privacyMarkdown: "" },
      }),
    ).toThrow(ConflictError);

    setStatements({
      viewer: beheerder,
      expectedVersion: getSiteSettingsForEdit({ viewer: beheerder }).version,
      input: { accessibilityStatus: "C", accessibilityMarkdown: "  ", privacyMarkdown: "" },
    });
    expect(getStatement({ viewer: null, kind: "toegankelijkheid" }).html).toContain("Wat nog niet voldoet");
  });

  it("takes a publisher only from the TOOI lists, by name or address, and only from the beheerder", async () => {
    const beheerder = await makeViewer({ role: "beheerder" });
    const version = () => getSiteSettingsForEdit({ viewer: beheerder }).version;
    expect(getWooPublisher()).toBeNull();
    expect(() =>
      setWooPublisher({ viewer: beheerder, publisher: "Gemeente Nergenshuizen", expectedVersion: version() }),
    ).toThrow(RuleError);
    setWooPublisher({ viewer: beheerder, publisher: "Gemeente enschede", expectedVersion: version() });
    expect(getWooPublisher()).toEqual({
      name: "gemeente Enschede",
      uri: "https://identifier.overheid.nl/tooi/id/gemeente/gm0153",
    });
    setWooPublisher({
      viewer: beheerder,
      publisher: "https://identifier.overheid.nl/tooi/id/so/so0679",
      expectedVersion: version(),
    });
    expect(getWooPublisher()?.name).toBe("Veiligheidsregio Twente");
    const secretariaat = await makeViewer({ role: "secretariaat" });
    expect(() =>
      setWooPublisher({ viewer: secretariaat, publisher: "gemeente Enschede", expectedVersion: version() }),
    ).toThrow(Forbidden);
  });
});
