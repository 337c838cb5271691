import Database from "better-sqlite3";
import { readdirSync, readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, signInDirectly, visit, mainText } from "./browser";

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

describe("public site", () => {
  it("home page tells what the network is and lists its bodies", async () => {
    const response = await visit(page, "/");
    expect(response.status()).toBe(200);
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Zorg, Veiligheid en Straf Twente");
    await page.getByRole("link", { name: "Stuurgroep Zorg, Veiligheid en Straf" }).waitFor();
    await expectAccessible(page);
  });

  it("/gremia groups the bodies: stuurgroep, expertgroep with themagroepen, others, archive", async () => {
    await visit(page, "/gremia");
    const themeList = page.getByRole("list", { name: "Themagroepen onder Expertgroep Zorg, Veiligheid en Straf" });
    // Other test files may add bodies to the shared server; the demo ones come first, in order.
    expect((await themeList.getByRole("link").allTextContents()).slice(0, 5)).toEqual([
      "Themagroep Onbegrepen gedrag",
      "Themagroep Doorzorg (ex-)detentie",
      "Themagroep Jeugd en Veiligheid",
      "Themagroep Huiselijk geweld en kindermishandeling",
      "Themagroep Mensenhandel",
    ]);
    expect(await page.getByRole("region", { name: "Overige gremia" }).getByRole("link").allTextContents()).toContain(
      "Algemeen bestuur samenwerkingsverband Twente",
    );
    expect(await page.getByRole("region", { name: "Archief: opgeheven gremia" }).textContent()).toContain(
      "Werkgroep Levensloopaanpak",
    );
    await expectAccessible(page);
  });

  it("a body page shows purpose, parent, children and members, without e-mail addresses for visitors", async () => {
    await visit(page, "/gremia/expertgroep-zvs");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Expertgroep Zorg, Veiligheid en Straf");
    expect(await page.getByRole("link", { name: "Stuurgroep Zorg, Veiligheid en Straf" }).count()).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Themagroep Mensenhandel" }).waitFor();
    const table = page.getByRole("table");
    expect(await table.textContent()).toContain("Daan Smit");
    expect(await table.textContent()).toContain("Voorzitter");
    expect(await page.content()).not.toContain("@zvh.example");
    expect(await page.getByRole("columnheader", { name: "E-mail" }).count()).toBe(0);
    await expectAccessible(page);
  });

  it("signed-in users see the members' e-mail addresses", async () => {
    await signInDirectly(context, "partner@gremium.example");
    await visit(page, "/gremia/expertgroep-zvs");
    await page.getByRole("link", { name: "d.smit@zvh.example" }).waitFor();
  });

  it("a retired body stays readable and says so", async () => {
    await visit(page, "/gremia/levensloopaanpak");
    await page.getByText("Dit gremium is opgeheven per 1 januari 2024").waitFor();
    await expectAccessible(page);
  });

  it("says where to report a vulnerability: security.txt and a Dutch page, linked from every page", async () => {
    const text = await (await fetch(`${baseUrl()}/.well-known/security.txt`)).text();
    expect(text).toMatch(/^Contact: mailto:security@gremium\.example$/m);
    expect(text).toMatch(/^Policy: \S+\/kwetsbaarheid-melden$/m);
    const expires = Date.parse(/^Expires: (\S+)$/m.exec(text)![1]!);
    expect(expires).toBeGreaterThan(Date.now() + 150 * 86_400_000);
    expect(expires).toBeLessThan(Date.now() + 365 * 86_400_000);
    await visit(page, "/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Kwetsbaarheid melden" }).click();
    await page.getByRole("heading", { level: 1, name: "Kwetsbaarheid melden" }).waitFor();
    expect(await page.getByRole("link", { name: "security@gremium.example" }).getAttribute("href")).toBe(
      "mailto:security@gremium.example",
    );
    await expectAccessible(page);
  });

  it("unknown addresses get a Dutch 404 inside the site layout", async () => {
    const response = await visit(page, "/bestaat/niet");
    expect(response.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Pagina niet gevonden");
    await page.getByRole("navigation", { name: "Hoofdmenu" }).waitFor();
    await expectAccessible(page);
    expect((await visit(page, "/gremia/bestaat-niet")).status()).toBe(404);
  });

  it("a forbidden page gets a Dutch 403 inside the site layout", async () => {
    await signInDirectly(context, "lid@gremium.example");
    const response = await visit(page, "/beheer");
    expect(response.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Geen toegang");
    await expectAccessible(page);
  });

  it("a failure gets a Dutch 500 page inside the layout, with a reference that is also in the server log", async () => {
    // Break the database under the running server for a moment: the bodies table disappears.
    const db = new Database(inject("databasePath"));
    db.exec("alter table bodies rename to bodies_weg");
    try {
      const response = await visit(page, "/gremia");
      expect(response.status()).toBe(500);
      // The reference must survive hydration: wait until the scripts have run.
      await page.waitForLoadState("networkidle");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Er ging iets mis");
      await page.getByRole("navigation", { name: "Hoofdmenu" }).waitFor();
      const reference = (await mainText(page)).match(/GRM-[0-9A-F]{10}/)?.[0];
      // The reference is the request's id: in its X-Request-Id header and in its log lines (JSON).
      expect(reference).toBe(response.headers()["x-request-id"]);
      await expect
        .poll(() =>
          readFileSync(inject("serverLogPath"), "utf8")
            .split("\n")
            .filter((line) => line.startsWith("{"))
            .map((line) => JSON.parse(line) as { requestId?: string; level: string; path?: string; status?: number })
            .filter((line) => line.requestId === reference)
            .map((line) => `${line.level} ${line.path} ${line.status ?? ""}`.trim()),
        )
        .toEqual(expect.arrayContaining(["error /gremia", "info /gremia 500"]));
      expect(await page.content()).not.toContain("bodies_weg");
      await expectAccessible(page);
    } finally {
      db.exec("alter table bodies_weg rename to bodies");
      db.close();
    }
    expect((await visit(page, "/gremia")).status()).toBe(200);
  });

  it("an id that is not a number is a 404, not a failure", async () => {
    await signInDirectly(context, "beheerder@gremium.example");
    expect((await visit(page, "/beheer/gebruikers/abc")).status()).toBe(404);
    expect((await visit(page, "/beheer/gremia/999999")).status()).toBe(404);
  });

  it("every response carries the security headers, with a CSP that allows no inline scripts", async () => {
    for (const path of ["/", "/gremia", "/bestaat-niet", "/healthz"]) {
      const response = await fetch(`${baseUrl()}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });

  it("a visitor's reading pages come without JavaScript; a signed-in person's pages hydrate", async () => {
    for (const path of ["/", "/gremia", "/besluiten", "/vergaderingen", "/nieuwsbrieven"]) {
      const html = await (await fetch(`${baseUrl()}${path}`)).text();
      expect(html, path).toContain("<main");
      expect(html, path).not.toContain("<script");
    }
    await signInDirectly(context, "lid@gremium.example");
    await visit(page, "/gremia");
    expect(await page.locator("script[type=module]").count()).toBeGreaterThan(0);
  });

  it("pages run with their scripts under the CSP: no violations reported", async () => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
    });
    // Signed in, so the page's scripts load and run.
    await signInDirectly(context, "lid@gremium.example");
    await visit(page, "/gremia");
    expect(await page.locator("script[type=module]").count()).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Themagroep Mensenhandel" }).click();
    await page.waitForURL("**/gremia/mensenhandel");
    await page.getByRole("heading", { level: 1, name: "Themagroep Mensenhandel" }).waitFor();
    expect(violations).toEqual([]);
  });

  it("/healthz reports the database and the migrations", async () => {
    const response = await fetch(`${baseUrl()}/healthz`);
    expect(response.status).toBe(200);
    const migrations = readdirSync("migrations").filter((file) => file.endsWith(".sql")).length;
    expect(await response.json()).toEqual({ status: "ok", database: "ok", migrations });
  });
});
