import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseUrl,
  expectAccessible,
  launchBrowser,
  signInDirectly,
  signInWithForm,
  visit,
  expectSignInAskedFor,
  mainText,
} from "./browser";

// The secretariaat records decisions without JavaScript; axe runs in a scripted browser signed in
// as the same person.
let secretary: BrowserContext;
let checker: BrowserContext;
let member: BrowserContext;
let visitor: BrowserContext;
let page: Page;

beforeAll(async () => {
  secretary = await launchBrowser({ javaScriptEnabled: false });
  checker = await launchBrowser();
  member = await launchBrowser();
  visitor = await launchBrowser();
  await signInDirectly(checker, "secretariaat@gremium.example");
  await signInDirectly(member, "lid@gremium.example");
  page = await secretary.newPage();
  await signInWithForm(page, "secretariaat@gremium.example");
  await page.waitForURL(`${baseUrl()}/mijn`);
});
afterAll(async () => {
  await Promise.all([secretary.close(), checker.close(), member.close(), visitor.close()]);
});

async function expectSecretaryPageAccessible() {
  const other = await checker.newPage();
  await other.goto(page.url());
  await expectAccessible(other);
  await other.close();
}

async function meetingUrl(context: BrowserContext, dateText: RegExp) {
  const p = await context.newPage();
  await visit(p, "/vergaderingen?gremium=&jaar=2026");
  const href = await p.getByRole("link", { name: dateText }).first().getAttribute("href");
  await p.close();
  return `${baseUrl()}${href}`;
}

