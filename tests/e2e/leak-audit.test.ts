import { eq, gt, isNull, or } from "drizzle-orm";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import mammoth from "mammoth";
import { simpleParser } from "mailparser";
import { extractText, getDocumentProxy } from "unpdf";
import { inject } from "vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { annualPlans, bodies, documentVersions, objectives, programmes } from "../../db/schema";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import type { SignedInViewer } from "../../app/auth/viewer";
import { connectDatabase, getDb, openDatabase } from "../../app/lib/db.server";
import { reloadEnv } from "../../app/lib/env.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { createCalendarFeed } from "../../app/models/calendar-feeds.server";
import { recordDecision } from "../../app/models/decisions.server";
import { addDocument } from "../../app/models/documents.server";
import { createMeeting, publishAgenda } from "../../app/models/meetings.server";
import { createEdition } from "../../app/models/newsletters.server";
import { startItem } from "../../app/models/meeting-mode.server";
import { addNote } from "../../app/models/notes.server";
import { closeWrittenProcedure, sendWrittenProcedure } from "../../app/models/written-procedures.server";
import { addTopic } from "../../app/models/planning.server";
import { createSession } from "../../app/models/sessions.server";
import { makeMembership, makeViewer } from "../factories";
import { baseUrl, launchBrowser } from "./browser";
import { catalogue, routeFiles, type Samples } from "./route-catalogue";

// The leak audit: in every body a public meeting carries a besloten item, a besloten paper on a public
// item, a besloten decision with its action and a besloten planned topic, each marked with a string
// "LEK<code><WHAT>". Every route, export, feed, search and the API is then read as an anonymous
// visitor, as a member of another body and as a member of one body: a marker may only appear for a
// member of its own body, and must appear there on the pages meant to show it. Besides, each body plans a
// topic that is not besloten itself ("VERBORGEN") for a meeting that is hidden: not public, public but
// not yet published, and past and not public. A topic follows its meeting: it is as hidden as that.
// In the stuurgroep, besides: a besloten written procedure ("SCHRIFTELIJK", closed and listed on the
// audited meeting's besluitenlijst), a note the beheerder shares with the members ("NOTITIE") and one
// the beheerder keeps private ("LEKPRIVNOTITIE": no reader may ever see it), and the meeting is live
// with its besloten item under discussion.

const KINDS = [
  "PUNT",
  "VOORSTEL",
  "STUKTITEL",
  "STUKTEKST",
  "BESLUIT",
  "ACTIE",
  "ONDERWERP",
  "VERBORGEN",
  "SCHRIFTELIJK",
  "NOTITIE",
] as const;
const MARKER = new RegExp(`LEK([A-Z]+?)(${KINDS.join("|")})`, "g");

type Reader = { name: string; cookie: string | null; allowedCodes: string[]; feedToken: string | null };

let samples: Samples;
let readers: Reader[];
let stuurgroep: { id: number; code: string; meetingId: number; decisionReference: string; actionId: number };
let beheerderCookie: string;
let beheerderEmail: string;

function cookieFor(userId: number) {
  return `${SESSION_COOKIE}=${createSession({ userId }).token}`;
}

