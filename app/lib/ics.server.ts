import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { MeetingStatus } from "./vocabulary";

export type CalendarMeeting = {
  id: number;
  startsAt: number;
  endsAt: number;
  location: string;
  status: MeetingStatus;
  bodyName: string;
  version: number;
  updatedAt: number;
};

/**
 * An iCalendar file of meetings. Times are written in UTC (…Z), which every calendar shows in its
 * own zone; the meeting page is linked for the agenda, which is never copied into the calendar.
 */
export function meetingsCalendar({
  name,
  meetings,
  baseUrl,
  method = ICalCalendarMethod.PUBLISH,
}: {
  name: string;
  meetings: CalendarMeeting[];
  baseUrl: string;
  method?: ICalCalendarMethod;
}) {
  const calendar = ical({ name, method, prodId: { company: "Gremium", product: "vergaderingen", language: "NL" } });
  for (const meeting of meetings) {
    const url = `${baseUrl}/vergaderingen/${meeting.id}`;
    calendar.createEvent({
      id: `vergadering-${meeting.id}@gremium`,
      sequence: meeting.version,
      stamp: new Date(meeting.updatedAt),
      start: new Date(meeting.startsAt),
      end: new Date(meeting.endsAt),
      summary: `${meeting.status === "geannuleerd" ? "Geannuleerd: " : ""}Vergadering ${meeting.bodyName}`,
      location: meeting.location,
      description: `Agenda en stukken: ${url}`,
      url,
      status: meeting.status === "geannuleerd" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

export { ICalCalendarMethod };
