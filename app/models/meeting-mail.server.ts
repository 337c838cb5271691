import { and, eq, isNotNull } from "drizzle-orm";
import { meetingInvitees, people } from "../../db/schema";
import { managesBody } from "./access/grants";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { formatDateTime, formatDay, formatTime } from "~/lib/format";
import { ICalCalendarMethod, meetingsCalendar } from "~/lib/ics.server";
import { sendMail } from "~/lib/mail.server";
import { agendaSectionLabels } from "~/lib/vocabulary";
import { writeAudit } from "./audit.server";
import { getMeeting } from "./meetings.server";
import { escapeHtml } from "~/lib/html";
import { Forbidden, NotFound } from "./errors";
import { actorOf } from "./access/viewer";

/** The invitees the agenda goes to: those with an e-mail address. */
function agendaRecipients(meetingId: number) {
  return getDb()
    .select({ name: people.name, address: people.email })
    .from(meetingInvitees)
    .innerJoin(people, eq(people.id, meetingInvitees.personId))
    .where(and(eq(meetingInvitees.meetingId, meetingId), isNotNull(people.email)))
    .all() as { name: string; address: string }[];
}

/** How many invitees a publication or a changed agenda would mail, asked before it is sent. */
export function countAgendaRecipients({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  const meeting = getMeeting({ viewer, id: meetingId, asPublic: true });
  if (!meeting) throw new NotFound("Deze vergadering bestaat niet.");
  if (!managesBody(viewer, meeting.bodyId))
    throw new Forbidden("Alleen het secretariaat van dit gremium verstuurt de agenda.");
  return agendaRecipients(meetingId).length;
}

/**
 * Mails the agenda to the invitees with an .ics invitation: after publishing, or as a "gewijzigde
 * agenda". The mail carries the agenda as the public sees it (besloten items by number only), so
 * nothing confidential travels by e-mail; the link leads members to the full agenda.
 */
export async function mailAgendaToInvitees({
  viewer,
  meetingId,
  kind,
  baseUrl,
  now = Date.now(),
}: {
  viewer: Viewer;
  meetingId: number;
  kind: "gepubliceerd" | "gewijzigd";
  baseUrl: string;
  now?: number;
}) {
  const meeting = getMeeting({ viewer, id: meetingId, asPublic: true });
  if (!meeting) throw new NotFound("Deze vergadering bestaat niet.");
  if (!managesBody(viewer, meeting.bodyId))
    throw new Forbidden("Alleen het secretariaat van dit gremium verstuurt de agenda.");
  // A meeting that is over invites nobody any more: entering history must never mail people.
  if (meeting.endsAt <= now) return { delivered: 0 };
  const recipients = agendaRecipients(meetingId);
  if (recipients.length === 0) return { delivered: 0 };

  const url = `${baseUrl}/vergaderingen/${meeting.id}`;
  const when = `${formatDay(meeting.startsAt)}, ${formatTime(meeting.startsAt)}–${formatTime(meeting.endsAt)} uur`;
  const subject = `${kind === "gewijzigd" ? "Gewijzigde agenda" : "Agenda"} ${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  const lines = meeting.sections.flatMap(({ section, items }) => [
    ...(section === "opening" || items.length === 0 ? [] : ["", agendaSectionLabels[section]]),
    ...items.map(
      (item) =>
        `${item.number.padEnd(4)} ${item.subject ?? "Besloten agendapunt"}${item.changedAfterPublishAt ? " (gewijzigd)" : ""}`,
    ),
  ]);
  const changed = meeting.changedItems.map(
    (item) => `- ${item.subject ?? "Besloten agendapunt"} (${formatDateTime(item.changedAfterPublishAt!)})`,
  );
  const text = [
    `${subject}`,
    "",
    `Wanneer: ${when}`,
    `Waar: ${meeting.location}`,
    ...(meeting.chairName ? [`Voorzitter: ${meeting.chairName}`] : []),
    "",
    ...(kind === "gewijzigd" && changed.length > 0 ? ["Gewijzigd na publicatie:", ...changed, ""] : []),
    "Agenda",
    ...lines,
    "",
    "Besloten agendapunten en alle stukken leest u na inloggen in Gremium:",
    url,
    "",
    "In de bijlage vindt u een uitnodiging voor uw agenda.",
  ].join("\n");
  const rows = meeting.sections
    .flatMap(({ section, items }) => [
      ...(section === "opening" || items.length === 0
        ? []
        : [`<tr><th colspan="3" align="left">${escapeHtml(agendaSectionLabels[section])}</th></tr>`]),
      ...items.map(
        (item) =>
          `<tr><td valign="top"><strong>${item.number}</strong></td><td valign="top">${item.subject ? escapeHtml(item.subject) : "<em>Besloten agendapunt</em>"}</td><td valign="top">${item.proposalHtml ?? ""}</td></tr>`,
      ),
    ])
    .join("");
  const html = `<!doctype html><html lang="nl"><body style="font-family: Arial, sans-serif">
<h1 style="font-size: 20px">${escapeHtml(subject)}</h1>
<p>${escapeHtml(when)}<br>${escapeHtml(meeting.location)}</p>
<table cellpadding="6" style="border-collapse: collapse"><thead><tr><th align="left">Nr.</th><th align="left">Onderwerp</th><th align="left">Voorstel/advies</th></tr></thead><tbody>${rows}</tbody></table>
<p>Besloten agendapunten en alle stukken leest u na inloggen: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>
</body></html>`;
  const invitation = meetingsCalendar({
    name: meeting.bodyName,
    baseUrl,
    method: ICalCalendarMethod.REQUEST,
    meetings: [{ ...meeting, updatedAt: Date.now() }],
  });
  const result = await sendMail({
    to: recipients,
    subject,
    text,
    html,
    attachments: [
      { filename: "uitnodiging.ics", content: invitation, contentType: "text/calendar; charset=utf-8; method=REQUEST" },
    ],
  });
  // The mail has left: only the log records it (no record changes).
  writeAudit(getDb(), {
    actorUserId: actorOf(viewer),
    action: kind === "gewijzigd" ? "meeting.mail-changed-agenda" : "meeting.mail-agenda",
    entityType: "meeting",
    entityId: meetingId,
    summary: `${kind === "gewijzigd" ? "Gewijzigde agenda" : "Agenda"} gemaild aan ${result.delivered} genodigden: ${meeting.bodyName}, ${formatDateTime(meeting.startsAt)}`,
  });
  return { delivered: result.delivered };
}
