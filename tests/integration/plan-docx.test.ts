import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { buildPlanDocx } from "../../app/lib/docx.server";

describe("an annual plan as a Word document", () => {
  it("holds the chapters, goals, budget with totals and the jaarverslag", async () => {
    const buffer = await buildPlanDocx({
      title: "Jaarplan 2026 Zorg- en Veiligheidshuis Twente",
      bodyName: "Themagroep Versteviging ZVHT",
      year: 2026,
      statusLabel: "Vastgesteld",
      adoption: "vastgesteld door de stuurgroep op 12 februari 2026",
      chapters: [{ title: "Inleiding", bodyHtml: "<p>Het Zorg- en Veiligheidshuis verbindt zorg &amp; straf.</p>" }],
      goals: [
        { title: "Beter triëren", ownerName: "Daan Smit", quarter: 2, statusLabel: "Afgerond", progressNote: "Klaar." },
      ],
      budget: [
        { kindLabel: "Baten", lines: [{ description: "Rijksbijdrage", amount: "€ 637.000" }], total: "€ 637.000" },
      ],
      saldo: "€ 637.000",
      reportHtml: "<p>Het jaar in het kort.</p>",
    });
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain("Jaarplan 2026 Zorg- en Veiligheidshuis Twente");
    expect(value).toContain("vastgesteld door de stuurgroep op 12 februari 2026");
    expect(value).toContain("1. Inleiding");
    expect(value).toContain("verbindt zorg & straf");
    expect(value).toContain("Beter triëren");
    expect(value).toContain("Totaal baten");
    expect(value).toContain("Jaarverslag");
  });
});
