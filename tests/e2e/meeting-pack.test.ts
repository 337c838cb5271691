import type { BrowserContext } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, pdfInfo } from "../pdfinfo";
import { baseUrl, expectAccessible, launchBrowser, signInDirectly, visit } from "./browser";

let member: BrowserContext;
let visitor: BrowserContext;
let checker: BrowserContext;

beforeAll(async () => {
  member = await launchBrowser();
  visitor = await launchBrowser({ javaScriptEnabled: false });
  // axe-core runs as a script, so pages seen without JavaScript are checked in a second browser.
  checker = await launchBrowser();
  await signInDirectly(member, "lid@gremium.example");
});
afterAll(async () => {
  await Promise.all([member, visitor, checker].map((c) => c.close()));
});

async function readPdf(bytes: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return { pages: pdf.numPages, text: String(text), outline: ((await pdf.getOutline()) ?? []).map((o) => o.title) };
}

describe("the meeting pack", () => {
  it("a member downloads all papers of the December stuurgroep as one PDF, besloten ones included", async () => {
    const page = await member.newPage();
    await visit(page, "/gremia/stuurgroep-zvs");
    await page.getByRole("link", { name: /donderdag 10 december 2026/ }).click();
    const link = page.getByRole("link", { name: "Alle stukken als één PDF" });
    const href = (await link.getAttribute("href"))!;
    const download = await page.context().request.get(`${baseUrl()}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(download.headers()["content-disposition"]).toMatch(/stukken-stuurgroep-zvs-2026-12-10\.pdf/);
    const pack = await readPdf(await download.body());
    expect(pack.text).toContain("Vergaderstukken");
    expect(pack.text).toContain("Themagroep versteviging ZVHT");
    expect(pack.text).toContain("Concept-verdeelsleutel voor 2028");
    expect(pack.text).toContain("Casusbeschrijving nazorg");
    expect(pack.outline).toContain("B1. Meerjarenkoers Zorg, Veiligheid en Straf 2027-2030");

    // Following the link itself opens the same file.
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(href)),
      link.click().catch(() => undefined),
    ]);
    expect(response.status()).toBe(200);
  });

  it("a visitor opens the agenda and the public pack as accessible PDFs from the meeting page", async () => {
    const page = await visitor.newPage();
    await visit(page, "/gremia/stuurgroep-zvs");
    await page.getByRole("link", { name: /donderdag 10 december 2026/ }).click();
    for (const name of ["Agenda als PDF", "Alle stukken als één PDF"]) {
      const href = (await page.getByRole("link", { name }).getAttribute("href"))!;
      const response = await page.context().request.get(`${baseUrl()}${href}`);
      expect(response.headers()["content-type"], name).toBe("application/pdf");
      const bytes = new Uint8Array(await response.body());
      expect(accessibilityProblems(bytes), name).toEqual([]);
      expect(pdfInfo(bytes).Title, name).toMatch(/Stuurgroep Zorg, Veiligheid en Straf/);
    }
  });

  it("the public pack leaves out the besloten item and paper", async () => {
    const page = await visitor.newPage();
    await visit(page, "/gremia/stuurgroep-zvs");
    await page.getByRole("link", { name: /donderdag 10 december 2026/ }).click();
    const href = (await page.getByRole("link", { name: "Alle stukken als één PDF" }).getAttribute("href"))!;
    const download = await page.context().request.get(`${baseUrl()}${href}`);
    expect(download.headers()["content-disposition"]).toMatch(/-openbaar\.pdf/);
    const pack = await readPdf(await download.body());
    expect(pack.text).toContain("Themagroep versteviging ZVHT");
    expect(pack.text).toContain("Openbare stukken");
    expect(pack.text).not.toContain("Concept-verdeelsleutel");
    expect(pack.text).not.toContain("Verdeling bijdragen");
    expect(pack.text).not.toContain("Casusbeschrijving");
    expect(pack.text).not.toContain("nazorg na detentie bij één gemeente");
  });

  it("without JavaScript, the progress page is brought up to date by a link until the pack is ready", async () => {
    const page = await visitor.newPage();
    await visit(page, "/gremia/stuurgroep-zvs");
    await page.getByRole("link", { name: /donderdag 10 december 2026/ }).click();
    await visit(page, `${new URL(page.url()).pathname}/stukken`);
    await page.getByRole("heading", { level: 1, name: "Vergaderstukken als één PDF" }).waitFor();
    const check = await checker.newPage();
    await check.goto(page.url());
    await expectAccessible(check);
    const ready = page.getByRole("link", { name: "Open de vergaderstukken (PDF)" });
    for (let attempt = 0; attempt < 20 && !(await ready.isVisible()); attempt++) {
      expect(await page.getByRole("status").textContent()).toMatch(/wachtrij|wordt gemaakt/);
      await page.waitForTimeout(250);
      await page.getByRole("link", { name: "Stand bijwerken" }).click();
    }
    await ready.waitFor();
  });
});
