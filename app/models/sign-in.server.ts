import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { PASSWORD_PER_ACCOUNT_AND_CLIENT, PASSWORD_PER_CLIENT } from "~/auth/throttle";
import { clientAddressKey } from "~/lib/client-address";
import { getDb } from "~/lib/db.server";
import { verifyAgainstNothing, verifyPassword } from "~/lib/password.server";
import { recordSecurityEvent } from "./security-events.server";
import type { SecondStep, SignInMethod, UserRole } from "~/lib/vocabulary";
import { hasSecondFactor, secondStepRequired } from "./second-factors.server";
import { createSession } from "./sessions.server";
import { settleAttempt, takeAttempt } from "./throttles.server";

export type SignInResult =
  | { ok: true; token: string; expiresAt: number; userId: number; secondStep: SecondStep | null; method: SignInMethod }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "waiting"; until: number };

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

function passwordKeys(address: string, clientAddress: string | undefined) {
  const client = clientAddressKey(clientAddress);
  return {
    accountAndClient: { key: `wachtwoord:${address}|${client}`, rule: PASSWORD_PER_ACCOUNT_AND_CLIENT },
    client: { key: `wachtwoord-client:${client}`, rule: PASSWORD_PER_CLIENT },
  };
}

/**
 * Checks an e-mail address and password and opens a session. Unknown addresses, deactivated
 * users and wrong passwords give the same answer. Guesses are slowed per address and client and per
 * client over all addresses (app/auth/throttle.ts), never locked: the rightful user from their own
 * device is not kept out by someone guessing elsewhere.
 */
export async function signIn({
  email,
  password,
  clientAddress,
  userAgent = null,
  now = Date.now(),
}: {
  email: string;
  password: string;
  /** The client's address as the server established it (never a header the client chose). */
  clientAddress?: string;
  userAgent?: string | null;
  now?: number;
}): Promise<SignInResult> {
  const db = getDb();
  const address = normaliseEmail(email);
  const keys = passwordKeys(address, clientAddress);
  // Every try counts as a failure before the password is checked, so concurrent guesses cannot all
  // read the same count; a right password takes it back.
  const { waitUntil } = takeAttempt([keys.accountAndClient, keys.client], now);
  if (waitUntil) return { ok: false, reason: "waiting", until: waitUntil };

  const user = db
    .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, address))
    .get();
  let valid = false;
  if (user) valid = await verifyPassword(user.passwordHash, password);
  else await verifyAgainstNothing(password);
  if (!valid || !user || user.deactivatedAt !== null) {
    recordSecurityEvent(
      {
        action: "user.sign-in-refused",
        userId: user?.id ?? null,
        summary: user
          ? `Inloggen geweigerd: ${user.deactivatedAt !== null ? "account gedeactiveerd" : "verkeerd wachtwoord"} (vanaf ${clientAddressKey(clientAddress)})`
          : `Inloggen geweigerd: onbekend e-mailadres (vanaf ${clientAddressKey(clientAddress)})`,
      },
      { now },
    );
    return { ok: false, reason: "invalid" };
  }

  settleAttempt({ clear: [keys.accountAndClient.key], forgive: [keys.client.key] });
  const secondStep = secondStepDue(user);
  const { token, session } = createSession({
    userId: user.id,
    now,
    secondStep,
    method: "wachtwoord",
    userAgent,
    clientAddress: clientAddress ?? null,
  });
  return { ok: true, token, expiresAt: session.expiresAt, userId: user.id, secondStep, method: session.method };
}

/** What must follow a right password: a code or passkey, enrolling one where required, or nothing. */
export function secondStepDue(user: { id: number; role: UserRole }): SecondStep | null {
  if (hasSecondFactor(user.id)) return "verificatie";
  if (secondStepRequired(user.role)) return "inschrijving";
  return null;
}

/**
 * Opens the session of someone their organisation's provider signed in. A provider that reports a
 * second factor (amr) counts as the second step; otherwise Gremium's own second step follows where
 * the person has one or must have one.
 */
export function openSsoSession({
  userId,
  multiFactor,
  userAgent = null,
  clientAddress = null,
  now = Date.now(),
}: {
  userId: number;
  multiFactor: boolean;
  userAgent?: string | null;
  clientAddress?: string | null;
  now?: number;
}) {
  const user = getDb().select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId)).get()!;
  const secondStep = multiFactor ? null : secondStepDue(user);
  const method: SignInMethod = multiFactor ? "sso-mfa" : "sso";
  const { token, session } = createSession({ userId, now, secondStep, method, userAgent, clientAddress });
  return { token, expiresAt: session.expiresAt, userId, secondStep, method };
}
