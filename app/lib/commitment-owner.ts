/**
 * Who made a toezegging, in words: "Fleur Hendriks, Veiligheidsregio Twente", only one of the two, or
 * nothing at all (an owner without organisation, or a name hidden from the reader).
 */
export function commitmentOwner(c: { personName?: string | null; organisationName?: string | null }) {
  return [c.personName, c.organisationName].filter(Boolean).join(", ");
}

/** "Toezegging Fleur Hendriks, VRT" — or just "Toezegging" when nobody is named, never "Toezegging :". */
export function commitmentLabel(who: string) {
  return who ? `Toezegging ${who}` : "Toezegging";
}
