import { TZDate } from "@date-fns/tz";

// Dutch dates and times in Amsterdam time. The names are written out here rather than taken from
// date-fns' locale or the platform's Intl data: the same text on server and browser (no hydration
// differences between ICU versions), and ten kilobytes less JavaScript on every page.

export const TIME_ZONE = "Europe/Amsterdam";

const weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"] as const;
/** The months in Dutch, januari first. */
export const monthNames = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
] as const;
const shortMonths = [
  "jan.",
  "feb.",
  "mrt.",
  "apr.",
  "mei",
  "jun.",
  "jul.",
  "aug.",
  "sep.",
  "okt.",
  "nov.",
  "dec.",
] as const;
const two = (n: number) => String(n).padStart(2, "0");

/** The wall-clock parts of an instant in Amsterdam. */
function inAmsterdam(instant: number | Date) {
  const zoned = new TZDate(+instant, TIME_ZONE);
  return {
    year: zoned.getFullYear(),
    month: zoned.getMonth(),
    day: zoned.getDate(),
    weekday: zoned.getDay(),
    hours: zoned.getHours(),
    minutes: zoned.getMinutes(),
    seconds: zoned.getSeconds(),
  };
}

const isoOf = (t: { year: number; month: number; day: number }) =>
  `${String(t.year).padStart(4, "0")}-${two(t.month + 1)}-${two(t.day)}`;

/** Today's calendar date in Amsterdam as YYYY-MM-DD. */
export function todayIso(now: Date | number = Date.now()): string {
  return isoOf(inAmsterdam(now));
}

/** "26 november 2026" for a calendar date stored as YYYY-MM-DD. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return `${day} ${monthNames[month - 1]} ${year}`;
}

/** "01-03-2027" for "2027-03-01": the day first, as Dutch Excel reads a date in a CSV cell. */
export function formatDateForCsv(isoDate: string | null): string {
  return isoDate ? `${isoDate.slice(8, 10)}-${isoDate.slice(5, 7)}-${isoDate.slice(0, 4)}` : "";
}

/** "donderdag 26 november 2026, 12:30" for an instant, shown in Amsterdam time. */
export function formatDateTime(instant: number | Date): string {
  const t = inAmsterdam(instant);
  return `${weekdays[t.weekday]} ${t.day} ${monthNames[t.month]} ${t.year}, ${two(t.hours)}.${two(t.minutes)}`;
}

/** "26-11-2026 12:30:05" for dense tables such as the audit log. */
export function formatTimestamp(instant: number | Date): string {
  const t = inAmsterdam(instant);
  return `${two(t.day)}-${two(t.month + 1)}-${t.year} ${two(t.hours)}:${two(t.minutes)}:${two(t.seconds)}`;
}

/** "€ 1.234,56" for an amount in whole cents. */
export function formatMoney(cents: number): string {
  return new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" }).format(cents / 100);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The instant of a calendar date and wall-clock time in Amsterdam ("2026-06-10", "10:00"). */
export function instantFromAmsterdam(isoDate: string, time: string): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new TZDate(year, month - 1, day, hours, minutes, TIME_ZONE).getTime();
}

/** Date and time in Amsterdam of an instant, as a form shows them. */
export function amsterdamDateAndTime(instant: number): { date: string; time: string } {
  const t = inAmsterdam(instant);
  return { date: isoOf(t), time: `${two(t.hours)}:${two(t.minutes)}` };
}

/** "10:00" for an instant, in Amsterdam. */
export function formatTime(instant: number): string {
  const t = inAmsterdam(instant);
  return `${two(t.hours)}.${two(t.minutes)}`;
}

/** A stored time of day ("13:30") as the Dutch write it: "13.30". */
export function formatTimeOfDay(time: string): string {
  return time.replace(":", ".");
}

/**
 * A time of day as people type it — "13.30", "13:30", "1330", "9.00", "9:00", "900" or a whole hour
 * "9" — as the stored "HH:MM"; null when it is no time of day.
 */
export function parseTime(input: string): string | null {
  const match = /^(\d{1,2})(?:[.:]?(\d{2}))?$/.exec(input.trim().replace(/\s*uur$/i, ""));
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  if (hours > 23 || minutes > 59) return null;
  return `${two(hours)}:${two(minutes)}`;
}

/** "woensdag 10 juni 2026" for an instant, in Amsterdam. */
export function formatDay(instant: number): string {
  const t = inAmsterdam(instant);
  return `${weekdays[t.weekday]} ${t.day} ${monthNames[t.month]} ${t.year}`;
}

export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** The calendar date n days after (or before, for negative n) an ISO date. */
export function addDaysIso(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first day of the quarter an ISO date falls in. */
export function quarterStartIso(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${isoDate.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
}

/** "nov 2026" for a month written YYYY-MM. */
export function formatMonth(month: string): string {
  return `${shortMonths[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "€ 637.000" for whole euros, "€ 1.234,56" otherwise; amounts are whole cents. */
export function formatEuro(cents: number): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat("nl-NL", {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/**
 * An amount as a Dutch user types it — "637.000", "€ 1.234,56", "260000", "12,5" — in whole cents;
 * null when it is not an amount. Dots group thousands, the comma separates cents.
 */
export function parseEuroCents(input: string): number | null {
  const text = input.replace(/[€\s]/g, "").replace(/^-/, "−");
  const negative = text.startsWith("−");
  const digits = negative ? text.slice(1) : text;
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(digits);
  if (!match) return null;
  const euros = Number(match[1]!.replace(/\./g, ""));
  const cents = Number((match[2] ?? "0").padEnd(2, "0"));
  const total = euros * 100 + cents;
  if (!Number.isSafeInteger(total)) return null;
  return negative ? -total : total;
}

/** "2027-K1" (how a quarter is stored and typed) as a reader says it: "1e kwartaal 2027". */
export function formatQuarter(quarter: string): string {
  const match = /^(\d{4})-K([1-4])$/.exec(quarter);
  return match ? `${match[2]}e kwartaal ${match[1]}` : quarter;
}
