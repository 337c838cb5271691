import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards";
import { calendarResponse } from "~/lib/calendar-response.server";
import { getBodyBySlug } from "~/models/bodies.server";
import { listMeetingsForCalendar } from "~/models/meetings.server";
import { resourceRoute } from "~/lib/responses.server";

/** The published public meetings of one body. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const body = getBodyBySlug({ viewer: null, slug: params.slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  return calendarResponse(
    request,
    `Gremium: ${body.name}`,
    listMeetingsForCalendar({ viewer: null, bodyId: body.id }),
    `${body.slug}.ics`,
  );
});
