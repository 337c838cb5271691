import { and, eq, inArray } from "drizzle-orm";
import { memberships } from "../../../db/schema";
import { canManageProgrammes } from "~/auth/permissions";
import { getDb } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import { membershipCurrentOn } from "../memberships.server";
import { managesBody, seesInside } from "./grants";
import type { Viewer } from "./viewer";

/**
 * Who keeps a body's plans: the kwartiermaker and the beheerder, the body's secretariaat, and its
 * kartrekker or voorzitter (an insider of the body with that membership role today).
 */
export function canManagePlanOf(viewer: Viewer, bodyId: number, now = Date.now()) {
  if (!viewer) return false;
  if (canManageProgrammes(viewer) || managesBody(viewer, bodyId)) return true;
  if (!seesInside(viewer, bodyId)) return false;
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
