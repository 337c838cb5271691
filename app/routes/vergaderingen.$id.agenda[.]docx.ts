import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireIdParam } from "~/auth/guards";
import { refuseClosedRecord } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { buildAgendaDocx } from "~/lib/docx.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { getMeeting } from "~/models/meetings.server";
import { resourceRoute } from "~/lib/responses.server";

/** The agenda as a Word document, holding only what the requester may see. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const id = requireIdParam(params.id);
  const meeting = getMeeting({ viewer, id });
  if (!meeting)
    refuseClosedRecord(
      request,
      viewer,
      { kind: "meeting", id },
      "Deze vergadering bestaat niet of is (nog) niet openbaar.",
    );
  const file = await buildAgendaDocx(meeting);
  const date = new Date(meeting.startsAt).toISOString().slice(0, 10);
  const headers = applySecurityHeaders(
    new Headers({
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="agenda-${meeting.bodySlug}-${date}.docx"`,
      "Cache-Control": "private, no-store",
    }),
  );
  return new Response(new Uint8Array(file), { headers });
});
