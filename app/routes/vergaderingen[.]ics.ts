import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/lib/calendar-response.server";
import { listMeetingsForCalendar } from "~/models/meetings.server";

/** Every published public meeting of every body, for any calendar app. */
export async function loader({ request }: LoaderFunctionArgs) {
  return calendarResponse(
    request,
    "Gremium: openbare vergaderingen",
    listMeetingsForCalendar({ viewer: null }),
    "vergaderingen.ics",
  );
}
