import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestMailTo } from "./outbox";
import {
  baseUrl,
  expectAccessible,
  expectAccessibleContent,
  launchBrowser,
  signInDirectly,
  visit,
  mainText,
} from "./browser";

// The kwartiermaker and the visitor work without JavaScript; axe runs in scripted browsers. The
// server has no SMTP_URL, so mail lands in the outbox beside its database, where we read it back.
let kwartiermaker: BrowserContext;
let checker: BrowserContext;
let visitorNoJs: BrowserContext;
let visitor: BrowserContext;
const address = "nieuwe.lezer@borne.example";

beforeAll(async () => {
  kwartiermaker = await launchBrowser({ javaScriptEnabled: false });
  checker = await launchBrowser();
  visitorNoJs = await launchBrowser({ javaScriptEnabled: false });
  visitor = await launchBrowser();
  await signInDirectly(kwartiermaker, "kwartiermaker@gremium.example");
  await signInDirectly(checker, "kwartiermaker@gremium.example");
});
afterAll(async () => {
  await Promise.all([kwartiermaker, checker, visitorNoJs, visitor].map((c) => c.close()));
});

async function checkAccessible(url: string, context = checker) {
  const page = await context.newPage();
  await page.goto(url);
  await expectAccessible(page);
  await page.close();
}

