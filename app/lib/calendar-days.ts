import { addDaysIso, formatDate } from "./format";

// Dates a meeting is seldom meant to be on. Planning on one is allowed (a meeting on Koningsdag can be
// intended), but the form asks first, as a colleague would.

/** The field a form posts once its author has seen the warnings about a date and kept it. */
export const ACCEPTED_DATE_FIELD = "datumAkkoord";

/** Easter Sunday of a year (the Gregorian computus, "anonymous" algorithm), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The Dutch public holidays of a year (the days government offices close), date → name. */
export function dutchHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const day = (month: number, date: number) =>
    `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
  // Koningsdag moves to the 26th when the 27th is a Sunday.
  const kingsDay = new Date(`${day(4, 27)}T12:00:00Z`).getUTCDay() === 0 ? day(4, 26) : day(4, 27);
  return new Map([
    [day(1, 1), "Nieuwjaarsdag"],
    [addDaysIso(easter, -2), "Goede Vrijdag"],
    [easter, "Eerste Paasdag"],
    [addDaysIso(easter, 1), "Tweede Paasdag"],
    [kingsDay, "Koningsdag"],
    [day(5, 5), "Bevrijdingsdag"],
    [addDaysIso(easter, 39), "Hemelvaartsdag"],
    [addDaysIso(easter, 49), "Eerste Pinksterdag"],
    [addDaysIso(easter, 50), "Tweede Pinksterdag"],
    [day(12, 25), "Eerste Kerstdag"],
    [day(12, 26), "Tweede Kerstdag"],
  ]);
}

/**
 * What is unusual about a meeting date, in Dutch, one sentence per point: in the past, on a weekend,
 * on a public holiday. Empty for an ordinary working day.
 */
export function dateWarnings(date: string, today: string): string[] {
  const warnings: string[] = [];
  const when = formatDate(date);
  if (date < today)
    warnings.push(
      `${when} ligt in het verleden. Legt u een gehouden vergadering vast? Na het plannen kiest u ‘Vastleggen als gehouden’; dan wordt niemand gemaild.`,
    );
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) warnings.push(`${when} is een ${weekday === 0 ? "zondag" : "zaterdag"}.`);
  const holiday = dutchHolidays(Number(date.slice(0, 4))).get(date);
  if (holiday) warnings.push(`${when} is ${holiday}.`);
  return warnings;
}
