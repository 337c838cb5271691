import { inArray } from "drizzle-orm";
import { agendaItems } from "../../db/schema";
import { numberAgenda } from "~/lib/agenda-numbering";
import type { Tx } from "~/lib/db.server";

/**
 * The agenda numbers (1, A1, B3 …) of every item of these meetings, by item id: one query for all of
 * them, numbered per meeting as its agenda shows them.
 */
export function itemNumbersOf(db: Tx, meetingIds: readonly number[]): Map<number, string> {
  return new Map([...itemPlacesOf(db, meetingIds)].map(([id, place]) => [id, place.number]));
}

/** Each item's agenda number and its place in the whole agenda (1 for the first item), by item id. */
export function itemPlacesOf(db: Tx, meetingIds: readonly number[]): Map<number, { number: string; sequence: number }> {
  const ids = [...new Set(meetingIds)];
  if (ids.length === 0) return new Map();
  const items = db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      section: agendaItems.section,
      position: agendaItems.position,
    })
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, ids))
    .all();
  return new Map(
    ids.flatMap((meetingId) =>
      numberAgenda(items.filter((item) => item.meetingId === meetingId)).map(
        (item, index) => [item.id, { number: item.number, sequence: index + 1 }] as const,
      ),
    ),
  );
}