describe("the nieuwsbrief", () => {
  it("a visitor subscribes without JavaScript and confirms from the mail", async () => {
    const page = await visitorNoJs.newPage();
    await visit(page, "/nieuwsbrief/aanmelden");
    await checkAccessible(page.url(), visitor);
    await page.getByLabel("E-mailadres").fill("geen-adres");
    await page.getByLabel("Naam").fill("Nieuwe Lezer");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.getByText("Vul een geldig e-mailadres in", { exact: false }).waitFor();
    expect(await page.getByLabel("Naam").inputValue()).toBe("Nieuwe Lezer");
    await page.getByLabel("E-mailadres").fill(address);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.getByRole("heading", { name: "Kijk in uw mailbox" }).waitFor();

    const mail = await latestMailTo(address, /Bevestig uw aanmelding/);
    const link = /(https?:\/\/\S+\/nieuwsbrief\/bevestigen\/[a-z0-9]+)/.exec(mail.text!)![1]!;
    await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
    await checkAccessible(page.url(), visitor);
    await page.getByRole("button", { name: "Ja, ik wil de nieuwsbrief ontvangen" }).click();
    await page.getByText("Uw aanmelding is bevestigd.", { exact: false }).waitFor();
  });

  it("the kwartiermaker drafts, edits, previews, checks and publishes an edition without JavaScript", async () => {
    const page = await kwartiermaker.newPage();
    await visit(page, "/nieuwsbrieven");
    await page.getByRole("link", { name: "Nieuwe editie" }).click();
    // The web address is left empty: it is made from the title.
    await page.getByLabel("Titel").fill("Nieuwsbrief januari 2027");
    await page.getByLabel("Periode", { exact: false }).fill("oktober 2026 – januari 2027");
    await page.getByRole("button", { name: "Concept maken" }).click();
    await page.getByRole("heading", { level: 1, name: "Nieuwsbrief januari 2027" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/nieuwsbrieven/januari-2027/bewerken");
    const editor = page.url();
    await checkAccessible(editor);

    const intro = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /^Van de kwartiermaker/ }) });
    await intro.getByText("Blok ‘Van de kwartiermaker’ bewerken").click();
    await intro
      .getByRole("textbox", { name: /^Tekst/ })
      .fill("Een **nieuw jaar**, een nieuwe koers. Zie [de programma's](/programmas).");
    await intro.getByRole("button", { name: "Voorbeeld" }).click();
    const preview = page.getByRole("region", { name: "Voorbeeld" });
    await preview.waitFor();
    expect(await preview.innerHTML()).toContain("<strong>nieuw jaar</strong>");
    await page.getByRole("button", { name: "Blok opslaan" }).first().click();
    await page.getByText("Opgeslagen.").waitFor();

    // A link to a meeting the public may not see stops publication.
    await visit(page, "/vergaderingen?gremium=&jaar=2026");
    const closedMeeting = await page
      .getByRole("link", { name: /donderdag 17 september 2026/ })
      .first()
      .getAttribute("href");
    await page.goto(editor);
    const news = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /^Van de kwartiermaker/ }) });
    await news.getByText("Blok ‘Van de kwartiermaker’ bewerken").click();
    await news.getByRole("textbox", { name: /^Tekst/ }).fill(`Lees het [verslag](${closedMeeting}).`);
    await news.getByRole("button", { name: "Blok opslaan" }).click();
    await page.getByText("Publiceren kan nog niet:").waitFor();
    expect(await mainText(page)).toContain("verwijst naar een vergadering die niet openbaar is");
    expect(await page.getByRole("button", { name: "Publiceren en versturen" }).count()).toBe(0);
    await page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /^Van de kwartiermaker/ }) })
      .getByText("Blok ‘Van de kwartiermaker’ bewerken")
      .click();
    await page
      .getByRole("textbox", { name: /^Tekst/ })
      .first()
      .fill("Een **nieuw jaar**, een nieuwe koers. Zie [de programma's](/programmas).");
    await page.getByRole("button", { name: "Blok opslaan" }).first().click();
    await page.getByText("Alle links en afbeeldingen zijn in orde", { exact: false }).waitFor();

    const mailPreview = await page.request.get(`${baseUrl()}/nieuwsbrieven/januari-2027/mail?breedte=smal`);
    expect(mailPreview.status()).toBe(200);
    expect(await mailPreview.text()).toContain("max-width:360px");
    await page.getByRole("button", { name: "Testmail naar mijzelf" }).click();
    await page.getByText("De testmail is naar uw eigen adres verstuurd.").waitFor();
    await latestMailTo("kwartiermaker@gremium.example", /^\[Test\] Nieuwsbrief januari 2027$/);

    // Without JavaScript the send is a step of its own that says who will get the edition.
    await page.getByRole("button", { name: "Publiceren en versturen" }).click();
    await page.getByRole("heading", { level: 1, name: "Publiceren en versturen?" }).waitFor();
    expect(await page.getByText(/abonnees? krijg(t|en) deze editie per e-mail/).count()).toBe(1);
    await expectAccessibleContent(page, checker);
    await page.getByRole("button", { name: "Publiceren en versturen" }).click();
    await page.getByText("De nieuwsbrief is gepubliceerd en wordt verstuurd.").waitFor();
    for (let i = 0; i < 30; i++) {
      if ((await page.getByText(/verzonden, \d+ mislukt/).textContent())?.includes("0 te gaan")) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.reload();
    }
    expect(await page.getByText(/verzonden, \d+ mislukt/).textContent()).toMatch(/\d+ verzonden, 0 mislukt, 0 te gaan/);
    await checkAccessible(page.url());
  });

  it("with JavaScript the preview follows the typing, and the web address the title", async () => {
    const page = await checker.newPage();
    await visit(page, "/nieuwsbrieven/nieuw");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Titel").fill("Nieuwsbrief extra editie maart 2027");
    expect(await page.getByLabel("Webadres").inputValue()).toBe("extra-editie-maart-2027");
    await page.getByLabel("Webadres").fill("maart-extra");
    await page.getByLabel("Titel").fill("Nieuwsbrief maart 2027, extra");
    expect(await page.getByLabel("Webadres").inputValue()).toBe("maart-extra");

    await visit(page, "/nieuwsbrieven/december-2026/bewerken");
    const intro = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /^Van de kwartiermaker/ }) });
    await intro.getByText("Blok ‘Van de kwartiermaker’ bewerken").click();
    await intro.getByRole("textbox", { name: /^Tekst/ }).fill("Een **levend** voorbeeld.");
    const preview = intro.getByRole("region", { name: "Voorbeeld" });
    await preview.waitFor();
    expect(await preview.innerHTML()).toContain("<strong>levend</strong>");
    // Nothing was saved by previewing.
    await page.reload();
    expect(await mainText(page)).not.toContain("levend");
  });

  it("the subscriber reads the edition on the web and in the feed, and unsubscribes with one click", async () => {
    const mail = await latestMailTo(address, /^Nieuwsbrief januari 2027$/);
    expect(mail.html).toContain("nieuw jaar");
    const unsubscribe = /(https?:\/\/\S+\/nieuwsbrief\/afmelden\/[a-z0-9]+)/
      .exec(mail.text!)![1]!
      .replace(/^https?:\/\/[^/]+/, baseUrl());

    const page: Page = await visitorNoJs.newPage();
    await visit(page, "/nieuwsbrieven/januari-2027");
    await page.getByRole("heading", { level: 1, name: "Nieuwsbrief januari 2027" }).waitFor();
    await checkAccessible(page.url(), visitor);
    const feed = await (await page.request.get(`${baseUrl()}/nieuwsbrieven/feed.xml`)).text();
    expect(feed).toContain("<title>Nieuwsbrief januari 2027</title>");

    await page.goto(unsubscribe);
    await checkAccessible(page.url(), visitor);
    await page.getByRole("button", { name: "Afmelden" }).click();
    await page.getByText("U bent afgemeld", { exact: false }).waitFor();
    // A mail program's one-click POST, without a browser's origin, works as well.
    const again = await page.request.post(unsubscribe, { form: { "List-Unsubscribe": "One-Click" } });
    expect(again.status()).toBe(200);
    await checkAccessible(`${baseUrl()}/nieuwsbrieven`, visitor);
  });
});