beforeAll(async () => {
  connectDatabase(openDatabase(inject("databasePath")));
  // Files stored here (a paper of the written procedure) go beside the server's database, where it reads them.
  process.env.DATABASE_URL = inject("databasePath");
  reloadEnv();
  const db = getDb();
  const since = new Date(Date.now() - 1000).toISOString();
  const admin = await makeViewer({ role: "beheerder", name: "Auditor Beheer" });
  beheerderCookie = cookieFor(admin.userId);
  beheerderEmail = admin.email;
  const active = db
    .select({ id: bodies.id, code: bodies.code, slug: bodies.slug, kind: bodies.kind })
    .from(bodies)
    .where(or(isNull(bodies.activeUntil), gt(bodies.activeUntil, "2028-12-31")))
    .all()
    .flatMap((body) => (body.code && /^[A-Z]+$/.test(body.code) ? [{ ...body, code: body.code }] : []));
  const fixtures = active.map((body) => {
    const mark = (what: (typeof KINDS)[number]) => `LEK${body.code}${what}`;
    const { id: meetingId } = createMeeting({
      viewer: admin,
      input: {
        bodyId: body.id,
        date: "2028-03-15",
        startTime: "10:00",
        endTime: "12:00",
        location: "Auditzaal",
        isPublic: true,
      },
    });
    const confidential = addAgendaItem({
      viewer: admin,
      meetingId,
      input: { section: "B", subject: mark("PUNT"), proposalMarkdown: mark("VOORSTEL"), isConfidential: true },
    });
    const open = addAgendaItem({
      viewer: admin,
      meetingId,
      input: {
        section: "B",
        subject: `Openbaar punt ${body.code}`,
        proposalMarkdown: "Ter bespreking.",
        isConfidential: false,
      },
    });
    const document = addDocument({
      viewer: admin,
      agendaItemId: open.id,
      title: mark("STUKTITEL"),
      isConfidential: true,
      content: { markdown: `Vertrouwelijk: ${mark("STUKTEKST")}.` },
    });
    publishAgenda({ viewer: admin, id: meetingId, expectedVersion: 1 });
    const decision = recordDecision({
      viewer: admin,
      agendaItemId: open.id,
      input: {
        outcome: "conform",
        textMarkdown: mark("BESLUIT"),
        discussionMarkdown: "",
        isConfidential: true,
        commitments: [{ description: mark("ACTIE"), dueOn: "2028-06-01" }],
      },
    });
    addTopic({
      viewer: admin,
      bodyId: body.id,
      input: {
        subject: mark("ONDERWERP"),
        purpose: "besluitvorming",
        ownerName: null,
        meetingId,
        quarter: null,
        isConfidential: true,
      },
    });
    for (const [date, isPublic, publish] of [
      ["2028-04-12", false, true],
      ["2028-05-10", true, false],
      ["2025-03-12", false, true],
    ] as const) {
      const { id: hidden } = createMeeting({
        viewer: admin,
        input: { bodyId: body.id, date, startTime: "10:00", endTime: "11:00", location: "Auditzaal", isPublic },
      });
      if (publish) publishAgenda({ viewer: admin, id: hidden, expectedVersion: 1 });
      addTopic({
        viewer: admin,
        bodyId: body.id,
        input: {
          subject: mark("VERBORGEN"),
          purpose: "informatie",
          ownerName: null,
          meetingId: hidden,
          quarter: null,
          isConfidential: false,
        },
      });
    }
    return { body, meetingId, confidential, open, document, decision };
  });

  const sg = fixtures.find((f) => f.body.kind === "stuurgroep")!;
  const other = fixtures.find((f) => f.body.id !== sg.body.id)!;
  const version = db
    .select({ id: documentVersions.id })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, sg.document.id))
    .get()!;
  const actionId = (
    db.$client.prepare("select id from actions where decision_id = ?").get(sg.decision.id) as { id: number }
  ).id;
  stuurgroep = {
    id: sg.body.id,
    code: sg.body.code,
    meetingId: sg.meetingId,
    decisionReference: sg.decision.reference,
    actionId,
  };
  const plan = db.select({ id: annualPlans.id }).from(annualPlans).get()!;
  const programme = db
    .select({ slug: programmes.slug, number: objectives.number })
    .from(programmes)
    .innerJoin(objectives, eq(objectives.programmeId, programmes.id))
    .get()!;
  // A newsletter drafted from the audited stuurgroep meeting: drafted as the public sees it.
  const editionSlug = `lek-audit-${Date.now()}`;
  createEdition({
    viewer: admin,
    input: { title: "Auditnieuwsbrief", slug: editionSlug, period: "2028", meetingId: sg.meetingId },
  });

  const member = await makeViewer({ role: "lid", name: "Lid Stuurgroep Audit" });
  makeMembership({ bodyId: sg.body.id, personId: member.personId });
  const sentAt = Date.parse("2028-03-01T09:00:00Z");
  const written = await sendWrittenProcedure({
    viewer: admin,
    bodyId: sg.body.id,
    input: {
      title: `Schriftelijk ${sg.body.code} LEK${sg.body.code}SCHRIFTELIJK`,
      proposalMarkdown: `Voorstel LEK${sg.body.code}SCHRIFTELIJK.`,
      isConfidential: true,
      deadlineAt: Date.parse("2028-03-05T16:00:00Z"),
      papers: [{ fileName: "toelichting.txt", bytes: new TextEncoder().encode(`Stuk LEK${sg.body.code}SCHRIFTELIJK`) }],
    },
    baseUrl: baseUrl(),
    now: sentAt,
  });
  closeWrittenProcedure({ viewer: admin, id: written.id, expectedVersion: 1, now: Date.parse("2028-03-06T09:00:00Z") });
  addNote({
    viewer: admin,
    agendaItemId: sg.open.id,
    input: { textMarkdown: `Gedeeld LEK${sg.body.code}NOTITIE`, isShared: true },
  });
  addNote({
    viewer: admin,
    agendaItemId: sg.open.id,
    documentId: sg.document.id,
    input: { textMarkdown: "Privé LEKPRIVNOTITIE", isShared: false },
  });
  startItem({ viewer: admin, meetingId: sg.meetingId, itemId: sg.confidential.id });
  const outsider = await makeViewer({ role: "lid", name: "Lid Elders Audit" });
  makeMembership({ bodyId: other.body.id, personId: outsider.personId });
  const withBodies = (viewer: SignedInViewer, bodyIds: number[]) => ({ ...viewer, memberBodyIds: bodyIds });
  readers = [
    { name: "anoniem", cookie: null, allowedCodes: [], feedToken: null },
    {
      name: `lid van ${other.body.code}`,
      cookie: cookieFor(outsider.userId),
      allowedCodes: [other.body.code],
      feedToken: createCalendarFeed({ viewer: withBodies(outsider, [other.body.id]) }),
    },
    {
      name: `lid van ${sg.body.code}`,
      cookie: cookieFor(member.userId),
      allowedCodes: [sg.body.code],
      feedToken: createCalendarFeed({ viewer: withBodies(member, [sg.body.id]) }),
    },
  ];
  samples = {
    meetingId: sg.meetingId,
    confidentialItemId: sg.confidential.id,
    publicItemId: sg.open.id,
    decisionId: sg.decision.id,
    decisionReference: sg.decision.reference,
    actionId,
    documentId: sg.document.id,
    versionId: version.id,
    bodyId: sg.body.id,
    bodySlug: sg.body.slug,
    planId: plan.id,
    programmeSlug: programme.slug,
    objectiveNumber: programme.number,
    editionSlug,
    writtenProcedureId: written.id,
    writtenPaperId: (
      db.$client.prepare("select id from written_procedure_papers where procedure_id = ?").get(written.id) as {
        id: number;
      }
    ).id,
    userId: member.userId,
    personId: member.personId,
    since,
  };
});

