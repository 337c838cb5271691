import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { passwordTokens, people, users } from "../../db/schema";
import { weakPasswordReason } from "~/lib/password-strength.server";
import { hashPassword } from "~/lib/password.server";
import { getDb } from "~/lib/db.server";
import { sendMail } from "~/lib/mail.server";
import type { Viewer } from "~/auth/viewer";
import type { Tx } from "~/lib/db.server";
import type { UserRole } from "~/lib/vocabulary";
import { anyone, change, withCapability } from "./access/change.server";
import { RuleError } from "./errors";
import { invalidateUserSessions } from "./sessions.server";
import { hashText, newToken } from "~/lib/link-tokens.server";

// Links that let a person set their own password: a reset asked for at /wachtwoord-vergeten, and the
// invitation a new account gets instead of a password the beheerder would have to hand over. Each is
// single use and short-lived; only the SHA-256 of the token is stored, so a copy of the database
// holds no working link. Setting the password ends every session of the account.

export const RESET_TTL_MS = 60 * 60_000;
export const INVITATION_TTL_MS = 72 * 60 * 60_000;
/** Reset mails per account per hour; more requests are answered the same, but send nothing. */
export const RESETS_PER_HOUR = 3;

const EXPIRED = "Deze link is verlopen of al gebruikt. Vraag hieronder een nieuwe aan.";

const normalise = (email: string) => email.trim().toLowerCase();

/**
 * Mails a reset link to the account with this address, if there is an active one. The caller's answer
 * is the same either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset({
  email,
  baseUrl,
  now = Date.now(),
}: {
  email: string;
  baseUrl: string;
  now?: number;
}) {
  const db = getDb();
  const account = db
    .select({ id: users.id, email: users.email, name: people.name, deactivatedAt: users.deactivatedAt })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.email, normalise(email)))
    .get();
  if (!account || account.deactivatedAt !== null) return;
  const recent = db
    .select({ id: passwordTokens.id })
    .from(passwordTokens)
    .where(
      and(
        eq(passwordTokens.userId, account.id),
        eq(passwordTokens.purpose, "herstel"),
        gt(passwordTokens.createdAt, now - 60 * 60_000),
      ),
    )
    .all();
  if (recent.length >= RESETS_PER_HOUR) return;
  const token = newToken();
  change({
    viewer: null,
    now,
    load: () => account,
    missing: "Onbekend account.",
    // The link goes to the account's own address: asking for it changes nothing until it is used.
    allow: anyone,
    write: (tx) => {
      // One link at a time: an older, unused one stops working.
      tx.update(passwordTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(passwordTokens.userId, account.id),
            eq(passwordTokens.purpose, "herstel"),
            isNull(passwordTokens.usedAt),
          ),
        )
        .run();
      tx.insert(passwordTokens)
        .values({
          userId: account.id,
          purpose: "herstel",
          tokenHash: hashText(token),
          expiresAt: now + RESET_TTL_MS,
          createdAt: now,
        })
        .run();
    },
    audit: () => ({
      action: "user.password-reset-request",
      entityType: "user",
      entityId: account.id,
      summary: `Herstellink voor het wachtwoord gemaild aan ${account.name}`,
    }),
  });
  await sendMail({
    to: [{ name: account.name, address: account.email }],
    subject: "Nieuw wachtwoord instellen voor Gremium",
    text: [
      `Beste ${account.name},`,
      "",
      "U (of iemand anders) vroeg om een nieuw wachtwoord voor Gremium. Stel het in met deze link; hij werkt één keer en is een uur geldig:",
      `${baseUrl}/wachtwoord-instellen/${token}`,
      "",
      "Vroeg u dit niet? Dan kunt u deze mail negeren: uw wachtwoord blijft wat het was.",
    ].join("\n"),
  });
}

function validToken(token: string, now: number) {
  return getDb()
    .select({
      id: passwordTokens.id,
      userId: passwordTokens.userId,
      purpose: passwordTokens.purpose,
      name: people.name,
      email: users.email,
    })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .where(
      and(
        eq(passwordTokens.tokenHash, hashText(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
        isNull(users.deactivatedAt),
      ),
    )
    .get();
}

/** Whose password the link sets, or null when it is unknown, used or expired. */
export function findPasswordToken({ token, now = Date.now() }: { token: string; now?: number }) {
  const found = validToken(token, now);
  return found ? { name: found.name, email: found.email, purpose: found.purpose } : null;
}

