import { and, asc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import { bodies, memberships, organisations, people } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import { membershipRoleLabels, type MembershipRole } from "~/lib/vocabulary";
import { change, withCapability } from "./access/change.server";
import { RuleError } from "./errors";

/** A membership counts on `day` when it has started and has not yet ended (ends_on inclusive). */
export function membershipCurrentOn(day: string) {
  return and(lte(memberships.startsOn, day), or(isNull(memberships.endsOn), gte(memberships.endsOn, day)));
}

// Chair first, then secretary, kartrekkers, members, advisers.
const roleOrder = sql`case ${memberships.role}
  when 'voorzitter' then 0 when 'secretaris' then 1 when 'kartrekker' then 2
  when 'lid' then 3 when 'adviseur' then 4 else 5 end`;

/**
 * Current members of a body with role and organisation. E-mail addresses are read only for
 * signed-in viewers.
 */
export function listCurrentMembers({ viewer, bodyId }: { viewer: Viewer; bodyId: number }) {
  const rows = getDb()
    .select({
      id: memberships.id,
      role: memberships.role,
      startsOn: memberships.startsOn,
      personName: people.name,
      jobTitle: people.jobTitle,
      email: viewer ? people.email : sql<null>`null`,
      organisationName: organisations.name,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(memberships.bodyId, bodyId), membershipCurrentOn(todayIso())))
    .orderBy(roleOrder, asc(people.name))
    .all();
  return rows;
}

/** Every membership of a body, past and present, for the beheerder. */
export function listMembershipsForAdmin({ viewer, bodyId }: { viewer: Viewer; bodyId: number }) {
  requireCapability(viewer, "manage-memberships");
  const today = todayIso();
  return getDb()
    .select({
      id: memberships.id,
      version: memberships.version,
      role: memberships.role,
      startsOn: memberships.startsOn,
      endsOn: memberships.endsOn,
      personId: people.id,
      personName: people.name,
      organisationName: organisations.name,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(memberships.bodyId, bodyId))
    .orderBy(roleOrder, asc(people.name))
    .all()
    .map((row) => ({
      ...row,
      isCurrent: row.startsOn <= today && (row.endsOn === null || row.endsOn >= today),
    }));
}

export function addMembership({
  viewer,
  bodyId,
  personId,
  role,
  startsOn,
}: {
  viewer: Viewer;
  bodyId: number;
  personId: number;
  role: MembershipRole;
  startsOn: string;
}) {
  const db = getDb();
  return change({
    viewer,
    load: () => ({
      body: db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.id, bodyId)).get(),
      person: db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, personId)).get(),
    }),
    missing: "",
    allow: withCapability("manage-memberships"),
    check: ({ body, person }, tx) => {
      if (!body) throw new RuleError({ bodyId: ["Kies een bestaand gremium."] });
      if (!person) throw new RuleError({ personId: ["Kies een bestaande persoon."] });
      const overlapping = tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.bodyId, bodyId),
            eq(memberships.personId, personId),
            eq(memberships.role, role),
            or(isNull(memberships.endsOn), gte(memberships.endsOn, startsOn)),
          ),
        )
        .get();
      if (overlapping)
        throw new RuleError({
          personId: [
            `${person.name} is al ${membershipRoleLabels[role].toLowerCase()} van ${body.name} in deze periode.`,
          ],
        });
    },
    write: (tx) =>
      tx.insert(memberships).values({ bodyId, personId, role, startsOn }).returning({ id: memberships.id }).get(),
    audit: ({ body, person }, created) => ({
      action: "membership.add",
      entityType: "membership",
      entityId: created.id,
      summary: `${person!.name} toegevoegd aan ${body!.name} als ${membershipRoleLabels[role].toLowerCase()}`,
      after: { body: body!.name, person: person!.name, role, startsOn },
    }),
  });
}

/** Ends a membership on a date (the last day it counts). */
export function endMembership({
  viewer,
  id,
  expectedVersion,
  endsOn,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  endsOn: string;
}) {
  change({
    viewer,
    load: () =>
      getDb()
        .select({
          id: memberships.id,
          version: memberships.version,
          startsOn: memberships.startsOn,
          endsOn: memberships.endsOn,
          role: memberships.role,
          personName: people.name,
          bodyName: bodies.name,
        })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
        .where(eq(memberships.id, id))
        .get(),
    missing: "Dit lidmaatschap bestaat niet meer.",
    allow: withCapability("manage-memberships"),
    expectedVersion,
    check: (current) => {
      if (endsOn < current.startsOn)
        throw new RuleError({ endsOn: ["De einddatum ligt vóór de begindatum van het lidmaatschap."] });
    },
    write: (tx) => tx.update(memberships).set({ endsOn }).where(eq(memberships.id, id)).run(),
    touch: { table: memberships, id: () => id },
    audit: (current) => ({
      action: "membership.end",
      entityType: "membership",
      entityId: id,
      summary: `Lidmaatschap van ${current.personName} in ${current.bodyName} beëindigd`,
      before: { endsOn: current.endsOn },
      after: { endsOn },
    }),
  });
}
