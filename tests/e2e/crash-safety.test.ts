import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { connectDatabase, migrateDatabase, openDatabase } from "../../app/lib/db.server";
import { createAction } from "../../app/models/actions.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { createMeeting, publishAgenda } from "../../app/models/meetings.server";
import { publishEdition, createEdition } from "../../app/models/newsletters.server";
import { createSession, validateSessionToken } from "../../app/models/sessions.server";
import { importDemoCorpus } from "../../app/content/import.server";
import { freePort, killServer, startProductionServer, stopServer } from "../../scripts/production-server";
import { listenSmtp } from "../smtp";

// Crash safety: the production server runs under write load (planned topics, agenda items, action
// updates, a newsletter being sent) and is killed with SIGKILL at random moments, several times.
// Afterwards every write the server acknowledged must be there, the database must pass
// PRAGMA integrity_check, and no subscriber may have received the newsletter twice.
// A round kills the server once it has acknowledged a few writes of each kind (and a random moment
// later), not after a fixed time: on a slow machine it waits longer, so the test asks the same of
// every machine and its thresholds follow from what was acknowledged.

const ROUNDS = 4;
/** Writes of each kind (decisions; other writes) a round waits for before the kill. */
const PER_ROUND = 3;
/** The longest a round waits for them; a server that acknowledges nothing in this time fails the test. */
const ROUND_LIMIT_MS = 60_000;
let dir: string;
let databasePath: string;
let smtp: Awaited<ReturnType<typeof listenSmtp>>;
let smtpUrl: string;
let received: ParsedMail[];
let cookie: string;
// One meeting per round for the agenda writer, so no agenda grows beyond a realistic size.
let agendaMeetingIds: number[];
let actionIds: number[];
// Agenda items of a published meeting, each to receive one decision, taken in turn across rounds.
let decisionItems: { meetingId: number; itemId: number }[];
const EDITION_TITLE = "Crashtest-editie";

