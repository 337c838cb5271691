import { Form } from "@remix-run/react";
import { Button } from "./form";

export type GoalOptions = {
  objectives: { id: number; number: string; title: string; programmeTitle: string }[];
  planGoals: { id: number; title: string; planTitle: string; bodyName: string }[];
};

/**
 * Checkboxes to link a record to objectives and plan goals, grouped by programme and plan. A plain
 * form post; the page's action answers intent "links".
 */
export function GoalLinksForm({
  options,
  linked,
  done,
}: {
  options: GoalOptions;
  linked: { objectiveIds: number[]; planGoalIds: number[] };
  done?: boolean;
}) {
  const programmes = [...new Set(options.objectives.map((o) => o.programmeTitle))];
  const plans = [...new Set(options.planGoals.map((g) => g.planTitle))];
  return (
    <details className="gremium-record" open={done}>
      <summary>Koppelen aan opgaven en plandoelen</summary>
      <Form method="post" className="gremium-form">
        <input type="hidden" name="intent" value="links" />
        {programmes.map((programme) => (
          <fieldset key={programme} className="gremium-fieldset">
            <legend>{programme}</legend>
            {options.objectives
              .filter((o) => o.programmeTitle === programme)
              .map((o) => (
                <div key={o.id} className="gremium-checkbox">
                  <input
                    type="checkbox"
                    id={`doel-${o.id}`}
                    name="objectiveIds"
                    value={o.id}
                    defaultChecked={linked.objectiveIds.includes(o.id)}
                    className="gremium-checkbox__input"
                  />
                  <label htmlFor={`doel-${o.id}`}>
                    {o.number}. {o.title}
                  </label>
                </div>
              ))}
          </fieldset>
        ))}
        {plans.map((plan) => (
          <fieldset key={plan} className="gremium-fieldset">
            <legend>{plan}</legend>
            {options.planGoals
              .filter((g) => g.planTitle === plan)
              .map((g) => (
                <div key={g.id} className="gremium-checkbox">
                  <input
                    type="checkbox"
                    id={`plandoel-${g.id}`}
                    name="planGoalIds"
                    value={g.id}
                    defaultChecked={linked.planGoalIds.includes(g.id)}
                    className="gremium-checkbox__input"
                  />
                  <label htmlFor={`plandoel-${g.id}`}>{g.title}</label>
                </div>
              ))}
          </fieldset>
        ))}
        <Button>Koppelingen opslaan</Button>
      </Form>
    </details>
  );
}

/** The goals a record serves, as links. */
export function GoalLinksList({
  links,
}: {
  links: {
    objectives: { programmeSlug: string; programmeTitle: string; number: string; title: string }[];
    planGoals: { planId: number; planTitle: string; title: string }[];
  };
}) {
  if (links.objectives.length + links.planGoals.length === 0) return null;
  return (
    <ul className="gremium-goal-links">
      {links.objectives.map((o) => (
        <li key={`${o.programmeSlug}-${o.number}`}>
          <a className="nl-link" href={`/programmas/${o.programmeSlug}/${o.number}`}>
            {o.programmeTitle} {o.number}: {o.title}
          </a>
        </li>
      ))}
      {links.planGoals.map((g) => (
        <li key={`${g.planId}-${g.title}`}>
          <a className="nl-link" href={`/jaarplannen/${g.planId}`}>
            {g.planTitle}: {g.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
