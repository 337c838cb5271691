// The Word files say what the page says, for every reader (issue 20): the same items, decisions,
// besloten markers, due dates and people. What a reader may see is decided once; this checks that the
// page and the .docx render the same decision for each demo user and for a visitor.
import { and, eq, gte, lt } from "drizzle-orm";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bodies, meetings, people, users } from "../../db/schema";
import { viewerOf } from "../../app/models/access/viewers.server";
import { connectDatabase, getDb, openDatabase } from "../../app/lib/db.server";
import { CONFIDENTIAL_MARK, CONFIDENTIAL_NOTICE } from "../../app/lib/confidential";
import { instantFromAmsterdam, todayIso } from "../../app/lib/format";
import { getDecisionList } from "../../app/models/decisions.server";
import { composeDecisionList } from "../../app/models/decision-list-document.server";
import { getMeeting } from "../../app/models/meetings.server";
import { listDocumentsForMeeting } from "../../app/models/documents.server";
import { readZip } from "../zip";
import { baseUrl, launchBrowser, signInDirectly } from "./browser";

const READERS = [
  null,
  "secretariaat@gremium.example",
  "lid@gremium.example",
  "partner@gremium.example",
  "kwartiermaker@gremium.example",
  "beheerder@gremium.example",
];

/** A public algemeen-bestuur meeting and a closed stuurgroep meeting, both with besloten parts. */
const MEETINGS = [
  { body: "algemeen-bestuur", date: "2026-04-15" },
  { body: "stuurgroep-zvs", date: "2026-09-17" },
];

let contexts: Map<string | null, BrowserContext>;
let meetingIds: number[];
/** Everything the fullest reader (the secretariaat) finds in each meeting's agenda and list. */
let probes: Map<number, { agenda: string[]; list: string[] }>;

beforeAll(async () => {
  connectDatabase(openDatabase(inject("databasePath")));
  const db = getDb();
  meetingIds = MEETINGS.map(({ body, date }) => {
    const row = db
      .select({ id: meetings.id })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(
        and(
          eq(bodies.slug, body),
          gte(meetings.startsAt, instantFromAmsterdam(date, "00:00")),
          lt(meetings.startsAt, instantFromAmsterdam(date, "23:59")),
        ),
      )
      .get();
    if (!row) throw new Error(`Geen vergadering van ${body} op ${date}`);
    return row.id;
  });
  const person = db
    .select({ userId: users.id, personId: users.personId, email: users.email, role: users.role, name: people.name })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.email, "secretariaat@gremium.example"))
    .get()!;
  const secretary = viewerOf(person, { sessionId: "exports-test", today: todayIso() });
  probes = new Map(
    meetingIds.map((id) => {
      const meeting = getMeeting({ viewer: secretary, id })!;
      const list = getDecisionList({ viewer: secretary, meetingId: id })!;
      if (!list.visible) throw new Error("De secretaris ziet de besluitenlijst");
      const document = composeDecisionList({ viewer: secretary, list });
      const items = meeting.sections.flatMap((s) => s.items.map((i) => i.subject!));
      const papers = listDocumentsForMeeting({ viewer: secretary, meetingId: id }).map(({ current }) => current.title);
      const officers = [meeting.chairName, meeting.secretaryName].filter((n): n is string => Boolean(n));
      return [
        id,
        {
          agenda: [...items, ...papers, ...officers, CONFIDENTIAL_MARK],
          list: [
            ...items,
            ...officers,
            CONFIDENTIAL_MARK,
            ...document.sections.flatMap((s) =>
              s.items.flatMap((i) =>
                i.decisions.flatMap((d) => [d.reference, ...d.commitments.flatMap((c) => (c.due ? [c.due] : []))]),
              ),
            ),
            ...document.facts
              .filter(([label]) => ["Aanwezig", "Afwezig", "Gasten"].includes(label))
              .flatMap(([, value]) => value.split("; ")),
          ],
        },
      ];
    }),
  );
  contexts = new Map();
  for (const email of READERS) {
    const context = await launchBrowser();
    if (email) await signInDirectly(context, email);
    contexts.set(email, context);
  }
});
afterAll(async () => {
  await Promise.all([...contexts.values()].map((c) => c.close()));
});

