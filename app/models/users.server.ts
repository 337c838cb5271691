import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { calendarFeeds, organisations, people, users } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { hashPassword, verifyPassword } from "~/lib/password.server";
import { userRoleLabels, type UserRole } from "~/lib/vocabulary";
import { change, withCapability } from "./access/change.server";
import { RuleError, SessionEnded, TooManyAttempts } from "./errors";
import { CURRENT_PASSWORD_PER_ACCOUNT, describeWait } from "~/auth/throttle";
import { weakPasswordReason } from "~/lib/password-strength.server";
import { recordSecurityEvent } from "./security-events.server";
import { invalidateSession, invalidateUserSessions } from "./sessions.server";
import { issueInvitation, sendInvitation } from "./password-tokens.server";
import { secondStepRequired } from "./second-factors.server";
import { newToken } from "~/lib/link-tokens.server";
import { log } from "~/lib/log.server";
import { settleAttempt, takeAttempt } from "./throttles.server";
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
};

/**
 * Creates a person and their account, and mails them an invitation to choose their own password
 * (valid 72 hours); nobody else ever knows it. Returns the user, and whether the mail went out.
 */
export async function createUser({
  viewer,
  input,
  baseUrl,
  now = Date.now(),
}: {
  viewer: Viewer;
  input: NewUserInput;
  baseUrl: string;
  now?: number;
}) {
  requireCapability(viewer, "manage-users");
  const db = getDb();
  const email = normaliseEmail(input.email);
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw new RuleError({ email: ["Er is al een gebruiker met dit e-mailadres."] });
  }
  // Until the invitation is used the account has a password nobody knows.
  const passwordHash = await hashPassword(newToken());
  const created = change({
    viewer,
    now,
    load: () => ({}),
    missing: "",
    allow: withCapability("manage-users"),
    check: (_none, tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
        throw new RuleError({ email: ["Er is al een gebruiker met dit e-mailadres."] });
    },
    write: (tx) => {
      const made = insertUser(tx, input, email, passwordHash);
      return { ...made, token: issueInvitation(tx, made.user.id, now) };
    },
    audit: (_none, { user, person }) => ({
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      summary: `Gebruiker ${input.name} (${email}) aangemaakt als ${userRoleLabels[input.role].toLowerCase()} en uitgenodigd`,
      after: {
        name: input.name,
        email,
        role: input.role,
        organisationId: input.organisationId ?? null,
        personId: person.id,
      },
    }),
  });
  let mailed = true;
  try {
    await sendInvitation({
      to: { name: input.name, email },
      token: created.token,
      inviter: (viewer as SignedInViewer).name,
      baseUrl,
      secondStepRequired: secondStepRequired(input.role),
    });
  } catch (error) {
    // The account stands; the beheerder sees that the mail failed and can send it again.
    log.error("uitnodiging niet verstuurd", { error });
    mailed = false;
  }
  return { ...created.user, mailed };
}

/**
 * An account for a person the network already knows, with a password hash made beforehand (hashing is
 * slow and asynchronous; the demo import makes them before its one transaction).
 */
export function createAccount({
  viewer,
  input,
  passwordHash,
}: {
  viewer: Viewer;
  input: { personId: number; email: string; role: UserRole };
  passwordHash: string;
}) {
  const email = normaliseEmail(input.email);
  return change({
    viewer,
    load: () =>
      getDb()
        .select({ id: people.id, name: people.name, userId: users.id })
        .from(people)
        .leftJoin(users, eq(users.personId, people.id))
        .where(eq(people.id, input.personId))
        .get(),
    missing: "Deze persoon bestaat niet meer.",
    allow: withCapability("manage-users"),
    check: (person, tx) => {
      if (person.userId) throw new RuleError({ personId: [`${person.name} heeft al een account.`] });
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
        throw new RuleError({ email: ["Er is al een gebruiker met dit e-mailadres."] });
    },
    write: (tx) =>
      tx
        .insert(users)
        .values({ personId: input.personId, email, passwordHash, role: input.role })
        .returning({ id: users.id })
        .get(),
    audit: (person, user) => ({
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      summary: `Account ${email} gemaakt voor ${person.name} als ${userRoleLabels[input.role].toLowerCase()}`,
      after: { email, role: input.role, personId: input.personId },
    }),
  });
}

function insertUser(tx: Tx, input: NewUserInput, email: string, passwordHash: string) {
  {
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
    return { user, person };
  }
}

/** A user as a change of their account reads them. */
function userForChange(id: number) {
  return getDb()
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
}

