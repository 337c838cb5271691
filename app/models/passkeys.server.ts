import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";
import { and, eq, gt, lt } from "drizzle-orm";
import { passkeys, users, webauthnChallenges } from "../../db/schema";
import { getDb } from "~/lib/db.server";
import { publicUrl } from "~/lib/env.server";
import { anyone, change } from "./access/change.server";
import { RuleError } from "./errors";
import {
  dropRecoveryCodesWithoutFactor,
  hasConfirmedApp,
  passkeyCount,
  secondStepRequired,
  type Holder,
} from "./second-factors.server";
import { recordSecurityEvent } from "./security-events.server";

// Passkeys (WebAuthn): a second step after the password, or a sign-in without one (the passkey then
// is both factors: the device, and the fingerprint or PIN that unlocks it). The site's address in
// PUBLIC_URL is the relying party; a challenge is stored until its answer comes back, once.

const CHALLENGE_TTL_MS = 5 * 60_000;

function relyingParty() {
  const url = new URL(publicUrl());
  return { rpID: url.hostname, origin: url.origin };
}

function storeChallenge(challenge: string, purpose: "registratie" | "aanmelden", userId: number | null, now: number) {
  change({
    viewer: null,
    now,
    load: () => ({}),
    missing: "",
    allow: anyone,
    write: (tx) => {
      tx.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now)).run();
      tx.insert(webauthnChallenges)
        .values({ challenge, purpose, userId, expiresAt: now + CHALLENGE_TTL_MS })
        .run();
    },
    audit: () => null,
  });
}

/** Takes the challenge out if it was handed out for this purpose (and person) and is still fresh. */
function consumeChallenge(challenge: string, purpose: "registratie" | "aanmelden", userId: number | null, now: number) {
  return change({
    viewer: null,
    now,
    load: () => ({}),
    missing: "",
    allow: anyone,
    write: (tx) => {
      const row = tx
        .delete(webauthnChallenges)
        .where(and(eq(webauthnChallenges.challenge, challenge), gt(webauthnChallenges.expiresAt, now)))
        .returning()
        .get();
      return Boolean(row && row.purpose === purpose && row.userId === userId);
    },
    audit: () => null,
  });
}

