import Database from "better-sqlite3";
import { type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { importDemoCorpus } from "../../app/content/import.server";
import { closeDatabase, connectDatabase, migrateDatabase, openDatabase } from "../../app/lib/db.server";
import { createEdition, publishEdition } from "../../app/models/newsletters.server";
import { createSession, validateSessionToken } from "../../app/models/sessions.server";
import { totpCode } from "../../app/lib/totp.server";
import { freePort, startProductionServer } from "../../scripts/production-server";
import { listenSmtp } from "../smtp";

// The production server as an operator runs it: two web processes and one background process, no
// trusted proxy, GREMIUM_DEMO=0 with PUBLIC_URL set. Over plain HTTP (no browser): which process
// answers, what every response carries, what a client's forwarded headers can no longer do, and what
// happens when a process is killed or the server is asked to stop.

const PUBLIC_URL = "http://gremium.test";
const DEMO_PASSWORD = "gremium-demo";
const EDITION_TITLE = "Servertest-editie";
const SUBSCRIBERS = 120;

let dir: string;
let databasePath: string;
let port: number;
let server: ChildProcess;
let smtp: Awaited<ReturnType<typeof listenSmtp>>;
let slowMail = false;
let received: ParsedMail[];
let output = "";
/** The server's JSON log lines so far, read from the whole output: a chunk may end inside a line. */
const logLines = () =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return []; // the line still being written
      }
    });
