import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards";
import { publicUrl } from "~/lib/env.server";
import { readDecisionList } from "~/lib/meeting-route.server";
import { buildDecisionListPdf } from "~/lib/pdf/meeting-documents.server";
import { pdfResponse } from "~/lib/pdf/pdf-response.server";
import { resourceRoute } from "~/lib/responses.server";
import { composeDecisionList } from "~/models/decision-list-document.server";

/** The besluitenlijst as an accessible PDF (PDF/UA): what its page shows this requester. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { viewer, list } = readDecisionList(request, params);
  if (!list.visible) notFound("Deze besluitenlijst bestaat niet of is (nog) niet openbaar.");
  const date = new Date(list.meeting.startsAt).toISOString().slice(0, 10);
  return pdfResponse(
    buildDecisionListPdf(composeDecisionList({ viewer, list }), { base: publicUrl() }),
    `besluitenlijst-${list.meeting.bodySlug}-${date}.pdf`,
  );
});
