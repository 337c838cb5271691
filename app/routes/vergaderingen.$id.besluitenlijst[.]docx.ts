import { readDecisionList } from "~/lib/meeting-route.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards";
import { buildDecisionListDocx } from "~/lib/docx.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { resourceRoute } from "~/lib/responses.server";
import { composeDecisionList } from "~/models/decision-list-document.server";

/** The besluitenlijst as a Word document: what its page shows this requester, nothing more or less. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { viewer, list } = readDecisionList(request, params);
  if (!list.visible) notFound("Deze besluitenlijst bestaat niet of is (nog) niet openbaar.");
  const file = await buildDecisionListDocx(composeDecisionList({ viewer, list }));
  const date = new Date(list.meeting.startsAt).toISOString().slice(0, 10);
  const headers = applySecurityHeaders(
    new Headers({
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="besluitenlijst-${list.meeting.bodySlug}-${date}.docx"`,
      "Cache-Control": "private, no-store",
    }),
  );
  return new Response(new Uint8Array(file), { headers });
});
