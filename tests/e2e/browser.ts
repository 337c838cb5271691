import AxeBuilder from "@axe-core/playwright";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { expect, inject } from "vitest";
import { users } from "../../db/schema";
import { connectDatabase, getDb, openDatabase } from "../../app/lib/db.server";
import { createSession } from "../../app/models/sessions.server";
import { SESSION_COOKIE } from "../../app/auth/session.server";

export const baseUrl = () => inject("baseUrl");
export const DEMO_PASSWORD = "gremium-demo";

/** Debian's Chromium with a fresh profile each time: a profile that another Chromium still holds is locked. */
export async function launchBrowser({ javaScriptEnabled = true } = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(inject("profileRoot"), "profiel-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    javaScriptEnabled,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Runs axe-core with the WCAG 2.1 A and AA rules and fails on any violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, `axe op ${page.url()}`).toEqual([]);
}

/**
 * Runs axe on what a browser without JavaScript shows, such as the answer to a post that cannot be
 * reloaded: its HTML is shown again in a scripted browser (on the same address, so styles load).
 */
export async function expectAccessibleContent(shown: Page, scripted: BrowserContext) {
  const page = await scripted.newPage();
  await page.goto(shown.url());
  await page.setContent(await shown.content());
  await expectAccessible(page);
  await page.close();
}

/**
 * The text of the page's main content once the page has loaded. Pages stream in: a message a test waited
 * for can be there before the rest of the page on a busy machine, so reading at once reads half a page.
 */
export async function mainText(page: Page) {
  await page.waitForLoadState("load");
  return (await page.getByRole("main").textContent()) ?? "";
}

export async function visit(page: Page, path: string) {
  const response = await page.goto(`${baseUrl()}${path}`);
  return response!;
}

/** Opens a page that is not for visitors: it must ask them to sign in, and come back to it afterwards. */
export async function expectSignInAskedFor(page: Page, path: string) {
  const url = new URL((await visit(page, path)).url());
  expect(url.pathname, path).toBe("/inloggen");
  expect(url.searchParams.get("redirectTo"), path).toBe(path);
}

export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await visit(page, "/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
}

/** Signs a demo user in by creating the session directly in the database (fast set-up for tests that are not about signing in). */
export async function signInDirectly(context: BrowserContext, email: string) {
  connectDatabase(openDatabase(inject("databasePath")));
  const user = getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`Geen gebruiker ${email}`);
  const { token } = createSession({ userId: user.id });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseUrl(), httpOnly: true, sameSite: "Lax" }]);
}
