import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/lib/calendar-response.server";
import { listMeetingsForCalendar } from "~/models/meetings.server";
import { resourceRoute } from "~/lib/responses.server";

/** Every published public meeting of every body, for any calendar app. */
export const loader = resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  return calendarResponse(
    request,
    "Gremium: openbare vergaderingen",
    listMeetingsForCalendar({ viewer: null }),
    "vergaderingen.ics",
  );
});
