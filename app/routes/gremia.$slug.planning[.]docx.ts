import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { buildPlanningDocx } from "~/lib/docx.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { decisionOutcomeLabels, topicPurposeLabels } from "~/lib/vocabulary";
import { getBodyBySlug } from "~/models/bodies.server";
import { getYearPlanning } from "~/models/planning.server";
import { resourceRoute } from "~/lib/responses.server";

/** The bestuursagenda of one year (?jaar=2027) as a Word document, holding only what the requester may see. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const body = getBodyBySlug({ viewer, slug: params.slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  const requested = new URL(request.url).searchParams.get("jaar");
  const year = requested === null ? new Date().getUTCFullYear() : Number(requested);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) notFound("Kies een jaar tussen 2000 en 2100.");
  const planning = getYearPlanning({ viewer, bodyId: body.id, year });
  const topic = (t: (typeof planning.byQuarter)[number]) => ({
    subject: t.subject,
    purposeLabel: topicPurposeLabels[t.purpose],
    ownerName: t.ownerName,
    quarter: t.quarter,
    isConfidential: t.isConfidential,
    origin: t.origin ? `Herkomst: ${t.origin.label}` : null,
    status: t.decisions.length
      ? `Besloten: ${t.decisions.map((d) => `${d.reference} ${decisionOutcomeLabels[d.outcome].toLowerCase()}`).join(", ")}`
      : t.agendaItemId
        ? "Op de agenda"
        : "Gepland",
  });
  const file = await buildPlanningDocx({
    bodyName: body.name,
    year,
    meetings: planning.meetings.map((m) => ({
      startsAt: m.startsAt,
      location: m.location,
      topics: m.topics.map(topic),
    })),
    byQuarter: planning.byQuarter.map(topic),
    expectedPlans: planning.expectedPlans,
  });
  const headers = applySecurityHeaders(
    new Headers({
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="bestuursagenda-${body.slug}-${year}.docx"`,
      "Cache-Control": "private, no-store",
    }),
  );
  return new Response(new Uint8Array(file), { headers });
});
