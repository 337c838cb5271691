import { objectiveStatusLabels, type ObjectiveStatus } from "~/lib/vocabulary";
import { StatusBadge } from "./status-badge";

const tones = { op_koers: "safe", aandacht_nodig: "warning", achter: "danger", afgerond: "neutral" } as const;

export function ObjectiveStatusBadge({ status }: { status: ObjectiveStatus }) {
  return <StatusBadge tone={tones[status]}>{objectiveStatusLabels[status].toLowerCase()}</StatusBadge>;
}