async function readable(response: Response) {
  const type = response.headers.get("content-type") ?? "";
  // An event stream never ends by itself: its first event (the state at connecting) is what it tells.
  if (type.includes("text/event-stream")) {
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("event: live")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString("utf8");
      if (text.includes("event: live") && text.includes("\n\n", text.indexOf("event: live"))) break;
    }
    await reader.cancel();
    return text;
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (type.includes("wordprocessingml")) return (await mammoth.extractRawText({ buffer: bytes })).value;
  if (type.includes("application/pdf")) {
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    return String(text);
  }
  return bytes.toString("utf8");
}

/** Reads a response to its end; an event stream, which has none, is closed instead. */
async function drain(response: Response) {
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) await response.body?.cancel();
  else await response.arrayBuffer();
}

async function read(path: string, cookie: string | null) {
  const response = await fetch(`${baseUrl()}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: response.status, text: await readable(response) };
}

function markersIn(text: string) {
  return [...text.matchAll(MARKER)].map((match) => ({ code: match[1]!, marker: match[0] }));
}

describe("leak audit", () => {
  it("the route catalogue covers every route", () => {
    expect(Object.keys(catalogue(samples)).sort()).toEqual(routeFiles());
  });

  it("no reader sees a besloten marker of a body they are not a member of, on any route", async () => {
    const urls = [...new Set(Object.values(catalogue(samples)).flat())];
    const leaks: string[] = [];
    for (const reader of readers) {
      const personal = reader.feedToken ? [`/kalender/${reader.feedToken}`] : [];
      for (const url of [...urls, ...personal]) {
        const { text } = await read(url, reader.cookie);
        for (const found of markersIn(text))
          if (!reader.allowedCodes.includes(found.code)) leaks.push(`${reader.name}: ${found.marker} op ${url}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("a member of the body does see its besloten content where it belongs", async () => {
    const member = readers.at(-1)!;
    const code = stuurgroep.code;
    const expectations: [string, string[]][] = [
      [`/vergaderingen/${stuurgroep.meetingId}`, ["PUNT", "STUKTITEL"]],
      [`/besluiten/${stuurgroep.decisionReference}`, ["BESLUIT"]],
      [`/acties/${stuurgroep.actionId}`, ["ACTIE"]],
      [`/gremia/${samples.bodySlug}/planning`, ["ONDERWERP", "VERBORGEN"]],
      [`/stukken/${samples.versionId}`, ["STUKTEKST"]],
      [`/vergaderingen/${stuurgroep.meetingId}/stukken.pdf`, ["PUNT", "STUKTEKST"]],
      [`/vergaderingen/${stuurgroep.meetingId}/agenda.docx`, ["PUNT", "VOORSTEL"]],
      [`/vergaderingen/${stuurgroep.meetingId}/agenda.pdf`, ["PUNT", "VOORSTEL"]],
      [`/vergaderingen/${stuurgroep.meetingId}/besluitenlijst`, ["SCHRIFTELIJK", "BESLUIT"]],
      [`/vergaderingen/${stuurgroep.meetingId}/besluitenlijst.pdf`, ["SCHRIFTELIJK"]],
      [`/vergaderingen/${stuurgroep.meetingId}/notities`, ["NOTITIE"]],
      [`/vergaderingen/${stuurgroep.meetingId}/live/stream`, ["PUNT"]],
      [`/gremia/${samples.bodySlug}/schriftelijk`, ["SCHRIFTELIJK"]],
      [`/gremia/${samples.bodySlug}/schriftelijk/${samples.writtenProcedureId}`, ["SCHRIFTELIJK"]],
      [
        `/gremia/${samples.bodySlug}/schriftelijk/${samples.writtenProcedureId}/stukken/${samples.writtenPaperId}`,
        ["SCHRIFTELIJK"],
      ],
      ["/zoeken?q=LEK", ["PUNT", "BESLUIT", "VERBORGEN", "NOTITIE"]],
    ];
    for (const [url, kinds] of expectations) {
      const { status, text } = await read(url, member.cookie);
      expect(status, url).toBe(200);
      for (const kind of kinds) expect(text, `${kind} op ${url}`).toContain(`LEK${code}${kind}`);
    }
    // The same pages as anonymous: reachable, without the markers (the besloten records ask to sign in).
    for (const url of [
      `/besluiten/${stuurgroep.decisionReference}`,
      `/acties/${stuurgroep.actionId}`,
      `/stukken/${samples.versionId}`,
    ]) {
      const response = await fetch(`${baseUrl()}${url}`, { redirect: "manual" });
      expect(response.status, url).toBe(302);
      expect(response.headers.get("location"), url).toBe(`/inloggen?redirectTo=${encodeURIComponent(url)}`);
    }
    expect((await read(`/vergaderingen/${stuurgroep.meetingId}`, null)).text).toContain("Besloten agendapunt");
  });

  it("the newsletter drafted from the meeting holds no besloten content, not even for the beheerder", async () => {
    for (const url of [
      `/nieuwsbrieven/${samples.editionSlug}/mail`,
      `/nieuwsbrieven/${samples.editionSlug}/bewerken`,
    ]) {
      const { status, text } = await read(url, beheerderCookie);
      expect(status, url).toBe(200);
      expect(markersIn(text), url).toEqual([]);
    }
    // The mail as it leaves the server (a test mail, rendered like every subscriber's), from its outbox.
    const sent = await fetch(`${baseUrl()}/nieuwsbrieven/${samples.editionSlug}/bewerken`, {
      method: "POST",
      headers: {
        cookie: beheerderCookie,
        origin: baseUrl(),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ intent: "test-mail" }),
      redirect: "manual",
    });
    expect(sent.status).toBe(302);
    const outbox = join(dirname(inject("databasePath")), "outbox");
    const index = readdirSync(outbox)
      .filter((f) => f.endsWith(".json"))
      .find((f) => {
        const meta = JSON.parse(readFileSync(join(outbox, f), "utf8")) as { to: string; subject: string };
        return meta.to.includes(beheerderEmail) && meta.subject.includes("Auditnieuwsbrief");
      });
    expect(index).toBeDefined();
    const mail = await simpleParser(readFileSync(join(outbox, index!.replace(/\.json$/, ".eml"))));
    const content = `${mail.subject} ${mail.text} ${mail.html}`;
    // Drafted from the meeting: its public item is in the mail, its besloten content is not.
    expect(content).toContain(`Openbaar punt ${stuurgroep.code}`);
    expect(markersIn(content)).toEqual([]);
  });
});

