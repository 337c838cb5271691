import type { DecisionListDocument } from "~/models/decision-list-document.server";
import { CONFIDENTIAL_MARK, CONFIDENTIAL_NOTICE } from "../confidential";
import type { DocxMeeting, DocxPaper } from "../docx.server";
import { formatDay, formatTime } from "../format";
import { agendaSectionLabels } from "../vocabulary";
import { htmlToBlocks } from "./html-blocks.server";
import { compileTypst } from "./typst.server";
import agendaTemplate from "./typst/agenda.typ?raw";
import decisionListTemplate from "./typst/besluitenlijst.typ?raw";

// The agenda and the besluitenlijst as PDF/UA documents: the same content as their pages and Word
// files for the same reader (what is passed in is already redacted for them).

const dayMonthYear = (instant: number) => formatDay(instant).replace(/^\S+ /, "");

export type PdfPaper = DocxPaper & { url: string };

export function buildAgendaPdf(
  meeting: DocxMeeting & { id: number },
  papers: PdfPaper[],
  { base }: { base: string },
): Uint8Array {
  const title = `Agenda ${meeting.bodyName} van ${dayMonthYear(meeting.startsAt)}`;
  const confidential =
    papers.some((paper) => paper.isConfidential) ||
    meeting.sections.some(({ items }) => items.some((item) => item.isConfidential && item.subject !== null));
  const invitees =
    meeting.inviteesNote ?? (meeting.invitees.map((p) => p.name).join(", ") || "De leden van het gremium");
  return compileTypst({
    template: agendaTemplate,
    data: {
      title,
      subject: `Agenda van de vergadering van ${dayMonthYear(meeting.startsAt)}`,
      author: meeting.bodyName,
      header: `${meeting.bodyName} · ${formatDay(meeting.startsAt)}`,
      footer: confidential ? CONFIDENTIAL_NOTICE : "",
      mark: CONFIDENTIAL_MARK,
      facts: [
        ["Datum", formatDay(meeting.startsAt)],
        ["Plaats", meeting.location],
        ["Tijd", `${formatTime(meeting.startsAt)}–${formatTime(meeting.endsAt)} uur`],
        ...(meeting.chairName ? [["Voorzitter", meeting.chairName]] : []),
        ...(meeting.secretaryName ? [["Secretaris", meeting.secretaryName]] : []),
        ...(meeting.registrationNumber ? [["Registratienummer", meeting.registrationNumber]] : []),
        ["Genodigden", invitees],
        ["Online", `${base}/vergaderingen/${meeting.id}`],
      ],
      note: meeting.isPublic
        ? "De vergadering is openbaar. Besloten agendapunten worden achter gesloten deuren behandeld."
        : "De vergadering is besloten.",
      sections: meeting.sections
        .filter(({ items }) => items.length > 0)
        .map(({ section, items }) => ({
          label: agendaSectionLabels[section],
          items: items.map((item) => ({
            number: item.number,
            subject: item.subject,
            confidential: item.isConfidential && item.subject !== null,
            presenter: item.presenter,
            // Set inside a table cell: its headings become bold paragraphs.
            proposal: htmlToBlocks(item.proposalHtml, { underLevel: 2, base, inCell: true }),
            papers: papers
              .filter((paper) => paper.agendaItemId === item.id)
              .map((paper) => ({ title: paper.title, confidential: paper.isConfidential, url: paper.url })),
          })),
        })),
    },
  });
}

export function buildDecisionListPdf(list: DecisionListDocument, { base }: { base: string }): Uint8Array {
  return compileTypst({
    template: decisionListTemplate,
    data: {
      title: list.title,
      subject: `Besluiten van de vergadering van ${list.title.replace(/^.* van /, "")}`,
      author: list.bodyName,
      header: list.title,
      footer: list.containsConfidential ? CONFIDENTIAL_NOTICE : "",
      mark: CONFIDENTIAL_MARK,
      facts: list.facts,
      notes: [list.adoption, list.hiddenNote].filter(Boolean),
      sections: list.sections.map(({ label, items }) => ({
        label: label ?? agendaSectionLabels.opening,
        items: items.map((item) => ({
          number: item.number,
          subject: item.subject,
          confidential: item.isConfidential,
          decisions: item.decisions.map((d) => ({
            reference: d.reference,
            outcome: d.outcomeLabel,
            confidential: d.isConfidential,
            text: htmlToBlocks(d.textHtml, { underLevel: 3, base }),
            discussion: htmlToBlocks(d.discussionHtml, { underLevel: 3, base }),
            commitments: d.commitments.map((c) => ({
              who: c.who,
              description: c.description,
              due: c.due ?? "",
            })),
            history: d.history,
          })),
        })),
      })),
      written: list.written.map((w) => ({
        heading: `${w.reference}: ${w.title}`,
        outcome: w.outcomeLabel,
        confidential: w.isConfidential,
        summary: `Gesloten op ${w.closedOn}. ${w.tally}.`,
        proposal: htmlToBlocks(w.proposalHtml, { underLevel: 3, base }),
        answers: w.answers,
      })),
      actions: (list.actionList?.reviews ?? []).map((r) => ({ description: r.description, outcome: r.outcome })),
    },
  });
}
