import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { baseUrl, DEMO_PASSWORD, expectAccessible, launchBrowser, signInWithForm, visit } from "./browser";

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await launchBrowser();
});
afterAll(async () => {
  await context.close();
});
beforeEach(async () => {
  await context.clearCookies();
  page = await context.newPage();
});

const demoUsers = [
  ["beheerder@gremium.example", "Tom Lammers", "Beheerder"],
  ["secretariaat@gremium.example", "Sanne Kuipers", "Secretariaat"],
  ["kwartiermaker@gremium.example", "Fleur Hendriks", "Kwartiermaker"],
  ["lid@gremium.example", "Bram Oosterhof", "Lid"],
  ["partner@gremium.example", "Noor Bakker", "Lid"],
] as const;

describe("signing in and out", () => {
  it("the sign-in page passes axe", async () => {
    await visit(page, "/inloggen");
    await expectAccessible(page);
  });

  for (const [email, name, role] of demoUsers) {
    it(`${email} signs in and out`, async () => {
      await signInWithForm(page, email);
      await page.waitForURL(`${baseUrl()}/mijn`);
      const header = page.getByRole("banner");
      await header.getByText(`(${role})`).waitFor();
      expect(await header.textContent()).toContain(`${name} (${role})`);
      expect(await header.getByRole("link", { name: "Beheer", exact: true }).count()).toBe(
        role === "Beheerder" ? 1 : 0,
      );
      await header.getByRole("button", { name: "Uitloggen" }).click();
      await page.getByRole("banner").getByRole("link", { name: "Inloggen" }).waitFor();
      expect(await page.getByRole("banner").textContent()).not.toContain(name);
    });
  }

  it("the sign-out page, for whoever follows a plain link, passes axe and signs out", async () => {
    await signInWithForm(page, "kwartiermaker@gremium.example");
    await page.waitForURL(`${baseUrl()}/mijn`);
    await visit(page, "/uitloggen");
    await expectAccessible(page);
    await page.getByRole("main").getByRole("button", { name: "Uitloggen" }).click();
    await page.getByRole("banner").getByRole("link", { name: "Inloggen" }).waitFor();
  });

  it("returns to the page that asked for sign-in", async () => {
    await visit(page, "/account");
    await page.waitForURL(/\/inloggen\?redirectTo=%2Faccount/);
    await page.getByLabel("E-mailadres").fill("lid@gremium.example");
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.waitForURL(`${baseUrl()}/account`);
    // A client-side navigation: the address changes before the new page has rendered.
    await page.getByRole("heading", { level: 1, name: "Mijn account" }).waitFor();
    await expectAccessible(page);
  });

  it("a wrong password gets one Dutch message that does not say whether the address exists; the address stays filled in", async () => {
    await signInWithForm(page, "lid@gremium.example", "verkeerd-wachtwoord");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const known = await alert.textContent();
    expect(known).toBe("Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.");
    expect(await page.getByLabel("E-mailadres").inputValue()).toBe("lid@gremium.example");
    await expectAccessible(page);

    await signInWithForm(page, "bestaat-niet@gremium.example", "verkeerd-wachtwoord");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toBe(known);
  });

  it("an invalid address is answered next to the field", async () => {
    await visit(page, "/inloggen");
    await page.getByLabel("E-mailadres").fill("geen-adres");
    await page.getByLabel("Wachtwoord").fill("x");
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    const field = page.getByLabel("E-mailadres");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await field.getAttribute("aria-describedby"))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain("Vul een geldig e-mailadres in");
    await expectAccessible(page);
  });

  it("someone guessing a member's password is slowed, and the member still signs in from their own device", async () => {
    const email = "lid@gremium.example";
    // The guesser comes from another address (the test server trusts the proxy header from loopback).
    const guesserPage = await context.newPage();
    await guesserPage.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.99" });
    for (let i = 0; i < 6; i++) {
      await signInWithForm(guesserPage, email, `fout-wachtwoord-${i}`);
      await guesserPage.getByRole("alert").waitFor();
      expect(await guesserPage.getByRole("alert").textContent()).toContain("klopt niet");
    }
    await signInWithForm(guesserPage, email, DEMO_PASSWORD);
    await guesserPage.getByRole("alert").waitFor();
    expect(await guesserPage.getByRole("alert").textContent()).toMatch(
      /Te veel mislukte pogingen vanaf dit apparaat\. Wacht (2\d|30) seconden/,
    );
    await guesserPage.close();

    await signInWithForm(page, email);
    await page.waitForURL(`${baseUrl()}/mijn`);
    await page.getByRole("banner").getByText("Bram Oosterhof").waitFor();
  });

  it("a cross-site post cannot sign anyone in", async () => {
    const response = await fetch(`${baseUrl()}/inloggen`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: "https://aanvaller.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "lid@gremium.example", password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("a form posted from another site gets the Dutch 403 page, accessible", async () => {
    // A page on another site with a form aimed at Gremium, as an attacker would place it.
    await page.route("http://aanvaller.example/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="nl"><title>Win een prijs</title><form method="post" action="${baseUrl()}/nieuwsbrief/aanmelden"><input name="email" value="slachtoffer@voorbeeld.example"><button>Meedoen</button></form></html>`,
      }),
    );
    await page.goto("http://aanvaller.example/prijs");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(baseUrl())),
      page.getByRole("button", { name: "Meedoen" }).click(),
    ]);
    expect(response.status()).toBe(403);
    await page.getByText("Dit formulier kwam niet van deze site en is daarom geweigerd.").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBeTruthy();
    await expectAccessible(page);
  });
});

describe("without JavaScript", () => {
  let noScript: BrowserContext;
  beforeAll(async () => {
    noScript = await launchBrowser({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await noScript.close();
  });

  it("the sign-in form posts and redirects, and sign-out works", async () => {
    const page = await noScript.newPage();
    await signInWithForm(page, "secretariaat@gremium.example");
    await page.waitForURL(`${baseUrl()}/mijn`);
    expect(await page.getByRole("banner").textContent()).toContain("Sanne Kuipers");
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL(`${baseUrl()}/`);
    expect(await page.getByRole("banner").getByRole("link", { name: "Inloggen" }).count()).toBe(1);
  });

  it("a wrong password is answered on the page with the address kept", async () => {
    const page = await noScript.newPage();
    await signInWithForm(page, "secretariaat@gremium.example", "fout");
    await page.getByRole("alert").waitFor();
    expect(await page.getByLabel("E-mailadres").inputValue()).toBe("secretariaat@gremium.example");
  });

  it("public pages render whole", async () => {
    const page = await noScript.newPage();
    await visit(page, "/gremia/stuurgroep-zvs");
    expect(await page.getByRole("table").textContent()).toContain("Marleen ter Horst");
  });
});
