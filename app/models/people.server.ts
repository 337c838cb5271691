import { asc, eq } from "drizzle-orm";
import { organisations, people } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";

/** People to choose from when adding a membership. */
export function listPeopleForSelect({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "manage-memberships");
  return getDb()
    .select({ id: people.id, name: people.name, organisationName: organisations.name })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .orderBy(asc(people.name))
    .all();
}

export function listOrganisations(_: { viewer: Viewer }) {
  return getDb()
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(asc(organisations.kind), asc(organisations.name))
    .all();
}
