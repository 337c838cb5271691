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
import { agendaSectionLabels, type AgendaSection } from "./vocabulary";

// The agenda as a Word document laid out like the network's own agendas: a header block
// (DATUM, PLAATS, TIJDSTIP, VOORZITTER, SECRETARIS, GENODIGDEN) and a table NR / ONDERWERP /
// VOORSTEL/ADVIES / BESLUIT per section. It holds only what the requester may see: the meeting
// passed in is already redacted for them.

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
    items: { number: string; subject: string | null; proposalHtml: string | null; presenter: string | null }[];
  }[];
};

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name]);

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
        const text = decode(item.replace(/<[^>]+>/g, "").trim());
        lines.push(list[1] === "ol" ? `${n++}. ${text}` : `• ${text}`);
      }
    } else {
      const text = decode(
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

export async function buildAgendaDocx(meeting: DocxMeeting): Promise<Buffer> {
  const headerRows: [string, string][] = [
    ["DATUM", formatDay(meeting.startsAt)],
    ["PLAATS", meeting.location],
    ["TIJDSTIP", `${formatTime(meeting.startsAt)}-${formatTime(meeting.endsAt)} uur`],
    ...(meeting.chairName ? ([["VOORZITTER", meeting.chairName]] as [string, string][]) : []),
    ...(meeting.secretaryName ? ([["SECRETARIS", meeting.secretaryName]] as [string, string][]) : []),
    [
      "GENODIGDEN",
      meeting.inviteesNote ?? (meeting.invitees.map((p) => p.name).join(", ") || "De leden van het gremium"),
    ],
  ];
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: headerRows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({ children: [text(label, true)], width: { size: 25, type: WidthType.PERCENTAGE } }),
            new TableCell({ children: [text(value)], width: { size: 75, type: WidthType.PERCENTAGE } }),
          ],
        }),
    ),
  });
  const columns = new TableRow({
    tableHeader: true,
    children: ["NR.", "ONDERWERP", "VOORSTEL/ADVIES", "BESLUIT"].map((label, i) =>
      cell([text(label, true)], [8, 32, 40, 20][i], { shade: true }),
    ),
  });
  const rows: TableRow[] = [columns];
  for (const { section, items } of meeting.sections) {
    if (section !== "opening") {
      rows.push(
        new TableRow({
          children: [cell([text(agendaSectionLabels[section], true)], 100, { shade: true, columnSpan: 4 })],
        }),
      );
    }
    for (const item of items) {
      const subject =
        item.subject === null
          ? [text("Besloten agendapunt")]
          : [text(item.subject, true), ...(item.presenter ? [text(`Toelichting: ${item.presenter}`)] : [])];
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
  const title = `Agenda ${meeting.bodyName} van ${formatDay(meeting.startsAt).replace(/^\S+ /, "")}${meeting.registrationNumber ? ` (reg.nr. ${meeting.registrationNumber})` : ""}`;
  const document = new Document({
    creator: "Gremium",
    title,
    styles: { default: { document: { run: { font, size: 20 } } } },
    sections: [
      {
        children: [
          header,
          new Paragraph({
            spacing: { before: 240, after: 120 },
            children: [
              new TextRun({
                text: meeting.isPublic
                  ? "De vergadering is openbaar. Besloten agendapunten worden achter gesloten deuren behandeld."
                  : "De vergadering is besloten.",
                italics: true,
                font,
                size: 20,
              }),
            ],
          }),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.LEFT,
            children: [new TextRun({ text: title, bold: true, font, size: 28 })],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
