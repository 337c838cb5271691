import * as oidc from "openid-client";
import { and, asc, eq, gt, isNull, lt } from "drizzle-orm";
import { organisations, people, ssoProviders, ssoRequests, users } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { publicUrl } from "~/lib/env.server";
import { hashText } from "~/lib/link-tokens.server";
import { log } from "~/lib/log.server";
import { anyone, change, withCapability } from "./access/change.server";
import { RuleError } from "./errors";
import { recordSecurityEvent } from "./security-events.server";

// Single sign-on with an organisation's own OpenID Connect provider (Microsoft Entra ID and others):
// the authorization code flow with PKCE, state and nonce (openid-client checks the ID token's
// signature, issuer, audience, expiry and nonce). Only people the beheerder registered get in,
// matched on the provider's verified e-mail address; nobody registers themselves.

export const SSO_REQUEST_TTL_MS = 10 * 60_000;
export const CALLBACK_PATH = "/inloggen/sso/terug";

export type SsoProviderInput = {
  name: string;
  organisationId?: number | null;
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string[];
};

/** The address the provider sends people back to; the beheerder registers it at the provider. */
export function ssoCallbackUrl() {
  return `${publicUrl()}${CALLBACK_PATH}`;
}

const splitDomains = (domains: string) => domains.split(",").filter(Boolean);

/** The provider whose domains hold this address's domain, among the given rows. */
export function providerForAddress<P extends { domains: string }>(providers: readonly P[], email: string): P | null {
  const domain = email.trim().toLowerCase().split("@")[1];
  return (domain && providers.find((provider) => splitDomains(provider.domains).includes(domain))) || null;
}

export function listSsoProviders({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "manage-users");
  return getDb()
    .select({
      id: ssoProviders.id,
      name: ssoProviders.name,
      organisationName: organisations.name,
      issuer: ssoProviders.issuer,
      clientId: ssoProviders.clientId,
      domains: ssoProviders.domains,
      updatedAt: ssoProviders.updatedAt,
    })
    .from(ssoProviders)
    .leftJoin(organisations, eq(organisations.id, ssoProviders.organisationId))
    .orderBy(asc(ssoProviders.name))
    .all()
    .map((provider) => ({ ...provider, domains: splitDomains(provider.domains) }));
}

/** A provider may only be reached over https, except on this machine (development and tests). */
function issuerAllowed(issuer: string) {
  const url = new URL(issuer);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

function takenDomains(tx: Pick<ReturnType<typeof getDb>, "select">, exceptId: number | null) {
  return tx
    .select({ id: ssoProviders.id, name: ssoProviders.name, domains: ssoProviders.domains })
    .from(ssoProviders)
    .all()
    .filter((row) => row.id !== exceptId)
    .flatMap((row) => splitDomains(row.domains).map((domain) => ({ domain, name: row.name })));
}

export function createSsoProvider({ viewer, input }: { viewer: Viewer; input: SsoProviderInput }) {
  return change({
    viewer,
    load: () => ({}),
    missing: "",
    allow: withCapability("manage-users"),
    check: (_none, tx) => {
      if (!issuerAllowed(input.issuer))
        throw new RuleError({ issuer: ["Het adres van de uitgever moet met https:// beginnen."] });
      const taken = takenDomains(tx, null).filter((t) => input.domains.includes(t.domain));
      if (taken.length > 0)
        throw new RuleError({
          domains: [`${taken.map((t) => `${t.domain} hoort al bij ${t.name}`).join("; ")}.`],
        });
    },
    write: (tx) =>
      tx
        .insert(ssoProviders)
        .values({
          name: input.name,
          organisationId: input.organisationId ?? null,
          issuer: input.issuer.replace(/\/+$/, ""),
          clientId: input.clientId,
          clientSecret: input.clientSecret,
          domains: input.domains.join(","),
        })
        .returning({ id: ssoProviders.id })
        .get(),
    audit: (_none, row) => ({
      action: "sso-provider.create",
      entityType: "sso-provider",
      entityId: row.id,
      summary: `Inlogmethode ${input.name} toegevoegd voor ${input.domains.join(", ")}`,
      after: { issuer: input.issuer, clientId: input.clientId, domains: input.domains },
    }),
  });
}

/** One provider for the edit form; the secret is never sent back to a page. */
export function getSsoProviderForEdit({ viewer, id }: { viewer: Viewer; id: number }) {
  requireCapability(viewer, "manage-users");
  const row = getDb().select().from(ssoProviders).where(eq(ssoProviders.id, id)).get();
  if (!row) return null;
  const { clientSecret: _secret, ...rest } = row;
  return { ...rest, domains: splitDomains(row.domains) };
}

/** Changes a provider; an empty secret keeps the current one (a new one rotates it). */
export function updateSsoProvider({
  viewer,
  id,
  expectedVersion,
  input,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: Omit<SsoProviderInput, "clientSecret"> & { clientSecret?: string | null };
}) {
  change({
    viewer,
    load: () => getDb().select().from(ssoProviders).where(eq(ssoProviders.id, id)).get(),
    missing: "Deze inlogmethode bestaat niet (meer).",
    allow: withCapability("manage-users"),
    expectedVersion,
    saved: (row) => ({ ...row, clientSecret: "", domains: splitDomains(row.domains).join(", ") }),
    check: (_row, tx) => {
      if (!issuerAllowed(input.issuer))
        throw new RuleError({ issuer: ["Het adres van de uitgever moet met https:// beginnen."] });
      const taken = takenDomains(tx, id).filter((t) => input.domains.includes(t.domain));
      if (taken.length > 0)
        throw new RuleError({ domains: [`${taken.map((t) => `${t.domain} hoort al bij ${t.name}`).join("; ")}.`] });
    },
    write: (tx) => {
      tx.update(ssoProviders)
        .set({
          name: input.name,
          organisationId: input.organisationId ?? null,
          issuer: input.issuer.replace(/\/+$/, ""),
          clientId: input.clientId,
          domains: input.domains.join(","),
          ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}),
        })
        .where(eq(ssoProviders.id, id))
        .run();
    },
    touch: { table: ssoProviders, id: () => id },
    audit: (row) => ({
      action: "sso-provider.update",
      entityType: "sso-provider",
      entityId: id,
      summary: `Inlogmethode ${input.name} gewijzigd${input.clientSecret ? "; nieuw client-secret" : ""}`,
      before: { issuer: row.issuer, clientId: row.clientId, domains: row.domains },
      after: { issuer: input.issuer, clientId: input.clientId, domains: input.domains.join(",") },
    }),
  });
}