function startServer(port: number) {
  return startProductionServer({
    port,
    env: {
      DATABASE_URL: databasePath,
      GREMIUM_DEMO: "0",
      SECURITY_CONTACT: "mailto:security@gremium.test",
      CONTACT_EMAIL: "secretariaat@gremium.test",
      GREMIUM_SCHEDULER: "0",
      SMTP_URL: smtpUrl,
      PUBLIC_URL: `http://localhost:${port}`,
      // Two web processes and one that sends the newsletter, as on a production machine.
      WEB_CONCURRENCY: "2",
    },
    timeoutMs: 30_000,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gremium-crash-"));
  databasePath = join(dir, "gremium.db");
  // A slow mail server, so the newsletter is still being sent when the server is killed.
  smtp = await listenSmtp({ answerAfterMs: () => 50 });
  smtpUrl = smtp.url;
  received = smtp.received;

  const db = connectDatabase(openDatabase(databasePath));
  migrateDatabase(db);
  await importDemoCorpus(db, { contentDir: resolve("content"), demoPassword: "gremium-demo" });
  const secretary = db.$client.prepare("select id from users where email = 'secretariaat@gremium.example'").get() as {
    id: number;
  };
  const { token } = createSession({ userId: secretary.id });
  cookie = `${SESSION_COOKIE}=${token}`;
  const viewer = validateSessionToken({ token })!.viewer;
  const stuurgroep = db.$client.prepare("select id from bodies where slug = 'stuurgroep-zvs'").get() as { id: number };
  agendaMeetingIds = Array.from(
    { length: ROUNDS },
    (_, round) =>
      createMeeting({
        viewer,
        input: {
          bodyId: stuurgroep.id,
          date: `2029-05-${String(17 + round)}`,
          startTime: "10:00",
          endTime: "12:00",
          location: "Hengelo",
          isPublic: false,
        },
      }).id,
  );
  // Published meetings of a usual size (a page of 400 record forms would be a test of its own).
  decisionItems = Array.from({ length: 20 }, (_, m) => {
    const id = createMeeting({
      viewer,
      input: {
        bodyId: stuurgroep.id,
        date: `2029-06-${String(m + 1).padStart(2, "0")}`,
        startTime: "10:00",
        endTime: "12:00",
        location: "Hengelo",
        isPublic: true,
      },
    }).id;
    const items = Array.from({ length: 15 }, (_, i) => ({
      meetingId: id,
      itemId: addAgendaItem({
        viewer,
        meetingId: id,
        input: { section: "B", subject: `Crashtest-besluitpunt ${i}`, proposalMarkdown: "", isConfidential: false },
      }).id,
    }));
    publishAgenda({ viewer, id, expectedVersion: 1 });
    return items;
  }).flat();
  actionIds = [0, 1].map(
    (i) =>
      createAction({
        viewer,
        input: {
          bodyId: stuurgroep.id,
          description: `Crashtest-actie ${i}`,
          ownerPersonId: null,
          organisationId: null,
          dueOn: null,
        },
      }).id,
  );
  // 250 confirmed subscribers and a published edition: its deliveries wait for the sender.
  const insert = db.$client.prepare(
    "insert into subscribers (email, email_hash, status, confirmed_at, unsubscribe_token) values (?, ?, 'bevestigd', ?, ?)",
  );
  for (let i = 0; i < 250; i++) insert.run(`abonnee${i}@crash.example`, `hash-${i}`, Date.now(), `token-${i}`);
  const kwartiermaker = db.$client
    .prepare("select id from users where email = 'kwartiermaker@gremium.example'")
    .get() as {
    id: number;
  };
  const editor = validateSessionToken({ token: createSession({ userId: kwartiermaker.id }).token })!.viewer;
  const edition = createEdition({
    viewer: editor,
    input: { title: EDITION_TITLE, slug: "crashtest", period: "2029", meetingId: null },
  });
  publishEdition({ viewer: editor, id: edition.id, expectedVersion: 1, baseUrl: "http://localhost" });
  db.$client.close();
}, 120_000);

afterAll(async () => {
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

type Acknowledged = { topics: string[]; items: string[]; notes: string[]; decisions: string[] };
const others = (a: Acknowledged) => a.topics.length + a.items.length + a.notes.length;

/** Keeps writing until the server stops answering; returns what it confirmed. */
async function writeLoad(port: number, round: number, acknowledged: Acknowledged) {
  const base = `http://localhost:${port}`;
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
  const versions = new Map<number, number>();
  const readVersion = (id: number) =>
    (
      new Database(databasePath, { readonly: true }).prepare("select version from actions where id = ?").get(id) as {
        version: number;
      }
    ).version;
  for (const id of actionIds) versions.set(id, readVersion(id));
  const writers = [
    async (n: number) => {
      const subject = `crash-onderwerp-${round}-${n}`;
      const response = await post("/gremia/stuurgroep-zvs/planning", {
        intent: "add",
        subject,
        purpose: "informatie",
        quarter: "2029-K2",
      });
      if (response.status === 302) acknowledged.topics.push(subject);
    },
    async (n: number) => {
      const subject = `crash-punt-${round}-${n}`;
      const response = await post(`/vergaderingen/${agendaMeetingIds[round]}/agenda`, {
        intent: "add",
        section: "C",
        subject,
      });
      if (response.status === 200 && (await response.text()).includes(subject)) acknowledged.items.push(subject);
    },
    async () => {
      const next = decisionItems.shift();
      if (!next) throw new Error("alle punten hebben een besluit");
      const { meetingId, itemId } = next;
      const text = `crash-besluit-${itemId}`;
      // As a browser with JavaScript posts it: the action alone, answered as data without the page.
      const response = await post(`/vergaderingen/${meetingId}/besluiten.data`, {
        intent: "record",
        itemId: String(itemId),
        outcome: "conform",
        textMarkdown: text,
      });
      if (response.status === 200 && (await response.text()).includes("is vastgelegd"))
        acknowledged.decisions.push(text);
    },
    ...actionIds.map((id) => async (n: number) => {
      const note = `crash-voortgang-${round}-${id}-${n}`;
      const response = await post(`/acties/${id}`, {
        intent: "progress",
        change: "update",
        version: String(versions.get(id)),
        note,
      });
      if (response.status === 302 || response.status === 200) {
        acknowledged.notes.push(note);
        versions.set(id, versions.get(id)! + 1);
      }
    }),
  ];
  await Promise.all(
    writers.map(async (write) => {
      for (let n = 0; ; n++) {
        try {
          await write(n);
        } catch {
          return; // the server is gone
        }
      }
    }),
  );
}

describe("crash safety", () => {
  it("keeps every acknowledged write and sends nobody the newsletter twice, through repeated SIGKILLs", async () => {
    const acknowledged: Acknowledged = { topics: [], items: [], notes: [], decisions: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const server = await startServer(port);
      const decisionsBefore = acknowledged.decisions.length;
      const othersBefore = others(acknowledged);
      const load = writeLoad(port, round, acknowledged);
      const limit = Date.now() + ROUND_LIMIT_MS;
      while (
        (acknowledged.decisions.length < decisionsBefore + PER_ROUND ||
          others(acknowledged) < othersBefore + PER_ROUND) &&
        Date.now() < limit
      )
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.random() * 500));
      // Every process of the server at once: the web processes and the one sending mail.
      const exited = new Promise((r) => server.once("exit", r));
      killServer(server, "SIGKILL");
      await exited;
      await load;
    }
    // A last, quiet run lets the sender finish what is left.
    const port = await freePort();
    const server = await startServer(port);
    const db = new Database(databasePath, { readonly: true });
    const waiting = () =>
      (
        db
          .prepare("select count(*) as n from newsletter_deliveries where status in ('wachtrij', 'verzenden')")
          .get() as {
          n: number;
        }
      ).n;
    const deadline = Date.now() + 60_000;
    while (waiting() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await stopServer(server);

    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const present = (sql: string) => new Set((db.prepare(sql).all() as { v: string }[]).map((row) => row.v));
    const topics = present("select subject as v from planned_topics");
    const items = present("select subject as v from agenda_items");
    const notes = present("select note as v from action_updates");
    const decisions = present("select text_markdown as v from decisions");
    // Each round waited for its writes before the kill, whatever the speed of the machine.
    expect(acknowledged.decisions.length).toBeGreaterThanOrEqual(ROUNDS * PER_ROUND);
    expect(others(acknowledged)).toBeGreaterThanOrEqual(ROUNDS * PER_ROUND);
    expect(acknowledged.topics.filter((t) => !topics.has(t))).toEqual([]);
    expect(acknowledged.items.filter((t) => !items.has(t))).toEqual([]);
    expect(acknowledged.notes.filter((t) => !notes.has(t))).toEqual([]);
    expect(acknowledged.decisions.filter((t) => !decisions.has(t))).toEqual([]);

    const perRecipient = new Map<string, number>();
    for (const mail of received.filter((m) => m.subject?.includes(EDITION_TITLE))) {
      const to = mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address! : "";
      perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    }
    expect(perRecipient.size).toBeGreaterThan(0);
    expect([...perRecipient].filter(([, count]) => count > 1)).toEqual([]);
    // Every delivery recorded as sent arrived; one that was on the wire when the server died may have
    // arrived without being recorded: it is marked failed, never sent again.
    const byStatus = (status: string) =>
      (
        db
          .prepare(
            "select s.email as email from newsletter_deliveries d join subscribers s on s.id = d.subscriber_id where d.status = ?",
          )
          .all(status) as { email: string }[]
      ).map((row) => row.email);
    expect(byStatus("verzonden").filter((email) => !perRecipient.has(email))).toEqual([]);
    expect(byStatus("wachtrij")).toEqual([]);
    expect(byStatus("verzenden")).toEqual([]);
    expect(perRecipient.size - byStatus("verzonden").length).toBeLessThanOrEqual(byStatus("mislukt").length);
    db.close();
  }, 600_000);
});
