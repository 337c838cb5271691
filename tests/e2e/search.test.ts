import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bodies } from "../../db/schema";
import { getDb } from "../../app/lib/db.server";
import { addTopic } from "../../app/models/planning.server";
import { makeViewer } from "../factories";
import { expectAccessible, launchBrowser, signInDirectly, visit, mainText } from "./browser";

let visitorNoJs: BrowserContext;
let visitor: BrowserContext;
let member: BrowserContext;

beforeAll(async () => {
  visitorNoJs = await launchBrowser({ javaScriptEnabled: false });
  visitor = await launchBrowser();
  member = await launchBrowser();
  await signInDirectly(member, "lid@gremium.example");
});
afterAll(async () => {
  await Promise.all([visitorNoJs, visitor, member].map((c) => c.close()));
});

describe("search", () => {
  it("searches from the header on any page, without JavaScript, showing only what the visitor may see", async () => {
    const page = await visitorNoJs.newPage();
    await visit(page, "/gremia");
    await page.getByRole("search", { name: "Zoeken", exact: true }).getByLabel("Zoekterm").fill("convenant");
    await page.getByRole("button", { name: "Zoek", exact: true }).click();
    // The page streams in: wait for the results, not only its first heading.
    await page.getByRole("heading", { level: 2, name: "Programma's en opgaven" }).waitFor();
    await page.waitForLoadState("load");
    expect(page.url()).toContain("/zoeken?q=convenant");
    const main = await mainText(page);
    expect(main).toContain("Programma's en opgaven");
    expect(main).toContain("Nieuwsbrieven");
    // The stuurgroep's meetings are not public: its decision and action on the convenant stay hidden.
    expect(main).not.toContain("ter ondertekening aan de veertien colleges");
    const check = await visitor.newPage();
    await check.goto(page.url());
    await expectAccessible(check);
  });

  it("a member of the stuurgroep finds its decisions and actions, with diacritics folded", async () => {
    const page = await member.newPage();
    await visit(page, "/zoeken?q=casuistiek");
    await page.getByRole("heading", { level: 2, name: "Programma's en opgaven" }).waitFor();
    await visit(page, "/zoeken?q=convenant");
    await page.getByRole("heading", { level: 2, name: "Besluiten" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Acties" }).waitFor();
    await page.getByRole("link", { name: /^Acties \(\d+\)$/ }).click();
    await page.waitForURL(/soort=action/);
    await page.getByRole("heading", { level: 2, name: "Acties" }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "Besluiten" }).count()).toBe(0);
    const marks = await page.locator("mark").allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain("convenant");
    await expectAccessible(page);
  });
  it("finds a topic on a body's bestuursagenda and leads to it on the planning page", async () => {
    const db = getDb();
    const body = db
      .select({ id: bodies.id, slug: bodies.slug })
      .from(bodies)
      .where(eq(bodies.slug, "stuurgroep-zvs"))
      .get()!;
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const subject = `Doorbraakaanpak woonoverlast ${process.pid}`;
    const { id } = addTopic({
      viewer: secretary,
      bodyId: body.id,
      input: {
        subject,
        purpose: "informatie",
        ownerName: null,
        meetingId: null,
        quarter: "2027-K4",
        isConfidential: false,
      },
    });
    const page = await visitorNoJs.newPage();
    await visit(page, `/zoeken?q=${encodeURIComponent(`doorbraakaanpak woonoverlast ${process.pid}`)}`);
    await page.getByRole("heading", { level: 2, name: "Bestuursagenda" }).waitFor();
    await page.getByRole("link", { name: subject }).click();
    await page.waitForURL(new RegExp(`/gremia/stuurgroep-zvs/planning#onderwerp-${id}$`));
    expect(await page.locator(`#onderwerp-${id}`).textContent()).toContain(subject);
    await page.close();
  });
});

describe("open data", () => {
  it("the API page explains it in Dutch; the API answers JSON and a problem for a bad parameter", async () => {
    const page = await visitor.newPage();
    await visit(page, "/api");
    await page.getByRole("heading", { level: 1, name: "Open data" }).waitFor();
    await expectAccessible(page);
    const list = await page.request.get(`${page.url().replace(/\/api$/, "")}/api/v1/besluiten?perPagina=5`);
    expect(list.status()).toBe(200);
    const body = await list.json();
    expect(body).toMatchObject({ count: expect.any(Number), previous: null, results: expect.any(Array) });
    const bad = await page.request.get(`${page.url().replace(/\/api$/, "")}/api/v1/besluiten?perPagina=999`);
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
  });
});

describe("search in papers", () => {
  it("a member finds a word inside a besloten PDF and reaches that paper in one tap, knowing its meeting", async () => {
    const page = await member.newPage();
    await visit(page, "/zoeken?q=tussenvoorziening");
    const hit = page.getByRole("listitem").filter({ hasText: "Voorstel regionale voorrangsregeling nazorg" });
    expect(await hit.textContent()).toContain("Stuurgroep Zorg, Veiligheid en Straf, donderdag 10 december 2026");
    expect(await hit.textContent()).toMatch(/Stuk bij agendapunt B\d/);
    await expectAccessible(page);
    await hit.getByRole("link", { name: /Voorstel regionale voorrangsregeling nazorg/ }).click();
    await page.waitForURL(/\/stukken\/\d+$/);
    await page.getByRole("heading", { level: 1, name: "Voorstel regionale voorrangsregeling nazorg" }).waitFor();
    // A visitor finds nothing of it.
    const outside = await visitorNoJs.newPage();
    await visit(outside, "/zoeken?q=tussenvoorziening");
    expect(await mainText(outside)).not.toContain("voorrangsregeling");
    await Promise.all([page.close(), outside.close()]);
  });
});
