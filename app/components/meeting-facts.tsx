import type { ReactNode } from "react";
import { formatDateTime, formatDay, formatTime } from "~/lib/format";

type Facts = {
  startsAt: number;
  endsAt: number;
  previousStartsAt?: number | null;
  location: string;
  chairName: string | null;
  secretaryName?: string | null;
};

/**
 * The facts of a meeting as a description list: date (and where it was moved from), time, place,
 * chair and secretary. `before` and `children` add rows of the page's own (status, attendance…).
 */
export function MeetingFacts({
  meeting,
  before,
  children,
}: {
  meeting: Facts;
  before?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <dl className="gremium-meta">
      {before}
      <dt>Datum</dt>
      <dd>
        {formatDay(meeting.startsAt)}
        {meeting.previousStartsAt ? (
          <div className="gremium-muted">Verplaatst; was {formatDateTime(meeting.previousStartsAt)}</div>
        ) : null}
      </dd>
      <dt>Tijd</dt>
      <dd>
        {formatTime(meeting.startsAt)}–{formatTime(meeting.endsAt)} uur
      </dd>
      <dt>Plaats</dt>
      <dd>{meeting.location}</dd>
      {meeting.chairName ? (
        <>
          <dt>Voorzitter</dt>
          <dd>{meeting.chairName}</dd>
        </>
      ) : null}
      {meeting.secretaryName ? (
        <>
          <dt>Secretaris</dt>
          <dd>{meeting.secretaryName}</dd>
        </>
      ) : null}
      {children}
    </dl>
  );
}
