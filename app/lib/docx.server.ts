import { commitmentLabel } from "~/lib/commitment-owner";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { DecisionListDocument } from "~/models/decision-list-document.server";
import { CONFIDENTIAL_MARK, CONFIDENTIAL_NOTICE } from "./confidential";
import { formatDay, formatTime } from "./format";
import { decodeEntities } from "./html";
import { agendaSectionLabels, type AgendaSection } from "./vocabulary";

// Agendas and besluitenlijsten as Word documents laid out like the network's own: a header block
// (DATUM, PLAATS, TIJDSTIP, VOORZITTER, SECRETARIS, GENODIGDEN or AANWEZIG) and a table NR /
// ONDERWERP / VOORSTEL/ADVIES / BESLUIT per section. They hold only what the requester may see:
// what is passed in is already redacted for them.

export type DocxMeeting = {
  bodyName: string;
  startsAt: number;
  endsAt: number;
  location: string;
  chairName: string | null;
  secretaryName: string | null;
  inviteesNote: string | null;
  invitees: { name: string }[];
  isPublic: boolean;
  registrationNumber: string | null;
  status: string;
  sections: {
    section: AgendaSection;
    items: {
      id: number;
      number: string;
      subject: string | null;
      isConfidential: boolean;
      proposalHtml: string | null;
      presenter: string | null;
    }[];
  }[];
};

/** Paragraph texts from the stored, sanitised proposal HTML: numbered and bulleted lists kept. */
export function proposalLines(stored: string | null): string[] {
  if (!stored) return [];
  const html = footnotesAsText(stored);
  const lines: string[] = [];
  const blocks = html.match(/<(p|ol|ul|h2|h3|h4|blockquote|pre)[^>]*>[\s\S]*?<\/\1>/g) ?? [html];
  for (const block of blocks) {
    const list = /^<(ol|ul)(?:\s+start="(\d+)")?/.exec(block);
    if (list) {
      let n = Number(list[2] ?? 1);
      for (const item of block.match(/<li(?:\s[^>]*)?>[\s\S]*?<\/li>/g) ?? []) {
        const text = decodeEntities(item.replace(/<[^>]+>/g, "").trim());
        lines.push(list[1] === "ol" ? `${n++}. ${text}` : `• ${text}`);
      }
    } else {
      const text = decodeEntities(
        block
          .replace(/<br\s*\/?>/g, "\n")
          .replace(/<[^>]+>/g, "")
          .trim(),
      );
      if (text) lines.push(...text.split("\n"));
    }
  }
  return lines;
}

/**
 * Footnotes as plain text reads them: the reference as [1] in the sentence, the note without its
 * link back (the ↩ of the page). Footnote links point into the text itself (#vn-…).
 */
export function footnotesAsText(html: string) {
  return html
    .replace(/<sup><a [^>]*href="#vn-[^"]*"[^>]*>(\d+)<\/a><\/sup>/g, "[$1]")
    .replace(/\s*<a [^>]*href="#vn-[^"]*-ref-[^"]*"[^>]*>[\s\S]*?<\/a>/g, "");
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
const borders = { top: thin, bottom: thin, left: thin, right: thin };
const font = "Arial";

function cell(children: Paragraph[], width: number, options: { shade?: boolean; columnSpan?: number } = {}) {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph("")],
    width: { size: width, type: WidthType.PERCENTAGE },
    borders,
    columnSpan: options.columnSpan,
    shading: options.shade ? { type: ShadingType.CLEAR, color: "auto", fill: "E6F0F7" } : undefined,
  });
}

const text = (value: string, bold = false) =>
  new Paragraph({ children: [new TextRun({ text: value, bold, font, size: 20 })] });

function headerTable(rows: [string, string][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({ children: [text(label, true)], width: { size: 25, type: WidthType.PERCENTAGE } }),
            new TableCell({ children: [text(value)], width: { size: 75, type: WidthType.PERCENTAGE } }),
          ],
        }),
    ),
  });
}

function columnsRow() {
  return new TableRow({
    tableHeader: true,
    children: ["NR.", "ONDERWERP", "VOORSTEL/ADVIES", "BESLUIT"].map((label, i) =>
      cell([text(label, true)], [8, 32, 40, 20][i], { shade: true }),
    ),
  });
}

function sectionRow(section: AgendaSection) {
  return new TableRow({
    children: [cell([text(agendaSectionLabels[section], true)], 100, { shade: true, columnSpan: 4 })],
  });
}