/** Sets the password through a link, once; every session of the account ends. */
export async function setPasswordWithToken({
  token,
  newPassword,
  now = Date.now(),
}: {
  token: string;
  newPassword: string;
  now?: number;
}) {
  const found = validToken(token, now);
  if (!found) throw new RuleError({ "": [EXPIRED] });
  const weak = weakPasswordReason(newPassword, [found.name, found.email]);
  if (weak) throw new RuleError({ newPassword: [weak] });
  const passwordHash = await hashPassword(newPassword);
  return change({
    viewer: null,
    now,
    // Read again inside the transaction: of two uses at once, only the first finds it unused.
    load: () => validToken(token, now),
    missing: EXPIRED,
    // The token is the credential.
    allow: anyone,
    write: (tx, row) => {
      tx.update(passwordTokens).set({ usedAt: now }).where(eq(passwordTokens.id, row.id)).run();
      tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, row.userId)).run();
      invalidateUserSessions({ userId: row.userId });
      return { email: row.email, purpose: row.purpose };
    },
    audit: (row) => ({
      action: "user.password-reset",
      entityType: "user",
      entityId: row.userId,
      summary:
        row.purpose === "uitnodiging"
          ? `${row.name} heeft met de uitnodiging een wachtwoord ingesteld`
          : `${row.name} heeft met een herstellink een nieuw wachtwoord ingesteld; alle sessies beëindigd`,
    }),
  });
}

/** Forgets links that expired more than a day ago; used or not, they can no longer do anything. */
export function deleteExpiredPasswordTokens({ now = Date.now() }: { now?: number } = {}) {
  return getDb()
    .delete(passwordTokens)
    .where(lt(passwordTokens.expiresAt, now - 24 * 60 * 60_000))
    .run().changes;
}

/**
 * Inside the transaction that creates (or re-invites) an account: a new invitation link, valid 72
 * hours; an older unused one stops working. Returns the token for the mail; only its hash is stored.
 */
export function issueInvitation(tx: Tx, userId: number, now: number): string {
  const token = newToken();
  tx.update(passwordTokens)
    .set({ usedAt: now })
    .where(
      and(eq(passwordTokens.userId, userId), eq(passwordTokens.purpose, "uitnodiging"), isNull(passwordTokens.usedAt)),
    )
    .run();
  tx.insert(passwordTokens)
    .values({
      userId,
      purpose: "uitnodiging",
      tokenHash: hashText(token),
      expiresAt: now + INVITATION_TTL_MS,
      createdAt: now,
    })
    .run();
  return token;
}

/** Mails an invitation: who invites, the link, and what follows (a second step where required). */
export async function sendInvitation({
  to,
  token,
  inviter,
  baseUrl,
  secondStepRequired,
}: {
  to: { name: string; email: string };
  token: string;
  inviter: string;
  baseUrl: string;
  secondStepRequired: boolean;
}) {
  await sendMail({
    to: [{ name: to.name, address: to.email }],
    subject: "Uitnodiging voor Gremium",
    text: [
      `Beste ${to.name},`,
      "",
      `${inviter} heeft een account voor u aangemaakt in Gremium, het portaal voor de vergaderingen, besluiten en acties van het netwerk.`,
      "",
      "Kies uw wachtwoord met deze link; hij werkt één keer en is 72 uur geldig:",
      `${baseUrl}/wachtwoord-instellen/${token}`,
      "",
      secondStepRequired
        ? "Daarna logt u in en stelt u tweestapsverificatie in met een app op uw telefoon, zoals Microsoft Authenticator of Google Authenticator."
        : "Daarna logt u in met uw e-mailadres en dat wachtwoord.",
      "",
      "Verwachtte u deze uitnodiging niet? Dan kunt u deze mail negeren.",
    ].join("\n"),
  });
}

/** The beheerder sends a new invitation (the first expired, or never arrived); the old link stops working. */
export async function reinviteUser({
  viewer,
  userId,
  baseUrl,
  secondStepRequired,
  now = Date.now(),
}: {
  viewer: Viewer;
  userId: number;
  baseUrl: string;
  secondStepRequired: (role: UserRole) => boolean;
  now?: number;
}) {
  const sent = change({
    viewer,
    now,
    load: () =>
      getDb()
        .select({
          id: users.id,
          name: people.name,
          email: users.email,
          role: users.role,
          deactivatedAt: users.deactivatedAt,
        })
        .from(users)
        .innerJoin(people, eq(people.id, users.personId))
        .where(eq(users.id, userId))
        .get(),
    missing: "Deze gebruiker bestaat niet (meer).",
    allow: withCapability("manage-users"),
    check: (row) => {
      if (row.deactivatedAt !== null)
        throw new RuleError({ "": ["Deze gebruiker is gedeactiveerd; activeer hem eerst weer."] });
    },
    write: (tx, row) => ({ token: issueInvitation(tx, row.id, now), row }),
    audit: (row) => ({
      action: "user.invite",
      entityType: "user",
      entityId: row.id,
      summary: `Nieuwe uitnodiging gemaild aan ${row.name} (${row.email})`,
    }),
  });
  await sendInvitation({
    to: sent.row,
    token: sent.token,
    inviter: (viewer as { name: string }).name,
    baseUrl,
    secondStepRequired: secondStepRequired(sent.row.role),
  });
}
