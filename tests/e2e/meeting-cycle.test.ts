import type { BrowserContext, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { SignedInViewer } from "../../app/auth/viewer";
import { connectDatabase, openDatabase } from "../../app/lib/db.server";
import { todayIso } from "../../app/lib/format";
import { carryOutMeetingMode } from "../../app/lib/meeting-mode-actions.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { addDocument } from "../../app/models/documents.server";
import { createMeeting, publishAgenda } from "../../app/models/meetings.server";
import { makeBody, makeMembership, makeViewer } from "../factories";
import { baseUrl, expectAccessible, launchBrowser, signInDirectly, visit } from "./browser";
import { latestMailTo } from "./outbox";

// The meeting itself and the time between: a new stuurgroep of its own (so other suites' data stays
// as they expect) with a secretary, two voting members, a meeting going on now and the next one.

let secretary: SignedInViewer;
let anna: SignedInViewer;
let bert: SignedInViewer;
let body: { id: number; slug: string };
let meetingId: number;
let nextMeetingId: number;
let openItem: { id: number };
let closedItem: { id: number };
let paperId: number;
const contexts: BrowserContext[] = [];

async function browser({ as, javaScript = true }: { as?: SignedInViewer; javaScript?: boolean } = {}) {
  const context = await launchBrowser({ javaScriptEnabled: javaScript });
  contexts.push(context);
  if (as) await signInDirectly(context, as.email);
  return context;
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

beforeAll(async () => {
  connectDatabase(openDatabase(inject("databasePath")));
  const made = makeBody({
    kind: "stuurgroep",
    code: "LV",
    name: "Stuurgroep Live",
    slug: `stuurgroep-live-${Date.now()}`,
  });
  body = made;
  secretary = await makeViewer({ role: "secretariaat", name: "Sanne Secretaris", memberBodyIds: [made.id] });
  makeMembership({ bodyId: made.id, personId: secretary.personId, role: "secretaris" });
  anna = await makeViewer({ role: "lid", name: "Anna Burgemeester", memberBodyIds: [made.id] });
  bert = await makeViewer({ role: "lid", name: "Bert Directeur", memberBodyIds: [made.id] });
  for (const member of [anna, bert]) makeMembership({ bodyId: made.id, personId: member.personId, role: "lid" });
  // Going on now: started a quarter of an hour ago (in Amsterdam time, as the form would say).
  const now = new Date(Date.now() - 15 * 60_000);
  const time = new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" })
    .format(now)
    .replace(".", ":");
  const { id } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: made.id,
      date: todayIso(),
      startTime: time,
      endTime: "23:59",
      location: "Hengelo",
      isPublic: true,
    },
  });
  meetingId = id;
  openItem = addAgendaItem({
    viewer: secretary,
    meetingId: id,
    input: {
      section: "B",
      subject: "Zorgcontinuïteit",
      proposalMarkdown: "Instemmen met de aanpak.",
      isConfidential: false,
      plannedMinutes: 20,
    },
  });
  closedItem = addAgendaItem({
    viewer: secretary,
    meetingId: id,
    input: { section: "B", subject: "Dossier Kievit", proposalMarkdown: "Besloten bespreking.", isConfidential: true },
  });
  paperId = addDocument({
    viewer: secretary,
    agendaItemId: openItem.id,
    title: "Aanpak zorgcontinuïteit",
    isConfidential: false,
    content: { markdown: "De aanpak in het kort." },
  }).id;
  publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
  const next = createMeeting({
    viewer: secretary,
    input: {
      bodyId: made.id,
      date: "2027-06-10",
      startTime: "10:00",
      endTime: "12:00",
      location: "Almelo",
      isPublic: true,
    },
  });
  nextMeetingId = next.id;
  publishAgenda({ viewer: secretary, id: next.id, expectedVersion: 1 });
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
});

