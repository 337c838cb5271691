import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZip } from "../zip";
import { baseUrl, expectAccessible, launchBrowser, signInDirectly, signInWithForm, visit } from "./browser";
import { mailIndexTo } from "./outbox";

// A new secretariaat enters its network's past: an expertgroep meeting of January 2022 recorded as held,
// its decision with a toezegging, adopted in June 2022, and the toezegging closed in September 2022 —
// all without JavaScript, nobody mailed, and every date the one of the event on page, Word and API.
let secretary: BrowserContext;
let checker: BrowserContext;
let page: Page;
const startedAt = new Date().toISOString();

beforeAll(async () => {
  secretary = await launchBrowser({ javaScriptEnabled: false });
  checker = await launchBrowser();
  await signInDirectly(checker, "secretariaat@gremium.example");
  page = await secretary.newPage();
  await signInWithForm(page, "secretariaat@gremium.example");
  await page.waitForURL(`${baseUrl()}/mijn`);
});
afterAll(async () => {
  await Promise.all([secretary.close(), checker.close()]);
});

async function expectSecretaryPageAccessible() {
  const other = await checker.newPage();
  await other.goto(page.url());
  await expectAccessible(other);
  await other.close();
}

/** Plans a past meeting of the expertgroep (the past date is asked about once) and records it as held. */
async function enterPastMeeting(date: string, dayText: string) {
  await visit(page, "/gremia/expertgroep-zvs");
  await page.getByRole("link", { name: "Nieuwe vergadering plannen" }).click();
  await page.getByLabel("Datum").fill(date);
  await page.getByLabel("Begintijd").fill("10.00");
  await page.getByLabel("Eindtijd").fill("12.00");
  await page.getByLabel("Plaats").fill("Stadhuis Enschede");
  await page.getByLabel("Openbare vergadering").check();
  await page.getByRole("button", { name: "Vergadering plannen" }).click();
  await page.getByText(`${dayText} ligt in het verleden. Legt u een gehouden vergadering vast?`).waitFor();
  await page.getByRole("button", { name: "Vergadering plannen" }).click();
  await page.getByText("De vergadering is gepland als concept").waitFor();
  const url = page.url().replace(/\?.*$/, "");
  // A meeting that is over is not published and mailed, but recorded as held.
  expect(await page.getByRole("button", { name: "Agenda publiceren" }).count()).toBe(0);
  await page.getByText("krijgt niemand een e-mail of uitnodiging").waitFor();
  await page.getByRole("button", { name: "Vastleggen als gehouden, zonder e-mail" }).click();
  await page.getByText("De vergadering is vastgelegd als gehouden; niemand is gemaild.").waitFor();
  return url;
}

