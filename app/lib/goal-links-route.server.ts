import { redirect } from "~/lib/responses.server";
import type { Viewer } from "~/auth/viewer";
import {
  canLinkGoals,
  describeGoalLinks,
  getGoalLinks,
  listGoalOptions,
  setGoalLinks,
  type LinkTarget,
} from "~/models/goal-links.server";
import { parseGoalLinks } from "~/schemas/programmes";

/** What a page shows of a record's goal links: the links, and the form for who may change them. */
export function loadGoalLinks(viewer: Viewer, target: LinkTarget, year: number) {
  const linked = canLinkGoals(viewer, target) ? getGoalLinks({ viewer, target }) : null;
  return {
    goals: describeGoalLinks({ viewer, target }),
    goalForm: linked ? { options: listGoalOptions({ viewer, years: [year] }), linked } : null,
  };
}

/** Saves the goal-link form of a page and returns to it. */
export function saveGoalLinks(viewer: Viewer, target: LinkTarget, formData: FormData, back: string) {
  setGoalLinks({ viewer, target, ...parseGoalLinks(formData) });
  return redirect(`${back}${back.includes("?") ? "&" : "?"}gekoppeld=1`);
}
