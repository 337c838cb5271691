import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { parseFeed } from "htmlparser2";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../factories";
import { startSmtp } from "../smtp";
import { newsletterDeliveries, subscribers } from "../../db/schema";
import { getDb } from "../../app/lib/db.server";
import { reloadEnv } from "../../app/lib/env.server";
import { resetMailTransport } from "../../app/lib/mail.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { recordDecision } from "../../app/models/decisions.server";
import { createMeeting, getMeeting, publishAgenda } from "../../app/models/meetings.server";
import {
  addEditionImage,
  checkEdition,
  createEdition,
  deliveryProgress,
  getContribution,
  getEdition,
  getEditionImage,
  publishEdition,
  recoverInterruptedDeliveries,
  requestContribution,
  retryFailedDeliveries,
  saveContribution,
  sendDeliveryBatch,
  updateSection,
} from "../../app/models/newsletters.server";
import {
  ALL_PER_HOUR_BEFORE_WAITING,
  confirmSubscription,
  hashEmail,
  LONGEST_WAIT_MS,
  PER_CLIENT_PER_HOUR,
  subscribe,
  TURN_MS,
  unsubscribe,
} from "../../app/models/subscribers.server";
import { loader as feedLoader } from "../../app/routes/nieuwsbrieven.feed[.]xml";

let dir: string;
const saved = { ...process.env };
const BASE = "https://gremium.example";

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "gremium-news-"));
  process.env.DATABASE_URL = join(dir, "gremium.db");
  process.env.PUBLIC_URL = BASE;
  delete process.env.SMTP_URL;
  reloadEnv();
});
afterEach(() => {
  process.env = { ...saved };
  reloadEnv();
  resetMailTransport();
  rmSync(dir, { recursive: true, force: true });
});

/** A public stuurgroep meeting with a public and a besloten decision and a besloten item. */
async function stuurgroepMeeting({ adopt }: { adopt: boolean }) {
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS", code: "SG" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const plan = (date: string) => {
    const { id } = createMeeting({
      viewer: secretary,
      input: { bodyId: body.id, date, startTime: "13:30", endTime: "15:30", location: "Hengelo", isPublic: true },
    });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    return id;
  };
  const meetingId = plan("2026-09-17");
  const decide = (subject: string, isConfidential: boolean, itemConfidential = false) => {
    const item = addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject, proposalMarkdown: "", isConfidential: itemConfidential },
    });
    return recordDecision({
      viewer: secretary,
      agendaItemId: item.id,
      input: {
        outcome: "conform",
        textMarkdown: `Besloten over ${subject}.`,
        discussionMarkdown: "",
        isConfidential,
        commitments: [],
      },
    });
  };
  const open = decide("Regionale werkwijze", false);
  const closed = decide("Personele zaken", true);
  decide("Casus in Twenterand", false, true);
  if (adopt) {
    const next = plan("2026-12-10");
    const a1 = getMeeting({ viewer: secretary, id: next })!
      .sections.flatMap((s) => s.items)
      .find((i) => i.adoptsMeetingId)!;
    recordDecision({
      viewer: secretary,
      agendaItemId: a1.id,
      input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
    });
  }
  return { meetingId, open, closed };
}

async function confirmedSubscribers(n: number) {
  for (let i = 1; i <= n; i++) {
    getDb()
      .insert(subscribers)
      .values({
        email: `lezer${i}@gemeente.example`,
        emailHash: hashEmail(`lezer${i}@gemeente.example`),
        status: "bevestigd",
        unsubscribeToken: `token-${i}`,
      })
      .run();
  }
}

