import { eq } from "drizzle-orm";
import { bodies } from "../../db/schema";
import type { Tx } from "~/lib/db.server";
import { formatDate } from "~/lib/format";
import { RuleError } from "./errors";

/**
 * A body's meetings, programmes and plans lie within its active period: a stuurgroep active from 2017
 * held no meeting in 2016. `dates` are the ISO days to check; the message goes to `field`.
 */
export function requireBodyActiveOn(tx: Tx, bodyId: number, dates: string[], field: string) {
  const body = tx
    .select({ activeFrom: bodies.activeFrom, activeUntil: bodies.activeUntil })
    .from(bodies)
    .where(eq(bodies.id, bodyId))
    .get();
  if (!body) return;
  const early = dates.find((date) => date < body.activeFrom);
  if (early)
    throw new RuleError({
      [field]: [`Het gremium bestond toen nog niet: het is actief vanaf ${formatDate(body.activeFrom)}.`],
    });
  if (body.activeUntil && dates.some((date) => date >= body.activeUntil!))
    throw new RuleError({ [field]: [`Het gremium is dan al opgeheven (per ${formatDate(body.activeUntil)}).`] });
}