const USER_GONE = "Deze gebruiker bestaat niet meer.";

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
  change({
    viewer,
    load: () => userForChange(id),
    missing: USER_GONE,
    allow: withCapability("manage-users"),
    expectedVersion,
    check: (current) => {
      if (current.role !== role && current.role === "beheerder" && countOtherActiveAdmins(id) === 0)
        throw new RuleError({ role: ["Er moet minstens één actieve beheerder blijven."] });
    },
    write: (tx, current) => {
      if (current.role === role) return false;
      tx.update(users).set({ role }).where(eq(users.id, id)).run();
      return true;
    },
    touch: { table: users, id: () => id },
    audit: (current, changed) =>
      changed
        ? {
            action: "user.set-role",
            entityType: "user",
            entityId: id,
            summary: `Rol van ${current.name} gewijzigd in ${userRoleLabels[role].toLowerCase()}`,
            before: { role: current.role },
            after: { role },
          }
        : null,
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
  const deactivatedAt = Date.now();
  change({
    viewer,
    now: deactivatedAt,
    load: () => userForChange(id),
    missing: USER_GONE,
    allow: withCapability("manage-users"),
    expectedVersion,
    check: (current) => {
      if (viewer?.userId === id) throw new RuleError({ "": ["U kunt uw eigen account niet deactiveren."] });
      if (current.deactivatedAt !== null) throw new RuleError({ "": ["Deze gebruiker is al gedeactiveerd."] });
    },
    write: (tx) => {
      tx.update(users).set({ deactivatedAt }).where(eq(users.id, id)).run();
      invalidateUserSessions({ userId: id });
      // The personal calendar link is a credential too: it ends now, and reactivation does not revive it.
      tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, id)).run();
    },
    touch: { table: users, id: () => id },
    audit: (current) => ({
      action: "user.deactivate",
      entityType: "user",
      entityId: id,
      summary: `Gebruiker ${current.name} gedeactiveerd; open sessies en agendalink beëindigd`,
      before: { deactivatedAt: null },
      after: { deactivatedAt },
    }),
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
  change({
    viewer,
    load: () => userForChange(id),
    missing: USER_GONE,
    allow: withCapability("manage-users"),
    expectedVersion,
    write: (tx, current) => {
      if (current.deactivatedAt === null) return false;
      tx.update(users).set({ deactivatedAt: null }).where(eq(users.id, id)).run();
      return true;
    },
    touch: { table: users, id: () => id },
    audit: (current, changed) =>
      changed
        ? {
            action: "user.reactivate",
            entityType: "user",
            entityId: id,
            summary: `Gebruiker ${current.name} weer geactiveerd`,
            before: { deactivatedAt: current.deactivatedAt },
            after: { deactivatedAt: null },
          }
        : null,
  });
}

/** After this many wrong current passwords in a row the session ends: someone else may be at the screen. */
export const CURRENT_PASSWORD_FAILURES_ENDING_SESSION = 5;

/**
 * The viewer changes their own password; every session of theirs ends (the route hands out a new one).
 * Wrong current passwords are slowed (app/auth/throttle.ts) and, past a few, end this session.
 */
export async function changeOwnPassword({
  viewer,
  currentPassword,
  newPassword,
  now = Date.now(),
}: {
  viewer: SignedInViewer;
  currentPassword: string;
  newPassword: string;
  now?: number;
}) {
  const db = getDb();
  const key = { key: `huidig-wachtwoord:${viewer.userId}`, rule: CURRENT_PASSWORD_PER_ACCOUNT };
  const { waitUntil, failures } = takeAttempt([key], now);
  if (waitUntil)
    throw new TooManyAttempts(
      {
        currentPassword: [
          `Te vaak een verkeerd huidig wachtwoord. Wacht ${describeWait(waitUntil, now)} en probeer het opnieuw.`,
        ],
      },
      waitUntil,
    );
  const user = db
    .select({ passwordHash: users.passwordHash, version: users.version })
    .from(users)
    .where(eq(users.id, viewer.userId))
    .get();
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    const ending = failures >= CURRENT_PASSWORD_FAILURES_ENDING_SESSION;
    recordSecurityEvent(
      {
        action: "user.current-password-refused",
        userId: viewer.userId,
        summary: ending
          ? `Wachtwoord wijzigen: ${failures}e verkeerde huidige wachtwoord; sessie beëindigd`
          : "Wachtwoord wijzigen: verkeerd huidig wachtwoord",
      },
      { viewer, now },
    );
    if (ending) {
      invalidateSession({ sessionId: viewer.sessionId });
      throw new SessionEnded();
    }
    throw new RuleError({ currentPassword: ["Het huidige wachtwoord klopt niet."] });
  }
  settleAttempt({ clear: [key.key] });
  const weak = weakPasswordReason(newPassword, [viewer.name, viewer.email]);
  if (weak) throw new RuleError({ newPassword: [weak] });
  const passwordHash = await hashPassword(newPassword);
  change({
    viewer,
    load: () => userForChange(viewer.userId),
    missing: USER_GONE,
    allow: (current, row) => current?.userId === row.id || "U wijzigt alleen uw eigen wachtwoord.",
    write: (tx) => {
      tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.userId)).run();
      invalidateUserSessions({ userId: viewer.userId });
    },
    touch: { table: users, id: () => viewer.userId },
    audit: () => ({
      action: "user.change-password",
      entityType: "user",
      entityId: viewer.userId,
      summary: `${viewer.name} heeft het eigen wachtwoord gewijzigd; andere sessies beëindigd`,
    }),
  });
}
