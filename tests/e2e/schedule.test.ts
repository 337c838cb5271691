import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, signInDirectly, visit } from "./browser";

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
    const main = (await page.getByRole("main").textContent())!;
    expect(main.match(/Themagroep Versteviging ZVHT · Zorg- en Veiligheidshuis, Hengelo/g)).toHaveLength(4);
    await check.goto(page.url());
    await expectAccessible(check);

    // Concepts are not for the public.
    const anonymous = await visitor.newPage();
    await visit(anonymous, "/vergaderschema");
    expect(await anonymous.getByRole("main").textContent()).not.toContain("Zorg- en Veiligheidshuis, Hengelo");
    await expectAccessible(anonymous);
  });
});

describe("bestuursagenda", () => {
  it("the secretariaat plans a topic for a coming meeting and puts it on that agenda in one click", async () => {
    const page = await secretaryNoJs.newPage();
    await visit(page, "/gremia/algemeen-bestuur");
    await page.getByRole("link", { name: "Bestuursagenda" }).click();
    await page.getByRole("heading", { level: 1, name: /^Bestuursagenda/ }).waitFor();
    await page.getByText("Nieuw onderwerp plannen").click();
    await page.getByRole("button", { name: "Onderwerp plannen" }).click();
    await page.getByText("Vul het onderwerp in.").waitFor();
    await page.getByLabel("Onderwerp", { exact: true }).fill("Jaarrekening 2026");
    await page.getByLabel("Doel").selectOption({ label: "Ter besluitvorming" });
    const select = page.getByLabel("Vergadering");
    const january = (await select.locator("option").allTextContents()).find((o) => o.includes("27 januari 2027"))!;
    await select.selectOption({ label: january });
    await page.getByRole("button", { name: "Onderwerp plannen" }).click();
    await page.getByText("De planning is bijgewerkt.").waitFor();
    const check = await checker.newPage();
    await check.goto(page.url());
    await expectAccessible(check);

    await page.getByRole("button", { name: "Op de agenda zetten" }).first().click();
    await page.getByText("op de agenda", { exact: true }).waitFor();
    await page.getByRole("link", { name: /27 januari 2027/ }).click();
    expect(await page.getByRole("main").textContent()).toContain("Jaarrekening 2026");

    const anonymous = await visitor.newPage();
    await visit(anonymous, "/gremia/algemeen-bestuur/planning");
    await expectAccessible(anonymous);
  });
});
