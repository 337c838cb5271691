import { and, count, eq, isNull } from "drizzle-orm";
import { passkeys, people, recoveryCodes, sessions, totpCredentials, users } from "../../db/schema";
import { CODE_PER_ACCOUNT, describeWait } from "~/auth/throttle";
import { getDb, type Tx } from "~/lib/db.server";
import { mfaPolicy, type MfaPolicy } from "~/lib/env.server";
import { hashText } from "~/lib/link-tokens.server";
import { groupedSecret, matchTotp, newTotpSecret, qrCodeSvg, totpUri } from "~/lib/totp.server";
import type { UserRole } from "~/lib/vocabulary";
import type { Viewer } from "~/auth/viewer";
import { anyone, change, withCapability } from "./access/change.server";
import { RuleError, TooManyAttempts } from "./errors";
import { recordSecurityEvent } from "./security-events.server";
import { settleAttempt, takeAttempt } from "./throttles.server";

// The second step of signing in: an authenticator app, passkeys (app/models/passkeys.server.ts) and
// ten recovery codes. The functions here act for the account holder, who may be signed in or half-way
// a sign-in (password right, second step due): `holder` is that person, never anyone else's account.

export type Holder = { userId: number; name: string; email: string; role: UserRole };

export const RECOVERY_CODE_COUNT = 10;
/** An enrolment that was started but not confirmed is forgotten after this long. */
export const PENDING_TOTP_TTL_MS = 30 * 60_000;

/** Whether this role must use a second step under the configured policy. */
export function secondStepRequired(role: UserRole, policy: MfaPolicy = mfaPolicy()): boolean {
  if (policy === "verplicht") return true;
  if (policy === "beheer") return role === "beheerder" || role === "secretariaat";
  return false;
}

function totpOf(userId: number, tx: Tx = getDb()) {
  return tx.select().from(totpCredentials).where(eq(totpCredentials.userId, userId)).get();
}

export function passkeyCount(userId: number, tx: Tx = getDb()) {
  return tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId)).get()!.n;
}

/** Whether the account has an authenticator app whose first code confirmed it. */
export function hasConfirmedApp(userId: number, tx: Tx = getDb()) {
  return Boolean(totpOf(userId, tx)?.confirmedAt);
}

function unusedRecoveryCodes(userId: number, tx: Tx = getDb()) {
  return tx
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .get()!.n;
}

/** Whether the account has a second factor to ask for: a confirmed app or a passkey. */
export function hasSecondFactor(userId: number): boolean {
  return hasConfirmedApp(userId) || passkeyCount(userId) > 0;
}

/** What the two-step page shows: the app, passkeys, recovery codes left, an enrolment under way. */
export function describeSecondFactors({ holder, now = Date.now() }: { holder: Holder; now?: number }) {
  const db = getDb();
  const totp = totpOf(holder.userId);
  const pending =
    totp?.pendingSecret && (totp.pendingCreatedAt ?? 0) > now - PENDING_TOTP_TTL_MS ? totp.pendingSecret : null;
  const uri = pending ? totpUri(pending, holder.email) : null;
  return {
    required: secondStepRequired(holder.role),
    totpSince: totp?.confirmedAt ?? null,
    enrolment: pending && uri ? { uri, qrSvg: qrCodeSvg(uri), secret: groupedSecret(pending) } : null,
    recoveryCodesLeft: unusedRecoveryCodes(holder.userId),
    passkeys: db
      .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .where(eq(passkeys.userId, holder.userId))
      .all(),
  };
}

/** Starts enrolling an authenticator app: a new secret, shown until its first code confirms it. */
export function startTotpEnrolment({ holder, now = Date.now() }: { holder: Holder; now?: number }) {
  const pendingSecret = newTotpSecret();
  change({
    viewer: null,
    actorUserId: holder.userId,
    now,
    load: () => holder,
    missing: "",
    // The holder's own credential, whether signed in or half-way a required enrolment (the route checks).
    allow: anyone,
    write: (tx) => {
      tx.insert(totpCredentials)
        .values({ userId: holder.userId, pendingSecret, pendingCreatedAt: now })
        .onConflictDoUpdate({ target: totpCredentials.userId, set: { pendingSecret, pendingCreatedAt: now } })
        .run();
    },
    audit: () => null,
  });
}

