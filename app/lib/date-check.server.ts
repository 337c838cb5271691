import { ACCEPTED_DATE_FIELD, dateWarnings } from "./calendar-days";
import { todayIso } from "./format";

export type DateWarning = { date: string; messages: string[] };

/**
 * The warnings about a meeting date that its author has not yet seen and accepted: a date in the past,
 * on a weekend or a public holiday is asked about once, never refused.
 */
export function unacceptedDateWarning(formData: FormData, date: string, today = todayIso()): DateWarning | null {
  const messages = dateWarnings(date, today);
  if (messages.length === 0 || formData.get(ACCEPTED_DATE_FIELD) === date) return null;
  return { date, messages };
}