export function removeSsoProvider({ viewer, id }: { viewer: Viewer; id: number }) {
  change({
    viewer,
    load: () => getDb().select().from(ssoProviders).where(eq(ssoProviders.id, id)).get(),
    missing: "Deze inlogmethode bestaat niet (meer).",
    allow: withCapability("manage-users"),
    write: (tx) => {
      tx.delete(ssoProviders).where(eq(ssoProviders.id, id)).run();
    },
    audit: (row) => ({
      action: "sso-provider.remove",
      entityType: "sso-provider",
      entityId: id,
      summary: `Inlogmethode ${row.name} verwijderd; ${row.domains} loggen weer in met een wachtwoord`,
    }),
  });
}

/** Whether any organisation signs in with its own provider: the sign-in page then asks the address first. */
export function ssoConfigured(): boolean {
  return getDb().select({ id: ssoProviders.id }).from(ssoProviders).limit(1).get() !== undefined;
}

/** The provider for this address's domain, if its organisation signs in there; name and id only. */
export function findSsoProviderForEmail(email: string): { id: number; name: string } | null {
  const match = providerForAddress(
    getDb()
      .select({ id: ssoProviders.id, name: ssoProviders.name, domains: ssoProviders.domains })
      .from(ssoProviders)
      .all(),
    email,
  );
  return match ? { id: match.id, name: match.name } : null;
}

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's configuration from its discovery document, cached per version of the record. */
function configurationOf(provider: typeof ssoProviders.$inferSelect) {
  const key = `${provider.id}:${provider.version}:${provider.updatedAt}`;
  let found = configurations.get(key);
  if (!found) {
    const insecure = new URL(provider.issuer).protocol === "http:";
    found = oidc.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
      execute: insecure ? [oidc.allowInsecureRequests] : [],
    });
    // A provider that was down must be asked again next time, not remembered as down.
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

/** The ID token claim a verification error is about ("exp", "aud", "nonce"), from its chain of causes. */
function claimOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const claim = (current as { claim?: unknown }).claim;
    if (typeof claim === "string") return claim;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export class SsoRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SsoRefused";
  }
}

const UNAVAILABLE =
  "De inlogpagina van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw of log in met uw wachtwoord.";

/** Sends a sign-in to the organisation's provider: returns the address to send the browser to. */
export async function startSsoSignIn({
  providerId,
  loginHint,
  redirectTo,
  now = Date.now(),
}: {
  providerId: number;
  loginHint?: string;
  redirectTo: string;
  now?: number;
}): Promise<string> {
  const provider = getDb().select().from(ssoProviders).where(eq(ssoProviders.id, providerId)).get();
  if (!provider) throw new SsoRefused("Deze inlogmethode bestaat niet (meer).");
  let config: oidc.Configuration;
  try {
    config = await configurationOf(provider);
  } catch (error) {
    log.error("inlogmethode onbereikbaar", { error, provider: provider.name });
    throw new SsoRefused(UNAVAILABLE);
  }
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  change({
    viewer: null,
    now,
    load: () => provider,
    missing: "",
    allow: anyone,
    write: (tx) => {
      tx.delete(ssoRequests)
        .where(lt(ssoRequests.expiresAt, now - SSO_REQUEST_TTL_MS))
        .run();
      tx.insert(ssoRequests)
        .values({
          stateHash: hashText(state),
          providerId,
          codeVerifier,
          nonce,
          redirectTo,
          expiresAt: now + SSO_REQUEST_TTL_MS,
        })
        .run();
    },
    audit: () => null,
  });
  const parameters: Record<string, string> = {
    redirect_uri: ssoCallbackUrl(),
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  };
  if (loginHint) parameters.login_hint = loginHint;
  return oidc.buildAuthorizationUrl(config, parameters).href;
}

