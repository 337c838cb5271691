import { decodeEntities } from "~/lib/html";
import type { WooFooting } from "~/lib/vocabulary";

// Values in the shape of the ODS Open Raadsinformatie standard: string ids, references as {id, url},
// texts within the standard's maximum lengths, and its enumerations.

/** A reference to another resource, the standard's VerwijzingNaarResource. */
export const reference = (base: string, collection: string, id: number) => ({
  id: String(id),
  url: `${base}/api/v1/${collection}/${id}`,
});

/**
 * The text within `max` characters: whole words with an ellipsis when it is longer. The standard caps
 * several texts (a title at 100, a location at 100) that Gremium keeps longer; the whole text then goes
 * in the extension `volledigeTekst`.
 */
export function fitText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  // The cut ends at a word when the next character is a space; otherwise back to the last space.
  const space = flat[max - 1] === " " ? cut.length : cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Stored, sanitized HTML as one line of plain text. */
export const plainText = (html: string) =>
  decodeEntities(html.replace(/<\/(p|li|h\d|tr)>/g, " ").replace(/<[^>]+>/g, ""))
    .replace(/\s+/g, " ")
    .trim();

/**
 * Fits each text to its maximum; returns the fitted values and, under the same names, the whole texts
 * of those that had to be shortened (none: no extension property at all).
 */
export function fitTexts<K extends string>(texts: Record<K, { text: string; max: number }>) {
  const fitted = {} as Record<K, string>;
  const whole: Partial<Record<K, string>> = {};
  for (const key of Object.keys(texts) as K[]) {
    const { text, max } = texts[key];
    fitted[key] = fitText(text, max);
    if (fitted[key] !== text.replace(/\s+/g, " ").trim()) whole[key] = text;
  }
  return { fitted, volledigeTekst: Object.keys(whole).length ? { volledigeTekst: whole } : {} };
}

/**
 * The standard's VergaderingsType knows council, committee, presidium, provincial and water-board
 * meetings. An algemeen bestuur (a general board under the Wgr) is the `algemene_bestuursvergadering`;
 * every other body of the network meets as a committee does (docs/decisions/027).
 */
export const meetingTypeOf = (footing: WooFooting) =>
  footing === "algemeen-bestuur" ? ("algemene_bestuursvergadering" as const) : ("commissievergadering" as const);

export const odsMeetingTypes = [
  "raadsvergadering",
  "commissievergadering",
  "presidium",
  "statenvergadering",
  "algemene_bestuursvergadering",
] as const;

/** Dutch in ISO 639-2/B, as the standard prefers for `taal`. */
export const DUTCH = "dut";
