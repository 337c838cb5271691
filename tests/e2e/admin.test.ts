import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, signInDirectly, signInWithForm, visit } from "./browser";
import { latestMailTo } from "./outbox";
import { readZip, writeZip } from "../zip";

let admin: BrowserContext;
let newcomer: BrowserContext;
let page: Page;

beforeAll(async () => {
  admin = await launchBrowser();
  newcomer = await launchBrowser();
  await signInDirectly(admin, "beheerder@gremium.example");
  page = await admin.newPage();
});
afterAll(async () => {
  await admin.close();
  await newcomer.close();
});

describe("beheer", () => {
  it("every beheer page passes axe", async () => {
    for (const path of [
      "/beheer",
      "/beheer/gebruikers",
      "/beheer/gebruikers/nieuw",
      "/beheer/gremia",
      "/beheer/gremia/nieuw",
      "/beheer/logboek",
      "/beheer/toegang",
      "/beheer/inlogmethoden",
      "/beheer/instellingen",
      "/beheer/archief",
      "/account",
      "/account/tweestapsverificatie",
    ]) {
      const response = await visit(page, path);
      expect(response.status(), path).toBe(200);
      await expectAccessible(page);
    }
    await visit(page, "/beheer/gremia");
    await page.getByRole("link", { name: "Themagroep Mensenhandel" }).click();
    await page.getByRole("heading", { level: 1, name: "Themagroep Mensenhandel" }).waitFor();
    await expectAccessible(page);
    await visit(page, "/beheer/gebruikers");
    await page.getByRole("link", { name: "Noor Bakker" }).click();
    await page.getByRole("heading", { level: 1, name: "Noor Bakker" }).waitFor();
    await expectAccessible(page);
  });

  it("adds an organisation such as VNG and renames it; a duplicate name is refused at the field", async () => {
    await visit(page, "/beheer/organisaties");
    await expectAccessible(page);
    const add = page.getByRole("form", { name: "Organisatie toevoegen" });
    await add.getByLabel("Naam").fill("VNG");
    await add.getByLabel("Soort").selectOption({ label: "Partnerorganisatie" });
    await add.getByRole("button", { name: "Organisatie toevoegen" }).click();
    await page.getByText("De organisatie is toegevoegd.").waitFor();
    await add.getByLabel("Naam").fill("vng");
    await add.getByRole("button", { name: "Organisatie toevoegen" }).click();
    await page.getByText("Er is al een organisatie met (bijna) deze naam.").waitFor();
    expect(await add.getByLabel("Naam").inputValue()).toBe("vng");
    await expectAccessible(page);
    const vng = page.getByRole("listitem").filter({ hasText: /^VNG/ });
    await vng.getByText("Wijzigen").click();
    await vng.getByLabel("Naam").fill("Vereniging van Nederlandse Gemeenten");
    await vng.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("De organisatie is gewijzigd.").waitFor();
    await page.getByText("Vereniging van Nederlandse Gemeenten — partnerorganisatie, 0 personen").waitFor();
  });

  it("imports a network's zip: tried first with a report and nothing saved, problems named by file and line", async () => {
    const zip = (people: string) => ({
      name: "geschiedenis.zip",
      mimeType: "application/zip",
      buffer: writeZip([
        { path: "geschiedenis/organisations.yaml", content: "- { slug: ggz-oost, name: GGZ Oost, kind: partner }\n" },
        { path: "geschiedenis/people.yaml", content: people },
      ]),
    });
    const person = "- slug: ria-oost\n  name: Ria Oost\n  organisation: ggz-oost\n";
    await visit(page, "/beheer/import");
    await expectAccessible(page);
    await page
      .getByLabel("Zipbestand")
      .setInputFiles(zip(person.replace("organisation: ggz-oost", "organisation: ggz-west")));
    await page.getByRole("button", { name: "Proefimport" }).click();
    const field = page.getByLabel("Zipbestand");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    await page.getByText('people.yaml:3: onbekende organisatie "ggz-west"').waitFor();

    await field.setInputFiles(zip(person));
    await page.getByRole("button", { name: "Proefimport" }).click();
    const report = page.getByRole("region", { name: "Proefimport van geschiedenis.zip" });
    await report.getByText("Er is nog niets opgeslagen.").waitFor();
    expect(await report.getByRole("listitem").allTextContents()).toEqual(
      expect.arrayContaining(["Organisatie GGZ Oost toegevoegd", expect.stringMatching(/Ria Oost/)]),
    );
    await expectAccessible(page);
    const other = await admin.newPage();
    await visit(other, "/beheer/organisaties");
    expect(await other.getByText("GGZ Oost").count()).toBe(0);

    await report.getByRole("button", { name: "Importeren" }).click();
    await page.getByText(/Import voltooid: \d+ wijzigingen opgeslagen/).waitFor();
    await visit(other, "/beheer/organisaties");
    await other.getByText("GGZ Oost", { exact: true }).waitFor();
    await visit(other, "/beheer/logboek");
    await other.getByText(/Eigen gegevens geïmporteerd: 0 gremia, 1 persoon/).waitFor();
    await other.close();
  });

  it("keeps the Woo publisher and the statements; a publisher outside the TOOI lists is refused at the field", async () => {
    await visit(page, "/beheer/instellingen");
    const woo = page.getByRole("form", { name: "Openbaarmaking (Woo)" });
    await woo.getByLabel("Publicerende organisatie").fill("Gemeente Nergenshuizen");
    await woo.getByRole("button", { name: "Organisatie opslaan" }).click();
    await page.getByText("Deze organisatie staat niet in de TOOI-lijsten").waitFor();
    expect(await woo.getByLabel("Publicerende organisatie").inputValue()).toBe("Gemeente Nergenshuizen");
    await expectAccessible(page);
    await woo.getByLabel("Publicerende organisatie").fill("Veiligheidsregio Twente");
    await woo.getByRole("button", { name: "Organisatie opslaan" }).click();
    await page.getByText("De publicerende organisatie is opgeslagen.").waitFor();
    const robots = await (await page.request.get(`${baseUrl()}/robots.txt`)).text();
    const index = /Sitemap: \S+\/(sitemapindex-diwoo-infocat008\.xml)/.exec(robots)![1];
    const sitemapUrl = /<loc>([^<]+)<\/loc>/.exec(await (await page.request.get(`${baseUrl()}/${index}`)).text())![1]!;
    expect(await (await page.request.get(sitemapUrl.replace(/^https?:\/\/[^/]+/, baseUrl()))).text()).toContain(
      ">Veiligheidsregio Twente</diwoo:publisher>",
    );

    const statements = page.getByRole("form", { name: "Verklaringen" });
    await statements.getByLabel("Status van de toegankelijkheidsverklaring").selectOption("C");
    await statements
      .getByRole("textbox", { name: "Tekst van de toegankelijkheidsverklaring" })
      .fill("## Onderzoek\n\nIn 2027 laten we de site toetsen.");
    await statements.getByRole("button", { name: "Verklaringen opslaan" }).click();
    await page.getByText("De verklaringen zijn opgeslagen.").waitFor();
    await page
      .getByRole("contentinfo")
      .getByRole("link", { name: /toegankelijkheid/i })
      .click();
    await page.getByRole("heading", { level: 2, name: "Onderzoek" }).waitFor();
    await page.getByText("eerste maatregelen genomen").waitFor();
    await expectAccessible(page);

    // Back as it was, for the other tests: Gremium's own text and the demo's publisher.
    await visit(page, "/beheer/instellingen");
    await statements.getByRole("textbox", { name: "Tekst van de toegankelijkheidsverklaring" }).fill("");
    await statements.getByRole("button", { name: "Verklaringen opslaan" }).click();
    await page.getByText("De verklaringen zijn opgeslagen.").waitFor();
    await woo.getByLabel("Publicerende organisatie").fill("gemeente Enschede");
    await woo.getByRole("button", { name: "Organisatie opslaan" }).click();
    await page.getByText("De publicerende organisatie is opgeslagen.").waitFor();
  });

  it("downloads a year's archive package and keeps the selectielijst; a V without a term is refused at the field", async () => {
    await visit(page, "/beheer/archief");
    // Choose only after hydration, which would put the select back to its default.
    await page.waitForLoadState("networkidle");
    const list = page.getByRole("form", { name: "Selectielijst" });
    await list.getByLabel("Waardering: agenda").selectOption("V");
    expect(await list.getByLabel("Waardering: agenda").inputValue()).toBe("V");
    await list.getByRole("button", { name: "Selectielijst opslaan" }).click();
    await list.getByText("Geef bij V de bewaartermijn in jaren.").waitFor();
    await list.getByLabel("Bewaartermijn in jaren: agenda").fill("20");
    await list.getByRole("button", { name: "Selectielijst opslaan" }).click();
    await page.getByText("De selectielijst is opgeslagen.").waitFor();
    expect(await list.getByLabel("Bewaartermijn in jaren: agenda").inputValue()).toBe("20");

    const download = page.waitForEvent("download");
    await page.getByRole("form", { name: "Archiefpakket downloaden" }).getByLabel("Jaar").selectOption("2026");
    await page.getByRole("button", { name: "Archiefpakket downloaden" }).click();
    const files = readZip(readFileSync((await (await download).path())!));
    expect(files.get("gremium-archief-2026/LEESMIJ.txt")).toMatch(/Het jaar 2026 loopt nog/);
    const agendaRecords = [...files.entries()].filter(([path]) => /\/vergadering-\d+-agenda\.mdto\.xml$/.test(path));
    expect(agendaRecords.length).toBeGreaterThan(0);
    expect(agendaRecords[0]![1]).toContain("<termijnLooptijd>P20Y</termijnLooptijd>");

    // Back to the defaults' value for the other tests.
    await visit(page, "/beheer/archief");
    await list.getByLabel("Waardering: agenda").selectOption("B");
    await list.getByLabel("Bewaartermijn in jaren: agenda").fill("");
    await list.getByRole("button", { name: "Selectielijst opslaan" }).click();
    await page.getByText("De selectielijst is opgeslagen.").waitFor();
  });

  it("the access review lists every account with its besloten access, and downloads for Excel", async () => {
    await visit(page, "/beheer");
    await page.getByRole("link", { name: "Toegangsreview" }).click();
    await page.getByRole("heading", { level: 1, name: "Toegangsreview" }).waitFor();
    const bram = page.getByRole("row", { name: /Bram Oosterhof/ });
    expect(await bram.textContent()).toContain("Stuurgroep Zorg, Veiligheid en Straf");
    const csv = await page.request.get(`${baseUrl()}/beheer/toegang.csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFNaam;E-mailadres;Organisatie;Rol;Status;Ziet besloten stukken van;Afgelopen lidmaatschappen;Laatst ingelogd;Laatst ingelogd met;Tweede stap;Inloggen via organisatie;Aandachtspunten",
    );
    expect(text).toContain("Bram Oosterhof");
  });

  it("bad input is answered in Dutch next to the field and nothing typed is lost", async () => {
    await visit(page, "/beheer/gebruikers/nieuw");
    await page.getByLabel("Naam", { exact: true }).fill("Piet Pieters");
    await page.getByLabel("E-mailadres").fill("piet@gremium");
    await page.getByRole("button", { name: "Gebruiker aanmaken en uitnodigen" }).click();
    const address = page.getByLabel("E-mailadres");
    await expect.poll(() => address.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Naam", { exact: true }).inputValue()).toBe("Piet Pieters");
    expect(await page.getByLabel("E-mailadres").inputValue()).toBe("piet@gremium");
    await expectAccessible(page);
  });

  it("creates a user, gives a membership, deactivates the user, and that user's open session stops working", async () => {
    // 1. Create the user.
    await visit(page, "/beheer/gebruikers/nieuw");
    await page.getByLabel("Naam", { exact: true }).fill("Eva Nieuwkomer");
    await page.getByLabel("E-mailadres").fill("eva.nieuwkomer@gremium.example");
    await page.getByLabel("Organisatie").selectOption({ label: "Gemeente Borne" });
    await page.getByLabel("Rol").selectOption({ label: "Lid" });
    await page.getByRole("button", { name: "Gebruiker aanmaken en uitnodigen" }).click();
    await page.getByRole("heading", { level: 1, name: "Eva Nieuwkomer" }).waitFor();
    const userUrl = page.url();
    await page.getByText("heeft een uitnodiging gemaild gekregen").waitFor();

    // 2. Give a membership of the stuurgroep.
    await visit(page, "/beheer/gremia");
    await page.getByRole("link", { name: "Stuurgroep Zorg, Veiligheid en Straf" }).click();
    await page.getByRole("heading", { level: 1, name: "Stuurgroep Zorg, Veiligheid en Straf" }).waitFor();
    await page.getByLabel("Persoon").selectOption({ label: "Eva Nieuwkomer (Gemeente Borne)" });
    await page.getByLabel("Rol in dit gremium").selectOption({ label: "Lid" });
    await page.getByRole("button", { name: "Lid toevoegen" }).click();
    await page.getByText("Het lidmaatschap is toegevoegd.").waitFor();
    await page
      .getByRole("table")
      .getByRole("cell", { name: "Eva Nieuwkomer Gemeente Borne" })
      .waitFor({ timeout: 5_000 });

    // 3. The new user chooses a password from the invitation mail, signs in elsewhere and sees the membership.
    const invitation = await latestMailTo("eva.nieuwkomer@gremium.example", /Uitnodiging voor Gremium/);
    const link = /(https?:\/\/\S+\/wachtwoord-instellen\/[a-z0-9]+)/.exec(invitation.text!)![1]!;
    const theirPage = await newcomer.newPage();
    await theirPage.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
    await theirPage.getByRole("heading", { level: 1, name: "Welkom bij Gremium" }).waitFor();
    await expectAccessible(theirPage);
    await theirPage.getByLabel("Nieuw wachtwoord", { exact: true }).fill("molen kaas fiets regen");
    await theirPage.getByLabel("Herhaal het nieuwe wachtwoord").fill("molen kaas fiets regen");
    await theirPage.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await theirPage.getByText("Uw wachtwoord is ingesteld. Log ermee in.").waitFor();
    await signInWithForm(theirPage, "eva.nieuwkomer@gremium.example", "molen kaas fiets regen");
    await theirPage.waitForURL(`${baseUrl()}/mijn`);
    await visit(theirPage, "/gremia/stuurgroep-zvs");
    await theirPage.getByText("U bent lid van dit gremium").waitFor();
    await visit(theirPage, "/account");
    expect(await theirPage.getByRole("heading", { level: 1 }).textContent()).toBe("Mijn account");

    // 4. Deactivate: their open session ends at once.
    await page.goto(userUrl);
    await page.getByRole("button", { name: "Gebruiker deactiveren" }).click();
    await page.getByText("De gebruiker is gedeactiveerd").waitFor();
    await visit(theirPage, "/account");
    await theirPage.waitForURL(/\/inloggen\?redirectTo=%2Faccount/);
    expect(await theirPage.getByRole("banner").textContent()).not.toContain("Eva Nieuwkomer");

    // 5. And they cannot sign in again, not even with the right password.
    await signInWithForm(theirPage, "eva.nieuwkomer@gremium.example", "molen kaas fiets regen");
    await theirPage.getByRole("alert").waitFor();
    expect(await theirPage.getByRole("alert").textContent()).toContain("klopt niet");

    // 6. The audit log shows who did what.
    await visit(page, "/beheer/logboek");
    const log = await page.getByRole("table").textContent();
    expect(log).toContain("Gebruiker Eva Nieuwkomer gedeactiveerd");
    expect(log).toContain("Eva Nieuwkomer toegevoegd aan Stuurgroep Zorg, Veiligheid en Straf als lid");
    expect(log).toContain("Gebruiker Eva Nieuwkomer (eva.nieuwkomer@gremium.example) aangemaakt");
    expect(log).toContain("Tom Lammers");
    await expectAccessible(page);
  });

  it("edits a body, and a second, stale edit is refused with the typed text kept", async () => {
    await visit(page, "/beheer/gremia");
    await page.getByRole("link", { name: "Themagroep Jeugd en Veiligheid" }).click();
    await page.getByRole("heading", { level: 1, name: "Themagroep Jeugd en Veiligheid" }).waitFor();
    const staleTab = await admin.newPage();
    await staleTab.goto(page.url());

    await page.getByLabel("Vergaderfrequentie").fill("Elke maand");
    await page.getByRole("button", { name: "Gegevens opslaan" }).click();
    await page.getByText("De gegevens van het gremium zijn opgeslagen.").waitFor();

    await staleTab.getByLabel("Vergaderfrequentie").fill("Twee keer per jaar");
    await staleTab.getByRole("button", { name: "Gegevens opslaan" }).click();
    await staleTab.getByText("Iemand anders heeft dit intussen gewijzigd").waitFor();
    expect(await staleTab.getByLabel("Vergaderfrequentie").inputValue()).toBe("Twee keer per jaar");

    await visit(page, "/gremia/jeugd-en-veiligheid");
    await page.getByText("Elke maand").waitFor();
    await staleTab.close();
  });

  it("creates a body under the expertgroep and retires it; it moves to the archive", async () => {
    await visit(page, "/beheer/gremia/nieuw");
    await page.getByLabel("Naam", { exact: true }).fill("Themagroep CTER");
    await page.getByLabel("Webadres").fill("cter");
    await page.getByLabel("Soort").selectOption({ label: "Themagroep" });
    await page.getByLabel("Valt onder").selectOption({ label: "Expertgroep Zorg, Veiligheid en Straf" });
    await page.getByLabel("Actief sinds").fill("2025-01-01");
    await page.getByLabel("Doel").fill("Samen werken tegen **terreur** en extremisme.");
    await page.getByRole("button", { name: "Gremium aanmaken" }).click();
    await page.getByText("Het gremium is aangemaakt").waitFor();

    await visit(page, "/gremia/cter");
    expect(await page.locator(".gremium-prose strong").textContent()).toBe("terreur");

    await visit(page, "/beheer/gremia");
    await page.getByRole("link", { name: "Themagroep CTER" }).click();
    await page.getByRole("button", { name: "Gremium opheffen" }).waitFor();
    const retireOn = page.getByLabel("Opgeheven per");
    const today = await retireOn.inputValue();
    await retireOn.fill("");
    await page.getByRole("button", { name: "Gremium opheffen" }).click();
    await page.getByText("Vul de datum van opheffen in.").waitFor();
    await retireOn.fill("2020-01-01");
    await page.getByRole("button", { name: "Gremium opheffen" }).click();
    await page.getByText("De datum van opheffen moet na de startdatum").waitFor();
    expect(await retireOn.inputValue()).toBe("2020-01-01");
    await retireOn.fill(today);
    await page.getByRole("button", { name: "Gremium opheffen" }).click();
    await page.getByText("Het gremium is opgeheven en staat in het archief.").waitFor();

    await visit(page, "/gremia");
    expect(await page.getByRole("region", { name: "Archief: opgeheven gremia" }).textContent()).toContain(
      "Themagroep CTER",
    );
  });
});
