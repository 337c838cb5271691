import type { LoaderFunctionArgs } from "@remix-run/node";
import { getViewer } from "~/auth/session.server";
import { parseActionFilters } from "~/lib/action-filters";
import { toExcelCsv } from "~/lib/csv";
import { formatDay, todayIso, formatDateForCsv } from "~/lib/format";
import { actionStatusLabels } from "~/lib/vocabulary";
import { listActions } from "~/models/actions.server";
import { resourceRoute } from "~/lib/responses.server";

/** The action list as the filters show it, for Excel; the same visibility as the page. */
export const loader = resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const { filters } = parseActionFilters(new URL(request.url).searchParams);
  const { actions } = listActions({ viewer, filters, pageSize: null });
  const rows = [
    [
      "Nummer",
      "Actie",
      "Eigenaar",
      "Organisatie",
      "Gremium",
      "Besluit",
      "Vergadering",
      "Termijn",
      "Status",
      "Over de termijn",
      "Laatste stand",
      "Resultaat of reden",
    ],
    ...actions.map((a) => [
      a.id,
      a.description,
      a.ownerName,
      a.organisationName,
      a.bodyName,
      a.decisionReference,
      a.meetingStartsAt ? formatDay(a.meetingStartsAt) : "",
      formatDateForCsv(a.dueOn),
      actionStatusLabels[a.status],
      a.overdue ? "ja" : "nee",
      a.lastUpdate,
      a.closingNote,
    ]),
  ];
  return new Response(toExcelCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="acties-${todayIso()}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
