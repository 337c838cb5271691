import { readMeeting } from "~/lib/meeting-route.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildAgendaDocx } from "~/lib/docx.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { resourceRoute } from "~/lib/responses.server";

/** The agenda as a Word document, holding only what the requester may see. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { meeting } = readMeeting(request, params);
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
