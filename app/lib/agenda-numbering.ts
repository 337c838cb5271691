import { agendaSections, type AgendaSection } from "./vocabulary";

// Agenda numbers follow the order: the opening block counts 1, 2, 3 …; each lettered section
// counts from its letter, A1, A2, B1 … (as in the seed agenda of the algemeen bestuur).

export type Orderable = { section: AgendaSection; position: number };

/** The items in agenda order, each with its number. */
export function numberAgenda<T extends Orderable>(items: readonly T[]): (T & { number: string })[] {
  const sorted = [...items].sort(
    (a, b) => agendaSections.indexOf(a.section) - agendaSections.indexOf(b.section) || a.position - b.position,
  );
  const counters = new Map<AgendaSection, number>();
  return sorted.map((item) => {
    const n = (counters.get(item.section) ?? 0) + 1;
    counters.set(item.section, n);
    return { ...item, number: item.section === "opening" ? String(n) : `${item.section}${n}` };
  });
}

/** The numbered items grouped by section, every section present (empty ones too). */
export function groupBySection<T extends Orderable>(items: readonly T[]) {
  const numbered = numberAgenda(items);
  return agendaSections.map((section) => ({
    section,
    items: numbered.filter((item) => item.section === section),
  }));
}