function meetingRows(meeting: DocxMeeting): [string, string][] {
  return [
    ["DATUM", formatDay(meeting.startsAt)],
    ["PLAATS", meeting.location],
    ["TIJDSTIP", `${formatTime(meeting.startsAt)}-${formatTime(meeting.endsAt)} uur`],
    ...(meeting.chairName ? ([["VOORZITTER", meeting.chairName]] as [string, string][]) : []),
    ...(meeting.secretaryName ? ([["SECRETARIS", meeting.secretaryName]] as [string, string][]) : []),
  ];
}

/** What Word shows under File > Properties, and what a screen reader announces as the language. */
type DocumentProperties = {
  title: string;
  subject: string;
  /** The body whose document it is. */
  author: string;
  /** Holds besloten content: every page then carries the warning in its header. */
  confidential: boolean;
};

function assemble(
  properties: DocumentProperties,
  header: [string, string][],
  note: string,
  rows: TableRow[],
  after: Paragraph[] = [],
) {
  return wordDocument(properties, [
    headerTable(header),
    new Paragraph({
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: note, italics: true, font, size: 20 })],
    }),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.LEFT,
      children: [new TextRun({ text: properties.title, bold: true, font, size: 28 })],
    }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
    ...after,
  ]);
}

/** A Word document in the house style: Arial 10 pt, Dutch, one section; the warning on every page if besloten. */
function wordDocument(properties: DocumentProperties | string, children: (Paragraph | Table)[]) {
  const { title, subject, author, confidential } =
    typeof properties === "string"
      ? { title: properties, subject: properties, author: "Gremium", confidential: false }
      : properties;
  return Packer.toBuffer(
    new Document({
      creator: author,
      lastModifiedBy: author,
      title,
      subject,
      description: subject,
      styles: { default: { document: { run: { font, size: 20, language: { value: "nl-NL" } } } } },
      sections: [
        {
          headers: confidential
            ? {
                default: new Header({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ text: CONFIDENTIAL_NOTICE, bold: true, font, size: 18 })],
                    }),
                  ],
                }),
              }
            : undefined,
          children,
        },
      ],
    }),
  );
}

const dayMonthYear = (instant: number) => formatDay(instant).replace(/^\S+ /, "");

/** A paper on the agenda as the reader may see it. */
export type DocxPaper = { agendaItemId: number; title: string; isConfidential: boolean };

export async function buildAgendaDocx(meeting: DocxMeeting, papers: DocxPaper[] = []): Promise<Buffer> {
  const rows: TableRow[] = [columnsRow()];
  for (const { section, items } of meeting.sections) {
    if (section !== "opening") rows.push(sectionRow(section));
    for (const item of items) {
      const subject =
        item.subject === null
          ? [text("Besloten agendapunt")]
          : [
              ...(item.isConfidential ? [text(CONFIDENTIAL_MARK, true)] : []),
              text(item.subject, true),
              ...(item.presenter ? [text(`Toelichting door: ${item.presenter}`)] : []),
            ];
      rows.push(
        new TableRow({
          children: [
            cell([text(item.number, true)], 8),
            cell(subject, 32),
            cell(
              [
                ...proposalLines(item.proposalHtml).map((line) => text(line)),
                ...papers
                  .filter((paper) => paper.agendaItemId === item.id)
                  .map((paper) => text(`Stuk: ${paper.title}${paper.isConfidential ? ` (${CONFIDENTIAL_MARK})` : ""}`)),
              ],
              40,
            ),
            cell([], 20),
          ],
        }),
      );
    }
  }
  const invitees =
    meeting.inviteesNote ?? (meeting.invitees.map((p) => p.name).join(", ") || "De leden van het gremium");
  const title = `Agenda ${meeting.bodyName} van ${dayMonthYear(meeting.startsAt)}${meeting.registrationNumber ? ` (reg.nr. ${meeting.registrationNumber})` : ""}`;
  const note = meeting.isPublic
    ? "De vergadering is openbaar. Besloten agendapunten worden achter gesloten deuren behandeld."
    : "De vergadering is besloten.";
  const confidential =
    papers.some((paper) => paper.isConfidential) ||
    meeting.sections.some(({ items }) => items.some((item) => item.isConfidential && item.subject !== null));
  return assemble(
    {
      title,
      subject: `Agenda van de vergadering van ${dayMonthYear(meeting.startsAt)}`,
      author: meeting.bodyName,
      confidential,
    },
    [...meetingRows(meeting), ["GENODIGDEN", invitees]],
    note,
    rows,
  );
}