describe("security headers", () => {
  it("every route answers with the security headers and a content security policy, signed in or not", async () => {
    const urls = [...new Set(Object.values(catalogue(samples)).flat())];
    const missing: string[] = [];
    for (const cookie of [null, readers.at(-1)!.cookie]) {
      for (const url of urls) {
        const response = await fetch(`${baseUrl()}${url}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
        await drain(response);
        const header = (name: string) => response.headers.get(name) ?? "";
        const policy = header("content-security-policy");
        const problems = [
          !policy && "geen Content-Security-Policy",
          policy && !/default-src '(self|none)'/.test(policy) && "CSP zonder default-src",
          policy &&
            !policy.includes("sandbox") &&
            !policy.includes("frame-ancestors 'none'") &&
            "CSP zonder frame-ancestors",
          policy.includes("unsafe-eval") && "CSP met unsafe-eval",
          /script-src[^;]*unsafe-inline/.test(policy) && "CSP met unsafe-inline scripts",
          header("x-content-type-options") !== "nosniff" && "geen nosniff",
          header("x-frame-options") !== "DENY" && "geen X-Frame-Options",
          !header("referrer-policy") && "geen Referrer-Policy",
          response.status >= 500 && `status ${response.status}`,
        ].filter(Boolean);
        if (problems.length) missing.push(`${url} (${cookie ? "lid" : "anoniem"}): ${problems.join(", ")}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("phones", () => {
  it("no page is wider than a 320 px screen or shows a date as 2027-03-01: for a visitor, a member and the beheerder", async () => {
    const urls = [...new Set(Object.values(catalogue(samples)).flat())];
    const context = await launchBrowser();
    const tooWide: string[] = [];
    const isoDates: string[] = [];
    try {
      for (const cookie of [null, readers.at(-1)!.cookie, beheerderCookie]) {
        await context.clearCookies();
        if (cookie) {
          const [name, value] = cookie.split("=") as [string, string];
          await context.addCookies([{ name, value, url: baseUrl(), httpOnly: true, sameSite: "Lax" }]);
        }
        const page = await context.newPage();
        await page.setViewportSize({ width: 320, height: 640 });
        for (const url of urls) {
          // Only pages: files and feeds are not laid out by the site.
          const head = await fetch(`${baseUrl()}${url}`, { headers: cookie ? { cookie } : {} });
          await drain(head);
          if (!head.headers.get("content-type")?.startsWith("text/html")) continue;
          await page.goto(`${baseUrl()}${url}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          const who = cookie === beheerderCookie ? "beheerder" : cookie ? "lid" : "anoniem";
          if (width > 320) tooWide.push(`${url} (${who}): ${width} px`);
          // People read dates the Dutch way (1 maart 2027); the API's own page documents ISO on purpose.
          const text = await page.evaluate(() => document.querySelector("main")?.innerText ?? "");
          const iso = url === "/api" ? null : text.match(/\b20\d\d-\d\d-\d\d\b/);
          if (iso) isoDates.push(`${url} (${who}): ${iso[0]}`);
        }
        await page.close();
      }
    } finally {
      await context.close();
    }
    expect(tooWide).toEqual([]);
    expect(isoDates).toEqual([]);
  }, 360_000);
});
