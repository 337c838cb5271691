import Database from "better-sqlite3";
import { type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Provider from "oidc-provider";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, connectDatabase, migrateDatabase, openDatabase } from "../../app/lib/db.server";
import { createSsoProvider } from "../../app/models/sso.server";
import { createSession } from "../../app/models/sessions.server";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { freePort, killServer, startProductionServer } from "../../scripts/production-server";
import { makeUser, makeViewer } from "../factories";
import { expectAccessible, launchBrowser } from "./browser";

// Single sign-on against a real OpenID provider (oidc-provider) started here, with Gremium's own
// production server on a database of its own (GREMIUM_DEMO=0, so a second step is required). The
// provider signs in whoever the login hint names, at once; an address with "mfa" in it reports a
// second factor (amr). Two of its clients are made to misbehave: one issues expired ID tokens, one
// ID tokens for another audience.

const SECRET = "geheim-van-de-test";
let idp: Server;
let gremium: ChildProcess;
let dir: string;
let databasePath: string;
let adminToken: string;
let site: string;
let issuer: string;
let context: BrowserContext;
let page: Page;

function startIdentityProvider(port: number, callback: string) {
  issuer = `http://localhost:${port}`;
  const client = (clientId: string) => ({
    client_id: clientId,
    client_secret: SECRET,
    redirect_uris: [callback],
    token_endpoint_auth_method: "client_secret_post",
  });
  const provider = new Provider(issuer, {
    clients: [client("gremium"), client("gremium-verlopen"), client("gremium-verkeerd"), client("andere-app")],
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true }),
    }),
    // amr in the ID token, as Entra ID sends it; the address only from userinfo, as some providers do.
    claims: { openid: ["sub", "amr"], email: ["email", "email_verified"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ["sleutel-van-de-test"] },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  });
  // The misbehaving clients: an ID token that expired an hour ago, or one addressed to another app.
  const issue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = async function (this: { client: { clientId: string } }, options: never) {
    if (this.client?.clientId === "gremium-verlopen")
      return issue.call(this, { ...(options as object), expiresAt: Math.floor(Date.now() / 1000) - 3600 });
    if (this.client?.clientId === "gremium-verkeerd") this.client = (await provider.Client.find("andere-app"))!;
    return issue.call(this, options);
  } as never;
  const callbackOf = provider.callback();
  idp = createServer(async (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      const details = await provider.interactionDetails(req, res);
      const accountId = String(details.params.login_hint);
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope("openid email");
      grant.addOIDCClaims(["amr"]);
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId, amr: accountId.includes("mfa") ? ["pwd", "mfa"] : ["pwd"] }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    callbackOf(req, res);
  });
  return new Promise<void>((done) => idp.listen(port, "127.0.0.1", done));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gremium-sso-"));
  databasePath = join(dir, "gremium.db");
  const port = await freePort();
  site = `http://localhost:${port}`;
  await startIdentityProvider(await freePort(), `${site}/inloggen/sso/terug`);

  const db = connectDatabase(openDatabase(databasePath));
  migrateDatabase(db);
  const admin = await makeViewer({ role: "beheerder", name: "Beheerder SSO" });
  adminToken = createSession({ userId: admin.userId }).token;
  await makeUser({ email: "wethouder@twente-sso.example", name: "Wendy Wethouder" });
  await makeUser({ email: "directeur-mfa@twente-sso.example", name: "Dirk Directeur" });
  await makeUser({ email: "lid@verlopen.example", name: "Vera Verlopen" });
  await makeUser({ email: "lid@verkeerd.example", name: "Vincent Verkeerd" });
  for (const [name, clientId, domain] of [
    ["Gemeente Twente-SSO", "gremium", "twente-sso.example"],
    ["Verlopen organisatie", "gremium-verlopen", "verlopen.example"],
    ["Verkeerde organisatie", "gremium-verkeerd", "verkeerd.example"],
  ] as const)
    createSsoProvider({ viewer: admin, input: { name, issuer, clientId, clientSecret: SECRET, domains: [domain] } });
  closeDatabase();

  gremium = await startProductionServer({
    port,
    env: {
      DATABASE_URL: databasePath,
      GREMIUM_DEMO: "0",
      GREMIUM_SCHEDULER: "0",
      PUBLIC_URL: site,
      SECURITY_CONTACT: "mailto:security@gremium.test",
      CONTACT_EMAIL: "secretariaat@gremium.test",
      WEB_CONCURRENCY: "1",
      TRUST_PROXY: "",
    },
  });
  context = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (gremium) killServer(gremium, "SIGKILL");
  await new Promise((done) => idp?.close(done));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await context.clearCookies();
  page = await context.newPage();
});

