import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseUrl,
  expectAccessible,
  launchBrowser,
  signInDirectly,
  visit,
  expectSignInAskedFor,
  mainText,
} from "./browser";

// Members and the secretariaat work without JavaScript here; axe runs in scripted browsers signed
// in as the same people.
let memberNoJs: BrowserContext;
let memberChecker: BrowserContext;
let secretaryNoJs: BrowserContext;
let secretaryChecker: BrowserContext;
let visitor: BrowserContext;

beforeAll(async () => {
  memberNoJs = await launchBrowser({ javaScriptEnabled: false });
  memberChecker = await launchBrowser();
  secretaryNoJs = await launchBrowser({ javaScriptEnabled: false });
  secretaryChecker = await launchBrowser();
  visitor = await launchBrowser();
  await signInDirectly(memberNoJs, "lid@gremium.example");
  await signInDirectly(memberChecker, "lid@gremium.example");
  await signInDirectly(secretaryNoJs, "secretariaat@gremium.example");
  await signInDirectly(secretaryChecker, "secretariaat@gremium.example");
});
afterAll(async () => {
  await Promise.all([memberNoJs, memberChecker, secretaryNoJs, secretaryChecker, visitor].map((c) => c.close()));
});

async function checkWith(context: BrowserContext, url: string) {
  const other = await context.newPage();
  await other.goto(url);
  await expectAccessible(other);
  await other.close();
}

/** The Stuurgroep's row in the counts, and the current month's row of the chart table. */
async function stuurgroepFigures(page: Page) {
  await visit(page, "/acties");
  const row = page.getByRole("table", { name: "Per gremium" }).getByRole("row", { name: /^Stuurgroep Zorg/ });
  const cells = await row.getByRole("cell").allTextContents();
  const monthRows = page.getByRole("table", { name: "Lopende en afgeronde acties per maand" }).getByRole("row");
  const last = await monthRows
    .nth((await monthRows.count()) - 1)
    .getByRole("cell")
    .allTextContents();
  return {
    running: Number(cells[0]),
    overdue: Number(cells[1]),
    closedThisQuarter: Number(cells[2]),
    closedThisMonth: Number(last[1]),
  };
}