describe("drafting an edition", () => {
  it("summarises the meeting's public decisions only, once its list is vastgesteld", async () => {
    const { meetingId, open, closed } = await stuurgroepMeeting({ adopt: true });
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    createEdition({
      viewer: kwartiermaker,
      input: { title: "Nieuwsbrief december", slug: "december", period: "", meetingId },
    });
    const { sections } = getEdition({ viewer: kwartiermaker, slug: "december" })!;
    expect(sections.map((s) => s.kind)).toEqual(
      expect.arrayContaining(["kwartiermaker", "stuurgroep", "versterkingsagenda", "agenda", "contact"]),
    );
    const stuurgroep = sections.find((s) => s.kind === "stuurgroep")!.bodyMarkdown;
    expect(stuurgroep).toContain(`[${open.reference}](/besluiten/${open.reference})`);
    expect(stuurgroep).not.toContain(closed.reference);
    expect(stuurgroep).not.toContain("Personele zaken");
    expect(stuurgroep).not.toContain("Twenterand");
  });

  it("names only the public agenda while the list is a concept", async () => {
    const { meetingId } = await stuurgroepMeeting({ adopt: false });
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    createEdition({ viewer: kwartiermaker, input: { title: "Nieuwsbrief", slug: "concept", period: "", meetingId } });
    const stuurgroep = getEdition({ viewer: kwartiermaker, slug: "concept" })!.sections.find(
      (s) => s.kind === "stuurgroep",
    )!;
    expect(stuurgroep.bodyMarkdown).toContain("- Regionale werkwijze");
    expect(stuurgroep.bodyMarkdown).toContain("- Personele zaken");
    expect(stuurgroep.bodyMarkdown).not.toContain("Twenterand");
    expect(stuurgroep.bodyMarkdown).not.toMatch(/SG-\d{4}/);
  });
});

describe("the publish check", () => {
  it("refuses links to and names of besloten decisions, concept lists and non-public meetings", async () => {
    const { meetingId, open, closed } = await stuurgroepMeeting({ adopt: false });
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    createEdition({ viewer: kwartiermaker, input: { title: "Test", slug: "test", period: "", meetingId: null } });
    const edition = getEdition({ viewer: kwartiermaker, slug: "test" })!;
    const section = edition.sections.find((s) => s.kind === "kwartiermaker")!;
    const write = (bodyMarkdown: string) =>
      updateSection({
        viewer: kwartiermaker,
        id: section.id,
        expectedVersion: getEdition({ viewer: kwartiermaker, slug: "test" })!.sections.find((s) => s.id === section.id)!
          .version,
        input: { title: section.title, bodyMarkdown },
      });
    write(
      `Zie [het besluit](/besluiten/${open.reference}), de [lijst](/vergaderingen/${meetingId}/besluitenlijst) en ook ${closed.reference}.`,
    );
    const { problems, links } = checkEdition({
      viewer: kwartiermaker,
      editionId: edition.edition.id,
      baseUrl: BASE,
    });
    expect(links.filter((l) => l.href.startsWith("/")).map((l) => l.href)).toEqual([
      `/besluiten/${open.reference}`,
      `/vergaderingen/${meetingId}/besluitenlijst`,
    ]);
    expect(problems.join("\n")).toContain("besluit dat niet openbaar is");
    expect(problems.join("\n")).toContain("besluitenlijst die nog een concept is");
    expect(problems.join("\n")).toContain(`noemt besluit ${closed.reference}`);
    const version = getEdition({ viewer: kwartiermaker, slug: "test" })!.edition.version;
    expect(() =>
      publishEdition({ viewer: kwartiermaker, id: edition.edition.id, expectedVersion: version, baseUrl: BASE }),
    ).toThrow(/Publiceren kan nog niet/);
    write("Een schone tekst, met een link naar [de nieuwsbrieven](/nieuwsbrieven).");
    expect(checkEdition({ viewer: kwartiermaker, editionId: edition.edition.id, baseUrl: BASE }).problems).toEqual([]);
  });
});