/** Authentication methods that mean the provider asked for a second factor (RFC 8176). */
const MULTI_FACTOR_AMR = ["mfa", "otp", "hwk", "swk", "sms", "fpt", "face", "iris", "retina", "vbm", "tel"];

export type SsoSignIn = { userId: number; multiFactor: boolean; redirectTo: string; providerName: string };

/**
 * Completes a sign-in that comes back from a provider. The request (by its state) is used once; the
 * ID token must verify; its e-mail address must be verified, in the provider's domains, and belong
 * to an active account the beheerder made. Every refusal is logged and answered in Dutch.
 */
export async function finishSsoSignIn({
  callbackUrl,
  now = Date.now(),
}: {
  callbackUrl: URL;
  now?: number;
}): Promise<SsoSignIn> {
  const state = callbackUrl.searchParams.get("state") ?? "";
  const refuse = (summary: string, message: string, userId: number | null = null): never => {
    recordSecurityEvent(
      { action: "user.sso-refused", userId, summary: `Inloggen via organisatie geweigerd: ${summary}` },
      { now },
    );
    throw new SsoRefused(message);
  };
  const request = change({
    viewer: null,
    now,
    load: () => ({}),
    missing: "",
    allow: anyone,
    write: (tx) =>
      tx
        .update(ssoRequests)
        .set({ usedAt: now })
        .where(
          and(eq(ssoRequests.stateHash, hashText(state)), isNull(ssoRequests.usedAt), gt(ssoRequests.expiresAt, now)),
        )
        .returning()
        .get(),
    audit: () => null,
  });
  if (!request)
    return refuse(
      "onbekende, verlopen of al gebruikte aanvraag (state)",
      "Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw bij Inloggen.",
    );
  const provider = getDb().select().from(ssoProviders).where(eq(ssoProviders.id, request.providerId)).get();
  if (!provider) return refuse("inlogmethode verwijderd", "Deze inlogmethode bestaat niet meer.");
  const providerError = callbackUrl.searchParams.get("error");
  if (providerError)
    return refuse(
      `${provider.name} meldde ${providerError}`,
      `Inloggen bij ${provider.name} is niet gelukt of afgebroken. Probeer het opnieuw.`,
    );

  let claims: (oidc.IDToken & { email?: unknown; email_verified?: unknown }) | undefined;
  try {
    const config = await configurationOf(provider);
    // The provider sent the browser to PUBLIC_URL's callback; that is the address it must match.
    const current = new URL(`${ssoCallbackUrl()}${callbackUrl.search}`);
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    // Many providers put the address in the ID token; others only answer it at their userinfo endpoint.
    if (claims && typeof claims.email !== "string") {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      claims = { ...claims, email: info.email, email_verified: info.email_verified };
    }
  } catch (error) {
    log.warn("antwoord van inlogmethode afgekeurd", { provider: provider.name, error: String(error) });
    const claim = claimOf(error);
    const reason = `${error instanceof Error ? error.message.slice(0, 160) : "onbekend"}${claim ? `; claim "${claim}"` : ""}`;
    return refuse(
      `het antwoord van ${provider.name} klopte niet (${reason})`,
      `Het antwoord van ${provider.name} kon niet worden gecontroleerd. Probeer het opnieuw; blijft het mislukken, meld het dan aan de beheerder.`,
    );
  }
  const email = typeof claims?.email === "string" ? claims.email.trim().toLowerCase() : "";
  const domain = email.split("@")[1] ?? "";
  if (!email || claims?.email_verified === false)
    return refuse(
      `${provider.name} gaf geen bevestigd e-mailadres`,
      `${provider.name} gaf geen bevestigd e-mailadres door. Meld het aan de beheerder.`,
    );
  if (!splitDomains(provider.domains).includes(domain))
    return refuse(
      `${email} valt niet onder de domeinen van ${provider.name}`,
      `Met een account van ${domain} kunt u niet via ${provider.name} inloggen.`,
    );
  const user = getDb()
    .select({ id: users.id, deactivatedAt: users.deactivatedAt, name: people.name })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.email, email))
    .get();
  if (!user || user.deactivatedAt !== null)
    return refuse(
      `${email} heeft geen (actief) account`,
      "U hebt (nog) geen account in Gremium. Vraag de beheerder van uw netwerk om u toe te voegen.",
      user?.id ?? null,
    );
  const amr = Array.isArray(claims?.amr) ? (claims.amr as unknown[]).map(String) : [];
  const multiFactor = amr.some((method) => MULTI_FACTOR_AMR.includes(method));
  recordSecurityEvent(
    {
      action: "user.sso-sign-in",
      userId: user.id,
      summary: `${user.name} logde in via ${provider.name}${multiFactor ? " met tweestapsverificatie" : ""}`,
    },
    { now },
  );
  return { userId: user.id, multiFactor, redirectTo: request.redirectTo, providerName: provider.name };
}
