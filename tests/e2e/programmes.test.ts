import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, signInDirectly, visit, mainText } from "./browser";

// The kwartiermaker and the secretariaat work without JavaScript; axe runs in a scripted browser
// signed in as the kwartiermaker.
let kwartiermaker: BrowserContext;
let checker: BrowserContext;
let secretary: BrowserContext;
let partner: BrowserContext;
let visitor: BrowserContext;

beforeAll(async () => {
  kwartiermaker = await launchBrowser({ javaScriptEnabled: false });
  checker = await launchBrowser();
  secretary = await launchBrowser({ javaScriptEnabled: false });
  partner = await launchBrowser();
  visitor = await launchBrowser();
  await signInDirectly(kwartiermaker, "kwartiermaker@gremium.example");
  await signInDirectly(checker, "kwartiermaker@gremium.example");
  await signInDirectly(secretary, "secretariaat@gremium.example");
  await signInDirectly(partner, "partner@gremium.example");
});
afterAll(async () => {
  await Promise.all([kwartiermaker, checker, secretary, partner, visitor].map((c) => c.close()));
});

async function checkAccessible(url: string, context = checker) {
  const page = await context.newPage();
  await page.goto(url);
  await expectAccessible(page);
  await page.close();
}

async function decisionsOf(page: Page, objective: number) {
  await visit(page, "/programmas/versterkingsagenda-zvs");
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: new RegExp(`^${objective}\\. `) }) });
  const figures = card.getByRole("definition");
  await figures.first().waitFor();
  return Number(await figures.first().textContent());
}

