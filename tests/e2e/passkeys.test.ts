import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDatabase, openDatabase } from "../../app/lib/db.server";
import { FACTORY_PASSWORD, makeViewer } from "../factories";
import { baseUrl, expectAccessible, launchBrowser, signInWithForm, visit } from "./browser";

// Passkeys through Chromium's virtual authenticator (the DevTools WebAuthn domain): one that holds
// resident keys and verifies the user, as a laptop with a fingerprint reader would.

let context: BrowserContext;
let page: Page;
let email: string;

beforeAll(async () => {
  connectDatabase(openDatabase(inject("databasePath")));
  email = (await makeViewer({ role: "lid", name: "Pas Sleutel" })).email;
  context = await launchBrowser();
  page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  await devtools.send("WebAuthn.enable");
  await devtools.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
});
afterAll(async () => {
  await context.close();
});

async function signOut() {
  await visit(page, "/uitloggen");
  await page.getByRole("main").getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(`${baseUrl()}/`);
}

describe("passkeys", () => {
  it("a member adds a passkey on the two-step page and gets recovery codes", async () => {
    await signInWithForm(page, email, FACTORY_PASSWORD);
    await page.waitForURL(`${baseUrl()}/mijn`);
    await visit(page, "/account/tweestapsverificatie");
    await page.getByLabel("Naam van de passkey (optioneel)").fill("Testlaptop");
    await page.getByRole("button", { name: "Passkey toevoegen" }).click();
    await page.getByText("De passkey is toegevoegd.").waitFor();
    expect(await page.getByRole("list", { name: "Herstelcodes" }).locator("code").count()).toBe(10);
    await page.getByText(/Testlaptop, toegevoegd op/).waitFor();
    await expectAccessible(page);
    await signOut();
  });

  it("signs the member in without a password", async () => {
    await visit(page, "/inloggen?redirectTo=%2Facties");
    await page.getByRole("button", { name: "Inloggen met een passkey" }).click();
    await page.waitForURL(`${baseUrl()}/acties`);
    await page.getByRole("banner").getByText("Pas Sleutel").waitFor();
    await signOut();
  });

  it("confirms the second step after the password", async () => {
    await signInWithForm(page, email, FACTORY_PASSWORD);
    await page.waitForURL(/\/inloggen\/verificatie/);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Bevestigen met passkey" }).click();
    await page.waitForURL(`${baseUrl()}/mijn`);
    await page.getByRole("banner").getByText("Pas Sleutel").waitFor();
    await visit(page, "/account");
    expect(await page.getByRole("region", { name: "Uw sessies" }).textContent()).toContain("Wachtwoord en passkey");
  });
});