describe("sending", () => {
  it("mails every confirmed subscriber once, with HTML, a text part and one-click unsubscribe headers, across a restart", async () => {
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    await confirmedSubscribers(4);
    getDb()
      .insert(subscribers)
      .values({ email: "wacht@gemeente.example", emailHash: hashEmail("wacht@gemeente.example"), status: "wacht" })
      .run();
    createEdition({
      viewer: kwartiermaker,
      input: { title: "Nieuwsbrief oktober", slug: "oktober", period: "mei – september", meetingId: null },
    });
    const edition = getEdition({ viewer: kwartiermaker, slug: "oktober" })!;
    const intro = edition.sections.find((s) => s.kind === "kwartiermaker")!;
    updateSection({
      viewer: kwartiermaker,
      id: intro.id,
      expectedVersion: intro.version,
      input: { title: intro.title, bodyMarkdown: "Het convenant is **getekend**. Zie [de opgaven](/programmas)." },
    });
    const { queued } = publishEdition({
      viewer: kwartiermaker,
      id: edition.edition.id,
      expectedVersion: getEdition({ viewer: kwartiermaker, slug: "oktober" })!.edition.version,
      baseUrl: BASE,
    });
    expect(queued).toBe(4);

    const smtp = await startSmtp();
    try {
      // A crash mid-send: one delivery was claimed but never confirmed sent.
      const [first] = getDb().select().from(newsletterDeliveries).all();
      getDb()
        .update(newsletterDeliveries)
        .set({ status: "verzenden" })
        .where(eq(newsletterDeliveries.id, first!.id))
        .run();
      expect(recoverInterruptedDeliveries()).toBe(1);
      expect(await sendDeliveryBatch({ baseUrl: BASE, limit: 2 })).toEqual({ sent: 2, failed: 0 });
      expect(await sendDeliveryBatch({ baseUrl: BASE, limit: 2 })).toEqual({ sent: 1, failed: 0 });
      expect(await sendDeliveryBatch({ baseUrl: BASE })).toEqual({ sent: 0, failed: 0 });
      expect(deliveryProgress({ viewer: kwartiermaker, editionId: edition.edition.id })).toEqual({
        sent: 3,
        failed: 1,
        remaining: 0,
        total: 4,
      });
      expect(smtp.received).toHaveLength(3);
      retryFailedDeliveries({ viewer: kwartiermaker, editionId: edition.edition.id });
      expect(await sendDeliveryBatch({ baseUrl: BASE })).toEqual({ sent: 1, failed: 0 });
      const recipients = smtp.received.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.text);
      expect(new Set(recipients).size).toBe(4);
      expect(recipients.some((r) => r.includes("wacht@"))).toBe(false);

      const mail = smtp.received[0]!;
      expect(mail.subject).toBe("Nieuwsbrief oktober");
      // Accessible as mail: Dutch, every layout table presentational, every image described, a text part.
      expect(mail.html).toContain('<html lang="nl">');
      const tables = mail.html ? [...mail.html.matchAll(/<table\b[^>]*>/g)].map((m) => m[0]) : [];
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) expect(table).toContain('role="presentation"');
      for (const [img] of (mail.html || "").matchAll(/<img\b[^>]*>/g)) expect(img).toMatch(/alt="[^"]+"/);
      expect(mail.text).toContain("Nieuwsbrief");
      expect(mail.html).toContain('<strong style="color:#1a1a2e;">getekend</strong>');
      expect(mail.html).toContain(`href="${BASE}/programmas"`);
      expect(mail.text).toContain(`de opgaven (${BASE}/programmas)`);
      const token = /afmelden\/(token-\d)/.exec(mail.text!)![1];
      const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line;
      expect(header("list-unsubscribe")).toBe(`List-Unsubscribe: <${BASE}/nieuwsbrief/afmelden/${token}>`);
      expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    } finally {
      await smtp.close();
    }
  });

  it("the Atom feed lists published editions only, readable by an independent parser", async () => {
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    createEdition({
      viewer: kwartiermaker,
      input: { title: "Gepubliceerd", slug: "gepubliceerd", period: "", meetingId: null },
    });
    createEdition({
      viewer: kwartiermaker,
      input: { title: "Nog concept", slug: "nog-concept", period: "", meetingId: null },
    });
    const edition = getEdition({ viewer: kwartiermaker, slug: "gepubliceerd" })!;
    const intro = edition.sections[0]!;
    updateSection({
      viewer: kwartiermaker,
      id: intro.id,
      expectedVersion: intro.version,
      input: { title: intro.title, bodyMarkdown: "Welkom & tot ziens <b>nu</b>." },
    });
    publishEdition({
      viewer: kwartiermaker,
      id: edition.edition.id,
      expectedVersion: edition.edition.version + 1,
      baseUrl: BASE,
    });
    // Links come from PUBLIC_URL, whatever host the request names.
    const response = await feedLoader({
      request: new Request("http://127.0.0.1:3000/nieuwsbrieven/feed.xml", {
        headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
      }),
    });
    expect(response.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await response.text();
    const feed = parseFeed(xml, { xmlMode: true })!;
    expect(feed.type).toBe("atom");
    expect(feed.items.map((i) => i.title)).toEqual(["Gepubliceerd"]);
    expect(feed.items[0]!.link).toBe(`${BASE}/nieuwsbrieven/gepubliceerd`);
    expect(feed.items[0]!.pubDate).toBeInstanceOf(Date);
    // The HTML content is escaped once for XML; the "<b>" typed in the text was escaped by Markdown.
    expect(xml).toContain("&lt;p&gt;Welkom &amp;amp; tot ziens");
    expect(xml).not.toContain("<b>nu</b>");
  });
});

