import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { baseUrl, expectAccessible, launchBrowser, signInDirectly, visit, mainText } from "./browser";

let secretaryNoJs: BrowserContext;
let checker: BrowserContext;
let visitor: BrowserContext;

beforeAll(async () => {
  secretaryNoJs = await launchBrowser({ javaScriptEnabled: false });
  checker = await launchBrowser();
  visitor = await launchBrowser();
  await signInDirectly(secretaryNoJs, "secretariaat@gremium.example");
  await signInDirectly(checker, "secretariaat@gremium.example");
});
afterAll(async () => {
  await Promise.all([secretaryNoJs, checker, visitor].map((c) => c.close()));
});

describe("vergaderschema", () => {
  it("the secretariaat plans a year of meetings from a rule, with a preview, without JavaScript", async () => {
    const page = await secretaryNoJs.newPage();
    await visit(page, "/gremia/versteviging-zvht");
    await page.getByRole("link", { name: "Vergaderschema voor een jaar plannen" }).click();
    await page.getByRole("heading", { level: 1, name: "Vergaderschema plannen" }).waitFor();
    const check = await checker.newPage();
    await check.goto(page.url());
    await expectAccessible(check);

    await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
    await page.getByText("Vul de plaats in.").waitFor();
    await page.getByLabel("Plaats").fill("Zorg- en Veiligheidshuis, Hengelo");
    await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
    const preview = page.getByRole("region", { name: /^Deze 4 vergaderingen worden gepland/ });
    await preview.waitFor();
    const year = Number(await page.getByLabel("Jaar").inputValue());
    expect(await preview.textContent()).toContain(`maart ${year}`);
    expect(await page.getByLabel("Plaats").inputValue()).toBe("Zorg- en Veiligheidshuis, Hengelo");
    await page.getByRole("button", { name: "Vergaderingen aanmaken" }).click();
    await page.getByText("4 vergaderingen zijn gepland als concept.").waitFor();
    const main = await mainText(page);
    expect(main.match(/Themagroep Versteviging ZVHT · Zorg- en Veiligheidshuis, Hengelo/g)).toHaveLength(4);
    await check.goto(page.url());
    await expectAccessible(check);

    // Concepts are not for the public.
    const anonymous = await visitor.newPage();
    await visit(anonymous, "/vergaderschema");
    expect(await mainText(anonymous)).not.toContain("Zorg- en Veiligheidshuis, Hengelo");
    await expectAccessible(anonymous);

    // Later the place changes for the whole series: the preview names what it touches first.
    await visit(page, "/gremia/versteviging-zvht/vergaderschema");
    await page
      .getByRole("link", { name: /^Tijd en plaats wijzigen/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Vergaderschema wijzigen" }).waitFor();
    await page.getByLabel("Nieuwe plaats").fill("");
    await page.getByRole("button", { name: "Gevolgen bekijken" }).click();
    await page.getByText("Vul de plaats in.").waitFor();
    await page.getByLabel("Nieuwe plaats").fill("Twentehuis, Enschede");
    await page.getByRole("button", { name: "Gevolgen bekijken" }).click();
    const effects = page.getByRole("region", { name: "Wat deze wijziging raakt" });
    await effects.waitFor();
    expect((await effects.textContent())!.match(/Twentehuis, Enschede/g)).toHaveLength(4);
    await check.goto(page.url());
    await expectAccessible(check);
    await page.getByRole("button", { name: "Wijziging doorvoeren" }).click();
    await page.getByText("4 vergaderingen zijn gewijzigd.").waitFor();
    expect((await mainText(page)).match(/Twentehuis, Enschede \(concept\)/g)).toHaveLength(4);
  });
});

describe("bestuursagenda", () => {
  it("the secretariaat plans a topic for a coming meeting and puts it on that agenda in one click", async () => {
    const page = await secretaryNoJs.newPage();
    await visit(page, "/gremia/algemeen-bestuur");
    await page.getByRole("link", { name: "Bestuursagenda" }).click();
    await page.getByRole("heading", { level: 1, name: /^Bestuursagenda/ }).waitFor();
    // Other test files may have planned topics here too: everything is looked up inside one form or topic.
    const add = page.locator("details", { has: page.getByText("Nieuw onderwerp plannen") });
    await add.getByText("Nieuw onderwerp plannen").click();
    await add.getByRole("button", { name: "Onderwerp plannen" }).click();
    await add.getByText("Vul het onderwerp in.").waitFor();
    await add.getByLabel("Onderwerp", { exact: true }).fill("Jaarrekening 2026");
    await add.getByLabel("Doel").selectOption({ label: "Ter besluitvorming" });
    const select = add.getByLabel("Vergadering");
    const january = (await select.locator("option").allTextContents()).find((o) => o.includes("27 januari 2027"))!;
    await select.selectOption({ label: january });
    await add.getByRole("button", { name: "Onderwerp plannen" }).click();
    await page.getByText("De planning is bijgewerkt.").waitFor();
    const check = await checker.newPage();
    await check.goto(page.url());
    await expectAccessible(check);

    const topic = page.getByRole("listitem").filter({ hasText: "Jaarrekening 2026" });
    await topic.getByRole("button", { name: "Op de agenda zetten" }).click();
    await page.getByText("op de agenda", { exact: true }).waitFor();
    await page.getByRole("link", { name: /27 januari 2027/ }).click();
    expect(await mainText(page)).toContain("Jaarrekening 2026");

    // The topic is changed afterwards, and the year's bestuursagenda goes to Word.
    await page.goBack();
    const edit = page
      .getByRole("listitem")
      .filter({ hasText: "Jaarrekening 2026" })
      .locator("details", { has: page.getByText("Wijzigen", { exact: true }) });
    await edit.getByText("Wijzigen", { exact: true }).click();
    await edit.getByLabel("Eigenaar").fill("Karin Leferink");
    await edit.getByRole("button", { name: "Wijziging opslaan" }).click();
    await page.getByText("De planning is bijgewerkt.").waitFor();
    // The same confirmation may still stand from an earlier save while the page reloads: wait for the owner.
    await page.getByRole("main").getByText("Karin Leferink").first().waitFor();
    const href = (await page.getByRole("link", { name: "Bestuursagenda 2027 als Word-bestand" }).getAttribute("href"))!;
    const word = await page.context().request.get(`${baseUrl()}${href}`);
    expect(word.status()).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: await word.body() })).value;
    expect(text).toContain("Bestuursagenda Algemeen bestuur samenwerkingsverband Twente 2027");
    expect(text).toContain("Jaarrekening 2026");
    expect(text).toContain("Karin Leferink");

    const anonymous = await visitor.newPage();
    await visit(anonymous, "/gremia/algemeen-bestuur/planning");
    await expectAccessible(anonymous);
  });
});
