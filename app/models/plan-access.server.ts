import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import { annualPlans, memberships } from "../../db/schema";
import { canManageMeetings, canManageProgrammes } from "~/auth/permissions";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import { membershipCurrentOn } from "./memberships.server";

/**
 * Adopted and closed plans are public; a concept or a plan awaiting consent is for the members of
 * its body, the kwartiermaker and the beheerder.
 */
export function planVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer?.role === "beheerder" || viewer?.role === "kwartiermaker") return undefined;
  const conditions: SQL[] = [inArray(annualPlans.status, ["vastgesteld", "afgesloten"])];
  if (viewer && viewer.memberBodyIds.length > 0) conditions.push(inArray(annualPlans.bodyId, viewer.memberBodyIds));
  return or(...conditions);
}

/**
 * Who keeps a body's plans: the kwartiermaker and the beheerder, the body's secretariaat, and its
 * kartrekker or voorzitter.
 */
export function canManagePlanOf(viewer: Viewer, bodyId: number, now = Date.now()) {
  if (!viewer) return false;
  if (canManageProgrammes(viewer) || canManageMeetings(viewer, { id: bodyId })) return true;
  if (!viewer.memberBodyIds.includes(bodyId)) return false;
  const lead = getDb()
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        eq(memberships.personId, viewer.personId),
        inArray(memberships.role, ["kartrekker", "voorzitter"]),
        membershipCurrentOn(todayIso(now)),
      ),
    )
    .get();
  return lead !== undefined;
}