let memberCookie: string;
let editionPublished: () => void;

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One request on its own connection (so the cluster may hand it to any web process), any Host header. */
function request(
  path: string,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, path, method, agent: false, headers: { host: `localhost:${port}`, ...headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => done({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

const formPost = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  request(path, {
    method: "POST",
    headers: {
      origin: `http://localhost:${port}`,
      "content-type": "application/x-www-form-urlencoded",
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });

const linesWith = (msg: string) => logLines().filter((line) => line.msg === msg);
const pidOfRequest = (requestId: string) => logLines().find((line) => line.requestId === requestId)?.pid as number;

async function until<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  ms = 30_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`Wachten op ${what} duurde te lang.\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function pendingDeliveries() {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (
      db.prepare("select count(*) as n from newsletter_deliveries where status in ('wachtrij', 'verzenden')").get() as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gremium-server-"));
  databasePath = join(dir, "gremium.db");
  smtp = await listenSmtp({ answerAfterMs: () => (slowMail ? 40 : 0) });
  received = smtp.received;

  const db = connectDatabase(openDatabase(databasePath));
  migrateDatabase(db);
  await importDemoCorpus(db, { contentDir: resolve("content"), demoPassword: DEMO_PASSWORD });
  const userId = (email: string) =>
    (db.$client.prepare("select id from users where email = ?").get(email) as { id: number }).id;
  memberCookie = `${SESSION_COOKIE}=${createSession({ userId: userId("lid@gremium.example") }).token}`;
  const insert = db.$client.prepare(
    "insert into subscribers (email, email_hash, status, confirmed_at, unsubscribe_token) values (?, ?, 'bevestigd', ?, ?)",
  );
  for (let i = 0; i < SUBSCRIBERS; i++) insert.run(`lezer${i}@server.example`, `server-${i}`, Date.now(), `st-${i}`);
  const editor = validateSessionToken({
    token: createSession({ userId: userId("kwartiermaker@gremium.example") }).token,
  })!.viewer;
  const edition = createEdition({
    viewer: editor,
    input: { title: EDITION_TITLE, slug: "servertest", period: "2029", meetingId: null },
  });
  // Published later, by the test that kills the sender halfway.
  editionPublished = () => publishEdition({ viewer: editor, id: edition.id, expectedVersion: 1, baseUrl: PUBLIC_URL });

  port = await freePort();
  server = await startProductionServer({
    port,
    env: {
      DATABASE_URL: databasePath,
      GREMIUM_DEMO: "0",
      SECURITY_CONTACT: "mailto:security@gremium.test",
      CONTACT_EMAIL: "secretariaat@gremium.test",
      GREMIUM_SCHEDULER: "0",
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      WEB_CONCURRENCY: "2",
      TRUST_PROXY: "",
    },
    onOutput(chunk) {
      output += chunk;
    },
  });
}, 120_000);

afterAll(async () => {
  try {
    process.kill(-server.pid!, "SIGKILL");
  } catch {
    // stopped by the last test
  }
  closeDatabase();
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("production server", () => {
  it("answers from two web processes and runs the background work in exactly one", async () => {
    // The server answers as soon as one web process listens; on a busy machine the second may still be
    // starting, so requests go on until both have answered (or the wait runs out).
    const ids: string[] = [];
    const pids = await until(async () => {
      for (let i = 0; i < 6; i++) ids.push((await request("/healthz")).headers["x-request-id"] as string);
      const found = new Set(ids.map(pidOfRequest).filter(Boolean));
      return found.size === 2 && found;
    }, "antwoorden van twee webprocessen");
    expect(ids.every((id) => /^GRM-[0-9A-F]{10}$/.test(id))).toBe(true);
    expect(pids.size).toBe(2);
    // The background process logs its start in its own time: wait for the line, then count.
    await until(() => linesWith("achtergrondwerk gestart").length > 0, "het achtergrondproces");
    const background = linesWith("achtergrondwerk gestart");
    expect(background).toHaveLength(1);
    expect(pids.has(background[0]!.pid as number)).toBe(false);
    expect(linesWith("Gremium luistert")).toHaveLength(1);
  });

  it("puts the security headers on every response, caches assets for good and signed-in pages nowhere", async () => {
    const home = await request("/", { headers: { "accept-encoding": "gzip", "x-forwarded-proto": "https" } });
    expect(home.status).toBe(200);
    expect(home.headers["content-encoding"]).toBe("gzip");
    expect(home.headers["content-security-policy"]).toMatch(/default-src/);
    expect(home.headers["x-content-type-options"]).toBe("nosniff");
    // Not served over https, and the client's X-Forwarded-Proto counts for nothing without a trusted proxy.
    expect(home.headers["strict-transport-security"]).toBeUndefined();

    // A signed-in page names its scripts and stylesheet, fingerprinted under /assets.
    const html = (await request("/", { headers: { cookie: memberCookie } })).body;
    const assets = [/\/assets\/[\w.-]+\.js/.exec(html)![0], /\/assets\/[\w.-]+\.css/.exec(html)![0]];
    for (const asset of assets) {
      const file = await request(asset);
      expect(file.status, asset).toBe(200);
      expect(file.headers["cache-control"], asset).toMatch(/max-age=31536000/);
      expect(file.headers["cache-control"], asset).toMatch(/immutable/);
      expect(file.headers["x-content-type-options"], asset).toBe("nosniff");
      expect(file.headers["referrer-policy"], asset).toBe("strict-origin-when-cross-origin");
    }
    const favicon = await request("/favicon.svg");
    expect(favicon.status).toBe(200);
    expect(favicon.headers["x-content-type-options"]).toBe("nosniff");
    expect(favicon.headers["cache-control"]).not.toMatch(/immutable/);

    for (const path of ["/vergaderingen", "/vergaderingen.data", "/acties"]) {
      const signedIn = await request(path, { headers: { cookie: memberCookie } });
      expect(signedIn.status, path).toBe(200);
      expect(signedIn.headers["cache-control"], path).toBe("private, no-store");
    }
    expect((await request("/vergaderingen")).headers["cache-control"] ?? "").not.toMatch(/private/);
  });

  it("ignores a client's X-Forwarded-* headers: links come from PUBLIC_URL, limits from the real address", async () => {
    const spoofed = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    const api = await request("/api/v1/besluiten", { headers: spoofed });
    expect(api.status).toBe(200);
    expect(api.body).toContain(PUBLIC_URL);
    expect(api.body).not.toContain("evil.example");
    const feed = await request("/nieuwsbrieven/feed.xml", { headers: spoofed });
    expect(feed.body).toContain(PUBLIC_URL);
    expect(feed.body).not.toContain("evil.example");

    // 35 sign-ups from one client, each claiming another address: the real one counts, 30 an hour.
    const outcomes: number[] = [];
    for (let i = 0; i < 35; i++) {
      const answer = await formPost(
        "/nieuwsbrief/aanmelden",
        { email: `aanmelder${i}@server.example` },
        { ...spoofed, "x-forwarded-for": `203.0.113.${i + 1}` },
      );
      outcomes.push(answer.status);
      if (answer.status !== 302) expect(answer.body).toContain("te veel aanmeldingen vanaf uw verbinding");
    }
    expect(outcomes.filter((status) => status === 302)).toHaveLength(30);
    const confirmation = await until(
      () =>
        received.find(
          (mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]!.address === "aanmelder0@server.example",
        ),
      "de bevestigingsmail",
    );
    expect(confirmation.text).toContain(`${PUBLIC_URL}/nieuwsbrief/bevestigen/`);
    expect(`${confirmation.text}${confirmation.html}`).not.toContain("evil.example");
  });

  it("sends a person back only to a path of its own after signing in", async () => {
    const sameOrigin = (location: string) => new URL(location, PUBLIC_URL).origin === PUBLIC_URL;
    for (const target of ["/\t/evil.example/phish", "/\n/evil.example", "/\u3000/evil.example", "//evil.example"]) {
      const signIn = await formPost("/inloggen", {
        email: "secretariaat@gremium.example",
        password: DEMO_PASSWORD,
        redirectTo: target,
      });
      expect(signIn.status, JSON.stringify(target)).toBe(302);
      const location = signIn.headers.location as string;
      expect(location, JSON.stringify(target)).toMatch(/^\/(?![/\\])/);
      expect(sameOrigin(location), location).toBe(true);
    }
    const signedIn = await request(`/inloggen?redirectTo=${encodeURIComponent("/\t/evil.example/phish")}`, {
      headers: { cookie: memberCookie },
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.location).toBe("/mijn");
    const own = await request(`/inloggen?redirectTo=${encodeURIComponent("/acties?status=open")}`, {
      headers: { cookie: memberCookie },
    });
    expect(own.headers.location).toBe("/acties?status=open");
  });

  it("requires a second step by default: a member without one enrols before any other page, without JavaScript", async () => {
    const cookieOf = (answer: Answer) =>
      ([] as string[])
        .concat(answer.headers["set-cookie"] ?? [])
        .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
        .split(";")[0]!;
    const signIn = await formPost("/inloggen", {
      email: "partner@gremium.example",
      password: DEMO_PASSWORD,
      redirectTo: "/acties",
    });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.location).toBe("/account/tweestapsverificatie?redirectTo=%2Facties");
    const halfWay = cookieOf(signIn);
    // Half-way, every page leads to enrolment and nothing members see is shown.
    const elsewhere = await request("/vergaderingen", { headers: { cookie: halfWay } });
    expect(elsewhere.status).toBe(302);
    expect(elsewhere.headers.location).toMatch(/^\/account\/tweestapsverificatie\?redirectTo=%2Fvergaderingen/);
    expect((await request("/api/v1/acties", { headers: { cookie: halfWay } })).body).not.toContain("besloten");
    const page = (await request("/account/tweestapsverificatie", { headers: { cookie: halfWay } })).body;
    expect(page).toContain("Voor uw account is tweestapsverificatie verplicht");

    const start = await formPost(
      "/account/tweestapsverificatie?redirectTo=%2Facties",
      { intent: "start-totp" },
      { cookie: halfWay },
    );
    expect(start.status).toBe(200);
    const secret = /class="gremium-secret">([A-Z2-7 ]+)</.exec(start.body)![1]!.replace(/ /g, "");
    const confirm = await formPost(
      "/account/tweestapsverificatie?redirectTo=%2Facties",
      { intent: "confirm-totp", code: totpCode(secret, Date.now()) },
      { cookie: halfWay },
    );
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain("Uw herstelcodes");
    expect(confirm.body).toContain('href="/acties"');
    // The same session is now whole, its cookie renewed for the full term.
    expect(cookieOf(confirm)).toBe(halfWay);
    expect((await request("/acties", { headers: { cookie: halfWay } })).status).toBe(200);
  });

  it("publishes the configured contact for vulnerability reports at the site's own address", async () => {
    const text = (await request("/.well-known/security.txt")).body;
    expect(text).toContain("Contact: mailto:security@gremium.test\n");
    expect(text).toContain(`Canonical: ${PUBLIC_URL}/.well-known/security.txt\n`);
  });

  it("answers names from JavaScript's object prototype in the API with its 404 problem", async () => {
    for (const path of ["/api/v1/constructor", "/api/v1/__proto__", "/api/v1/toString/1", "/api/v1/hasOwnProperty"]) {
      const answer = await request(path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers["content-type"], path).toMatch(/application\/problem\+json/);
    }
  });

  it("builds one meeting pack whatever Host header the requests carry", async () => {
    const db = new Database(databasePath, { readonly: true });
    const meetingId = (
      db
        .prepare(
          "select id from meetings where is_public = 1 and status in ('gepubliceerd', 'vergaderd') order by id limit 1",
        )
        .get() as {
        id: number;
      }
    ).id;
    db.close();
    for (const host of ["localhost", "evil.example", "gremium.test", "127.0.0.1", "a.example"]) {
      const answer = await until(async () => {
        const pack = await request(`/vergaderingen/${meetingId}/stukken.pdf`, { headers: { host } });
        return pack.status === 200 && pack;
      }, "het vergaderpakket");
      expect(answer.headers["content-type"]).toBe("application/pdf");
    }
    expect(readdirSync(join(dir, "packs", String(meetingId)))).toHaveLength(1);
  });

  it("keeps serving when a web process is killed, and starts a new one", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await request("/healthz")).headers["x-request-id"] as string);
    const before = await until(() => ids.every(pidOfRequest) && new Set(ids.map(pidOfRequest)), "de logregels");
    const victim = [...before][0]!;
    process.kill(victim, "SIGKILL");
    await until(
      () => linesWith("proces gestopt; een nieuw neemt het over").some((l) => l.pid === victim),
      "de melding",
    );
    const answering = new Set<number>();
    await until(async () => {
      const answer = await request("/healthz");
      expect(answer.status).toBe(200);
      await until(() => pidOfRequest(answer.headers["x-request-id"] as string), "de logregel");
      answering.add(pidOfRequest(answer.headers["x-request-id"] as string));
      return answering.size === 2;
    }, "een nieuw webproces");
    expect(answering.has(victim)).toBe(false);
  });

  it("sends nobody the newsletter twice when the background process is killed halfway, and sends the rest", async () => {
    slowMail = true;
    const sender = linesWith("achtergrondwerk gestart")[0]!.pid as number;
    editionPublished();
    const ofEdition = () => received.filter((mail) => mail.subject?.includes(EDITION_TITLE));
    await until(() => ofEdition().length >= 10, "de eerste nieuwsbrieven");
    process.kill(sender, "SIGKILL");
    await until(() => linesWith("achtergrondwerk gestart").length === 2, "een nieuw achtergrondproces");
    await until(() => pendingDeliveries() === 0, "het versturen van de rest", 60_000);
    slowMail = false;

    const perRecipient = new Map<string, number>();
    for (const mail of ofEdition()) {
      const to = mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address! : "";
      perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    }
    expect([...perRecipient].filter(([, count]) => count > 1)).toEqual([]);
    const db = new Database(databasePath, { readonly: true });
    const statuses = db
      .prepare(
        "select d.status as status, s.email as email from newsletter_deliveries d join subscribers s on s.id = d.subscriber_id join newsletter_editions e on e.id = d.edition_id where e.title = ?",
      )
      .all(EDITION_TITLE) as { status: string; email: string }[];
    db.close();
    const sent = statuses.filter((row) => row.status === "verzonden");
    expect(sent.filter((row) => !perRecipient.has(row.email))).toEqual([]);
    // At most the one mail that was on the wire when the process died is marked failed, never resent.
    expect(statuses.filter((row) => row.status === "mislukt").length).toBeLessThanOrEqual(1);
    expect(perRecipient.size).toBeGreaterThanOrEqual(statuses.length - 1);
  }, 120_000);

  it("takes the one-click unsubscribe a mail program posts from elsewhere (RFC 8058)", async () => {
    const oneClick = (token: string, headers: Record<string, string>) =>
      request(`/nieuwsbrief/afmelden/${token}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: "List-Unsubscribe=One-Click",
      });
    expect((await oneClick("st-1", {})).status).toBe(200);
    expect((await oneClick("st-2", { origin: "https://mail.example" })).status).toBe(200);
    const db = new Database(databasePath, { readonly: true });
    const statuses = db.prepare("select status from subscribers where unsubscribe_token in ('st-1', 'st-2')").all() as {
      status: string;
    }[];
    db.close();
    expect(statuses.map((row) => row.status)).toEqual(["afgemeld", "afgemeld"]);
  });

  it("finishes a running request on SIGTERM and then stops", async () => {
    // A sign-up whose body arrives slowly: it is still running when the server is asked to stop.
    const body = new URLSearchParams({ email: "laatkomer@server.example" }).toString();
    const answer = new Promise<Answer>((done, fail) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path: "/nieuwsbrief/aanmelden",
          method: "POST",
          agent: false,
          headers: {
            host: `localhost:${port}`,
            origin: `http://localhost:${port}`,
            "content-type": "application/x-www-form-urlencoded",
            "content-length": String(Buffer.byteLength(body)),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => done({ status: res.statusCode!, headers: res.headers, body: "" }));
        },
      );
      req.on("error", fail);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 1_500);
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((r) => server.once("exit", (code) => r(code)));
    // As a service manager does: the whole process group gets the signal.
    process.kill(-server.pid!, "SIGTERM");
    // The request was accepted before the signal; it is answered, not cut off. (A sign-up over the
    // hourly limit of this client is answered too, just with the message.)
    expect([302, 429, 400]).toContain((await answer).status);
    expect(await exited).toBe(0);
    expect(linesWith("stoppen").length).toBeGreaterThanOrEqual(1);
  }, 30_000);
});
