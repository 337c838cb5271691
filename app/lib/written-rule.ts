import type { WrittenAnswer, WrittenOutcome, WrittenRule } from "./vocabulary";

// How a body's rule turns the answers of a written procedure into its outcome (docs/decisions/030).
//  - "tenzij-bezwaar": adopted unless a member answered "niet instemmen"; silence is consent.
//  - "meerderheid": only when enough members answered (the quorum, a share of those asked, abstentions
//    counting as answers), adopted when more agreed than disagreed; a tie is not a majority.

export type Tally = { instemmen: number; "niet-instemmen": number; onthouden: number; geen: number };

export function tallyOf(answers: readonly (WrittenAnswer | null)[]): Tally {
  const tally: Tally = { instemmen: 0, "niet-instemmen": 0, onthouden: 0, geen: 0 };
  for (const answer of answers) tally[answer ?? "geen"]++;
  return tally;
}

export function outcomeOf(rule: WrittenRule, quorumPercent: number, tally: Tally): WrittenOutcome {
  if (rule === "tenzij-bezwaar") return tally["niet-instemmen"] > 0 ? "verworpen" : "aangenomen";
  const asked = tally.instemmen + tally["niet-instemmen"] + tally.onthouden + tally.geen;
  const answered = asked - tally.geen;
  if (asked === 0 || answered * 100 < quorumPercent * asked) return "geen-quorum";
  return tally.instemmen > tally["niet-instemmen"] ? "aangenomen" : "verworpen";
}

/** The rule in a sentence, as the mail and the page say it. */
export function ruleSentence(rule: WrittenRule, quorumPercent: number) {
  return rule === "tenzij-bezwaar"
    ? "Het voorstel is aangenomen, tenzij een lid niet instemt. Wie niet antwoordt, stemt in."
    : `Het voorstel is aangenomen bij een meerderheid van de uitgebrachte stemmen, als ten minste ${quorumPercent}% van de leden antwoordt.`;
}