describe("programmes and annual plans", () => {
  it("the kwartiermaker links a decision to an opgave without JavaScript, and the dashboard follows", async () => {
    const page = await kwartiermaker.newPage();
    const before = await decisionsOf(page, 4);
    await checkAccessible(page.url());

    await visit(page, "/besluiten/SG-2026-01-B1");
    await page.getByText("Koppelen aan opgaven en plandoelen").click();
    await page.getByLabel("4. Een cultuur van leren en ontwikkelen").check();
    await page.getByRole("button", { name: "Koppelingen opslaan" }).click();
    await page.getByText("De koppelingen zijn opgeslagen.").waitFor();
    await page.getByRole("link", { name: /4: Een cultuur van leren en ontwikkelen/ }).waitFor();
    await checkAccessible(page.url());

    expect(await decisionsOf(page, 4)).toBe(before + 1);
    await visit(page, "/programmas/versterkingsagenda-zvs/4");
    await page.getByRole("link", { name: /^SG-2026-01-B1: Jaarplannen 2026/ }).waitFor();
    await checkAccessible(page.url());
    // The register filters by the same link.
    await page.getByRole("link", { name: "Deze besluiten in het besluitenregister" }).click();
    await page.getByRole("link", { name: /^SG-2026-01-B1/ }).waitFor();
  });

  it("the kwartiermaker updates an opgave's status and details; only managers load those forms", async () => {
    const url = "/programmas/versterkingsagenda-zvs/3";
    const scripted = await checker.newPage();
    const errors: string[] = [];
    scripted.on("pageerror", (error) => errors.push(error.message));
    const forms = scripted.waitForResponse((response) => /\/assets\/objective-forms-[^/]+\.js$/.test(response.url()));
    await visit(scripted, url);
    await forms;
    await scripted.waitForLoadState("networkidle");
    await scripted.getByLabel("Status", { exact: true }).selectOption("aandacht_nodig");
    await scripted.getByRole("button", { name: "Status opslaan" }).click();
    await scripted.getByText("Vul een toelichting in.").waitFor();
    await scripted.getByLabel("Toelichting").fill("Twee gemeenten lopen achter met de scholing.");
    await scripted.getByRole("button", { name: "Status opslaan" }).click();
    await scripted.getByText("De status is bijgewerkt.").waitFor();
    await scripted
      .getByRole("listitem")
      .filter({ hasText: "Twee gemeenten lopen achter met de scholing." })
      .filter({ hasText: "Aandacht nodig" })
      .waitFor();
    await expectAccessible(scripted);
    expect(errors).toEqual([]);
    await scripted.close();

    // Without JavaScript the same forms post; a cleared title is answered at the field and kept empty.
    const plain = await kwartiermaker.newPage();
    await visit(plain, url);
    await plain.getByText("Opgave wijzigen").click();
    await plain.getByLabel("Titel").fill("");
    await plain.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await plain.getByText("Vul de titel in.").waitFor();
    await plain.close();

    const reader = await visitor.newPage();
    const loaded: string[] = [];
    reader.on("response", (response) => loaded.push(response.url()));
    await visit(reader, url);
    await reader.waitForLoadState("networkidle");
    expect(await reader.getByRole("button", { name: "Status opslaan" }).count()).toBe(0);
    expect(loaded.filter((u) => u.includes("objective-forms"))).toEqual([]);
    await reader.close();
  });

  it("a besloten decision counts for the members of its body only", async () => {
    const member = await partner.newPage();
    const anonymous = await visitor.newPage();
    // Opgave 2 is linked to a besloten decision of the themagroep Huiselijk geweld (partner@ is a member).
    expect(await decisionsOf(member, 2)).toBe((await decisionsOf(anonymous, 2)) + 1);
    await visit(anonymous, "/programmas/versterkingsagenda-zvs/2");
    expect(await mainText(anonymous)).not.toContain("De partners maken per casus afspraken");
    await expectAccessible(anonymous);
  });

  it("a themagroep plan goes from concept to vastgesteld through a stuurgroep meeting", async () => {
    const page = await kwartiermaker.newPage();
    await visit(page, "/jaarplannen/nieuw");
    await page.getByLabel("Gremium").selectOption({ label: "Themagroep Mensenhandel" });
    await page.getByLabel("Jaar", { exact: true }).fill("2027");
    await page.getByRole("button", { name: "Jaarplan aanmaken" }).click();
    await page.getByText("Vul de titel in.").waitFor();
    await page.getByLabel("Titel", { exact: true }).fill("Jaarplan 2027 Themagroep Mensenhandel");
    await page.getByLabel("Begin met de doelen van vorig jaar die nog niet zijn afgerond").check();
    await page.getByRole("button", { name: "Jaarplan aanmaken" }).click();
    await page.getByRole("heading", { level: 1, name: "Jaarplan 2027 Themagroep Mensenhandel" }).waitFor();
    const planUrl = page.url();
    // Last year's open goal came along; the finished one did not.
    await page.getByRole("heading", { level: 3, name: "Doelen meetbaar maken met een nulmeting" }).waitFor();
    expect(await mainText(page)).not.toContain("Signalenkaart voor wijkteams");
    await checkAccessible(planUrl);

    await page.getByText("Begrotingsregel toevoegen").click();
    await page.getByLabel("Omschrijving").fill("Regionale bijdrage mensenhandel");
    await page.getByLabel("Bedrag in euro").fill("zes ton");
    await page.getByRole("button", { name: "Regel toevoegen" }).click();
    await page.getByText("Vul een bedrag in euro's in", { exact: false }).waitFor();
    expect(await page.getByLabel("Omschrijving").inputValue()).toBe("Regionale bijdrage mensenhandel");
    await page.getByLabel("Soort").selectOption({ label: "Baten" });
    await page.getByLabel("Bedrag in euro").fill("26.500");
    await page.getByRole("button", { name: "Regel toevoegen" }).click();
    await page.getByText("De begrotingsregel is toegevoegd.").waitFor();
    expect(await page.getByRole("row", { name: /Totaal baten/ }).textContent()).toContain("€\u00a026.500");

    const meetingSelect = page.getByLabel("Als nieuw agendapunt in de vergadering van");
    const december = (await meetingSelect.locator("option").allTextContents()).find((o) =>
      o.includes("10 december 2026"),
    )!;
    await meetingSelect.selectOption({ label: december });
    await page.getByRole("button", { name: "Ter instemming aanbieden" }).click();
    await page.getByText("Het jaarplan ligt ter instemming bij de stuurgroep.").waitFor();
    const meetingHref = await page.getByRole("link", { name: /donderdag 10 december 2026/ }).getAttribute("href");

    const desk = await secretary.newPage();
    await desk.goto(`${baseUrl()}${meetingHref}/besluiten`);
    const item = desk.getByRole("region", { name: /^B\d+ Jaarplan 2027 Themagroep Mensenhandel/ });
    await item.getByText(/^Besluit vastleggen bij B\d+/).click();
    await item.getByLabel("Uitkomst").selectOption({ label: "Ingestemd" });
    await item.getByRole("button", { name: "Besluit vastleggen" }).click();
    await desk.getByText(/Besluit SG-2026-04-B\d+ is vastgelegd\./).waitFor();

    await page.goto(planUrl);
    const facts = await mainText(page);
    expect(facts).toMatch(/Status\s*vastgesteld/);
    expect(facts).toMatch(/SG-2026-04-B\d+ \(ingestemd\)/);
    await page.getByRole("button", { name: "Jaar afsluiten en jaarverslag maken" }).waitFor();
    await checkAccessible(planUrl);
    // Now public, and exported for Word.
    const anonymous = await visitor.newPage();
    expect((await anonymous.goto(planUrl))!.status()).toBe(200);
    const docx = await anonymous.request.get(`${planUrl}.docx`);
    expect(docx.headers()["content-type"]).toContain("wordprocessingml");
    await checkAccessible(`${baseUrl()}/jaarplannen`, visitor);
  });
});
