import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireIdParam } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { buildPlanDocx } from "~/lib/docx.server";
import { formatDay, formatEuro } from "~/lib/format";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { budgetKindLabels, budgetKinds, planGoalStatusLabels, planStatusLabels } from "~/lib/vocabulary";
import { getPlan } from "~/models/plans.server";
import { resourceRoute } from "~/lib/responses.server";

/** The plan as a Word document, holding what the requester may see (a concept only for its members). */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const found = getPlan({ viewer: getViewer(request), id: requireIdParam(params.id) });
  if (!found) notFound("Dit jaarplan bestaat niet, of is (nog) niet openbaar.");
  const { plan, chapters, goals, budget, totals, decision, consentItem } = found;
  const file = await buildPlanDocx({
    title: plan.title,
    bodyName: plan.bodyName,
    year: plan.year,
    statusLabel: planStatusLabels[plan.status],
    adoption:
      decision && consentItem
        ? `vastgesteld door de stuurgroep op ${formatDay(consentItem.startsAt)} (${decision.reference})`
        : null,
    chapters,
    goals: goals.map((g) => ({ ...g, statusLabel: planGoalStatusLabels[g.status] })),
    budget: budgetKinds.map((kind) => ({
      kindLabel: budgetKindLabels[kind],
      lines: budget
        .filter((l) => l.kind === kind)
        .map((l) => ({ description: l.description, amount: formatEuro(l.amountCents) })),
      total: formatEuro(totals[kind]),
    })),
    saldo: formatEuro(totals.saldo),
    reportHtml: plan.reportPublishedAt ? plan.reportHtml : null,
  });
  const headers = applySecurityHeaders(
    new Headers({
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="jaarplan-${plan.bodySlug}-${plan.year}.docx"`,
      "Cache-Control": "private, no-store",
    }),
  );
  return new Response(new Uint8Array(file), { headers });
});