describe("subscribing", () => {
  it("double opt-in by a link from the mail; one-click opt-out keeps only the hash; a new subscription after that works", async () => {
    const smtp = await startSmtp();
    try {
      await subscribe({
        input: { email: "Lezer@Gemeente.example", name: "Lezer" },
        clientAddress: "192.0.2.1",
        baseUrl: BASE,
      });
      const token = /bevestigen\/([a-z0-9]+)/.exec(smtp.received[0]!.text!)![1]!;
      expect(confirmSubscription({ token: "onzin" })).toBeNull();
      expect(confirmSubscription({ token })).toEqual({ email: "lezer@gemeente.example" });
      expect(confirmSubscription({ token })).toBeNull();
      // Subscribing again while confirmed sends a reminder, not a new link.
      await subscribe({ input: { email: "lezer@gemeente.example" }, clientAddress: "192.0.2.1", baseUrl: BASE });
      expect(smtp.received[1]!.subject).toContain("al");
      const row = getDb()
        .select()
        .from(subscribers)
        .where(eq(subscribers.emailHash, hashEmail("lezer@gemeente.example")))
        .get()!;
      expect(unsubscribe({ token: row.unsubscribeToken! })).toBe(true);
      const after = getDb().select().from(subscribers).where(eq(subscribers.id, row.id)).get()!;
      expect(after).toMatchObject({
        status: "afgemeld",
        email: null,
        name: null,
        emailHash: hashEmail("lezer@gemeente.example"),
      });
      expect(unsubscribe({ token: "onbekend" })).toBe(false);
      await subscribe({ input: { email: "lezer@gemeente.example" }, clientAddress: "192.0.2.2", baseUrl: BASE });
      expect(getDb().select().from(subscribers).where(eq(subscribers.id, row.id)).get()!.status).toBe("wacht");
    } finally {
      await smtp.close();
    }
  });

  it("is throttled per address and per client, with a Dutch message", async () => {
    const now = Date.parse("2026-11-25T10:00:00Z");
    for (let i = 0; i < 3; i++)
      await subscribe({
        input: { email: "veel@gemeente.example" },
        clientAddress: `198.51.100.${i}`,
        baseUrl: BASE,
        now,
      });
    await expect(
      subscribe({ input: { email: "veel@gemeente.example" }, clientAddress: "198.51.100.9", baseUrl: BASE, now }),
    ).rejects.toMatchObject({
      fieldErrors: { email: [expect.stringContaining("net al een bevestigingsmail")] },
    });
    // An hour later the address may try again.
    await subscribe({
      input: { email: "veel@gemeente.example" },
      clientAddress: "198.51.100.9",
      baseUrl: BASE,
      now: now + 61 * 60_000,
    });
  });
});

describe("limits on signing up", () => {
  const now = Date.parse("2026-11-25T10:00:00Z");
  const signUp = (n: number, clientAddress: string, wait?: (ms: number) => Promise<void>) =>
    subscribe({ input: { email: `lezer${n}@gemeente.example` }, clientAddress, baseUrl: BASE, now, wait });

  it("count per real client address, an IPv6 client by its /64, and leave other visitors alone", async () => {
    for (let n = 0; n < PER_CLIENT_PER_HOUR; n++)
      await signUp(n, n % 2 ? "2001:db8:1:2::a" : `2001:db8:1:2:ffff::${n.toString(16)}`);
    await expect(signUp(100, "2001:db8:1:2::beef")).rejects.toMatchObject({
      fieldErrors: { "": [expect.stringContaining("te veel aanmeldingen vanaf uw verbinding")] },
    });
    await signUp(101, "2001:db8:1:3::1");
    await signUp(102, "192.0.2.50");
  });

  it("slow a flood from many addresses down instead of shutting the form", async () => {
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    for (let n = 0; n < ALL_PER_HOUR_BEFORE_WAITING; n++) await signUp(n, `10.0.${n >> 8}.${n & 255}`, wait);
    expect(waits).toEqual([]);
    for (let n = 0; n < 5; n++) await signUp(1000 + n, `10.1.0.${n}`, wait);
    // Each next sign-up waits one turn longer, up to the longest wait; none is refused.
    expect(waits).toEqual([TURN_MS, LONGEST_WAIT_MS, LONGEST_WAIT_MS, LONGEST_WAIT_MS, LONGEST_WAIT_MS]);
    // Later in the hour the turns have come: no more waiting.
    await subscribe({
      input: { email: "later@gemeente.example" },
      clientAddress: "10.2.0.1",
      baseUrl: BASE,
      now: now + 10 * 60_000,
      wait,
    });
    expect(waits).toHaveLength(5);
  });
});