describe("the meeting itself and the time between", () => {
  it("the secretariaat runs the meeting in meeting mode without JavaScript; the concept list holds what was captured", async () => {
    const page = await (await browser({ as: secretary, javaScript: false })).newPage();
    await visit(page, `/vergaderingen/${meetingId}`);
    await page.getByRole("link", { name: "Vergadermodus: de vergadering leiden" }).click();
    await page.getByRole("heading", { level: 1, name: "Vergadermodus" }).waitFor();
    // The agenda starts with the body's standing items; the secretary goes to B1 and opens it.
    await page
      .getByRole("navigation", { name: "Agendapunten" })
      .getByRole("link", { name: "B1. Zorgcontinuïteit" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Punt B1: Zorgcontinuïteit" }).waitFor();
    await page.getByRole("button", { name: "Dit punt in bespreking nemen" }).click();
    await page.getByText(/In bespreking sinds .*: 0 minuten van de geplande 20/).waitFor();
    await page.getByRole("button", { name: "Aanwezig: Anna Burgemeester" }).click();
    await page.getByText("Anna Burgemeester: Aanwezig").waitFor();

    const decision = page.getByRole("form", { name: "Nieuw besluit" });
    await decision.getByLabel("Uitkomst").selectOption({ label: "Gewijzigd vastgesteld" });
    await decision
      .getByLabel("Besluit", { exact: true })
      .fill("De stuurgroep stemt in met de aanpak, met een evaluatie na een jaar.");
    await decision
      .getByLabel(/^Verslag/)
      .fill("Anna Burgemeester vroeg naar de kosten; de voorzitter zegde een notitie toe.");
    await decision.getByRole("button", { name: "Besluit vastleggen" }).click();
    await page.getByText("Besluit en verslag staan in de concept-besluitenlijst.").waitFor();
    await page.getByRole("heading", { name: /^Besluit LV-\d{4}-\d\d-B1$/ }).waitFor();

    const commitment = page.getByRole("form", { name: /^Toezegging bij besluit/ });
    await commitment.getByRole("button", { name: "Toezegging vastleggen" }).click();
    await page.getByText("Beschrijf wat er is toegezegd.").waitFor();
    await page
      .getByRole("form", { name: /^Toezegging bij besluit/ })
      .getByLabel("Toezegging")
      .fill("Notitie over de kosten");
    await page
      .getByRole("form", { name: /^Toezegging bij besluit/ })
      .getByLabel("Door")
      .selectOption({ label: "Anna Burgemeester" });
    await page
      .getByRole("form", { name: /^Toezegging bij besluit/ })
      .getByRole("button", { name: "Toezegging vastleggen" })
      .click();
    await page.getByText("Toezegging vastgelegd.").waitFor();

    await page.getByRole("button", { name: "Volgend punt" }).click();
    await page.getByRole("heading", { level: 2, name: /^Punt B2: Dossier Kievit/ }).waitFor();
    await page.getByRole("button", { name: "Vergadering sluiten" }).click();
    await page.getByRole("heading", { level: 1, name: /Concept besluitenlijst/ }).waitFor();
    await page.waitForLoadState("load");
    const list = await page.locator("main").innerText();
    expect(list).toContain("De stuurgroep stemt in met de aanpak, met een evaluatie na een jaar.");
    expect(list).toContain("Verslag");
    expect(list).toContain("de voorzitter zegde een notitie toe");
    expect(list).toContain("Notitie over de kosten");

    // The same pages as a scripted browser sees them: accessible.
    const checker = await (await browser({ as: secretary })).newPage();
    await visit(checker, `/vergaderingen/${meetingId}/vergadermodus?punt=${openItem.id}`);
    await expectAccessible(checker);
    await visit(checker, `/vergaderingen/${meetingId}/live`);
    await expectAccessible(checker);
  });

  it("with JavaScript the meeting mode saves in the background, keeps what was typed through a dropped connection and never saves over another screen by itself", async () => {
    const context = await browser({ as: secretary });
    const page = await context.newPage();
    await visit(page, `/vergaderingen/${meetingId}/vergadermodus?punt=${openItem.id}`);
    await page.waitForLoadState("networkidle");
    const decision = page.getByRole("form", { name: /^Besluit LV-/ });
    const verslag = decision.getByLabel(/^Verslag/);
    await context.setOffline(true);
    await verslag.fill("Aangevuld tijdens de vergadering: de wethouder steunt het voorstel.");
    await decision.getByRole("button", { name: "Opslaan" }).click();
    await decision.getByText(/Niet opgeslagen: geen verbinding\. Uw tekst blijft op dit apparaat bewaard/).waitFor();
    expect(page.url()).toContain(`punt=${openItem.id}`);
    await context.setOffline(false);
    await decision.getByText(/Besluit en verslag opgeslagen in de concept-besluitenlijst/).waitFor({ timeout: 15_000 });
    // Typing on saves by itself a few seconds later, over the version the first save returned.
    await verslag.fill("Aangevuld tijdens de vergadering: de wethouder en de directeur steunen het voorstel.");
    let list = "";
    for (let attempt = 0; attempt < 50 && !list.includes("de wethouder en de directeur"); attempt++) {
      await page.waitForTimeout(300);
      list = await (await context.request.get(`${baseUrl()}/vergaderingen/${meetingId}/besluitenlijst`)).text();
    }
    expect(list).toContain("de wethouder en de directeur steunen het voorstel");

    // Meanwhile a second screen saves the same decision: this page is told, and does not save over it
    // by itself; only an explicit "Opslaan" does.
    const decisionId = Number(await decision.locator('input[name="decisionId"]').inputValue());
    const other = carryOutMeetingMode({
      viewer: secretary,
      meetingId,
      formData: form({
        intent: "decision",
        itemId: String(openItem.id),
        decisionId: String(decisionId),
        version: String(await decision.locator('input[name="version"]').inputValue()),
        outcome: "gewijzigd",
        textMarkdown: "Tekst van het tweede scherm.",
        discussionMarkdown: "Verslag van het tweede scherm.",
      }),
    });
    expect(other.ok, JSON.stringify(other)).toBe(true);
    await verslag.fill("Verslag van dit scherm, na het tweede.");
    await decision
      .getByText(/Niet opgeslagen: .*Nu opgeslagen: ‘Tekst van het tweede scherm\./)
      .waitFor({ timeout: 15_000 });
    await decision.getByRole("button", { name: "Opslaan" }).click();
    await decision.getByText(/Besluit en verslag opgeslagen/).waitFor();
    const after = await (await context.request.get(`${baseUrl()}/vergaderingen/${meetingId}/besluitenlijst`)).text();
    expect(after).toContain("Verslag van dit scherm, na het tweede.");

    // The server unreachable and the page reloaded (a crashed tab, a restart): the typed text comes back.
    await page.route("**/vergadermodus/opslaan", (route) => route.abort());
    await verslag.fill("Getypt terwijl de server onbereikbaar was.");
    await decision.getByRole("button", { name: "Opslaan" }).click();
    await decision.getByText(/Niet opgeslagen: geen verbinding/).waitFor();
    await page.reload();
    const restored = page.getByRole("form", { name: /^Besluit LV-/ });
    await restored.getByText(/Hersteld van dit apparaat/).waitFor();
    expect(await restored.getByLabel(/^Verslag/).inputValue()).toBe("Getypt terwijl de server onbereikbaar was.");
    await page.unroute("**/vergadermodus/opslaan");
    await restored.getByRole("button", { name: "Opslaan" }).click();
    await restored.getByText(/Besluit en verslag opgeslagen/).waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("gremium:")))).toEqual(
      [],
    );
  });

  it("a member's live page receives the decision as it is recorded; a visitor's only what is public", async () => {
    const memberPage = await (await browser({ as: anna })).newPage();
    const visitorPage = await (await browser()).newPage();
    for (const page of [memberPage, visitorPage]) {
      await visit(page, `/vergaderingen/${meetingId}/live`);
      await page.getByText("Deze pagina werkt zichzelf bij.").waitFor();
    }
    carryOutMeetingMode({
      viewer: secretary,
      meetingId,
      formData: form({ intent: "start", itemId: String(closedItem.id) }),
    });
    carryOutMeetingMode({
      viewer: secretary,
      meetingId,
      formData: form({
        intent: "decision",
        itemId: String(closedItem.id),
        outcome: "verworpen",
        textMarkdown: "Besloten besluit over Kievit.",
      }),
    });
    await memberPage.getByText("Nu aan de orde: punt B2, Dossier Kievit.", { exact: false }).waitFor();
    await memberPage.locator("[data-live-decisions]").getByText("Besloten besluit over Kievit.").waitFor();
    await visitorPage.getByText("Punt B2: besloten agendapunt").waitFor();
    const seen = await visitorPage.locator("main").innerText();
    expect(seen).toContain("De stuurgroep stemt in met de aanpak");
    expect(seen).not.toContain("Kievit");
    // Its stream too carries nothing besloten.
    const stream = await fetch(`${baseUrl()}/vergaderingen/${meetingId}/live/stream`);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    let text = "";
    while (!/event: live\ndata: .*\n\n/.test(text)) text += Buffer.from((await reader.read()).value!).toString("utf8");
    await reader.cancel();
    expect(text).toContain("Zorgcontinu");
    expect(text).not.toContain("Kievit");
    // Without JavaScript the page looks again every 30 seconds.
    const plain = await (await browser({ javaScript: false })).newPage();
    await visit(plain, `/vergaderingen/${meetingId}/live`);
    expect(await plain.locator('meta[http-equiv="refresh"]').getAttribute("content")).toBe("30");
  });

  it("a written procedure from sending to its decision on the next list, one answer through the mailed link", async () => {
    const page = await (await browser({ as: secretary, javaScript: false })).newPage();
    await visit(page, `/gremia/${body.slug}/schriftelijk`);
    await page.getByRole("button", { name: "Versturen aan de leden" }).click();
    await page.getByText("Vul de titel in.").waitFor();
    await page.getByLabel("Titel").fill("Extra crisisbedden winter");
    await page.getByRole("textbox", { name: "Voorstel" }).fill("De stuurgroep stemt in met vier extra crisisbedden.");
    await page.getByLabel("Termijn: datum").fill("2027-06-01");
    await page.getByLabel("Termijn: tijd").fill("17.00");
    await page.getByLabel(/^Stukken/).setInputFiles({
      name: "toelichting-crisisbedden.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Vier bedden, kosten 48.000 euro per jaar."),
    });
    await page.getByRole("button", { name: "Versturen aan de leden" }).click();
    await page.getByRole("heading", { level: 1, name: /^LV-\d{4}-S1: Extra crisisbedden winter/ }).waitFor();
    const procedureUrl = page.url().replace(/\?.*$/, "");

    // Anna answers from the mail, without signing in.
    const mail = await latestMailTo(anna.email, /Schriftelijke ronde LV-\d{4}-S1/);
    const link = String(mail.text).match(/https?:\/\/\S+\/antwoord\/[a-z0-9]+/)![0];
    // Every page of the round passes axe (opening the link does not use it up; answering does).
    const checker = await (await browser({ as: secretary })).newPage();
    for (const url of [`/gremia/${body.slug}/schriftelijk`, new URL(procedureUrl).pathname]) {
      await visit(checker, url);
      await expectAccessible(checker);
    }
    const linkChecker = await (await browser()).newPage();
    await linkChecker.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
    await linkChecker.getByRole("button", { name: "Antwoord versturen" }).waitFor();
    await expectAccessible(linkChecker);
    const visitor = await (await browser({ javaScript: false })).newPage();
    await visitor.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
    await visitor.getByText("Anna Burgemeester", { exact: false }).first().waitFor();
    // The paper opens through the link too, as long as the link is unused.
    const paperHref = await visitor.getByRole("link", { name: "Toelichting crisisbedden" }).getAttribute("href");
    const paper = await visitor.context().request.get(`${baseUrl()}${paperHref}`);
    expect(await paper.text()).toContain("48.000 euro");
    await visitor.getByLabel("Uw antwoord").selectOption({ label: "Instemmen" });
    await visitor.getByRole("button", { name: "Antwoord versturen" }).click();
    await visitor.getByRole("heading", { name: "Dank u wel" }).waitFor();
    await visitor.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
    await visitor.getByRole("heading", { name: "Deze link werkt niet (meer)" }).waitFor();

    // Bert answers signed in.
    const bertPage = await (await browser({ as: bert })).newPage();
    await visit(bertPage, "/mijn");
    await bertPage.getByRole("link", { name: /Extra crisisbedden winter/ }).click();
    await bertPage.getByRole("combobox", { name: "Uw antwoord" }).selectOption({ label: "Onthouden" });
    await bertPage.getByRole("button", { name: "Antwoord opslaan" }).click();
    await bertPage.getByText("Uw antwoord is opgeslagen.").waitFor();

    await page.goto(procedureUrl);
    expect(await page.locator("main").innerText()).toMatch(/Anna Burgemeester\s+Instemmen/);
    await page.getByRole("button", { name: "Ronde sluiten en uitkomst vastleggen" }).click();
    await page.getByText("De ronde is gesloten").waitFor();
    await page.getByRole("link", { name: "besluitenlijst van de volgende vergadering" }).click();
    expect(new URL(page.url()).pathname).toBe(`/vergaderingen/${nextMeetingId}/besluitenlijst`);
    const written = page.getByRole("region", { name: "Schriftelijk besloten" });
    await written.getByRole("heading", { name: /LV-\d{4}-S1: Extra crisisbedden winter/ }).waitFor();
    await page.waitForLoadState("load");
    expect(await written.innerText()).toContain("Aangenomen");
  });

  it("a note stays private to its author across page, search, pack and API", async () => {
    const annaPage = await (await browser({ as: anna })).newPage();
    await visit(annaPage, `/vergaderingen/${meetingId}`);
    await annaPage.getByRole("link", { name: "Notities maken bij de agendapunten en stukken" }).click();
    const item = annaPage.getByRole("region", { name: /Zorgcontinuïteit/ });
    await item.getByLabel("Bij").selectOption({ label: "Stuk: Aanpak zorgcontinuïteit" });
    await item.getByRole("textbox", { name: "Notitie" }).fill("Vraag over de wachtlijst koekoeksklok");
    await item.getByRole("button", { name: /Notitie toevoegen/ }).click();
    await annaPage.getByText("De notitie is opgeslagen.").waitFor();
    await expectAccessible(annaPage);
    await visit(annaPage, "/zoeken?q=koekoeksklok");
    await annaPage.getByRole("link", { name: /Notitie bij Zorgcontinuïteit/ }).waitFor();

    const bertPage = await (await browser({ as: bert })).newPage();
    for (const path of [`/vergaderingen/${meetingId}/notities`, "/zoeken?q=koekoeksklok", `/stukken/${paperId}`]) {
      await visit(bertPage, path);
      expect(await bertPage.locator("main").innerText(), path).not.toContain("Vraag over de wachtlijst");
    }
    // Anna's pack carries it; Bert's and the public one do not.
    const packText = async (cookieSource: Page | null) => {
      const request = cookieSource ? cookieSource.context().request : (await browser()).request;
      for (let attempt = 0; attempt < 100; attempt++) {
        const response = await request.get(`${baseUrl()}/vergaderingen/${meetingId}/stukken.pdf`);
        if (response.headers()["content-type"] === "application/pdf") {
          const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.body())), {
            mergePages: true,
          });
          return String(text);
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      throw new Error("geen pakket");
    };
    expect(await packText(annaPage)).toContain("koekoeksklok");
    expect(await packText(bertPage)).not.toContain("koekoeksklok");
    expect(await packText(null)).not.toContain("koekoeksklok");
    for (const collection of ["agendapunten", "informatieobjecten", "besluiten", "vergaderingen"]) {
      const api = await fetch(`${baseUrl()}/api/v1/${collection}?perPagina=200`);
      expect(await api.text(), collection).not.toContain("koekoeksklok");
    }
    await visit(annaPage, "/mijn");
    expect(
      await annaPage.getByRole("region", { name: "Mijn notities voor komende vergaderingen" }).innerText(),
    ).toContain("koekoeksklok");
  });
});
