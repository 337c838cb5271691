import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, signInDirectly, signInWithForm, visit, mainText } from "./browser";

// The start page of each demo user, the way back from an invitation link after signing in, and the
// header on a phone.

let context: BrowserContext;
let noScript: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser();
  noScript = await launchBrowser({ javaScriptEnabled: false });
});
afterAll(async () => {
  await Promise.all([context.close(), noScript.close()]);
});

/** The Stuurgroep meeting of 17 September 2026, which is not public: its link was in the members' invitation mail. */
async function closedStuurgroepMeeting() {
  const page = await context.newPage();
  await signInDirectly(context, "lid@gremium.example");
  await visit(page, "/vergaderingen?gremium=&jaar=2026");
  const href = await page
    .getByRole("link", { name: /donderdag 17 september 2026/ })
    .first()
    .getAttribute("href");
  await context.clearCookies();
  await page.close();
  return href!;
}

describe("start page", () => {
  const users: [email: string, expected: string[], absent: string[]][] = [
    [
      "lid@gremium.example",
      [
        "Stuurgroep Zorg, Veiligheid en Straf, donderdag 10 december 2026",
        "Besluitenlijst Stuurgroep Zorg, Veiligheid en Straf, donderdag 17 september 2026",
        // A topic the demo gives Bram Oosterhof on the stuurgroep's bestuursagenda (his actions change in other tests).
        "Financiering kwartiermaker vanaf 2027",
        "1e kwartaal 2027",
      ],
      ["Voor het secretariaat", "Volgende editie"],
    ],
    [
      "secretariaat@gremium.example",
      [
        "Voor het secretariaat",
        "Agenda’s voorbereiden",
        "Publiceren uiterlijk",
        "Besluitenlijsten vaststellen",
        "Woo-termijnen",
      ],
      ["Volgende editie"],
    ],
    [
      "kwartiermaker@gremium.example",
      ["Opmerkingen van de expertgroep verwerken in het concept", "Volgende editie: Nieuwsbrief december 2026"],
      ["Voor het secretariaat"],
    ],
    [
      "partner@gremium.example",
      [
        "Welkom, Noor Bakker",
        "Themagroep Huiselijk geweld en kindermishandeling, donderdag 14 januari 2027",
        "Aanpak na een huisverbod: eerste ervaringen",
      ],
      ["Voor het secretariaat"],
    ],
  ];

  for (const [email, expected, absent] of users) {
    it(`${email} sees their own meetings and work on /mijn`, async () => {
      await context.clearCookies();
      await signInDirectly(context, email);
      const page = await context.newPage();
      await visit(page, "/mijn");
      const text = await mainText(page);
      for (const phrase of expected) expect(text, phrase).toContain(phrase);
      for (const phrase of absent) expect(text, phrase).not.toContain(phrase);
      await expectAccessible(page);
      // The name in the header leads back here.
      await visit(page, "/acties");
      await page.getByRole("banner").getByRole("link", { name: /\(/ }).click();
      await page.waitForURL(`${baseUrl()}/mijn`);
      await page.close();
    });
  }

  it("the secretariaat follows the Woo deadlines of the algemeen bestuur from the start page", async () => {
    await context.clearCookies();
    await signInDirectly(context, "secretariaat@gremium.example");
    const page = await context.newPage();
    await visit(page, "/mijn");
    await page.getByRole("link", { name: "bekijk de Woo-termijnen" }).click();
    await page.getByRole("heading", { level: 1, name: "Woo-termijnen" }).waitFor();
    const deadlines = page.getByRole("main").getByRole("listitem");
    expect(
      await deadlines.filter({ hasText: "Agenda: Algemeen bestuur samenwerkingsverband Twente" }).count(),
    ).toBeGreaterThan(0);
    expect(
      await deadlines.filter({ hasText: "Besluitenlijst: Algemeen bestuur samenwerkingsverband Twente" }).count(),
    ).toBeGreaterThan(0);
    // Only bodies under article 3.3: the stuurgroep publishes under 3.1.
    expect(await deadlines.filter({ hasText: "Stuurgroep" }).count()).toBe(0);
    await expectAccessible(page);
    await page.close();
  });

  it("signing in lands on the start page, where an action is updated in place without JavaScript", async () => {
    const page = await noScript.newPage();
    await signInWithForm(page, "kwartiermaker@gremium.example");
    await page.waitForURL(`${baseUrl()}/mijn`);
    const action = page.getByRole("listitem").filter({ hasText: "Opmerkingen van de expertgroep verwerken" });
    await action.getByText("Stand bijwerken", { exact: true }).first().click();
    // Sent empty: the message stands at the field, on the start page, with the form open.
    await action.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("Schrijf wat er is gebeurd.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/mijn");
    const form = page.getByRole("form", { name: "Stand bijwerken" });
    await form.getByLabel("Toelichting").fill("Eerste ronde opmerkingen verwerkt.");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("De stand van de actie is bijgewerkt.").waitFor();
    expect(await mainText(page)).toContain("Eerste ronde opmerkingen verwerkt.");
    await page.close();
  });
});

describe("links to what is not public", () => {
  it("a signed-out member following the invitation link ends on that meeting after signing in", async () => {
    const meeting = await closedStuurgroepMeeting();
    await noScript.clearCookies();
    const page = await noScript.newPage();
    await visit(page, meeting);
    expect(new URL(page.url()).pathname).toBe("/inloggen");
    await page.getByLabel("E-mailadres").fill("lid@gremium.example");
    await page.getByLabel("Wachtwoord").fill("gremium-demo");
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.waitForURL(`${baseUrl()}${meeting}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Stuurgroep");
    await page.close();
  });

  it("a signed-in member without access gets a Dutch 403 that says whom to ask", async () => {
    const meeting = await closedStuurgroepMeeting();
    await signInDirectly(context, "partner@gremium.example");
    const page = await context.newPage();
    const response = await visit(page, meeting);
    expect(response.status()).toBe(403);
    const text = await mainText(page);
    expect(text).toContain("alleen voor de leden");
    expect(text).toContain("Toegang vraagt u aan bij het secretariaat: Sanne Kuipers");
    await expectAccessible(page);
    await context.clearCookies();
    await page.close();
  });
});

describe("the header on a phone", () => {
  it("takes at most a fifth of a 390×844 screen, and its menu opens without JavaScript", async () => {
    const page = await noScript.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, "/vergaderingen");
    const header = (await page.getByRole("banner").boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(844 * 0.2);
    expect(await page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).toBe(false);
    await page.getByText("Menu", { exact: true }).click();
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Besluiten" }).click();
    await page.waitForURL(`${baseUrl()}/besluiten`);
    await page.close();
  });
});