function newRecoveryCode(): string {
  // 12 characters of an alphabet without look-alikes: 60 bits, typed as three groups of four.
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

function recoveryCodeHash(userId: number, code: string) {
  return hashText(`${userId}:${code.toLowerCase().replace(/[^a-z0-9]/g, "")}`);
}

/** Recovery codes belong to a second factor: with the last factor gone, they go too. */
export function dropRecoveryCodesWithoutFactor(tx: Tx, userId: number) {
  if (!hasConfirmedApp(userId, tx) && passkeyCount(userId, tx) === 0)
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
}

/** Ten new codes when the account has none left (after a first factor), else none. */
export function recoveryCodesIfNone(tx: Tx, userId: number, now: number): string[] {
  return unusedRecoveryCodes(userId, tx) > 0 ? [] : replaceRecoveryCodes(tx, userId, now);
}

function replaceRecoveryCodes(tx: Tx, userId: number, now: number): string[] {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(userId, code), createdAt: now })))
    .run();
  return codes;
}

function codeKeys(userId: number) {
  return [{ key: `code:${userId}`, rule: CODE_PER_ACCOUNT }];
}

function refuseWhileWaiting(userId: number, now: number) {
  const { waitUntil } = takeAttempt(codeKeys(userId), now);
  if (waitUntil)
    throw new TooManyAttempts(
      {
        code: [`Te veel verkeerde codes. Wacht ${describeWait(waitUntil, now)} en probeer het dan opnieuw.`],
      },
      waitUntil,
    );
}

/**
 * Confirms the app being enrolled with its first code. Returns the ten recovery codes when the
 * account had none left (shown once; only their hashes are kept), else an empty list.
 */
export function confirmTotpEnrolment({
  holder,
  code,
  now = Date.now(),
}: {
  holder: Holder;
  code: string;
  now?: number;
}): string[] {
  refuseWhileWaiting(holder.userId, now);
  const result = change({
    viewer: null,
    actorUserId: holder.userId,
    now,
    load: () => totpOf(holder.userId),
    missing: "Start het instellen van de app opnieuw.",
    allow: anyone,
    check: (row) => {
      if (!row.pendingSecret || (row.pendingCreatedAt ?? 0) <= now - PENDING_TOTP_TTL_MS)
        throw new RuleError({ code: ["Het instellen duurde te lang. Start het opnieuw."] });
    },
    write: (tx, row) => {
      const step = matchTotp(row.pendingSecret!, code, now, null);
      if (step === null) return null;
      tx.update(totpCredentials)
        .set({
          secret: row.pendingSecret,
          confirmedAt: now,
          lastUsedStep: step,
          pendingSecret: null,
          pendingCreatedAt: null,
        })
        .where(eq(totpCredentials.userId, holder.userId))
        .run();
      return recoveryCodesIfNone(tx, holder.userId, now);
    },
    audit: (_row, codes) =>
      codes && {
        action: "user.totp-enrol",
        entityType: "user",
        entityId: holder.userId,
        summary: `${holder.name} heeft een authenticator-app ingesteld voor tweestapsverificatie`,
      },
  });
  if (result === null) {
    recordSecurityEvent(
      { action: "user.code-refused", userId: holder.userId, summary: "Authenticator-app instellen: verkeerde code" },
      { now },
    );
    throw new RuleError({ code: ["Deze code klopt niet. Typ de zes cijfers die de app nu toont."] });
  }
  settleAttempt({ clear: [`code:${holder.userId}`] });
  return result;
}

/** New recovery codes for the holder; the old ones stop working. */
export function regenerateRecoveryCodes({ holder, now = Date.now() }: { holder: Holder; now?: number }): string[] {
  return change({
    viewer: null,
    actorUserId: holder.userId,
    now,
    load: () => holder,
    missing: "",
    allow: anyone,
    check: () => {
      if (!hasSecondFactor(holder.userId))
        throw new RuleError({ "": ["Stel eerst een authenticator-app of passkey in; herstelcodes horen daarbij."] });
    },
    write: (tx) => replaceRecoveryCodes(tx, holder.userId, now),
    audit: () => ({
      action: "user.recovery-codes-renew",
      entityType: "user",
      entityId: holder.userId,
      summary: `${holder.name} heeft nieuwe herstelcodes gemaakt; de oude werken niet meer`,
    }),
  });
}

/**
 * Removes the authenticator app. Where a second step is required, the last factor cannot go (a
 * passkey may stay); without any factor the recovery codes go too.
 */
