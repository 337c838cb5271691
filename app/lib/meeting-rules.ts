import { monthNames } from "./format";

// Dates for a series of meetings: from a rule ("elk kwartaal, de tweede donderdag, vanaf maart") or
// from a list of dates as the secretariaat types them. Pure functions; calendar dates only.

/**
 * How many days before a meeting its agenda and papers go out: a week, so that mayors and directors
 * can read them and brief their own organisation first. The start page warns the secretariaat by then.
 */
export const AGENDA_LEAD_DAYS = 7;

export const weekdayLabels = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"] as const;
export const intervalLabels: Record<number, string> = {
  1: "elke maand",
  2: "elke twee maanden",
  3: "elk kwartaal",
  4: "elke vier maanden",
  6: "elk halfjaar",
};

export type SeriesRule = {
  year: number;
  everyMonths: 1 | 2 | 3 | 4 | 6;
  firstMonth: number;
  /** ISO weekday: 1 is maandag, 7 is zondag. */
  weekday: number;
  /** Which of those weekdays in the month: 1 to 4, or 5 for the last. */
  nth: 1 | 2 | 3 | 4 | 5;
};

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** The nth (or last) given weekday of a month. */
export function nthWeekday(year: number, month: number, weekday: number, nth: number) {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const days = Array.from({ length: daysInMonth }, (_, i) => i + 1).filter(
    (d) => ((new Date(Date.UTC(year, month - 1, d)).getUTCDay() + 6) % 7) + 1 === weekday,
  );
  const day = nth === 5 ? days[days.length - 1]! : days[nth - 1]!;
  return iso(year, month, day);
}

export const monthLabels = monthNames;

/** The rule in words: "elk kwartaal, de 2e donderdag, vanaf maart 2027". */
export function describeRule(rule: SeriesRule) {
  const which = rule.nth === 5 ? "de laatste" : `de ${rule.nth}e`;
  return `${intervalLabels[rule.everyMonths]}, ${which} ${weekdayLabels[rule.weekday - 1]}, vanaf ${monthLabels[rule.firstMonth - 1]} ${rule.year}`;
}

export function datesForRule(rule: SeriesRule): string[] {
  const dates: string[] = [];
  for (let month = rule.firstMonth; month <= 12; month += rule.everyMonths)
    dates.push(nthWeekday(rule.year, month, rule.weekday, rule.nth));
  return dates;
}

/** "12-3-2027", "2027-03-12", one per line or separated by commas; the unreadable ones are named. */
export function parseDateList(text: string) {
  const dates: string[] = [];
  const invalid: string[] = [];
  for (const part of text
    .split(/[\n,;]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(part);
    const candidate = dutch ? iso(Number(dutch[3]), Number(dutch[2]), Number(dutch[1])) : part;
    const [y, m, d] = candidate.split("-").map(Number) as [number, number, number];
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(candidate) && new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === candidate;
    if (valid) dates.push(candidate);
    else invalid.push(part);
  }
  return { dates: [...new Set(dates)].sort(), invalid };
}