/** The options for the browser to make a new passkey for the holder. */
export async function startPasskeyRegistration({ holder, now = Date.now() }: { holder: Holder; now?: number }) {
  const { rpID } = relyingParty();
  const existing = getDb()
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, holder.userId))
    .all();
  const options = await generateRegistrationOptions({
    rpName: "Gremium",
    rpID,
    userName: holder.email,
    userDisplayName: holder.name,
    userID: new TextEncoder().encode(`gremium-${holder.userId}`),
    attestationType: "none",
    excludeCredentials: existing.map((key) => ({ id: key.id, transports: key.transports?.split(",") })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
  storeChallenge(options.challenge, "registratie", holder.userId, now);
  return options;
}

/** Checks the browser's new passkey against the challenge and keeps it under a name. */
export async function finishPasskeyRegistration({
  holder,
  response,
  name,
  now = Date.now(),
}: {
  holder: Holder;
  response: RegistrationResponseJSON;
  name: string;
  now?: number;
}) {
  const { rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(challenge, "registratie", holder.userId, now),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch {
    verification = { verified: false as const };
  }
  if (!verification.verified)
    throw new RuleError({ "": ["De passkey kon niet worden gecontroleerd. Probeer het opnieuw."] });
  const { credential } = verification.registrationInfo;
  const label = name.trim().slice(0, 80) || "Passkey";
  change({
    viewer: null,
    actorUserId: holder.userId,
    now,
    load: () => holder,
    missing: "",
    allow: anyone,
    write: (tx) => {
      tx.insert(passkeys)
        .values({
          id: credential.id,
          userId: holder.userId,
          name: label,
          publicKey: encodeBase64(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports?.join(",") ?? null,
          createdAt: now,
        })
        .run();
    },
    audit: () => ({
      action: "user.passkey-add",
      entityType: "user",
      entityId: holder.userId,
      summary: `${holder.name} heeft een passkey toegevoegd (${label})`,
    }),
  });
}

/** Removes one of the holder's passkeys; where a second step is required the last factor stays. */
export function removePasskey({ holder, id, now = Date.now() }: { holder: Holder; id: string; now?: number }) {
  change({
    viewer: null,
    actorUserId: holder.userId,
    now,
    load: () =>
      getDb()
        .select({ id: passkeys.id, name: passkeys.name })
        .from(passkeys)
        .where(and(eq(passkeys.id, id), eq(passkeys.userId, holder.userId)))
        .get(),
    missing: "Deze passkey bestaat niet (meer).",
    allow: anyone,
    check: (_row, tx) => {
      const lastFactor = passkeyCount(holder.userId, tx) === 1 && !hasConfirmedApp(holder.userId, tx);
      if (secondStepRequired(holder.role) && lastFactor)
        throw new RuleError({
          "": ["Tweestapsverificatie is voor uw account verplicht. Stel eerst een app of een andere passkey in."],
        });
    },
    write: (tx) => {
      tx.delete(passkeys).where(eq(passkeys.id, id)).run();
      dropRecoveryCodesWithoutFactor(tx, holder.userId);
    },
    audit: (row) => ({
      action: "user.passkey-remove",
      entityType: "user",
      entityId: holder.userId,
      summary: `${holder.name} heeft een passkey verwijderd (${row.name})`,
    }),
  });
}

/**
 * The options for signing in with a passkey: for the second step of this person (only their
 * passkeys), or without a password (any passkey of this site; the browser offers them).
 */
export async function startPasskeySignIn({
  userId = null,
  now = Date.now(),
}: {
  userId?: number | null;
  now?: number;
}) {
  const { rpID } = relyingParty();
  const allowCredentials =
    userId === null
      ? undefined
      : getDb()
          .select({ id: passkeys.id, transports: passkeys.transports })
          .from(passkeys)
          .where(eq(passkeys.userId, userId))
          .all()
          .map((key) => ({ id: key.id, transports: key.transports?.split(",") as never }));
  const options = await generateAuthenticationOptions({ rpID, allowCredentials, userVerification: "required" });
  storeChallenge(options.challenge, "aanmelden", userId, now);
  return options;
}

/**
 * Checks a passkey's answer. Returns the account it signs in, or null (logged) when it does not
 * verify, belongs to someone else than `userId` (a second step) or to a deactivated account.
 */
export async function finishPasskeySignIn({
  response,
  userId = null,
  now = Date.now(),
}: {
  response: AuthenticationResponseJSON;
  userId?: number | null;
  now?: number;
}): Promise<number | null> {
  const { rpID, origin } = relyingParty();
  const key = getDb()
    .select({
      id: passkeys.id,
      userId: passkeys.userId,
      publicKey: passkeys.publicKey,
      counter: passkeys.counter,
      transports: passkeys.transports,
      deactivatedAt: users.deactivatedAt,
    })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.id, response.id))
    .get();
  let verified = false;
  let newCounter = 0;
  if (key && (userId === null || key.userId === userId) && key.deactivatedAt === null) {
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: (challenge) => consumeChallenge(challenge, "aanmelden", userId, now),
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
        credential: {
          id: key.id,
          publicKey: new Uint8Array(decodeBase64(key.publicKey)),
          counter: key.counter,
          transports: key.transports?.split(",") as never,
        },
      });
      verified = result.verified;
      newCounter = result.authenticationInfo.newCounter;
    } catch {
      verified = false;
    }
  }
  if (!verified || !key) {
    recordSecurityEvent(
      {
        action: "user.passkey-refused",
        userId: key?.userId ?? userId,
        summary: "Inloggen met een passkey geweigerd: de passkey is onbekend of klopt niet",
      },
      { now },
    );
    return null;
  }
  change({
    viewer: null,
    now,
    load: () => key,
    missing: "",
    allow: anyone,
    write: (tx) => {
      tx.update(passkeys).set({ counter: newCounter, lastUsedAt: now }).where(eq(passkeys.id, key.id)).run();
    },
    audit: () => null,
  });
  return key.userId;
}
