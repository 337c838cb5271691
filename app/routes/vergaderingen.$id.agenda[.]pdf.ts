import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicUrl } from "~/lib/env.server";
import { readMeeting } from "~/lib/meeting-route.server";
import { buildAgendaPdf } from "~/lib/pdf/meeting-documents.server";
import { pdfResponse } from "~/lib/pdf/pdf-response.server";
import { resourceRoute } from "~/lib/responses.server";
import { listDocumentsForMeeting } from "~/models/documents.server";

/** The agenda as an accessible PDF (PDF/UA), holding what its page shows the requester. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { viewer, meeting } = readMeeting(request, params);
  const base = publicUrl();
  const papers = listDocumentsForMeeting({ viewer, meetingId: meeting.id }).map(({ current }) => ({
    agendaItemId: current.agendaItemId,
    title: current.title,
    isConfidential: current.isConfidential,
    url: `${base}/stukken/${current.versionId}`,
  }));
  const date = new Date(meeting.startsAt).toISOString().slice(0, 10);
  return pdfResponse(buildAgendaPdf(meeting, papers, { base }), `agenda-${meeting.bodySlug}-${date}.pdf`);
});