describe("decisions and besluitenlijsten", () => {
  let september = "";
  let december = "";

  it("the secretariaat records decisions with a toezegging, and a besloten one", async () => {
    september = await meetingUrl(checker, /donderdag 17 september 2026/);
    december = await meetingUrl(checker, /donderdag 10 december 2026/);
    await page.goto(september);
    await page.getByRole("link", { name: "Besluiten vastleggen" }).click();
    await page.getByRole("heading", { level: 1, name: "Besluiten vastleggen" }).waitFor();
    await expectSecretaryPageAccessible();

    const b1 = page.getByRole("region", { name: /^B1 Vervolg na de versterkingsagenda/ });
    await b1.getByText("Besluit vastleggen bij B1").click();
    await b1.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText("Kies de uitkomst.").waitFor();
    await b1.getByLabel("Uitkomst").selectOption({ label: "Conform voorstel" });
    await b1
      .getByLabel("Besluit (niet verplicht)", { exact: true })
      .fill("1. Opdracht voor een meerjarenkoers 2027-2030.\n2. Kwartiermaker verlengd tot 1 juli 2027.");
    await b1
      .getByLabel("Toezegging 1: wat is er toegezegd")
      .fill("Concept meerjarenkoers voorleggen aan de expertgroep");
    await b1.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText("Kies wie de toezegging deed", { exact: false }).waitFor();
    expect(await b1.getByLabel("Toezegging 1: wat is er toegezegd").inputValue()).toBe(
      "Concept meerjarenkoers voorleggen aan de expertgroep",
    );
    await b1.getByLabel("Toezegging 1: door wie").selectOption({ label: "Fleur Hendriks (Veiligheidsregio Twente)" });
    await b1.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText("Besluit SG-2026-03-B1 is vastgelegd.").waitFor();

    const b2 = page.getByRole("region", { name: /^B2 Casus met hoog risico in Twenterand/ });
    await b2.getByText("Besluit vastleggen bij B2").click();
    await b2.getByLabel("Uitkomst").selectOption({ label: "Kennisgenomen" });
    await b2.getByLabel("Besluit (niet verplicht)", { exact: true }).fill("Afspraken tussen de partners bekrachtigd.");
    await b2.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText("Besluit SG-2026-03-B2 is vastgelegd.").waitFor();
  });

  it("the concept list of a closed meeting: members see it whole, others not at all", async () => {
    const memberPage = await member.newPage();
    await memberPage.goto(`${september}/besluitenlijst`);
    const text = await mainText(memberPage);
    expect(text).toContain("Concept besluitenlijst");
    expect(text).toContain("Opdracht voor een meerjarenkoers 2027-2030");
    expect(text).toContain("Afspraken tussen de partners bekrachtigd");
    expect(text).toContain(
      "Toezegging Fleur Hendriks, Veiligheidsregio Twente: Concept meerjarenkoers voorleggen aan de expertgroep",
    );
    await expectAccessible(memberPage);
    const anonymous = await visitor.newPage();
    await expectSignInAskedFor(anonymous, `${new URL(september).pathname}/besluitenlijst`);
  });

  it("a public meeting: the next meeting adopts its list with one amendment; the public then sees it without the besloten part", async () => {
    const november = await meetingUrl(checker, /woensdag 25 november 2026/);
    const nextAbPage = await checker.newPage();
    await visit(nextAbPage, "/vergaderingen?gremium=&jaar=2027");
    const january = `${baseUrl()}${await nextAbPage.getByRole("link", { name: /woensdag 27 januari 2027/ }).getAttribute("href")}`;
    await nextAbPage.close();

    await page.goto(`${november}/besluiten`);
    const b1 = page.getByRole("region", { name: /^B1 Kader voor de ontwikkeling van de organisatie/ });
    await b1.getByText("Besluit vastleggen bij B1").click();
    await b1.getByLabel("Uitkomst").selectOption({ label: "Conform voorstel" });
    await b1
      .getByLabel("Besluit (niet verplicht)", { exact: true })
      .fill("1. Traject gestart. 2. Toetsingskader vastgesteld.");
    await b1.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText("Besluit AB-2026-04-B1 is vastgelegd.").waitFor();
    const b2 = page.getByRole("region", { name: /^B2 Ontwikkelingen bij Veilig Thuis/ });
    await b2.getByText("Besluit vastleggen bij B2").click();
    await b2.getByLabel("Uitkomst").selectOption({ label: "Kennisgenomen" });
    await b2.getByLabel("Besluit (niet verplicht)", { exact: true }).fill("Personele gevolgen besproken.");
    await b2.getByLabel("Besloten besluit").check();
    await b2.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText("Besluit AB-2026-04-B2 is vastgelegd.").waitFor();

    const anonymous = await visitor.newPage();
    await anonymous.goto(`${november}/besluitenlijst`);
    await anonymous.getByText("De besluitenlijst van deze vergadering is nog niet vastgesteld.").waitFor();
    expect(await anonymous.content()).not.toContain("Toetsingskader vastgesteld");
    await expectAccessible(anonymous);

    // The January meeting carries the hamerstuk; publish it, then adopt with one amendment.
    await page.goto(january);
    await page.getByRole("button", { name: "Agenda publiceren" }).click();
    await page.getByRole("button", { name: "Publiceren en mailen" }).click();
    await page.getByText("De agenda is gepubliceerd.", { exact: false }).waitFor();
    await page.goto(`${january}/besluiten`);
    const a1 = page.getByRole("region", { name: /^A1 Besluitenlijst algemeen bestuur 25 november 2026/ });
    await a1.getByText("Besluit vastleggen bij A1").click();
    await a1.getByLabel("Uitkomst").selectOption({ label: "Gewijzigd vastgesteld" });
    await a1
      .getByLabel("Besluit AB-2026-04-B1")
      .fill("1. Traject gestart. 2. Toetsingskader vastgesteld, met een evaluatie na één jaar.");
    await a1.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText(/Besluit AB-2027-01-A1 is vastgelegd\./).waitFor();

    await page.goto(`${november}/besluiten`);
    await page.getByText("Deze besluitenlijst is vastgesteld.").waitFor();
    expect(await page.getByRole("button", { name: "Besluit vastleggen" }).count()).toBe(0);

    await anonymous.goto(`${november}/besluitenlijst`);
    const text = await mainText(anonymous);
    expect(text).toContain("vastgesteld");
    expect(text).toContain("met een evaluatie na één jaar");
    expect(text).toContain("oorspronkelijke tekst");
    expect(text).toContain("Het besloten deel is alleen voor leden beschikbaar.");
    expect(text).not.toContain("Personele gevolgen");
    await expectAccessible(anonymous);
  });

  it("the register and decision pages show each viewer exactly what they may see", async () => {
    const anonymous = await visitor.newPage();
    await visit(anonymous, "/besluiten");
    const list = await mainText(anonymous);
    expect(list).toContain("AB-2026-04-B1");
    expect(list).not.toContain("AB-2026-04-B2");
    expect(list).not.toContain("SG-2026-03");
    await expectAccessible(anonymous);
    await expectSignInAskedFor(anonymous, "/besluiten/AB-2026-04-B2");
    await visit(anonymous, "/besluiten/AB-2026-04-B1");
    expect(await anonymous.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Besluit AB-2026-04-B1: Kader voor de ontwikkeling van de organisatie",
    );
    await expectAccessible(anonymous);

    const memberPage = await member.newPage();
    await visit(memberPage, "/besluiten?tekst=bekrachtigd");
    await memberPage.getByRole("link", { name: /SG-2026-03-B2/ }).waitFor();
    await expectAccessible(memberPage);
  });

  it("a member and an anonymous visitor cannot record decisions", async () => {
    const memberPage = await member.newPage();
    expect((await memberPage.goto(`${september}/besluiten`))!.status()).toBe(403);
    const anonymous = await visitor.newPage();
    await anonymous.goto(`${september}/besluiten`);
    expect(anonymous.url()).toContain("/inloggen");
  });

  it("the meeting page links the hamerstuk to the list it adopts", async () => {
    const anonymous = await visitor.newPage();
    await anonymous.goto(december);
    await anonymous.getByRole("link", { name: "Bekijk de besluitenlijst die wordt vastgesteld" }).waitFor();
  });

  it("hand-off: a themagroep item is sent to the expertgroep, which puts it on its next agenda", async () => {
    const admin = await launchBrowser();
    await signInDirectly(admin, "beheerder@gremium.example");
    const adminPage = await admin.newPage();
    await visit(adminPage, "/vergaderingen?gremium=&jaar=2026");
    await adminPage.getByRole("link", { name: /donderdag 3 december 2026/ }).click();
    await adminPage.getByRole("heading", { level: 1, name: /Themagroep Mensenhandel/ }).waitFor();
    await adminPage.getByRole("link", { name: "Agenda bewerken" }).click();
    await adminPage.getByRole("link", { name: "Bewerken B1 Voorbereiding controledag arbeidsmigratie" }).click();
    await adminPage.getByRole("heading", { level: 1, name: "Agendapunt B1" }).waitFor();
    await adminPage.getByLabel("Doorzetten naar").selectOption({ label: "Expertgroep Zorg, Veiligheid en Straf" });
    await adminPage.getByRole("button", { name: "Doorzetten" }).click();
    await adminPage.getByText("Het punt is doorgezet").waitFor();
    await adminPage.getByText("Doorgezet naar Expertgroep Zorg, Veiligheid en Straf: nog niet geagendeerd").waitFor();
    await expectAccessible(adminPage);
    const itemUrl = adminPage.url();

    const expertAgenda = await checker.newPage();
    await visit(expertAgenda, "/vergaderingen?gremium=&jaar=2027");
    await expertAgenda.getByRole("link", { name: /donderdag 21 januari 2027/ }).click();
    await expertAgenda.getByRole("link", { name: "Agenda bewerken" }).click();
    await expertAgenda.getByRole("heading", { level: 2, name: "Doorgezet door andere gremia" }).waitFor();
    await expectAccessible(expertAgenda);
    await expertAgenda
      .getByRole("button", { name: "Voorbereiding controledag arbeidsmigratie op deze agenda zetten" })
      .click();
    await expertAgenda.getByText("Het doorgezette punt staat nu onder B Bespreekstukken.").waitFor();
    await expertAgenda.getByRole("button", { name: "B2 Voorbereiding controledag arbeidsmigratie omhoog" }).waitFor();

    await adminPage.goto(itemUrl);
    await adminPage.getByText("Doorgezet naar Expertgroep Zorg, Veiligheid en Straf: geagendeerd").waitFor();
    await admin.close();
  });
});
