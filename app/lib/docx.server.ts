import {
  AlignmentType,
  BorderStyle,
  Document,
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
      proposalHtml: string | null;
      presenter: string | null;
    }[];
  }[];
};

/** Paragraph texts from the stored, sanitised proposal HTML: numbered and bulleted lists kept. */
export function proposalLines(html: string | null): string[] {
  if (!html) return [];
  const lines: string[] = [];
  const blocks = html.match(/<(p|ol|ul|h2|h3|h4|blockquote|pre)[^>]*>[\s\S]*?<\/\1>/g) ?? [html];
  for (const block of blocks) {
    const list = /^<(ol|ul)(?:\s+start="(\d+)")?/.exec(block);
    if (list) {
      let n = Number(list[2] ?? 1);
      for (const item of block.match(/<li>[\s\S]*?<\/li>/g) ?? []) {
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

function assemble(title: string, header: [string, string][], note: string, rows: TableRow[], after: Paragraph[] = []) {
  return wordDocument(title, [
    headerTable(header),
    new Paragraph({
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: note, italics: true, font, size: 20 })],
    }),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.LEFT,
      children: [new TextRun({ text: title, bold: true, font, size: 28 })],
    }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
    ...after,
  ]);
}

/** A Word document in the house style: Arial 10 pt, one section. */
function wordDocument(title: string, children: (Paragraph | Table)[]) {
  return Packer.toBuffer(
    new Document({
      creator: "Gremium",
      title,
      styles: { default: { document: { run: { font, size: 20 } } } },
      sections: [{ children }],
    }),
  );
}

const dayMonthYear = (instant: number) => formatDay(instant).replace(/^\S+ /, "");

export async function buildAgendaDocx(meeting: DocxMeeting): Promise<Buffer> {
  const rows: TableRow[] = [columnsRow()];
  for (const { section, items } of meeting.sections) {
    if (section !== "opening") rows.push(sectionRow(section));
    for (const item of items) {
      const subject =
        item.subject === null
          ? [text("Besloten agendapunt")]
          : [text(item.subject, true), ...(item.presenter ? [text(`Toelichting door: ${item.presenter}`)] : [])];
      rows.push(
        new TableRow({
          children: [
            cell([text(item.number, true)], 8),
            cell(subject, 32),
            cell(
              proposalLines(item.proposalHtml).map((line) => text(line)),
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
  return assemble(title, [...meetingRows(meeting), ["GENODIGDEN", invitees]], note, rows);
}

export type DocxDecisionList = {
  status: "concept" | "vastgesteld";
  adoptedAt: number | null;
  hiddenCount: number;
  present: string[];
  absent: string[];
  decisions: {
    agendaItemId: number;
    reference: string;
    outcomeLabel: string;
    textHtml: string;
    discussionHtml: string;
    commitments: { description: string; personName: string | null; organisationName: string | null }[];
  }[];
  /** The actielijst as this meeting processed it, one line per action; only for members. */
  actionList?: string[];
};

export async function buildDecisionListDocx(meeting: DocxMeeting, list: DocxDecisionList): Promise<Buffer> {
  const rows: TableRow[] = [columnsRow()];
  for (const { section, items } of meeting.sections) {
    if (items.length === 0) continue;
    if (section !== "opening") rows.push(sectionRow(section));
    for (const item of items) {
      const decided = list.decisions.filter((d) => d.agendaItemId === item.id);
      const decisionParagraphs = decided.flatMap((d) => [
        text(`${d.reference}: ${d.outcomeLabel}`, true),
        ...proposalLines(d.textHtml).map((line) => text(line)),
        ...proposalLines(d.discussionHtml).map((line) => text(line)),
        ...d.commitments.map((c) =>
          text(`Toezegging ${[c.personName, c.organisationName].filter(Boolean).join(", ")}: ${c.description}`),
        ),
      ]);
      rows.push(
        new TableRow({
          children: [
            cell([text(item.number, true)], 8),
            cell([item.subject === null ? text("Besloten agendapunt") : text(item.subject, true)], 32),
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
  const title = `${list.status === "concept" ? "Concept besluitenlijst" : "Besluitenlijst"} ${meeting.bodyName} van ${dayMonthYear(meeting.startsAt)}`;
  const header: [string, string][] = [
    ...meetingRows(meeting),
    ...(list.present.length ? ([["AANWEZIG", list.present.join(", ")]] as [string, string][]) : []),
    ...(list.absent.length ? ([["AFWEZIG", list.absent.join(", ")]] as [string, string][]) : []),
  ];
  const note = [
    list.status === "vastgesteld" && list.adoptedAt
      ? `Vastgesteld op ${dayMonthYear(list.adoptedAt)}.`
      : "Concept: wordt vastgesteld in de volgende vergadering.",
    list.hiddenCount > 0 ? "Het besloten deel is alleen voor leden beschikbaar." : "",
  ]
    .filter(Boolean)
    .join(" ");
  const actionList = list.actionList?.length
    ? [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          spacing: { before: 360, after: 120 },
          children: [new TextRun({ text: "Actielijst", bold: true, font, size: 24 })],
        }),
        ...list.actionList.map(
          (line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: line, font, size: 20 })] }),
        ),
      ]
    : [];
  return assemble(title, header, note, rows, actionList);
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
        row(["WAT", "EIGENAAR", "KWARTAAL", "STATUS", "VOORTGANG"], goalWidths, true),
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
      rows: [row(["ONDERWERP", "DOEL", "EIGENAAR", "STAND EN HERKOMST"], widths, true), ...rows],
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
