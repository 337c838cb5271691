import { and, asc, eq, ne, sql } from "drizzle-orm";
import { memberships, organisations, people, users } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { slugFromTitle } from "~/lib/slug";
import { todayIso } from "~/lib/format";
import { change, withCapability } from "./access/change.server";
import { Forbidden, RuleError } from "./errors";
import { membershipCurrentOn } from "./memberships.server";
import type { OrganisationKind } from "~/lib/vocabulary";

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

/** Everyone the network knows, with account and number of current memberships, for the beheerder. */
export function listPeople({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "manage-memberships");
  const today = todayIso();
  return getDb()
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      jobTitle: people.jobTitle,
      organisationName: organisations.name,
      userId: users.id,
      currentMemberships: sql<number>`(select count(*) from ${memberships} where ${memberships.personId} = ${people.id} and ${membershipCurrentOn(today)})`,
    })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .leftJoin(users, eq(users.personId, people.id))
    .orderBy(asc(people.name))
    .all();
}

export function getPersonForEdit({ viewer, id }: { viewer: Viewer; id: number }) {
  requireCapability(viewer, "manage-memberships");
  const db = getDb();
  const person = db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      jobTitle: people.jobTitle,
      organisationId: people.organisationId,
      version: people.version,
      userId: users.id,
      userEmail: users.email,
    })
    .from(people)
    .leftJoin(users, eq(users.personId, people.id))
    .where(eq(people.id, id))
    .get();
  return person ?? null;
}

export type PersonInput = {
  name: string;
  email?: string | null;
  jobTitle?: string | null;
  organisationId?: number | null;
  /** Receives the weekly digest of the organisation's open actions. */
  isOrganisationContact?: boolean;
};

function normalise(input: PersonInput) {
  return {
    name: input.name,
    email: input.email?.trim().toLowerCase() || null,
    jobTitle: input.jobTitle || null,
    organisationId: input.organisationId || null,
    ...(input.isOrganisationContact === undefined ? {} : { isOrganisationContact: input.isOrganisationContact }),
  };
}

function checkEmailFree(email: string | null, selfId?: number) {
  if (!email) return;
  const clash = getDb()
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.email, email), selfId ? ne(people.id, selfId) : undefined))
    .get();
  if (clash) throw new RuleError({ email: ["Er staat al een persoon met dit e-mailadres in Gremium."] });
}

/** Adds a person without an account, for example a mayor who is a member but never signs in. */
export function createPerson({ viewer, input }: { viewer: Viewer; input: PersonInput & { slug?: string } }) {
  const values = normalise(input);
  return change({
    viewer,
    load: () => ({}),
    missing: "",
    allow: withCapability("manage-memberships"),
    check: () => checkEmailFree(values.email),
    write: (tx) =>
      tx
        .insert(people)
        .values({ ...values, slug: input.slug ?? `persoon-${crypto.randomUUID()}` })
        .returning({ id: people.id })
        .get(),
    audit: (_none, created) => ({
      action: "person.create",
      entityType: "person",
      entityId: created.id,
      summary: `Persoon ${values.name} toegevoegd`,
      after: values,
    }),
  });
}

export function updatePerson({
  viewer,
  id,
  expectedVersion,
  input,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: PersonInput;
}) {
  const values = normalise(input);
  change({
    viewer,
    load: () =>
      getDb()
        .select({
          name: people.name,
          email: people.email,
          jobTitle: people.jobTitle,
          organisationId: people.organisationId,
          version: people.version,
        })
        .from(people)
        .where(eq(people.id, id))
        .get(),
    missing: "Deze persoon bestaat niet meer.",
    allow: withCapability("manage-memberships"),
    expectedVersion,
    check: () => checkEmailFree(values.email, id),
    write: (tx) => tx.update(people).set(values).where(eq(people.id, id)).run(),
    touch: { table: people, id: () => id },
    audit: ({ version: _version, ...before }) => ({
      action: "person.update",
      entityType: "person",
      entityId: id,
      summary: `Gegevens van ${values.name} gewijzigd`,
      before,
      after: values,
    }),
  });
}