describe("actions", () => {
  it("a member updates and closes their own action without JavaScript", async () => {
    const page = await memberNoJs.newPage();
    await visit(page, "/acties/mijn");
    await page.getByRole("heading", { level: 1, name: "Mijn acties" }).waitFor();
    await checkWith(memberChecker, page.url());
    const first = page.getByRole("list").filter({ hasText: "financiering" }).getByRole("listitem").first();
    expect(await first.textContent()).toContain("over de termijn");
    await first.getByRole("link", { name: /Voorstel voor de financiering van de kwartiermaker/ }).click();
    await page.getByRole("heading", { level: 2, name: "Stand bijwerken" }).waitFor();
    await checkWith(memberChecker, page.url());

    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("Schrijf wat er is gebeurd.").waitFor();
    await page.getByLabel("Toelichting").fill("Verdeelsleutel akkoord in drie gemeenten.");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("De stand is bijgewerkt.").waitFor();
    await page.getByRole("heading", { name: "Verloop" }).waitFor();
    expect(await mainText(page)).toContain("Verdeelsleutel akkoord in drie gemeenten.");

    await page.getByLabel("Afronden").check();
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("Schrijf kort wat het resultaat is", { exact: false }).waitFor();
    expect(await page.getByLabel("Afronden").isChecked()).toBe(true);
    await page.getByLabel("Toelichting").fill("Financiering rond tot 1 juli 2027.");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("De actie is afgerond.").waitFor();
    expect(await mainText(page)).toContain("Resultaat");
    await page.getByRole("heading", { level: 2, name: "Actie heropenen" }).waitFor();

    await visit(page, "/acties/mijn");
    const closed = page.getByRole("heading", { name: "Onlangs afgerond of vervallen" });
    await closed.waitFor();
    expect(await mainText(page)).toMatch(/Onlangs afgerond of vervallen.*Voorstel voor de financiering/s);
  });

  it("the secretariaat processes the actielijst in one pass during the meeting; counts and chart follow", async () => {
    const checker = await secretaryChecker.newPage();
    const before = await stuurgroepFigures(checker);

    const page = await secretaryNoJs.newPage();
    await visit(page, "/vergaderingen?gremium=&jaar=2026");
    await page.getByRole("link", { name: /donderdag 10 december 2026/ }).click();
    await page.getByRole("link", { name: "Bekijk de actielijst" }).click();
    await page.getByRole("heading", { level: 2, name: "Actielijst verwerken" }).waitFor();
    await checkWith(secretaryChecker, page.url());
    const row = (text: string) => page.getByRole("group", { name: new RegExp(`^${text}`) });
    await row("Werkwijze opnemen in de politie-instructie").getByLabel("Afgedaan", { exact: true }).check();
    await row("Invoering per gemeente volgen").getByLabel("Loopt door tot").fill("2027-01-15");
    await row("Doelen van de themagroep Mensenhandel").getByLabel("Vervallen", { exact: true }).check();
    await page.getByRole("button", { name: "Actielijst verwerken" }).click();

    await page.getByText("Schrijf waarom de actie vervalt.").waitFor();
    // Nothing typed is lost.
    expect(await row("Invoering per gemeente volgen").getByLabel("Loopt door tot").inputValue()).toBe("2027-01-15");
    expect(
      await row("Werkwijze opnemen in de politie-instructie").getByLabel("Afgedaan", { exact: true }).isChecked(),
    ).toBe(true);
    await row("Doelen van de themagroep Mensenhandel")
      .getByLabel(/Toelichting/)
      .fill("Opgegaan in het jaarplan 2027.");
    await page.getByRole("button", { name: "Actielijst verwerken" }).click();
    await page.getByText("De actielijst is verwerkt.").waitFor();

    const snapshot = page.getByRole("table", { name: "Actielijst zoals besproken" });
    const text = (await snapshot.textContent())!;
    expect(text).toMatch(/Werkwijze opnemen in de politie-instructie.*Afgedaan/s);
    expect(text).toContain("Loopt door tot 15 januari 2027");
    expect(text).toContain("Vervallen — Opgegaan in het jaarplan 2027.");
    await checkWith(secretaryChecker, page.url());

    // The besluitenlijst carries the actielijst as discussed.
    const listUrl = page.url().replace(/\/actielijst.*$/, "/besluitenlijst");
    await page.goto(listUrl);
    const section = page.getByRole("region", { name: "Actielijst" });
    expect(await section.textContent()).toContain("afgedaan");

    const after = await stuurgroepFigures(checker);
    expect(after.closedThisQuarter).toBe(before.closedThisQuarter + 1);
    expect(after.closedThisMonth).toBe(before.closedThisMonth + 1);
    expect(after.running).toBe(before.running - 2);
    await expectAccessible(checker);

    const csv = await checker.request.get(`${baseUrl()}/acties.csv?status=afgerond`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const body = (await csv.body()).toString("utf8");
    expect(body.charCodeAt(0)).toBe(0xfeff);
    expect(body.split("\r\n")[0]).toContain("Nummer;Actie;Eigenaar;Organisatie");
    expect(body).toContain("Werkwijze opnemen in de politie-instructie;Gerrit Koster;Politie eenheid Oost-Nederland");
  });

  it("the secretariaat adds a standalone action; a past due date is refused at the field", async () => {
    const page = await secretaryChecker.newPage();
    await visit(page, "/gremia/stuurgroep-zvs/acties");
    await page.getByRole("heading", { level: 1, name: /^Actielijst Stuurgroep/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nieuwe actie voor dit gremium" }).click();
    await page.getByRole("heading", { level: 1, name: "Nieuwe actie" }).waitFor();
    await page.getByLabel("Wat moet er gebeuren").fill("Evaluatie van de kwartiermaker voorbereiden");
    await page.getByLabel("Eigenaar").selectOption({ label: "Fleur Hendriks (Veiligheidsregio Twente)" });
    await page.getByLabel("Termijn").fill("2020-01-01");
    await page.getByRole("button", { name: "Actie aanmaken" }).click();
    await page.getByText("Kies een termijn vanaf vandaag", { exact: false }).waitFor();
    expect(await page.getByLabel("Wat moet er gebeuren").inputValue()).toBe(
      "Evaluatie van de kwartiermaker voorbereiden",
    );
    await expectAccessible(page);
    await page.getByLabel("Termijn").fill("2030-06-01");
    await page.getByRole("button", { name: "Actie aanmaken" }).click();
    await page.getByText("De actie is aangemaakt.").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Evaluatie van de kwartiermaker voorbereiden",
    );
  });

  it("the public sees only actions of public, adopted decisions, without names; a besloten action is not found", async () => {
    const secretary = await secretaryChecker.newPage();
    await visit(secretary, "/acties?status=alle");
    const besloten = await secretary
      .getByRole("link", { name: /^Tijdelijke versterking van Veilig Thuis/ })
      .getAttribute("href");

    const page = await visitor.newPage();
    await visit(page, "/acties?status=alle");
    const text = await mainText(page);
    expect(text).toContain("Bereikbaarheid van het Zorg- en Veiligheidshuis buiten kantoortijd onderzoeken");
    expect(text).not.toContain("Daan Smit");
    expect(text).not.toContain("Tijdelijke versterking");
    expect(text).not.toContain("politie-instructie");
    await expectAccessible(page);
    await expectSignInAskedFor(page, besloten!);
    const csv = (await (await page.request.get(`${baseUrl()}/acties.csv?status=alle`)).body()).toString("utf8");
    expect(csv).not.toContain("Tijdelijke versterking");
    expect(csv).not.toContain("Daan Smit");
    expect((await visit(page, "/acties/mijn")).url()).toContain("/inloggen");
  });
});
