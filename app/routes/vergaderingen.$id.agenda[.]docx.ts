import { readMeeting } from "~/lib/meeting-route.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildAgendaDocx } from "~/lib/docx.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { resourceRoute } from "~/lib/responses.server";
import { listDocumentsForMeeting } from "~/models/documents.server";

/** The agenda as a Word document, holding what its page shows the requester: items, papers, markers. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { viewer, meeting } = readMeeting(request, params);
  // The papers the agenda page lists for this reader, besloten ones marked as there.
  const papers = listDocumentsForMeeting({ viewer, meetingId: meeting.id }).map(({ current }) => ({
    agendaItemId: current.agendaItemId,
    title: current.title,
    isConfidential: current.isConfidential,
  }));
  const file = await buildAgendaDocx(meeting, papers);
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
