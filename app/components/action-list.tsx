import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate, formatDay } from "~/lib/format";
import { actionStatusLabels, type ActionStatus } from "~/lib/vocabulary";
import { StatusBadge } from "./status-badge";

export type ActionListItem = {
  id: number;
  description: string;
  status: ActionStatus;
  overdue: boolean;
  dueOn: string | null;
  ownerName: string | null;
  organisationName: string | null;
  bodyName: string;
  decisionReference: string | null;
  lastUpdate: string | null;
  lastUpdateAt: number | null;
  closingNote?: string | null;
  isConfidential: boolean;
};

/** Only what the list shows, so a page sends no more of each action to the browser than that. */
export function toActionListItem(action: ActionListItem): ActionListItem {
  return {
    id: action.id,
    description: action.description,
    status: action.status,
    overdue: action.overdue,
    dueOn: action.dueOn,
    ownerName: action.ownerName,
    organisationName: action.organisationName,
    bodyName: action.bodyName,
    decisionReference: action.decisionReference,
    lastUpdate: action.lastUpdate,
    lastUpdateAt: action.lastUpdateAt,
    closingNote: action.closingNote ?? null,
    isConfidential: action.isConfidential,
  };
}

export function ActionStatusBadge({ status, overdue }: { status: ActionStatus; overdue: boolean }) {
  if (overdue) return <StatusBadge tone="danger">over de termijn</StatusBadge>;
  const tone = status === "afgerond" ? "safe" : status === "vervallen" ? "neutral" : "warning";
  return <StatusBadge tone={tone}>{actionStatusLabels[status].toLowerCase()}</StatusBadge>;
}

/** Actions as a list that reads well on a phone: what, who, when, where it stands. */
export function ActionList<T extends ActionListItem>({
  actions,
  showBody = true,
  emptyText,
  extra,
}: {
  actions: readonly T[];
  showBody?: boolean;
  emptyText: string;
  /** More under each action: the start page puts its progress form there. */
  extra?: (action: T) => ReactNode;
}) {
  if (actions.length === 0) return <p className="nl-paragraph">{emptyText}</p>;
  return (
    <ul className="gremium-meetings">
      {actions.map((action) => {
        const who = [action.ownerName, action.organisationName].filter(Boolean).join(", ");
        return (
          <li key={action.id} id={`actie-${action.id}`}>
            <Link className="nl-link gremium-meetings__date" to={`/acties/${action.id}`}>
              {action.description}
            </Link>
            <span>
              <ActionStatusBadge status={action.status} overdue={action.overdue} />
              {action.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
              {action.dueOn ? `termijn ${formatDate(action.dueOn)}` : "geen termijn"}
            </span>
            <span className="gremium-muted">
              {[who || null, showBody ? action.bodyName : null, action.decisionReference ?? null]
                .filter(Boolean)
                .join(" · ")}
            </span>
            {action.closingNote && (action.status === "afgerond" || action.status === "vervallen") ? (
              <span>
                {action.status === "afgerond" ? "Resultaat" : "Reden"}: {action.closingNote}
              </span>
            ) : action.lastUpdate ? (
              <span>
                Laatste stand{action.lastUpdateAt ? ` (${formatDay(action.lastUpdateAt)})` : ""}: {action.lastUpdate}
              </span>
            ) : null}
            {extra?.(action)}
          </li>
        );
      })}
    </ul>
  );
}