async function startSignIn(email: string, redirectTo = "/") {
  await page.goto(`${site}/inloggen?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Volgende" }).click();
}

describe("single sign-on with an organisation's OpenID provider", () => {
  it("asks the address first; a member of a registered domain signs in at their organisation, reporting MFA", async () => {
    await page.goto(`${site}/inloggen`);
    expect(await page.getByLabel("Wachtwoord").count()).toBe(0);
    await expectAccessible(page);
    await startSignIn("directeur-mfa@twente-sso.example", "/acties");
    await page.waitForURL(`${site}/acties`);
    await page.getByRole("banner").getByText("Dirk Directeur").waitFor();
    await page.goto(`${site}/account`);
    expect(await page.getByRole("region", { name: "Uw sessies" }).textContent()).toContain(
      "Organisatie-account met tweestapsverificatie",
    );
  });

  it("without MFA at the organisation, Gremium's own second step follows (here: enrolment, as it is required)", async () => {
    await startSignIn("wethouder@twente-sso.example");
    await page.waitForURL(/\/account\/tweestapsverificatie/);
    await page.getByText("Voor uw account is tweestapsverificatie verplicht").waitFor();
  });

  it("refuses a replayed answer: the state is used once", async () => {
    let callback = "";
    page.on("request", (request) => {
      if (request.url().includes("/inloggen/sso/terug")) callback = request.url();
    });
    await startSignIn("directeur-mfa@twente-sso.example");
    await page.waitForURL(`${site}/`);
    await context.clearCookies();
    const replay = await page.goto(callback);
    expect(replay!.status()).toBe(403);
    await page.getByText("Deze inlogpoging is verlopen of al gebruikt.").waitFor();
    await expectAccessible(page);
    expect(await page.getByRole("banner").textContent()).not.toContain("Dirk Directeur");
  });

  it("refuses an expired ID token and one addressed to another application", async () => {
    await startSignIn("lid@verlopen.example");
    await page.getByText("Het antwoord van Verlopen organisatie kon niet worden gecontroleerd.").waitFor();
    await startSignIn("lid@verkeerd.example");
    await page.getByText("Het antwoord van Verkeerde organisatie kon niet worden gecontroleerd.").waitFor();
    // Refused for the right reasons, as the audit log records them.
    const db = new Database(databasePath, { readonly: true });
    const refusals = (
      db.prepare("select summary from audit_log where action = 'user.sso-refused'").all() as { summary: string }[]
    ).map((row) => row.summary);
    db.close();
    expect(
      refusals.some((summary) => /Verlopen organisatie.*"exp"/.test(summary)),
      refusals.join("\n"),
    ).toBe(true);
    expect(
      refusals.some((summary) => /Verkeerde organisatie.*"aud"/.test(summary)),
      refusals.join("\n"),
    ).toBe(true);
    await page.goto(`${site}/account`);
    await page.waitForURL(/\/inloggen\?redirectTo=%2Faccount/);
  });

  it("lets in only registered people: someone of the domain without an account is refused", async () => {
    await startSignIn("onbekend@twente-sso.example");
    await page.getByText("U hebt (nog) geen account in Gremium.").waitFor();
  });

  it("asks a password from an address whose domain has no organisation sign-in", async () => {
    await startSignIn("iemand@elders.example");
    await page.getByLabel("Wachtwoord").waitFor();
    expect(await page.getByLabel("E-mailadres").inputValue()).toBe("iemand@elders.example");
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.getByText("Vul uw wachtwoord in.").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Wachtwoord").fill("een verkeerd wachtwoord");
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.getByText("Het e-mailadres of het wachtwoord klopt niet.").waitFor();
  });

  it("the beheerder sees the methods with the redirect URI to register, and changes one's domains", async () => {
    await context.addCookies([{ name: SESSION_COOKIE, value: adminToken, url: site, httpOnly: true, sameSite: "Lax" }]);
    await page.goto(`${site}/beheer/inlogmethoden`);
    await page.getByText(`${site}/inloggen/sso/terug`).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Verkeerde organisatie" }).click();
    await page.getByRole("heading", { level: 1, name: "Verkeerde organisatie" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("E-maildomeinen").fill("verkeerd.example, ook-verkeerd.example");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await page.getByText("De inlogmethode is gewijzigd.").waitFor();
    expect(await page.getByRole("row", { name: /Verkeerde organisatie/ }).textContent()).toContain(
      "ook-verkeerd.example",
    );
  });
});