export function removeTotp({ holder, now = Date.now() }: { holder: Holder; now?: number }) {
  change({
    viewer: null,
    actorUserId: holder.userId,
    now,
    load: () => totpOf(holder.userId),
    missing: "Er is geen authenticator-app ingesteld.",
    allow: anyone,
    check: (row, tx) => {
      if (!row.confirmedAt) throw new RuleError({ "": ["Er is geen authenticator-app ingesteld."] });
      if (secondStepRequired(holder.role) && passkeyCount(holder.userId, tx) === 0)
        throw new RuleError({
          "": [
            "Tweestapsverificatie is voor uw account verplicht. Voeg eerst een passkey toe of stel een nieuwe app in voordat u deze verwijdert.",
          ],
        });
    },
    write: (tx) => {
      tx.delete(totpCredentials).where(eq(totpCredentials.userId, holder.userId)).run();
      dropRecoveryCodesWithoutFactor(tx, holder.userId);
    },
    audit: () => ({
      action: "user.totp-remove",
      entityType: "user",
      entityId: holder.userId,
      summary: `${holder.name} heeft de authenticator-app verwijderd`,
    }),
  });
}

/**
 * Checks the code of the second step: the app's current code or an unused recovery code, each
 * accepted once. Throttled per account (whoever gets here already has the password).
 */
export function verifySecondStepCode({
  holder,
  code,
  now = Date.now(),
}: {
  holder: Holder;
  code: string;
  now?: number;
}): { method: "app" | "herstelcode"; recoveryCodesLeft: number | null } {
  refuseWhileWaiting(holder.userId, now);
  const accepted = change({
    viewer: null,
    actorUserId: holder.userId,
    now,
    load: () => holder,
    missing: "",
    allow: anyone,
    write: (tx) => {
      const totp = totpOf(holder.userId, tx);
      if (totp?.secret && totp.confirmedAt) {
        const step = matchTotp(totp.secret, code, now, totp.lastUsedStep);
        if (step !== null) {
          tx.update(totpCredentials).set({ lastUsedStep: step }).where(eq(totpCredentials.userId, holder.userId)).run();
          return { method: "app" as const, recoveryCodesLeft: null };
        }
      }
      const used = tx
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(recoveryCodes.userId, holder.userId),
            eq(recoveryCodes.codeHash, recoveryCodeHash(holder.userId, code)),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id })
        .get();
      if (!used) return null;
      return { method: "herstelcode" as const, recoveryCodesLeft: unusedRecoveryCodes(holder.userId, tx) };
    },
    audit: (_holder, result) =>
      result?.method === "herstelcode"
        ? {
            action: "user.recovery-code-use",
            entityType: "user",
            entityId: holder.userId,
            summary: `${holder.name} heeft met een herstelcode ingelogd; nog ${result.recoveryCodesLeft} over`,
          }
        : null,
  });
  if (!accepted) {
    recordSecurityEvent(
      { action: "user.code-refused", userId: holder.userId, summary: "Tweede stap bij inloggen: verkeerde code" },
      { now },
    );
    throw new RuleError({
      code: ["Deze code klopt niet of is al gebruikt. Typ de zes cijfers uit de app, of een herstelcode."],
    });
  }
  settleAttempt({ clear: [`code:${holder.userId}`] });
  return accepted;
}

/**
 * The beheerder clears a person's second factors (a lost phone and lost recovery codes): app,
 * passkeys and codes go, every session ends; at the next sign-in the person enrols again where
 * that is required. The beheerder should first make sure who asks.
 */
export function resetSecondFactors({ viewer, userId }: { viewer: Viewer; userId: number }) {
  change({
    viewer,
    load: () =>
      getDb()
        .select({ id: users.id, name: people.name })
        .from(users)
        .innerJoin(people, eq(people.id, users.personId))
        .where(eq(users.id, userId))
        .get(),
    missing: "Deze gebruiker bestaat niet (meer).",
    allow: withCapability("manage-users"),
    write: (tx) => {
      tx.delete(totpCredentials).where(eq(totpCredentials.userId, userId)).run();
      tx.delete(passkeys).where(eq(passkeys.userId, userId)).run();
      tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
      tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    },
    audit: (row) => ({
      action: "user.second-step-reset",
      entityType: "user",
      entityId: userId,
      summary: `Tweestapsverificatie van ${row.name} gewist door de beheerder; alle sessies beëindigd`,
    }),
  });
}

/**
 * Ten recovery codes for a holder who just added a first factor and has none left (shown once);
 * an empty list when they still have some.
 */
export function ensureRecoveryCodes({ holder, now = Date.now() }: { holder: Holder; now?: number }): string[] {
  return change({
    viewer: null,
    actorUserId: holder.userId,
    now,
    load: () => holder,
    missing: "",
    allow: anyone,
    write: (tx) => {
      return recoveryCodesIfNone(tx, holder.userId, now);
    },
    audit: () => null,
  });
}