/** Names to choose from when recording who made a toezegging; for the secretariaat of any body. */
export function listPeopleForCommitments({ viewer }: { viewer: Viewer }) {
  if (!viewer || (viewer.role !== "secretariaat" && viewer.role !== "beheerder")) throw new Forbidden();
  return getDb()
    .select({ id: people.id, name: people.name, organisationName: organisations.name })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .orderBy(asc(people.name))
    .all();
}

/** Everyone by their stable slug, for the import that matches people by it. */
export function listPeopleIndex({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "manage-memberships");
  return getDb().select({ id: people.id, slug: people.slug }).from(people).all();
}

export function listOrganisations(_: { viewer: Viewer }) {
  return getDb()
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(asc(organisations.kind), asc(organisations.name))
    .all();
}

/** The organisations with how many people act for them, for the beheerder's list. */
export function listOrganisationsForAdmin({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "manage-memberships");
  return getDb()
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      version: organisations.version,
      people: sql<number>`(select count(*) from ${people} p where p.organisation_id = ${organisations.id})`.mapWith(
        Number,
      ),
    })
    .from(organisations)
    .orderBy(asc(organisations.kind), asc(organisations.name))
    .all();
}

function requireUniqueName(tx: Tx, name: string, exceptId?: number) {
  const same = tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`lower(${organisations.name}) = lower(${name.trim()})`)
    .get();
  if (same && same.id !== exceptId) throw new RuleError({ name: ["Er is al een organisatie met deze naam."] });
}

/** A municipality or partner organisation people act for (VNG, a GGZ provider); its slug follows its name. */
export function createOrganisation({
  viewer,
  input,
}: {
  viewer: Viewer;
  input: { slug?: string; name: string; kind: OrganisationKind };
}) {
  const slug = input.slug ?? slugFromTitle(input.name);
  return change({
    viewer,
    load: () => ({}),
    missing: "",
    allow: withCapability("manage-memberships"),
    check: (_none, tx) => {
      if (!slug) throw new RuleError({ name: ["Gebruik letters of cijfers in de naam."] });
      if (tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).get())
        throw new RuleError({ name: ["Er is al een organisatie met (bijna) deze naam."] });
      requireUniqueName(tx, input.name);
    },
    write: (tx) =>
      tx
        .insert(organisations)
        .values({ slug, name: input.name.trim(), kind: input.kind })
        .returning({ id: organisations.id })
        .get(),
    audit: (_none, created) => ({
      action: "organisation.create",
      entityType: "organisation",
      entityId: created.id,
      summary: `Organisatie ${input.name} toegevoegd`,
      after: { ...input, slug },
    }),
  });
}

/** Renames an organisation or changes its kind; people keep acting for it. */
export function updateOrganisation({
  viewer,
  id,
  expectedVersion,
  input,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: { name: string; kind: OrganisationKind };
}) {
  change({
    viewer,
    load: () => getDb().select().from(organisations).where(eq(organisations.id, id)).get(),
    missing: "Deze organisatie bestaat niet meer.",
    allow: withCapability("manage-memberships"),
    expectedVersion,
    conflictMessage:
      "Iemand anders heeft deze organisatie intussen gewijzigd. Uw invoer staat hieronder nog; bekijk de nieuwe stand en verstuur opnieuw.",
    saved: (before) => ({ name: before.name, kind: before.kind, version: before.version }),
    check: (_before, tx) => requireUniqueName(tx, input.name, id),
    write: (tx) =>
      tx.update(organisations).set({ name: input.name.trim(), kind: input.kind }).where(eq(organisations.id, id)).run(),
    touch: { table: organisations, id: () => id },
    audit: (before) => ({
      action: "organisation.update",
      entityType: "organisation",
      entityId: id,
      summary: `Organisatie ${before.name} gewijzigd${before.name !== input.name.trim() ? ` in ${input.name.trim()}` : ""}`,
      before: { name: before.name, kind: before.kind },
      after: input,
    }),
  });
}