/** The text of a page's main part as the reader sees it, or null when it is not shown to them. */
async function readPage(context: BrowserContext, path: string) {
  const page = await context.newPage();
  const response = await page.goto(`${baseUrl()}${path}`);
  const shown = response!.status() === 200 && new URL(page.url()).pathname === path;
  const text = shown ? await page.locator("main").innerText() : null;
  await page.close();
  return text;
}

/** The text of a Word file and of its page headers, or null when it is not given to the reader. */
async function readFile(context: BrowserContext, path: string) {
  const file = await context.request.get(`${baseUrl()}${path}`, { maxRedirects: 0 });
  if (file.status() !== 200) return null;
  const buffer = await file.body();
  const headers = [...readZip(buffer)].filter(([name]) => name.startsWith("word/header")).map(([, xml]) => xml);
  return { text: (await mammoth.extractRawText({ buffer })).value, headers: headers.join("") };
}

describe("Word files and pages", () => {
  it("say the same for every reader: items, papers, decisions, markers, due dates and people", async () => {
    const withConfidential = new Set<string>();
    for (const [email, context] of contexts) {
      for (const id of meetingIds) {
        for (const kind of ["agenda", "list"] as const) {
          const pagePath = kind === "agenda" ? `/vergaderingen/${id}` : `/vergaderingen/${id}/besluitenlijst`;
          const filePath = kind === "agenda" ? `${pagePath}/agenda.docx` : `${pagePath}.docx`;
          const [pageText, file] = await Promise.all([readPage(context, pagePath), readFile(context, filePath)]);
          const who = `${email ?? "bezoeker"}, ${filePath}`;
          expect(file === null, `${who}: pagina en bestand allebei wel of allebei niet`).toBe(pageText === null);
          if (pageText === null || file === null) continue;
          for (const probe of probes.get(id)![kind])
            expect(file.text.includes(probe), `${who}: „${probe}”`).toBe(pageText.includes(probe));
          const confidential = pageText.includes(CONFIDENTIAL_MARK);
          expect(file.headers.includes(CONFIDENTIAL_NOTICE), `${who}: waarschuwing op elke pagina`).toBe(confidential);
          if (kind === "list")
            expect(pageText.includes(CONFIDENTIAL_NOTICE), `${who}: waarschuwing op de pagina`).toBe(confidential);
          if (confidential) withConfidential.add(`${email} ${kind}`);
        }
      }
    }
    // Not vacuous: the secretariaat's agenda and list held besloten parts, and both were compared.
    expect(withConfidential).toContain("secretariaat@gremium.example agenda");
    expect(withConfidential).toContain("secretariaat@gremium.example list");
    expect([...withConfidential].some((entry) => entry.startsWith("null"))).toBe(false);
  });
});

describe("printing", () => {
  it("warns on every printed page of a besluitenlijst with besloten content, and nowhere for a visitor", async () => {
    const printed = async (email: string | null) => {
      const page = await contexts.get(email)!.newPage();
      await page.goto(`${baseUrl()}/vergaderingen/${meetingIds[0]}/besluitenlijst`);
      const pdf = await page.pdf({ format: "A4" });
      await page.close();
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
      return text as string[];
    };
    const member = await printed("secretariaat@gremium.example");
    expect(member.length).toBeGreaterThan(1);
    for (const [index, text] of member.entries())
      expect(text.includes(CONFIDENTIAL_NOTICE), `pagina ${index + 1}`).toBe(true);
    const visitor = await printed(null);
    expect(visitor.some((text) => text.includes(CONFIDENTIAL_NOTICE))).toBe(false);
  });
});
