import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { calendarFeeds, organisations, people, users } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { hashPassword, verifyPassword } from "~/lib/password.server";
import { userRoleLabels, type UserRole } from "~/lib/vocabulary";
import { writeAudit } from "./audit.server";
import { ConflictError, RuleError } from "./errors";
import { invalidateUserSessions } from "./sessions.server";
import { normaliseEmail } from "./sign-in.server";

export function listUsers({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "manage-users");
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
      name: people.name,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .orderBy(asc(people.name))
    .all();
}

export function getUserForEdit({ viewer, id }: { viewer: Viewer; id: number }) {
  requireCapability(viewer, "manage-users");
  return (
    getDb()
      .select({
        id: users.id,
        email: users.email,
        role: users.role,
        version: users.version,
        deactivatedAt: users.deactivatedAt,
        personId: people.id,
        name: people.name,
        jobTitle: people.jobTitle,
        organisationName: organisations.name,
      })
      .from(users)
      .innerJoin(people, eq(people.id, users.personId))
      .leftJoin(organisations, eq(organisations.id, people.organisationId))
      .where(eq(users.id, id))
      .get() ?? null
  );
}

export type NewUserInput = {
  name: string;
  email: string;
  organisationId?: number | null;
  jobTitle?: string | null;
  role: UserRole;
  password: string;
};

/** Creates a person and their account with an initial password the beheerder hands over. */
export async function createUser({ viewer, input }: { viewer: Viewer; input: NewUserInput }) {
  requireCapability(viewer, "manage-users");
  const db = getDb();
  const email = normaliseEmail(input.email);
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw new RuleError({ email: ["Er is al een gebruiker met dit e-mailadres."] });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    // Someone already known as a person (a member without an account) gets the account linked.
    const known = tx
      .select({ id: people.id })
      .from(people)
      .leftJoin(users, eq(users.personId, people.id))
      .where(and(eq(people.email, email), isNull(users.id)))
      .get();
    const person =
      known ??
      tx
        .insert(people)
        .values({
          slug: `persoon-${crypto.randomUUID()}`,
          name: input.name,
          email,
          jobTitle: input.jobTitle || null,
          organisationId: input.organisationId || null,
        })
        .returning({ id: people.id })
        .get();
    const user = tx
      .insert(users)
      .values({ personId: person.id, email, passwordHash, role: input.role })
      .returning({ id: users.id })
      .get();
    writeAudit(tx, {
      actorUserId: viewer.userId,
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      summary: `Gebruiker ${input.name} (${email}) aangemaakt als ${userRoleLabels[input.role].toLowerCase()}`,
      after: {
        name: input.name,
        email,
        role: input.role,
        organisationId: input.organisationId ?? null,
        personId: person.id,
      },
    });
    return user;
  });
}

function loadForChange(tx: Tx, id: number, expectedVersion: number) {
  const current = tx
    .select({
      id: users.id,
      version: users.version,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
      email: users.email,
      name: people.name,
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, id))
    .get();
  if (!current) throw new RuleError({ role: ["Deze gebruiker bestaat niet meer."] });
  if (current.version !== expectedVersion) throw new ConflictError();
  return current;
}

function countOtherActiveAdmins(id: number) {
  return getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "beheerder"), isNull(users.deactivatedAt), ne(users.id, id)))
    .all().length;
}

export function setUserRole({
  viewer,
  id,
  expectedVersion,
  role,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  role: UserRole;
}) {
  requireCapability(viewer, "manage-users");
  return getDb().transaction((tx) => {
    const current = loadForChange(tx, id, expectedVersion);
    if (current.role === role) return;
    if (current.role === "beheerder" && countOtherActiveAdmins(id) === 0) {
      throw new RuleError({ role: ["Er moet minstens één actieve beheerder blijven."] });
    }
    tx.update(users)
      .set({ role, version: current.version + 1, updatedAt: Date.now() })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .run();
    writeAudit(tx, {
      actorUserId: viewer.userId,
      action: "user.set-role",
      entityType: "user",
      entityId: id,
      summary: `Rol van ${current.name} gewijzigd in ${userRoleLabels[role].toLowerCase()}`,
      before: { role: current.role },
      after: { role },
    });
  });
}

/** Deactivates an account; its open sessions end at once. */
export function deactivateUser({
  viewer,
  id,
  expectedVersion,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
}) {
  requireCapability(viewer, "manage-users");
  if (viewer.userId === id) {
    throw new RuleError({ "": ["U kunt uw eigen account niet deactiveren."] });
  }
  return getDb().transaction((tx) => {
    const current = loadForChange(tx, id, expectedVersion);
    if (current.deactivatedAt !== null) {
      throw new RuleError({ "": ["Deze gebruiker is al gedeactiveerd."] });
    }
    const deactivatedAt = Date.now();
    tx.update(users)
      .set({ deactivatedAt, version: current.version + 1, updatedAt: deactivatedAt })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .run();
    invalidateUserSessions({ userId: id });
    // The personal calendar link is a credential too: it ends now, and reactivation does not revive it.
    tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, id)).run();
    writeAudit(tx, {
      actorUserId: viewer.userId,
      action: "user.deactivate",
      entityType: "user",
      entityId: id,
      summary: `Gebruiker ${current.name} gedeactiveerd; open sessies en agendalink beëindigd`,
      before: { deactivatedAt: null },
      after: { deactivatedAt },
    });
  });
}

export function reactivateUser({
  viewer,
  id,
  expectedVersion,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
}) {
  requireCapability(viewer, "manage-users");
  return getDb().transaction((tx) => {
    const current = loadForChange(tx, id, expectedVersion);
    if (current.deactivatedAt === null) return;
    tx.update(users)
      .set({ deactivatedAt: null, version: current.version + 1, updatedAt: Date.now() })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .run();
    writeAudit(tx, {
      actorUserId: viewer.userId,
      action: "user.reactivate",
      entityType: "user",
      entityId: id,
      summary: `Gebruiker ${current.name} weer geactiveerd`,
      before: { deactivatedAt: current.deactivatedAt },
      after: { deactivatedAt: null },
    });
  });
}

/** The viewer changes their own password; every session of theirs ends (the route hands out a new one). */
export async function changeOwnPassword({
  viewer,
  currentPassword,
  newPassword,
}: {
  viewer: SignedInViewer;
  currentPassword: string;
  newPassword: string;
}) {
  const db = getDb();
  const user = db
    .select({ passwordHash: users.passwordHash, version: users.version })
    .from(users)
    .where(eq(users.id, viewer.userId))
    .get();
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new RuleError({ currentPassword: ["Het huidige wachtwoord klopt niet."] });
  }
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, version: user.version + 1, updatedAt: Date.now() })
      .where(eq(users.id, viewer.userId))
      .run();
    invalidateUserSessions({ userId: viewer.userId });
    writeAudit(tx, {
      actorUserId: viewer.userId,
      action: "user.change-password",
      entityType: "user",
      entityId: viewer.userId,
      summary: `${viewer.name} heeft het eigen wachtwoord gewijzigd; andere sessies beëindigd`,
    });
  });
}