/** The besluitenlijst as composeDecisionList decided it for the reader: the page's content, in Word. */
export async function buildDecisionListDocx(list: DecisionListDocument): Promise<Buffer> {
  const rows: TableRow[] = [columnsRow()];
  for (const { label, items } of list.sections) {
    if (label) rows.push(new TableRow({ children: [cell([text(label, true)], 100, { shade: true, columnSpan: 4 })] }));
    for (const item of items) {
      const decisionParagraphs = item.decisions.flatMap((d) => [
        text(`${d.reference}: ${d.outcomeLabel}${d.isConfidential ? ` — ${CONFIDENTIAL_MARK}` : ""}`, true),
        ...proposalLines(d.textHtml).map((line) => text(line)),
        ...(d.discussionHtml ? [text("Verslag:", true)] : []),
        ...proposalLines(d.discussionHtml).map((line) => text(line)),
        ...d.commitments.map((c) => text(`${commitmentLabel(c.who)}: ${c.description}${c.due ? ` (${c.due})` : ""}`)),
        ...d.history.map((previous) => text(`Gewijzigd bij vaststelling; oorspronkelijke tekst: ${previous}`)),
      ]);
      const subject =
        item.subject === null
          ? [text("Besloten agendapunt")]
          : [...(item.isConfidential ? [text(CONFIDENTIAL_MARK, true)] : []), text(item.subject, true)];
      rows.push(
        new TableRow({
          children: [
            cell([text(item.number, true)], 8),
            cell(subject, 32),
            cell(
              proposalLines(item.proposalHtml).map((line) => text(line)),
              40,
            ),
            cell(decisionParagraphs, 20),
          ],
        }),
      );
    }
  }
  const header = list.facts.map(([label, value]) => [label.toUpperCase(), value] as [string, string]);
  const note = [list.adoption, list.hiddenNote].filter(Boolean).join(" ");
  const reviews = list.actionList?.reviews ?? [];
  const heading2 = (title: string) =>
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 360, after: 120 },
      children: [new TextRun({ text: title, bold: true, font, size: 24 })],
    });
  const plain = (line: string, bold = false) =>
    new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: line, bold, font, size: 20 })] });
  const written = list.written.length
    ? [
        heading2("Schriftelijk besloten"),
        ...list.written.flatMap((w) => [
          plain(
            `${w.reference}: ${w.title} — ${w.outcomeLabel}${w.isConfidential ? ` — ${CONFIDENTIAL_MARK}` : ""}`,
            true,
          ),
          plain(`Gesloten op ${w.closedOn}. ${w.tally}.`),
          ...proposalLines(w.proposalHtml).map((line) => plain(line)),
          ...w.answers.map((line) => plain(line)),
        ]),
      ]
    : [];
  const actionList = reviews.length
    ? [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          spacing: { before: 360, after: 120 },
          children: [new TextRun({ text: "Actielijst", bold: true, font, size: 24 })],
        }),
        ...reviews.map(
          (r) =>
            new Paragraph({
              bullet: { level: 0 },
              children: [new TextRun({ text: `${r.description} (${r.outcome})`, font, size: 20 })],
            }),
        ),
      ]
    : [];
  return assemble(
    {
      title: list.title,
      subject: `Besluiten van de vergadering van ${list.title.replace(/^.* van /, "")}`,
      author: list.bodyName,
      confidential: list.containsConfidential,
    },
    header,
    note,
    rows,
    [...written, ...actionList],
  );
}

export type DocxPlan = {
  title: string;
  bodyName: string;
  year: number;
  statusLabel: string;
  adoption: string | null;
  chapters: { title: string; bodyHtml: string }[];
  goals: {
    title: string;
    ownerName: string | null;
    quarter: number | null;
    statusLabel: string;
    progressNote: string;
  }[];
  budget: { kindLabel: string; lines: { description: string; amount: string }[]; total: string }[];
  saldo: string;
  reportHtml: string | null;
};

const heading = (value: string, level: 1 | 2) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { before: level === 1 ? 0 : 300, after: 120 },
    children: [new TextRun({ text: value, bold: true, font, size: level === 1 ? 28 : 24 })],
  });

const row = (values: string[], widths: number[], bold = false) =>
  new TableRow({ children: values.map((value, i) => cell([text(value, bold)], widths[i]!, { shade: bold })) });

/** A table's header row: repeated on every page the table runs over, and read as column headers. */
const headerRow = (values: string[], widths: number[]) =>
  new TableRow({
    tableHeader: true,
    children: values.map((value, i) => cell([text(value, true)], widths[i]!, { shade: true })),
  });

