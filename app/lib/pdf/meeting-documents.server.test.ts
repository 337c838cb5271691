import { describe, expect, it } from "vitest";
import { accessibilityProblems, pdfHeadings, pdfInfo, pdfStructure } from "../../../tests/pdfinfo";
import { buildAgendaPdf, buildDecisionListPdf } from "./meeting-documents.server";

const base = "https://gremium.example";
const startsAt = Date.parse("2026-12-10T09:00:00Z");

const meeting = {
  id: 7,
  bodyName: "Stuurgroep Zorg, Veiligheid en Straf",
  startsAt,
  endsAt: startsAt + 2 * 3_600_000,
  location: "Twentehuis, Enschede",
  chairName: "R. Voorzitter",
  secretaryName: null,
  inviteesNote: null,
  invitees: [{ name: "A. Lid" }],
  isPublic: true,
  registrationNumber: "2026/123",
  status: "gepubliceerd",
  sections: [
    {
      section: "opening" as const,
      items: [{ id: 1, number: "1", subject: "Opening", isConfidential: false, proposalHtml: null, presenter: null }],
    },
    {
      section: "B" as const,
      items: [
        {
          id: 2,
          number: "B1",
          subject: "Regionale aanpak *niet vet* #set text(red)",
          isConfidential: false,
          proposalHtml: "<h2>Voorstel</h2><ol><li>In te stemmen met de aanpak.</li></ol>",
          presenter: "Fleur Hendriks",
        },
        { id: 3, number: "B2", subject: null, isConfidential: true, proposalHtml: null, presenter: null },
      ],
    },
  ],
};

describe("the agenda and the besluitenlijst as PDF", () => {
  it("makes the agenda a tagged PDF/UA file: title, Dutch, headings in order, a table with header cells, links", () => {
    const pdf = buildAgendaPdf(
      meeting,
      [{ agendaItemId: 2, title: "Notitie aanpak", isConfidential: false, url: `${base}/stukken/9` }],
      { base },
    );
    expect(accessibilityProblems(pdf)).toEqual([]);
    const info = pdfInfo(pdf);
    expect(info.Title).toBe("Agenda Stuurgroep Zorg, Veiligheid en Straf van 10 december 2026");
    expect(pdfHeadings(pdf)).toEqual([
      "H1 Agenda Stuurgroep Zorg, Veiligheid en Straf van 10 december 2026",
      "H2 Opening",
      "H2 B Bespreekstukken",
    ]);
    const structure = pdfStructure(pdf);
    expect(structure).toMatch(/^\s*TH\b/m);
    expect(structure).toMatch(/^\s*Link\b/m);
    expect(structure).toMatch(/^\s*L\b/m);
    // What a user typed is text, never Typst markup.
    const text = Buffer.from(pdf).toString("latin1");
    expect(info.Pages).toBe("1");
    expect(text).not.toContain("#set text");
  });

  it("makes the besluitenlijst one too, each item a heading under its section, toezeggingen in a table", () => {
    const pdf = buildDecisionListPdf(
      {
        meetingId: 7,
        title: "Besluitenlijst Stuurgroep van 10 december 2026",
        bodyName: "Stuurgroep",
        status: "vastgesteld",
        adoption: "Vastgesteld op 14 januari 2027.",
        adoptedBy: null,
        hiddenNote: null,
        containsConfidential: false,
        facts: [["Datum", "donderdag 10 december 2026"]],
        sections: [
          {
            section: "B",
            label: "B Bespreekstukken",
            items: [
              {
                id: 2,
                number: "B1",
                subject: "Regionale aanpak",
                isConfidential: false,
                proposalHtml: null,
                decisions: [
                  {
                    id: 1,
                    reference: "SG-2026-14",
                    outcomeLabel: "Conform voorstel",
                    isConfidential: false,
                    textHtml: "<p>De stuurgroep stemt in.</p><h3>Toelichting</h3><p>Zie de notitie.</p>",
                    discussionHtml: "",
                    commitments: [
                      {
                        actionId: 3,
                        who: "Fleur Hendriks, VRT",
                        description: "Plan uitwerken",
                        due: "uiterlijk 1 maart 2027",
                      },
                    ],
                    history: [],
                  },
                ],
              },
            ],
          },
        ],
        written: [
          {
            id: 1,
            reference: "SG-2026-S1",
            title: "Subsidie crisisbedden",
            outcomeLabel: "Aangenomen",
            isConfidential: false,
            proposalHtml: "<p>Instemmen met de subsidie.</p>",
            closedOn: "1 december 2026",
            tally: "Instemmen: 3, niet instemmen: 0, onthouden: 1, geen antwoord: 1",
            answers: ["Jan Smit: instemmen"],
          },
        ],
        actionList: null,
      },
      { base },
    );
    expect(accessibilityProblems(pdf)).toEqual([]);
    expect(pdfHeadings(pdf)).toEqual([
      "H1 Besluitenlijst Stuurgroep van 10 december 2026",
      "H2 B Bespreekstukken",
      "H3 B1. Regionale aanpak",
      "H4 Toelichting",
      "H2 Schriftelijk besloten",
      "H3 SG-2026-S1: Subsidie crisisbedden",
    ]);
    expect(pdfStructure(pdf)).toMatch(/^\s*TH\b/m);
  });
});
