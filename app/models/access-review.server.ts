import { asc, eq } from "drizzle-orm";
import {
  bodies,
  memberships,
  organisations,
  passkeys,
  people,
  ssoProviders,
  totpCredentials,
  users,
} from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { formatDate, todayIso } from "~/lib/format";
import { isMultiFactor, type SignInMethod, type UserRole } from "~/lib/vocabulary";
import { secondStepRequired } from "./second-factors.server";
import { providerForAddress } from "./sso.server";

// The yearly review of access rights (BIO 5.18.03): per account its role, the bodies whose besloten
// content it sees through a membership, when it last signed in and how, and its second step; with
// what asks for attention: accounts unused for six months and memberships past their end.

export const UNUSED_AFTER_MS = 183 * 24 * 60 * 60_000;

export type AccessReviewRow = {
  userId: number;
  name: string;
  email: string;
  organisation: string | null;
  role: UserRole;
  active: boolean;
  createdAt: number;
  lastSignInAt: number | null;
  lastSignInMethod: SignInMethod | null;
  secondFactor: string | null;
  /** The organisation sign-in the address falls under, if any. */
  sso: string | null;
  secondStepRequired: boolean;
  /** Current memberships: each gives sight of that body's besloten content. */
  memberships: { body: string; role: string; since: string }[];
  endedMemberships: { body: string; role: string; endedOn: string }[];
  flags: string[];
};

export function listAccessReview({ viewer, now = Date.now() }: { viewer: Viewer; now?: number }): AccessReviewRow[] {
  requireCapability(viewer, "manage-users");
  const db = getDb();
  const today = todayIso(now);
  const accounts = db
    .select({
      userId: users.id,
      personId: users.personId,
      name: people.name,
      email: users.email,
      organisation: organisations.name,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
      lastSignInMethod: users.lastSignInMethod,
      totpSince: totpCredentials.confirmedAt,
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .leftJoin(totpCredentials, eq(totpCredentials.userId, users.id))
    .orderBy(asc(people.name))
    .all();
  const passkeyOwners = new Set(
    db
      .select({ userId: passkeys.userId })
      .from(passkeys)
      .all()
      .map((row) => row.userId),
  );
  const allMemberships = db
    .select({
      personId: memberships.personId,
      body: bodies.name,
      role: memberships.role,
      startsOn: memberships.startsOn,
      endsOn: memberships.endsOn,
    })
    .from(memberships)
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .orderBy(asc(bodies.name))
    .all();

  const providers = db.select({ name: ssoProviders.name, domains: ssoProviders.domains }).from(ssoProviders).all();

  return accounts.map((account) => {
    const own = allMemberships.filter((m) => m.personId === account.personId);
    const current = own.filter((m) => m.startsOn <= today && (m.endsOn === null || m.endsOn >= today));
    const ended = own.filter((m) => m.endsOn !== null && m.endsOn < today);
    const factors = [
      account.totpSince ? "authenticator-app" : null,
      passkeyOwners.has(account.userId) ? "passkey" : null,
    ];
    const secondFactor = factors.filter(Boolean).join(" en ") || null;
    const active = account.deactivatedAt === null;
    const required = secondStepRequired(account.role);
    const flags: string[] = [];
    if (active) {
      const lastUse = account.lastSignInAt ?? account.createdAt;
      if (lastUse < now - UNUSED_AFTER_MS)
        flags.push(
          account.lastSignInAt
            ? "Zes maanden niet ingelogd"
            : "Nooit ingelogd, aangemaakt meer dan zes maanden geleden",
        );
      if (required && !secondFactor && !(account.lastSignInMethod && isMultiFactor(account.lastSignInMethod)))
        flags.push("Tweestapsverificatie verplicht maar niet ingesteld");
    }
    for (const m of ended) flags.push(`Lidmaatschap ${m.body} afgelopen op ${formatDate(m.endsOn!)}`);
    return {
      userId: account.userId,
      name: account.name,
      email: account.email,
      organisation: account.organisation,
      role: account.role,
      active,
      createdAt: account.createdAt,
      lastSignInAt: account.lastSignInAt,
      lastSignInMethod: account.lastSignInMethod,
      secondFactor,
      sso: providerForAddress(providers, account.email)?.name ?? null,
      secondStepRequired: required,
      memberships: current.map((m) => ({ body: m.body, role: m.role, since: m.startsOn })),
      endedMemberships: ended.map((m) => ({ body: m.body, role: m.role, endedOn: m.endsOn! })),
      flags,
    };
  });
}