/** An annual plan as a Word document: chapters, goals, the budget with totals and, once published, the jaarverslag. */
export async function buildPlanDocx(plan: DocxPlan): Promise<Buffer> {
  const goalWidths = [34, 16, 10, 12, 28];
  const budgetWidths = [70, 30];
  return wordDocument(plan.title, [
    heading(plan.title, 1),
    text(`${plan.bodyName} · ${plan.year} · ${plan.statusLabel}${plan.adoption ? ` · ${plan.adoption}` : ""}`),
    ...plan.chapters.flatMap((chapter, i) => [
      heading(`${i + 1}. ${chapter.title}`, 2),
      ...proposalLines(chapter.bodyHtml).map((line) => text(line)),
    ]),
    heading("Doelen en activiteiten", 2),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        headerRow(["WAT", "EIGENAAR", "KWARTAAL", "STATUS", "VOORTGANG"], goalWidths),
        ...plan.goals.map((g) =>
          row(
            [g.title, g.ownerName ?? "", g.quarter ? `K${g.quarter}` : "", g.statusLabel, g.progressNote],
            goalWidths,
          ),
        ),
      ],
    }),
    heading("Begroting", 2),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        headerRow(["POST", "BEDRAG"], budgetWidths),
        ...plan.budget.flatMap((group) => [
          row([group.kindLabel.toUpperCase(), ""], budgetWidths, true),
          ...group.lines.map((line) => row([line.description, line.amount], budgetWidths)),
          row([`Totaal ${group.kindLabel.toLowerCase()}`, group.total], budgetWidths, true),
        ]),
        row(["Saldo (baten min lasten)", plan.saldo], budgetWidths, true),
      ],
    }),
    ...(plan.reportHtml
      ? [heading("Jaarverslag", 2), ...proposalLines(plan.reportHtml).map((line) => text(line))]
      : []),
  ]);
}

export type DocxPlanning = {
  bodyName: string;
  year: number;
  meetings: { startsAt: number; location: string; topics: DocxTopic[] }[];
  byQuarter: DocxTopic[];
  expectedPlans: { title: string; bodyName: string }[];
};
type DocxTopic = {
  subject: string;
  purposeLabel: string;
  ownerName: string | null;
  quarter: string | null;
  isConfidential: boolean;
  origin: string | null;
  status: string;
};

/** The bestuursagenda of a year as a Word document: per meeting its topics, then topics per quarter. */
export async function buildPlanningDocx(planning: DocxPlanning): Promise<Buffer> {
  const widths = [36, 18, 18, 28];
  const topicRows = (topics: DocxTopic[], withQuarter: boolean) =>
    topics.map((t) =>
      row(
        [
          `${t.subject}${t.isConfidential ? " (besloten)" : ""}`,
          withQuarter && t.quarter ? `${t.purposeLabel}, ${t.quarter.replace("-", " ")}` : t.purposeLabel,
          t.ownerName ?? "",
          [t.status, t.origin].filter(Boolean).join(". "),
        ],
        widths,
      ),
    );
  const table = (rows: TableRow[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [headerRow(["ONDERWERP", "DOEL", "EIGENAAR", "STAND EN HERKOMST"], widths), ...rows],
    });
  const title = `Bestuursagenda ${planning.bodyName} ${planning.year}`;
  return wordDocument(title, [
    heading(title, 1),
    text("De onderwerpen die het gremium dit jaar wil behandelen, per vergadering en per kwartaal."),
    ...planning.meetings.flatMap((meeting) => [
      heading(`${formatDay(meeting.startsAt)}, ${meeting.location}`, 2),
      meeting.topics.length ? table(topicRows(meeting.topics, false)) : text("Nog geen onderwerpen gepland."),
    ]),
    ...(planning.byQuarter.length
      ? [heading("Per kwartaal, vergadering nog niet gekozen", 2), table(topicRows(planning.byQuarter, true))]
      : []),
    ...(planning.expectedPlans.length
      ? [
          heading("Verwacht ter instemming: jaarplannen", 2),
          ...planning.expectedPlans.map((p) => text(`${p.title} (${p.bodyName})`)),
        ]
      : []),
    ...(planning.meetings.length === 0 && planning.byQuarter.length === 0
      ? [text(`Voor ${planning.year} zijn nog geen vergaderingen of onderwerpen gepland.`)]
      : []),
  ]);
}
