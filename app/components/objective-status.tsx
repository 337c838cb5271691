import { objectiveStatusLabels, type ObjectiveStatus } from "~/lib/vocabulary";
import { StatusBadge } from "./status-badge";

const tones = { op_koers: "safe", aandacht_nodig: "warning", achter: "danger", afgerond: "neutral" } as const;

/** The stated status, or "geen status" for an objective that never got one: no default is invented. */
export function ObjectiveStatusBadge({ status }: { status: ObjectiveStatus | null }) {
  if (!status) return <StatusBadge tone="neutral">geen status</StatusBadge>;
  return <StatusBadge tone={tones[status]}>{objectiveStatusLabels[status].toLowerCase()}</StatusBadge>;
}
