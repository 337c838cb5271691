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
