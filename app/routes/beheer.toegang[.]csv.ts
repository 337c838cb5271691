import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/permissions.server";
import { toExcelCsv } from "~/lib/csv";
import { formatDateTime, todayIso, formatDateForCsv } from "~/lib/format";
import { resourceRoute } from "~/lib/responses.server";
import { membershipRoleLabels, signInMethodLabels, userRoleLabels, type MembershipRole } from "~/lib/vocabulary";
import { listAccessReview } from "~/models/access-review.server";

/** The access review for the yearly check, one row per account, for Excel. */
export const loader = resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const rows = [
    [
      "Naam",
      "E-mailadres",
      "Organisatie",
      "Rol",
      "Status",
      "Ziet besloten stukken van",
      "Afgelopen lidmaatschappen",
      "Laatst ingelogd",
      "Laatst ingelogd met",
      "Tweede stap",
      "Inloggen via organisatie",
      "Aandachtspunten",
    ],
    ...listAccessReview({ viewer }).map((row) => [
      row.name,
      row.email,
      row.organisation,
      userRoleLabels[row.role],
      row.active ? "actief" : "gedeactiveerd",
      row.role === "beheerder"
        ? "alle gremia (beheerder)"
        : row.memberships
            .map(
              (m) =>
                `${m.body} (${membershipRoleLabels[m.role as MembershipRole].toLowerCase()}, sinds ${formatDateForCsv(m.since)})`,
            )
            .join(", "),
      row.endedMemberships.map((m) => `${m.body} (tot ${formatDateForCsv(m.endedOn)})`).join(", "),
      row.lastSignInAt ? formatDateTime(row.lastSignInAt) : "nooit",
      row.lastSignInMethod ? signInMethodLabels[row.lastSignInMethod] : "",
      row.secondFactor ?? (row.secondStepRequired ? "verplicht, niet ingesteld" : "niet ingesteld"),
      row.sso ?? "",
      row.flags.join("; "),
    ]),
  ];
  return new Response(toExcelCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="toegangsreview-${todayIso()}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
