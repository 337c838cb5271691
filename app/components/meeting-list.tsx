import { Link } from "@remix-run/react";
import { formatDateTime, formatDay, formatTime } from "~/lib/format";
import { meetingStatusLabels, type MeetingStatus } from "~/lib/vocabulary";
import { StatusBadge } from "./status-badge";

export type MeetingSummary = {
  id: number;
  startsAt: number;
  endsAt: number;
  previousStartsAt: number | null;
  location: string;
  status: MeetingStatus;
  isPublic: boolean;
  bodyName: string;
  bodySlug: string;
};

const tones: Record<MeetingStatus, "neutral" | "safe" | "warning" | "danger"> = {
  concept: "warning",
  gepubliceerd: "safe",
  vergaderd: "neutral",
  geannuleerd: "danger",
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  return <StatusBadge tone={tones[status]}>{meetingStatusLabels[status].toLowerCase()}</StatusBadge>;
}

/** A list of meetings: date and time first (what a reader scans for), then body and place. */
export function MeetingList({ meetings, showBody = true }: { meetings: MeetingSummary[]; showBody?: boolean }) {
  return (
    <ul className="gremium-meetings">
      {meetings.map((meeting) => (
        <li key={meeting.id} className={meeting.status === "geannuleerd" ? "gremium-meetings__cancelled" : undefined}>
          <Link className="nl-link gremium-meetings__date" to={`/vergaderingen/${meeting.id}`}>
            {formatDay(meeting.startsAt)}, {formatTime(meeting.startsAt)}–{formatTime(meeting.endsAt)}
            {showBody ? null : <span className="gremium-visually-hidden"> — {meeting.bodyName}</span>}
          </Link>
          {showBody ? <span className="gremium-meetings__body">{meeting.bodyName}</span> : null}
          <span className="gremium-muted">{meeting.location}</span>
          <span>
            {meeting.status !== "gepubliceerd" ? <MeetingStatusBadge status={meeting.status} /> : null}
            {!meeting.isPublic ? <StatusBadge tone="neutral">besloten vergadering</StatusBadge> : null}
          </span>
          {meeting.previousStartsAt ? (
            <span className="gremium-muted">Verplaatst; was {formatDateTime(meeting.previousStartsAt)}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
