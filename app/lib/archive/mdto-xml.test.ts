import { describe, expect, it } from "vitest";
import { xmlProblems } from "../../../tests/xmllint";
import { fileXml, informationObjectXml } from "./mdto-xml";

const SCHEMA = "standards/mdto/MDTO-XML1.0.2.xsd";
const creator = { name: "Samenwerkingsverband Zorg, Veiligheid en Straf Twente", id: "archiefvormer" };

describe("MDTO 1.0.2", () => {
  it("writes a dossier, a besloten archiefstuk and a bestand that the schema accepts", () => {
    const dossier = informationObjectXml({
      id: "vergadering-7",
      name: "Vergadering Algemeen bestuur & co, 12 maart 2026",
      level: "Dossier",
      created: "2026-03-12",
      termStart: "2026-03-12",
      appraisal: { waardering: "B", categorie: "1.1", selectielijst: "Selectielijst Gremium" },
      restriction: { openbaar: true },
      creator,
      parts: [{ name: "Agenda", id: "vergadering-7-agenda" }],
    });
    expect(xmlProblems(dossier, SCHEMA)).toBe("");
    const paper = informationObjectXml({
      id: "stuk-12",
      name: "Casus <nazorg>",
      level: "Archiefstuk",
      created: "2026-03-01T10:00:00Z",
      termStart: "2026-03-12",
      appraisal: { waardering: "V", bewaartermijn: "P10Y", categorie: "1.3", selectielijst: "Selectielijst Gremium" },
      restriction: { openbaar: false, reden: "Besloten stuk (Woo art. 5.1)" },
      creator,
      partOf: { name: "Vergadering", id: "vergadering-7" },
      representations: [{ name: "casus.pdf", id: "stuk-12-v1" }],
    });
    expect(xmlProblems(paper, SCHEMA)).toBe("");
    expect(paper).toContain("Casus &lt;nazorg&gt;");
    const file = fileXml({
      id: "stuk-12-v1",
      name: "casus.pdf",
      size: 1234,
      format: { label: "Acrobat PDF 1.7 - Portable Document Format", pronom: "fmt/276" },
      sha256: "a".repeat(64),
      checksumAt: "2026-03-01T10:00:00Z",
      of: { name: "Casus", id: "stuk-12" },
    });
    expect(xmlProblems(file, SCHEMA)).toBe("");
  });

  it("is refused by the schema without a name (the check can fail)", () => {
    const broken = fileXml({
      id: "x",
      name: "",
      size: 1,
      format: { label: "PDF", pronom: "fmt/276" },
      sha256: "b".repeat(64),
      checksumAt: "2026-03-01T10:00:00Z",
      of: { name: "X", id: "y" },
    });
    expect(xmlProblems(broken, SCHEMA)).toMatch(/naam/);
  });
});
