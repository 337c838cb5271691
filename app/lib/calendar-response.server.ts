import { meetingsCalendar, type CalendarMeeting } from "./ics.server";
import { applySecurityHeaders } from "./security-headers.server";
import { publicUrl } from "./env.server";

export function calendarResponse(request: Request, name: string, meetings: CalendarMeeting[], fileName: string) {
  const body = meetingsCalendar({ name, meetings, baseUrl: publicUrl() });
  const headers = applySecurityHeaders(
    new Headers({
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${fileName}"`,
      "Cache-Control": "private, max-age=300",
    }),
  );
  return new Response(body, { headers });
}
