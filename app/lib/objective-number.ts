// Strategies number their objectives with sub-levels: 7, 7a, 7b. The number and its letter are kept
// apart (sorting, uniqueness) and read together in URLs and text.

/** "7a" for number 7 with suffix "a". */
export function objectiveLabel(objective: { number: number; suffix?: string | null }) {
  return `${objective.number}${objective.suffix ?? ""}`;
}

/** "7a" → { number: 7, suffix: "a" }; null for anything else. */
export function parseObjectiveLabel(label: string) {
  const match = /^(\d{1,3})([a-z]?)$/.exec(label.trim().toLowerCase());
  return match ? { number: Number(match[1]), suffix: match[2]! } : null;
}

/** "2016–2017", "2019", or null: the focus years of an objective. */
export function focusYears(objective: { focusFromYear: number | null; focusToYear: number | null }) {
  const { focusFromYear: from, focusToYear: to } = objective;
  if (from === null && to === null) return null;
  if (from === null || to === null || from === to) return String(from ?? to);
  return `${from}–${to}`;
}

/**
 * Focus years written as text ("2023–2026", "Focus 2027–2028", "2025") as a period; any other wording
 * stays a note. Migration 0028 reads stored texts the same way.
 */
export function focusFromText(text: string | null | undefined) {
  const trimmed = (text ?? "").trim();
  const years = /^(?:Focus\s+)?(\d{4})(?:\s*[–-]\s*(\d{4}))?$/i.exec(trimmed);
  if (!years) return { focusFromYear: null, focusToYear: null, focus: trimmed || null };
  const from = Number(years[1]);
  return { focusFromYear: from, focusToYear: years[2] ? Number(years[2]) : from, focus: null };
}