describe("contributions", () => {
  it("a kartrekker gets a personal link that opens one block, saves it and marks it ready", async () => {
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    const kartrekker = await makeViewer({ role: "lid", name: "Hanneke Vos" });
    createEdition({
      viewer: kwartiermaker,
      input: { title: "Nieuwsbrief", slug: "bijdragen", period: "", meetingId: null },
    });
    const edition = getEdition({ viewer: kwartiermaker, slug: "bijdragen" })!;
    const block = edition.sections.find((s) => s.kind === "kwartiermaker")!;
    const smtp = await startSmtp();
    try {
      await requestContribution({
        viewer: kwartiermaker,
        sectionId: block.id,
        personId: kartrekker.personId,
        baseUrl: BASE,
      });
      const token = /bijdrage\/([a-z0-9]+)/.exec(smtp.received[0]!.text!)![1]!;
      const opened = getContribution({ token })!;
      expect(opened).toMatchObject({ id: block.id, title: block.title, readyAt: null, contributorName: "Hanneke Vos" });
      expect(getContribution({ token: "onzin" })).toBeNull();
      saveContribution({
        token,
        expectedVersion: opened.version,
        bodyMarkdown: "Tekst van de themagroep.",
        ready: true,
      });
      const after = getEdition({ viewer: kwartiermaker, slug: "bijdragen" })!.sections.find((s) => s.id === block.id)!;
      expect(after).toMatchObject({ bodyMarkdown: "Tekst van de themagroep.", contributorName: "Hanneke Vos" });
      expect(after.readyAt).not.toBeNull();
      expect(() =>
        saveContribution({ token, expectedVersion: opened.version, bodyMarkdown: "x", ready: false }),
      ).toThrow(/intussen gewijzigd/);
      // The public never learns who was asked.
      expect(getEdition({ viewer: null, slug: "bijdragen" })).toBeNull();
      publishEdition({
        viewer: kwartiermaker,
        id: edition.edition.id,
        expectedVersion: getEdition({ viewer: kwartiermaker, slug: "bijdragen" })!.edition.version,
        baseUrl: BASE,
      });
      expect(getEdition({ viewer: null, slug: "bijdragen" })!.sections.every((s) => s.contributorName === null)).toBe(
        true,
      );
      expect(getContribution({ token })).toBeNull();
    } finally {
      await smtp.close();
    }
  });
});

describe("images", () => {
  const png = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  ]);

  it("need alt text and image content; they are public once the edition is", async () => {
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    createEdition({
      viewer: kwartiermaker,
      input: { title: "Met beeld", slug: "met-beeld", period: "", meetingId: null },
    });
    const edition = getEdition({ viewer: kwartiermaker, slug: "met-beeld" })!;
    const add = (bytes: Uint8Array, altText: string) =>
      addEditionImage({ viewer: kwartiermaker, editionId: edition.edition.id, fileName: "beeld.png", bytes, altText });
    expect(() => add(png, " ")).toThrow(
      expect.objectContaining({ fieldErrors: { altText: [expect.stringContaining("schermlezer")] } }),
    );
    expect(() => add(new TextEncoder().encode("MZ geen plaatje"), "Iets")).toThrow(/geen afbeelding/);
    const image = add(png, "Bestuurders aan tafel");
    expect(image.markdown).toBe(`![Bestuurders aan tafel](/nieuwsbrieven/afbeeldingen/${image.id})`);
    expect(getEditionImage({ viewer: null, id: image.id })).toBeNull();
    const intro = edition.sections[0]!;
    updateSection({
      viewer: kwartiermaker,
      id: intro.id,
      expectedVersion: intro.version,
      input: { title: intro.title, bodyMarkdown: image.markdown },
    });
    const { images, problems } = checkEdition({ viewer: kwartiermaker, editionId: edition.edition.id, baseUrl: BASE });
    expect(images).toEqual([expect.objectContaining({ alt: "Bestuurders aan tafel", problem: null })]);
    expect(problems).toEqual([]);
    publishEdition({
      viewer: kwartiermaker,
      id: edition.edition.id,
      expectedVersion: getEdition({ viewer: kwartiermaker, slug: "met-beeld" })!.edition.version,
      baseUrl: BASE,
    });
    expect(getEditionImage({ viewer: null, id: image.id })).toMatchObject({ contentType: "image/png", isPublic: true });
  });
});
