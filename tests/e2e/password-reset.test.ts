import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDatabase, openDatabase } from "../../app/lib/db.server";
import { makeViewer } from "../factories";
import { latestMailTo, mailIndexTo } from "./outbox";
import { baseUrl, expectAccessible, launchBrowser, signInWithForm, visit } from "./browser";

// A forgotten password, end to end in the browser: the request, the mail (read from the server's
// outbox), the new password, signing in with it; the link works once. These pages carry no scripts
// for a visitor, so the forms post as they would without JavaScript.

let context: BrowserContext;
let email: string;

beforeAll(async () => {
  connectDatabase(openDatabase(inject("databasePath")));
  email = (await makeViewer({ role: "lid", name: "Vergeetachtig Lid" })).email;
  context = await launchBrowser();
});
afterAll(async () => {
  await context.close();
});

describe("password reset", () => {
  it("a member who forgot the password sets a new one from the mail and signs in with it; the link works once", async () => {
    const page = await context.newPage();
    await visit(page, "/inloggen");
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("button", { name: "Stuur mij een link" }).click();
    await page.getByText("Als dit e-mailadres bij een account van Gremium hoort").waitFor();

    const mail = await latestMailTo(email, /Nieuw wachtwoord instellen/);
    const link = /(https?:\/\/\S+\/wachtwoord-instellen\/[a-z0-9]+)/.exec(mail.text!)![1]!;
    await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
    await page.getByText("Vergeetachtig Lid").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("kort");
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("kort");
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await page.getByText("Een wachtwoord heeft minstens 12 tekens.").waitFor();
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("Welkom2026!!");
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("Welkom2026!!");
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await page.getByText(/veelgebruikte of gelekte wachtwoorden/).waitFor();
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("drie lange woorden hier");
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("drie lange woorden hier");
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await page.waitForURL("**/inloggen?wachtwoord=ingesteld");
    await page.getByText("Uw nieuwe wachtwoord is ingesteld.").waitFor();

    await signInWithForm(page, email, "drie lange woorden hier");
    await page.waitForURL(`${baseUrl()}/mijn`);
    await page.getByRole("banner").getByText("Vergeetachtig Lid").waitFor();

    await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
    await page.getByText("Deze link is verlopen of al gebruikt.").waitFor();
    await expectAccessible(page);
  });

  it("an unknown address gets the same answer, and no mail", async () => {
    const page = await context.newPage();
    await visit(page, "/wachtwoord-vergeten");
    await page.getByLabel("E-mailadres").fill("onbekend-adres@nergens.example");
    await page.getByRole("button", { name: "Stuur mij een link" }).click();
    await page.getByText("Als dit e-mailadres bij een account van Gremium hoort").waitFor();
    expect(mailIndexTo("onbekend-adres@nergens.example")).toEqual([]);
  });
});
