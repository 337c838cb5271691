import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDatabase, openDatabase } from "../../app/lib/db.server";
import { totpCode } from "../../app/lib/totp.server";
import { FACTORY_PASSWORD, makeViewer } from "../factories";
import { baseUrl, expectAccessible, launchBrowser, signInWithForm, visit } from "./browser";

// Two-step verification end to end: a member enrols an authenticator app (the test computes the codes
// from the secret the page shows, as the app would), signs in with a code, and with a recovery code
// that then works no more.

let context: BrowserContext;
let page: Page;
let email: string;
let secret: string;
let recoveryCodes: string[];

beforeAll(async () => {
  connectDatabase(openDatabase(inject("databasePath")));
  email = (await makeViewer({ role: "lid", name: "Twee Stappen" })).email;
  context = await launchBrowser();
  page = await context.newPage();
});
afterAll(async () => {
  await context.close();
});

async function signOut() {
  await visit(page, "/uitloggen");
  await page.getByRole("main").getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(`${baseUrl()}/`);
}

async function signInUntilSecondStep() {
  await signInWithForm(page, email, FACTORY_PASSWORD);
  await page.waitForURL(/\/inloggen\/verificatie/);
}

describe("two-step verification", () => {
  it("a member enrols an authenticator app from the account page and gets ten recovery codes", async () => {
    await signInWithForm(page, email, FACTORY_PASSWORD);
    await page.waitForURL(`${baseUrl()}/mijn`);
    await visit(page, "/account");
    await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
    await page.getByRole("heading", { level: 1, name: "Tweestapsverificatie" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Authenticator-app instellen" }).click();
    await page.getByRole("img", { name: /QR-code/ }).waitFor();
    await expectAccessible(page);
    secret = (await page.locator(".gremium-secret").textContent())!.replace(/\s/g, "");
    expect(await page.getByRole("link", { name: "deze link openen in de app" }).getAttribute("href")).toMatch(
      new RegExp(`^otpauth://totp/Gremium:.*secret=${secret}`),
    );

    await page.getByLabel("Code uit de app").fill("12345");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.getByText("Vul de zes cijfers in die de app nu toont.").waitFor();
    await page.getByLabel("Code uit de app").fill(totpCode(secret, Date.now()));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.getByText("De authenticator-app is ingesteld.").waitFor();
    recoveryCodes = await page.getByRole("list", { name: "Herstelcodes" }).locator("code").allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await expectAccessible(page);
    await signOut();
  });

  it("after the password the second step asks for the app's code; a wrong one is answered at the field", async () => {
    await signInUntilSecondStep();
    await expectAccessible(page);
    // Half-way, no other page opens: the step comes first.
    await visit(page, "/acties");
    await page.waitForURL(/\/inloggen\/verificatie\?redirectTo=%2Facties/);
    await page.getByLabel("Code").fill("000000" === totpCode(secret, Date.now()) ? "111111" : "000000");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    const field = page.getByLabel("Code");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    await page.getByText("Deze code klopt niet of is al gebruikt.").waitFor();
    // The next step's code: the enrolment used this step's code, and each code works once.
    await page.getByLabel("Code").fill(totpCode(secret, Date.now(), 1));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(`${baseUrl()}/acties`);
    await page.getByRole("banner").getByText("Twee Stappen").waitFor();
    await signOut();
  });

  it("a recovery code lets the member in once", async () => {
    await signInUntilSecondStep();
    await page.getByLabel("Code").fill(recoveryCodes[0]!);
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(`${baseUrl()}/mijn`);
    await signOut();

    await signInUntilSecondStep();
    await page.getByLabel("Code").fill(recoveryCodes[0]!);
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.getByText("Deze code klopt niet of is al gebruikt.").waitFor();
    await page.getByRole("button", { name: "Annuleren en uitloggen" }).click();
    await page.waitForURL(/\/inloggen$/);
  });
});
