import { actionStatuses, type ActionStatus } from "./vocabulary";

export type ActionStatusFilter = ActionStatus | "lopend" | "alle";
export const actionStatusFilterLabels: Record<ActionStatusFilter, string> = {
  lopend: "Lopend (open of in uitvoering)",
  open: "Open",
  in_uitvoering: "In uitvoering",
  afgerond: "Afgerond",
  vervallen: "Vervallen",
  alle: "Alle statussen",
};

const positiveInt = (value: string | null, max = Number.MAX_SAFE_INTEGER) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= max ? n : undefined;
};

/**
 * The action list's filters from the query string, as the page and the CSV export read them.
 * Unknown or malformed values are ignored, never an error.
 */
export function parseActionFilters(searchParams: URLSearchParams) {
  const statusParam = searchParams.get("status") ?? "lopend";
  const status: ActionStatusFilter =
    statusParam === "alle" || statusParam === "lopend" || (actionStatuses as readonly string[]).includes(statusParam)
      ? (statusParam as ActionStatusFilter)
      : "lopend";
  const filters = {
    objectiveId: positiveInt(searchParams.get("doel")),
    bodyId: positiveInt(searchParams.get("gremium")),
    ownerPersonId: positiveInt(searchParams.get("eigenaar")),
    organisationId: positiveInt(searchParams.get("organisatie")),
    meetingId: positiveInt(searchParams.get("vergadering")),
    status,
    overdue: searchParams.get("te-laat") === "1",
    dueWithinDays: positiveInt(searchParams.get("binnen"), 3650),
  };
  const query: Record<string, string> = {};
  if (filters.objectiveId) query.doel = String(filters.objectiveId);
  if (filters.bodyId) query.gremium = String(filters.bodyId);
  if (filters.ownerPersonId) query.eigenaar = String(filters.ownerPersonId);
  if (filters.organisationId) query.organisatie = String(filters.organisationId);
  if (filters.meetingId) query.vergadering = String(filters.meetingId);
  if (status !== "lopend") query.status = status;
  if (filters.overdue) query["te-laat"] = "1";
  if (filters.dueWithinDays) query.binnen = String(filters.dueWithinDays);
  const page = positiveInt(searchParams.get("pagina"), 100_000) ?? 1;
  return { filters, query, page };
}
