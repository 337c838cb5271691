import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { toExcelCsv } from "~/lib/csv";
import { formatDay, todayIso } from "~/lib/format";
import { subscriberStatusLabels } from "~/lib/vocabulary";
import { exportSubscribers } from "~/models/subscribers.server";
import { resourceRoute } from "~/lib/responses.server";

export const loader = resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  const rows = exportSubscribers({ viewer: requireUser(request) });
  const csv = toExcelCsv([
    ["E-mail", "Naam", "Organisatie", "Status", "Bevestigd op"],
    ...rows.map((r) => [
      r.email,
      r.name,
      r.organisation,
      subscriberStatusLabels[r.status],
      r.confirmedAt ? formatDay(r.confirmedAt) : "",
    ]),
  ]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="abonnees-${todayIso()}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
