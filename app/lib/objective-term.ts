import { objectiveTermWords, type ObjectiveTerm } from "./vocabulary";

/** The programme's own word for its objectives, in the forms a page needs: "ambitie", "Ambities", … */
export function termOf(programme: { objectiveTerm: ObjectiveTerm }) {
  const { plural, singular } = objectiveTermWords[programme.objectiveTerm];
  const title = (word: string) => word[0]!.toUpperCase() + word.slice(1);
  return { plural, singular, pluralTitle: title(plural), singularTitle: title(singular) };
}
