import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { memberships } from "../../../db/schema";
import { getDb } from "~/lib/db.server";
import type { UserRole } from "~/lib/vocabulary";
import type { SignedInViewer } from "./viewer";

/** The bodies of which a person is a member on a day: what opens their inside (grants.ts). */
function memberBodyIdsOf(personId: number, today: string) {
  return getDb()
    .selectDistinct({ bodyId: memberships.bodyId })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        lte(memberships.startsOn, today),
        or(isNull(memberships.endsOn), gte(memberships.endsOn, today)),
      ),
    )
    .all()
    .map((m) => m.bodyId);
}

/**
 * The viewer a session, a calendar link or a digest stands for, with what their memberships grant
 * today. Every viewer is made here, so the grant is read the same way for every channel.
 */
export function viewerOf(
  person: { userId: number; personId: number; name: string; email: string; role: UserRole },
  { sessionId, today }: { sessionId: string; today: string },
): SignedInViewer {
  return { ...person, sessionId, memberBodyIds: memberBodyIdsOf(person.personId, today) };
}
