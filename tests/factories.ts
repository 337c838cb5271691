// Small factories for tests: each makes one record with sensible defaults and takes overrides.
import { bodies, memberships, organisations, people, sessions, users } from "../db/schema";
import type { SignedInViewer } from "../app/auth/viewer";
import { getDb } from "../app/lib/db.server";
import { hashPassword } from "../app/lib/password.server";
import type { BodyKind, MembershipRole, UserRole } from "../app/lib/vocabulary";

// Browser-test files share one database but each runs in its own process: the process id keeps
// their records apart.
let counter = 0;
const next = () => `${process.pid}-${++counter}`;

export function makeOrganisation(overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const n = next();
  return getDb()
    .insert(organisations)
    .values({ slug: `organisatie-${n}`, name: `Organisatie ${n}`, kind: "gemeente", ...overrides })
    .returning()
    .get();
}

export function makePerson(overrides: Partial<typeof people.$inferInsert> = {}) {
  const n = next();
  return getDb()
    .insert(people)
    .values({ slug: `persoon-${n}`, name: `Persoon ${n}`, email: `persoon${n}@test.example`, ...overrides })
    .returning()
    .get();
}

// One hash for all factory users: argon2 is deliberately slow.
let passwordHash: Promise<string> | undefined;
export const FACTORY_PASSWORD = "wachtwoord-voor-tests";

type PersonOverrides = { name?: string; organisationId?: number | null; isOrganisationContact?: boolean };

export async function makeUser(
  overrides: { role?: UserRole; email?: string; deactivatedAt?: number | null } & PersonOverrides = {},
) {
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  const person = makePerson({
    ...(overrides.name ? { name: overrides.name } : {}),
    ...(overrides.email ? { email: overrides.email } : {}),
    ...(overrides.organisationId ? { organisationId: overrides.organisationId } : {}),
    ...(overrides.isOrganisationContact ? { isOrganisationContact: true } : {}),
  });
  const user = getDb()
    .insert(users)
    .values({
      personId: person.id,
      email: overrides.email ?? person.email!,
      passwordHash: await passwordHash,
      role: overrides.role ?? "lid",
      deactivatedAt: overrides.deactivatedAt ?? null,
    })
    .returning()
    .get();
  return { user, person };
}

/** A signed-in viewer as the session layer would build it. */
export async function makeViewer(
  overrides: { role?: UserRole; memberBodyIds?: number[] } & PersonOverrides = {},
): Promise<SignedInViewer> {
  const { memberBodyIds: _ignored, ...userOverrides } = overrides;
  const { user, person } = await makeUser(userOverrides);
  return {
    userId: user.id,
    personId: person.id,
    name: person.name,
    email: user.email,
    role: user.role,
    sessionId: `test-${user.id}`,
    memberBodyIds: overrides.memberBodyIds ?? [],
  };
}

export function makeBody(overrides: Partial<typeof bodies.$inferInsert> & { kind?: BodyKind } = {}) {
  const n = next();
  return getDb()
    .insert(bodies)
    .values({ slug: `gremium-${n}`, name: `Gremium ${n}`, kind: "themagroep", activeFrom: "2020-01-01", ...overrides })
    .returning()
    .get();
}

export function makeMembership(overrides: {
  bodyId: number;
  personId: number;
  role?: MembershipRole;
  startsOn?: string;
  endsOn?: string | null;
}) {
  return getDb()
    .insert(memberships)
    .values({ role: "lid", startsOn: "2020-01-01", ...overrides })
    .returning()
    .get();
}

export function countSessions(userId: number) {
  return getDb()
    .select()
    .from(sessions)
    .all()
    .filter((s) => s.userId === userId).length;
}