describe("entering history", () => {
  let january = "";
  let reference = "";

  it("records a January 2022 meeting as held, with a decision and a toezegging due in June 2022", async () => {
    january = await enterPastMeeting("2022-01-20", "20 januari 2022");
    await page.getByText("achteraf vastgelegd op", { exact: false }).waitFor();
    await expectSecretaryPageAccessible();
    // The invitees of the time (a member since 2022) are listed, and none of them got mail.
    await page.getByText("Lotte Jansen").first().waitFor();

    // The advice assignment goes on the agenda, then its decision is recorded.
    await page.goto(`${january}/agenda`);
    await page.getByLabel("Rubriek", { exact: true }).selectOption({ label: "B Bespreekstukken" });
    await page.getByLabel("Onderwerp").fill("Adviesopdracht nazorg");
    await page.getByLabel("Voorstel/advies").fill("1. Een werkgroep te vragen om advies voor 1 juni.");
    await page.getByRole("button", { name: "Agendapunt toevoegen" }).click();
    await page.getByText("Agendapunt ‘Adviesopdracht nazorg’ is toegevoegd.").waitFor();
    await page.goto(`${january}/besluiten`);
    await page.getByText("Deze vergadering is achteraf vastgelegd", { exact: false }).waitFor();
    // Its number depends on the body's template of standing items (another test may add to it).
    const item = page.getByRole("region", { name: /^B\d+ Adviesopdracht nazorg/ });
    await item.getByText(/^Besluit vastleggen bij B\d+$/).click();
    await item.getByLabel("Uitkomst").selectOption({ label: "Conform voorstel" });
    await item.getByLabel("Besluit (niet verplicht)", { exact: true }).fill("Adviesopdracht aan een werkgroep.");
    await item.getByLabel("Toezegging 1: wat is er toegezegd").fill("Werkgroep brengt advies uit");
    await item.getByLabel("Toezegging 1: namens organisatie").selectOption({ index: 1 });
    await item.getByLabel("Toezegging 1: uiterlijk").fill("2022-01-10");
    // More toezeggingen than the form shows at first, also without JavaScript.
    await item.getByRole("button", { name: "Nog een toezegging" }).click();
    await item.getByLabel("Toezegging 2: wat is er toegezegd").waitFor();
    expect(await item.getByLabel("Toezegging 1: wat is er toegezegd").inputValue()).toBe("Werkgroep brengt advies uit");
    await item.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText("Kies een termijn vanaf 20 januari 2022, de dag van de vergadering.").waitFor();
    await expectSecretaryPageAccessible();
    await item.getByLabel("Toezegging 1: uiterlijk").fill("2022-06-30");
    await item.getByRole("button", { name: "Besluit vastleggen" }).click();
    const done = await page.getByText(/^Besluit \S+ is vastgelegd\.$/).textContent();
    reference = /Besluit (\S+) is/.exec(done!)![1]!;
    expect(reference).toMatch(/-2022-\d\d-B\d+$/);
  });

  it("adopts that list in a June 2022 meeting, on that meeting's date in page, Word and API", async () => {
    const june = await enterPastMeeting("2022-06-16", "16 juni 2022");
    await page.goto(`${june}/besluiten`);
    const hamerstuk = page.getByRole("region", { name: /^A\d+ Besluitenlijst/ });
    await hamerstuk.getByText(/^Besluit vastleggen bij A\d+$/).click();
    await hamerstuk.getByLabel("Uitkomst").selectOption({ label: "Conform voorstel" });
    await hamerstuk.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText(/^Besluit \S+ is vastgelegd\.$/).waitFor();

    await page.goto(`${january}/besluitenlijst`);
    await page.getByText("Vastgesteld in de vergadering van donderdag 16 juni 2022").waitFor();
    const docx = await page.request.get(`${january}/besluitenlijst.docx`);
    const xml = readZip(await docx.body()).get("word/document.xml")!;
    expect(xml).toContain("16 juni 2022");
    expect(xml).not.toContain(new Intl.DateTimeFormat("nl-NL", { dateStyle: "long" }).format(new Date()));

    const api = await page.request.get(`${baseUrl()}/api/v1/besluiten?gewijzigdSinds=${startedAt}&perPagina=100`);
    const besluit = ((await api.json()).results as { kenmerk: string; vastgesteldOp: string }[]).find(
      (b) => b.kenmerk === reference,
    );
    expect(besluit?.vastgesteldOp).toBe("2022-06-16");
  });

  it("closes the toezegging on 1 September 2022, and nobody was mailed about any of it", async () => {
    await visit(page, "/gremia/expertgroep-zvs/acties");
    await page.getByRole("link", { name: "Werkgroep brengt advies uit" }).first().click();
    await page.getByLabel("Afronden").check();
    await page.getByLabel("Toelichting").fill("Advies uitgebracht aan de expertgroep.");
    await page.getByLabel(/^Datum/).fill("2099-01-01");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("Kies vandaag of een dag in het verleden.").waitFor();
    expect(await page.getByLabel("Toelichting").inputValue()).toBe("Advies uitgebracht aan de expertgroep.");
    await expectSecretaryPageAccessible();
    await page.getByLabel("Afronden").check();
    await page.getByLabel(/^Datum/).fill("2022-09-01");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("afgerond op donderdag 1 september 2022", { exact: false }).waitFor();

    const api = await page.request.get(`${baseUrl()}/api/v1/acties?gewijzigdSinds=${startedAt}&perPagina=100`);
    const actie = ((await api.json()).results as { omschrijving: string; gesloten: string; termijn: string }[]).find(
      (a) => a.omschrijving === "Werkgroep brengt advies uit",
    );
    expect(actie).toMatchObject({ termijn: "2022-06-30", gesloten: "2022-09-01" });

    expect(mailIndexTo("l.jansen@enschede.example").filter((m) => /2022/.test(m.subject))).toEqual([]);
  });
});
