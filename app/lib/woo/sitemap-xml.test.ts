import { describe, expect, it } from "vitest";
import { xmlProblems } from "../../../tests/xmllint";
import { categoryOf } from "./categories";
import type { WooEntry } from "./entry";
import { sitemapIndexXml, sitemapXml } from "./sitemap-xml";

const SCHEMA = "tests/standards/sitemap-diwoo.xsd";
const publisher = { name: "gemeente Enschede", uri: "https://identifier.overheid.nl/tooi/id/gemeente/gm0153" };
const at = Date.UTC(2026, 2, 12, 9, 30);
const entry = (overrides: Partial<WooEntry> = {}): WooEntry => ({
  path: "/vergaderingen/7/agenda.docx",
  lastModified: at,
  category: "vergaderstukken",
  title: "Agenda Algemeen bestuur & co 12 maart 2026",
  documentKinds: ["agenda"],
  handling: { kind: "vaststelling", at },
  createdOn: "2026-03-12",
  format: "DOCX",
  identifiers: ["AB/2026/03"],
  partOf: { path: "/vergaderingen/7", title: "Vergadering Algemeen bestuur van donderdag 12 maart 2026" },
  replaced: false,
  ...overrides,
});

describe("the Woo category of a public record", () => {
  it("follows the body's footing, with adviezen and jaarplannen as categories of their own", () => {
    expect(categoryOf({ kind: "stuk", footing: "algemeen-bestuur" })).toBe("vergaderstukken");
    expect(categoryOf({ kind: "besluitenlijst", footing: "algemeen-bestuur" })).toBe("vergaderstukken");
    expect(categoryOf({ kind: "agenda", footing: "dagelijks-bestuur" })).toBe("bestuurscolleges");
    expect(categoryOf({ kind: "stuk", footing: "dagelijks-bestuur" })).toBe("inspanningsverplichting");
    expect(categoryOf({ kind: "stuk", footing: "dagelijks-bestuur", isAdvice: true })).toBe("adviezen");
    expect(categoryOf({ kind: "stuk", footing: "algemeen-bestuur", isAdvice: true })).toBe("adviezen");
    expect(categoryOf({ kind: "jaarplan", footing: "artikel-3-1" })).toBe("jaarplannen");
    expect(categoryOf({ kind: "agenda", footing: "artikel-3-1" })).toBe("inspanningsverplichting");
  });
});

describe("the Woo sitemaps", () => {
  it("validate against the sitemap protocol with DiWoo 0.9.8 metadata, escaped and complete", () => {
    const xml = sitemapXml("https://gremium.example", publisher, [
      entry(),
      entry({
        path: "/stukken/12/bestand",
        title: "Adviesnota <concept> (versie 1)",
        documentKinds: ["advies"],
        category: "adviezen",
        handling: { kind: "ontvangst", at },
        format: "PDF",
        identifiers: ["5-1"],
        replaced: true,
      }),
      entry({
        path: "/jaarplannen/3.docx",
        category: "jaarplannen",
        documentKinds: ["jaarplan", "jaarverslag"],
        partOf: null,
      }),
    ]);
    expect(xmlProblems(xml, SCHEMA)).toBe("");
    expect(xml).toContain("Agenda Algemeen bestuur &amp; co");
    expect(xml).toContain("Adviesnota &lt;concept&gt;");
    expect(xml).toContain(
      '<diwoo:informatiecategorie resource="https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3">',
    );
    expect(xml).toContain("<diwoo:redenVerwijderingVervanging");
    expect(xml.match(/<diwoo:redenVerwijderingVervanging/g)).toHaveLength(1);
    const index = sitemapIndexXml("https://gremium.example", "008", [{ lastModified: at }, { lastModified: at }]);
    expect(xmlProblems(index, SCHEMA)).toBe("");
    expect(index).toContain("https://gremium.example/sitemaps/sitemap-diwoo-infocat008-2.xml");
  });

  it("would be refused by the schema with a publisher outside the TOOI lists (the check can fail)", () => {
    const xml = sitemapXml("https://gremium.example", { name: "Gremium", uri: "https://gremium.example/org" }, [
      entry(),
    ]);
    expect(xmlProblems(xml, SCHEMA)).toMatch(/publisher/);
  });
});
