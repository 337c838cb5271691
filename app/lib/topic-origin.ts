/** How a planned topic's origin is written in its form: "doel:12", "actie:5", "overdracht:3", or "" for free. */
export function originValue(topic: {
  originPlanGoalId: number | null;
  originActionId: number | null;
  originHandoffId: number | null;
}) {
  if (topic.originPlanGoalId) return `doel:${topic.originPlanGoalId}`;
  if (topic.originActionId) return `actie:${topic.originActionId}`;
  if (topic.originHandoffId) return `overdracht:${topic.originHandoffId}`;
  return "";
}
