import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards";
import { calendarResponse } from "~/lib/calendar-response.server";
import { viewerForCalendarToken } from "~/models/calendar-feeds.server";
import { listMeetingsForCalendar } from "~/models/meetings.server";
import { resourceRoute } from "~/lib/responses.server";

/** A user's personal feed: the published meetings of their own bodies, public or not. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const viewer = viewerForCalendarToken({ token });
  if (!viewer) notFound("Deze agendalink bestaat niet (meer).");
  return calendarResponse(
    request,
    `Gremium: vergaderingen van ${viewer.name}`,
    listMeetingsForCalendar({ viewer, ownBodiesOnly: true }),
    "mijn-vergaderingen.ics",
  );
});
