import { commitmentOwner } from "~/lib/commitment-owner";
import type { Viewer } from "~/auth/viewer";
import { describeAttendance } from "~/lib/attendance-lines";
import { amsterdamDateAndTime, formatDate, formatDay, formatTime } from "~/lib/format";
import {
  actionReviewResultLabels,
  agendaSectionLabels,
  decisionOutcomeLabels,
  writtenAnswerLabels,
  writtenOutcomeLabels,
} from "~/lib/vocabulary";
import { getMeetingActionList } from "./action-lists.server";
import { listAttendance } from "./attendance.server";
import { getDecisionList } from "./decisions.server";
import { listWrittenDecisionsForMeeting } from "./written-procedures.server";

type VisibleList = Extract<NonNullable<ReturnType<typeof getDecisionList>>, { visible: true }>;

/**
 * What a besluitenlijst holds for one reader, decided once: its page, its Word file and its print
 * render this and nothing else, so they cannot drift apart (issue 20). Texts are final: dates in
 * Dutch, attendance in words, besloten parts marked.
 */
export function composeDecisionList({ viewer, list }: { viewer: Viewer; list: VisibleList }) {
  const { meeting } = list;
  const day = formatDate(formatDayIso(meeting.startsAt));
  const attendance = listAttendance({ viewer, meetingId: meeting.id });
  const who = attendance ? describeAttendance(attendance) : { present: [], absent: [], guests: [] };
  const facts: Array<[string, string]> = [
    ["Datum", formatDay(meeting.startsAt)],
    ["Plaats", meeting.location],
    ["Tijd", `${formatTime(meeting.startsAt)}–${formatTime(meeting.endsAt)} uur`],
    ...(meeting.chairName ? [["Voorzitter", meeting.chairName] as [string, string]] : []),
    ...(meeting.secretaryName ? [["Secretaris", meeting.secretaryName] as [string, string]] : []),
    ...(who.present.length ? [["Aanwezig", who.present.join("; ")] as [string, string]] : []),
    ...(who.absent.length ? [["Afwezig", who.absent.join("; ")] as [string, string]] : []),
    ...(who.guests.length ? [["Gasten", who.guests.join("; ")] as [string, string]] : []),
  ];
  const sections = meeting.sections
    .filter(({ items }) => items.length > 0)
    .map(({ section, items }) => ({
      section,
      label: section === "opening" ? null : agendaSectionLabels[section],
      items: items.map((item) => ({
        id: item.id,
        number: item.number,
        subject: item.subject,
        // Marked only where the reader sees its content; an item shown by number says so itself.
        isConfidential: item.isConfidential && item.subject !== null,
        proposalHtml: item.proposalHtml,
        decisions: list.decisions
          .filter((d) => d.agendaItemId === item.id)
          .map((d) => ({
            id: d.id,
            reference: d.reference,
            outcomeLabel: decisionOutcomeLabels[d.outcome],
            isConfidential: d.isConfidential,
            textHtml: d.textHtml,
            discussionHtml: d.discussionHtml,
            commitments: d.commitments.map((c) => ({
              actionId: c.actionId,
              who: commitmentOwner(c),
              description: c.description,
              due: c.dueOn ? `uiterlijk ${formatDate(c.dueOn)}` : null,
            })),
            history: d.history.map((h) => h.previousTextMarkdown),
          })),
      })),
    }));
  // Decided in writing since the previous meeting: listed here for adoption with the rest.
  const written = listWrittenDecisionsForMeeting({ viewer, meetingId: meeting.id }).map((procedure) => ({
    id: procedure.id,
    reference: procedure.reference,
    title: procedure.title,
    outcomeLabel: writtenOutcomeLabels[procedure.outcome ?? "geen-quorum"],
    isConfidential: procedure.isConfidential,
    proposalHtml: procedure.proposalHtml,
    closedOn: procedure.closedAt ? formatDate(formatDayIso(procedure.closedAt)) : "",
    tally: `${writtenAnswerLabels.instemmen}: ${procedure.tally.instemmen}, ${writtenAnswerLabels["niet-instemmen"].toLowerCase()}: ${procedure.tally["niet-instemmen"]}, ${writtenAnswerLabels.onthouden.toLowerCase()}: ${procedure.tally.onthouden}, geen antwoord: ${procedure.tally.geen}`,
    // Names with answers for the members; the public reads the count.
    answers: (procedure.answers ?? []).map(
      (a) =>
        `${a.name}: ${a.answer ? writtenAnswerLabels[a.answer].toLowerCase() : "geen antwoord"}${a.remark ? ` — ${a.remark}` : ""}`,
    ),
  }));
  const containsConfidential =
    written.some((w) => w.isConfidential) ||
    sections.some(({ items }) =>
      items.some((item) => item.isConfidential || item.decisions.some((d) => d.isConfidential)),
    );
  // The actielijst as discussed is for the members of the body only.
  const actionList = getMeetingActionList({ viewer, meetingId: meeting.id });
  return {
    meetingId: meeting.id,
    title: `${list.status === "concept" ? "Concept besluitenlijst" : "Besluitenlijst"} ${meeting.bodyName} van ${day}`,
    bodyName: meeting.bodyName,
    status: list.status,
    adoption:
      list.status === "vastgesteld"
        ? list.adoptedBy
          ? `Vastgesteld in de vergadering van ${formatDay(list.adoptedBy.startsAt)}.`
          : list.adoptedAt
            ? `Vastgesteld op ${formatDate(formatDayIso(list.adoptedAt))}.`
            : "Vastgesteld."
        : "Concept: wordt vastgesteld in de volgende vergadering.",
    adoptedBy: list.adoptedBy,
    hiddenNote: list.hiddenCount > 0 ? "Het besloten deel is alleen voor leden beschikbaar." : null,
    containsConfidential,
    facts,
    sections,
    written,
    actionList: actionList
      ? {
          canProcess: actionList.canProcess,
          reviews: actionList.reviews.map((r) => ({
            actionId: r.actionId,
            description: r.description,
            outcome: `${commitmentOwner({ personName: r.ownerName, organisationName: r.organisationName }) || "geen eigenaar"}: ${actionReviewResultLabels[r.result].toLowerCase()}${r.newDueOn ? ` tot ${formatDate(r.newDueOn)}` : ""}${r.note ? ` — ${r.note}` : ""}`,
          })),
        }
      : null,
  };
}

export type DecisionListDocument = ReturnType<typeof composeDecisionList>;

const formatDayIso = (instant: number) => amsterdamDateAndTime(instant).date;
