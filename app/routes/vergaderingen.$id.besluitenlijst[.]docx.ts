import { readDecisionList } from "~/lib/meeting-route.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards";
import { buildDecisionListDocx } from "~/lib/docx.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { formatDate } from "~/lib/format";
import { actionReviewResultLabels, decisionOutcomeLabels } from "~/lib/vocabulary";
import { getMeetingActionList } from "~/models/action-lists.server";
import { listAttendance } from "~/models/attendance.server";
import { resourceRoute } from "~/lib/responses.server";

/** The besluitenlijst as a Word document, holding only what the requester may see. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { viewer, list } = readDecisionList(request, params);
  if (!list.visible) notFound("Deze besluitenlijst bestaat niet of is (nog) niet openbaar.");
  const invitees = listAttendance({ viewer, meetingId: list.meeting.id })?.invitees ?? [];
  const file = await buildDecisionListDocx(list.meeting, {
    status: list.status,
    adoptedAt: list.adoptedAt,
    hiddenCount: list.hiddenCount,
    present: invitees.filter((i) => i.attendance && i.attendance !== "afwezig").map((i) => i.name),
    absent: invitees.filter((i) => i.attendance === "afwezig").map((i) => i.name),
    decisions: list.decisions.map((d) => ({ ...d, outcomeLabel: decisionOutcomeLabels[d.outcome] })),
    // Members only, as on the page.
    actionList: getMeetingActionList({ viewer, meetingId: list.meeting.id })?.reviews.map(
      (r) =>
        `${r.description} (${[r.ownerName, r.organisationName].filter(Boolean).join(", ") || "geen eigenaar"}): ${actionReviewResultLabels[r.result].toLowerCase()}${r.newDueOn ? ` tot ${formatDate(r.newDueOn)}` : ""}${r.note ? ` — ${r.note}` : ""}`,
    ),
  });
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
