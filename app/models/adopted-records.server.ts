import { and, eq, sql } from "drizzle-orm";
import { agendaItems, decisionLists, decisions } from "../../db/schema";
import type { Tx } from "~/lib/db.server";
import { RuleError } from "./errors";

// An adopted besluitenlijst is a legal record: its decisions, their actions and the agenda items that
// carry them change only through the amendment route (a later meeting's decision on the list), never
// directly. The foreign keys no longer cascade either (migration 0018), so a forgotten check fails
// loudly instead of deleting a decision (docs/decisions/019-access-layer.md).

const ADOPTED =
  "De besluitenlijst van deze vergadering is vastgesteld; dit agendapunt draagt een besluit daarvan en kan niet meer worden gewijzigd of verwijderd. Een wijziging loopt via een latere vergadering.";

/** The decisions on an item, and whether one of them is on an adopted list. */
function decisionsOnItem(tx: Tx, itemId: number) {
  const row = tx
    .select({
      count: sql<number>`count(*)`,
      adopted: sql<number>`coalesce(max(${decisionLists.status} = 'vastgesteld'), 0)`,
    })
    .from(decisions)
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, agendaItems.meetingId))
    .where(eq(decisions.agendaItemId, itemId))
    .get();
  return { count: row?.count ?? 0, adopted: Boolean(row?.adopted) };
}

/** Refuses a change (edit, move) of an item that carries a decision of an adopted list. */
export function requireItemNotAdopted(tx: Tx, itemId: number) {
  if (decisionsOnItem(tx, itemId).adopted) throw new RuleError({ "": [ADOPTED] });
}

/** Refuses to remove an item that carries decisions: adopted ones never, concept ones only after they are removed. */
export function requireItemRemovable(tx: Tx, itemId: number) {
  const { count, adopted } = decisionsOnItem(tx, itemId);
  if (adopted) throw new RuleError({ "": [ADOPTED] });
  if (count > 0)
    throw new RuleError({
      "": [
        `Op dit agendapunt ${count === 1 ? "is een besluit" : `zijn ${count} besluiten`} vastgelegd; verwijder ${count === 1 ? "dat" : "die"} eerst bij de besluiten van de vergadering.`,
      ],
    });
}

/** Whether a meeting's besluitenlijst is vastgesteld. */
export function isListAdopted(tx: Tx, meetingId: number) {
  return (
    tx
      .select({ status: decisionLists.status })
      .from(decisionLists)
      .where(and(eq(decisionLists.meetingId, meetingId), eq(decisionLists.status, "vastgesteld")))
      .get() !== undefined
  );
}
