import { TZDate } from "@date-fns/tz";
import { format, parseISO } from "date-fns";
import { nl } from "date-fns/locale";

export const TIME_ZONE = "Europe/Amsterdam";

/** Today's calendar date in Amsterdam as YYYY-MM-DD. */
export function todayIso(now: Date | number = Date.now()): string {
  return format(new TZDate(+now, TIME_ZONE), "yyyy-MM-dd");
}

/** "26 november 2026" for a calendar date stored as YYYY-MM-DD. */
export function formatDate(isoDate: string): string {
  return format(parseISO(isoDate), "d MMMM yyyy", { locale: nl });
}

/** "donderdag 26 november 2026, 12:30" for an instant, shown in Amsterdam time. */
export function formatDateTime(instant: number | Date): string {
  return format(new TZDate(+instant, TIME_ZONE), "EEEE d MMMM yyyy, HH:mm", { locale: nl });
}

/** "26-11-2026 12:30:05" for dense tables such as the audit log. */
export function formatTimestamp(instant: number | Date): string {
  return format(new TZDate(+instant, TIME_ZONE), "dd-MM-yyyy HH:mm:ss", { locale: nl });
}

/** "€ 1.234,56" for an amount in whole cents. */
export function formatMoney(cents: number): string {
  return new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" }).format(cents / 100);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = parseISO(value);
  return !Number.isNaN(parsed.getTime()) && format(parsed, "yyyy-MM-dd") === value;
}

/** The instant of a calendar date and wall-clock time in Amsterdam ("2026-06-10", "10:00"). */
export function instantFromAmsterdam(isoDate: string, time: string): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new TZDate(year, month - 1, day, hours, minutes, TIME_ZONE).getTime();
}

/** Date and time in Amsterdam of an instant, as a form shows them. */
export function amsterdamDateAndTime(instant: number): { date: string; time: string } {
  const zoned = new TZDate(instant, TIME_ZONE);
  return { date: format(zoned, "yyyy-MM-dd"), time: format(zoned, "HH:mm") };
}

/** "10:00" for an instant, in Amsterdam. */
export function formatTime(instant: number): string {
  return format(new TZDate(instant, TIME_ZONE), "HH:mm");
}

/** "woensdag 10 juni 2026" for an instant, in Amsterdam. */
export function formatDay(instant: number): string {
  return format(new TZDate(instant, TIME_ZONE), "EEEE d MMMM yyyy", { locale: nl });
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
  return format(parseISO(`${month}-01`), "MMM yyyy", { locale: nl });
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
