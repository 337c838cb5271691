import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { getDb } from "../../app/lib/db.server";
import { createSession } from "../../app/models/sessions.server";
import { importDemoCorpus } from "../../app/content/import.server";
import { makeMembership, makeViewer } from "../factories";
import { STALE_ACTION_FLAGS } from "../invariants";

// Property-based fuzzing of every form action and every API endpoint, in process against the demo
// corpus. Thousands of random and adversarial payloads (wrong types, huge strings, unicode edge cases,
// script and SQL fragments, missing and repeated fields, forged intents, other bodies' ids) must never
// cause a 500; refusals come as a 4xx or as Dutch messages at the fields; no stored HTML may carry
// script; and a visitor or a member of another body must not change anything they may not.

type RouteModule = {
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
};
const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");
const routeName = (path: string) => path.replace(/^.*\/routes\//, "").replace(/\.(tsx|ts)$/, "");
const source = (path: string) => readFileSync(resolve(__dirname, path), "utf8");

const actionRoutes = Object.keys(modules).filter(
  (path) => !path.includes(".test.") && /export async function action/.test(source(path)),
);

// Field names and intents as the forms use them, read from the schemas and the routes.
const sources = [
  ...readdirSync(resolve("app/schemas")).map((f) => readFileSync(join("app/schemas", f), "utf8")),
  ...Object.keys(modules).map(source),
].join("\n");
const fieldNames = [
  ...new Set([
    ...[...sources.matchAll(/name="([a-zA-Z][\w.[\]]*)"/g)].map((m) => m[1]!),
    ...[
      ...sources.matchAll(/^\s+([a-zA-Z]\w*): (?:z\.|requiredText|optionalText|optionalId|isoDate|version|note)/gm),
    ].map((m) => m[1]!),
  ]),
];
const intents = [...new Set([...sources.matchAll(/z\.literal\("([\w-]+)"\)/g)].map((m) => m[1]!))];

const adversarial = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "[klik](javascript:alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  "' OR 1=1; --",
  "'); DROP TABLE meetings; --",
  "%00",
  "\u0000",
  "\u202e\u200b\ufeff",
  "𝕳𝖊𝖑𝖑𝖔 👩🏽‍⚖️",
  "e\u0301",
  "-1",
  "0",
  "1e309",
  "NaN",
  "9007199254740993",
  "2027-02-30",
  "25:61",
  "__proto__",
  "constructor",
  "true",
  "on",
  "",
  " ",
  "x".repeat(100_000),
];

describe("fuzzing", () => {
  let pools: { ids: string[]; slugs: string[] };
  let cookies: () => { name: string; cookie: string | null; mayChange: boolean }[];

  beforeEach(async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const db = getDb();
    await importDemoCorpus(db, { contentDir: resolve("content"), demoPassword: "gremium-demo" });
    const column = (sql: string) => (db.$client.prepare(sql).all() as { v: string | number }[]).map((r) => String(r.v));
    pools = {
      ids: [
        ...column("select id as v from meetings"),
        ...column("select id as v from agenda_items order by random() limit 20"),
        ...column("select id as v from actions order by random() limit 10"),
        ...column("select id as v from bodies"),
        ...column("select id as v from document_versions"),
        ...column("select reference as v from decisions limit 10"),
        ...column("select slug as v from newsletter_editions"),
      ],
      slugs: [
        ...column("select slug as v from bodies"),
        ...column("select slug as v from programmes"),
        ...column("select slug as v from newsletter_editions"),
        "bestaat-niet",
      ],
    };
    const admin = db.$client.prepare("select id from users where role = 'beheerder' limit 1").get() as { id: number };
    const body = db.$client.prepare("select id from bodies where kind = 'themagroep' limit 1").get() as { id: number };
    const outsider = await makeViewer({ role: "lid", name: "Lid Elders Fuzz" });
    makeMembership({ bodyId: body.id, personId: outsider.personId });
    const cookieFor = (userId: number) => `${SESSION_COOKIE}=${createSession({ userId }).token}`;
    // Fresh sessions per route: a fuzzed sign-out must not leave the next route without its reader.
    cookies = () => [
      { name: "beheerder", cookie: cookieFor(admin.id), mayChange: true },
      { name: "anoniem", cookie: null, mayChange: false },
      { name: "lid elders", cookie: cookieFor(outsider.userId), mayChange: false },
    ];
  }, 60_000);

  const value = () =>
    fc.oneof(
      fc.constantFrom(...adversarial),
      fc.constantFrom(...intents),
      fc.constantFrom(...(pools?.ids ?? ["1"])),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.integer().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
  const payload = () =>
    fc.record({
      intent: fc.option(fc.constantFrom(...intents), { nil: undefined }),
      fields: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 })), value()), {
        maxLength: 14,
      }),
      multipart: fc.boolean(),
      file: fc.option(fc.constantFrom("%PDF-1.7\n", "PK\u0003\u0004", "<svg onload=alert(1)>", "\u0089PNG"), {
        nil: undefined,
      }),
      params: fc.record({
        id: fc.constantFrom(...(pools?.ids ?? ["1"]), "0", "-1", "abc"),
        slug: fc.constantFrom(...(pools?.slugs ?? ["x"])),
      }),
    });

  function requestFor(path: string, cookie: string | null, input: any) {
    const headers: Record<string, string> = { origin: "http://localhost" };
    if (cookie) headers.cookie = cookie;
    let body: BodyInit;
    if (input.multipart) {
      const form = new FormData();
      if (input.intent) form.append("intent", input.intent);
      for (const [name, v] of input.fields) form.append(name, v);
      if (input.file) form.append("file", new Blob([input.file]), "bestand.pdf");
      body = form;
    } else {
      const form = new URLSearchParams();
      if (input.intent) form.append("intent", input.intent);
      for (const [name, v] of input.fields) form.append(name, v);
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = form;
    }
    return new Request(`http://localhost${path}`, { method: "POST", headers, body });
  }

  /** The status of what an action returned or threw; a thrown error that is no Response is a 500. */
  async function outcome(run: () => Promise<unknown>) {
    try {
      const result = await run();
      if (result instanceof Response)
        return { status: result.status, body: result.bodyUsed ? "" : await result.text() };
      const init = (result as { init?: { status?: number } } | undefined)?.init;
      const data = (result as { data?: unknown } | undefined)?.data ?? result;
      return { status: init?.status ?? 200, body: JSON.stringify(data ?? null) };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
      return { status: 500, body: thrown instanceof Error ? `${thrown.message}\n${thrown.stack}` : String(thrown) };
    }
  }

  const ENGLISH =
    /\b(Invalid input|Invalid option|Too small|Too big|Required|Expected [a-z]+, received|invalid_type)\b/;

  function fingerprint() {
    const db = getDb().$client;
    const tables = (
      db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'search_index%' and name not like 'sqlite_%'",
        )
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    // Rows a visitor or member may legitimately add: their own session and throttles, a subscription.
    const own = new Set([
      "sessions",
      "sign_in_throttles",
      "subscription_throttles",
      "subscribers",
      "audit_log",
      "calendar_feeds",
    ]);
    return Object.fromEntries(
      tables
        .filter((t) => !own.has(t))
        .map((t) => [
          t,
          createHash("sha1")
            .update(JSON.stringify(db.prepare(`select * from "${t}"`).all()))
            .digest("hex"),
        ]),
    );
  }

  it("no form action answers 500, refusals are Dutch, and no one changes what they may not", async () => {
    const failures: string[] = [];
    const changes = () => (getDb().$client.prepare("select total_changes() as n").get() as { n: number }).n;
    for (const path of actionRoutes) {
      const mod = await modules[path]!();
      const name = routeName(path);
      // Payloads that changed something for the beheerder are replayed by those who may not.
      const effective: unknown[] = [];
      const attempt = async (reader: ReturnType<typeof cookies>[number], input: any) => {
        const params = Object.fromEntries(
          ["id", "itemId", "reference", "versionId", "token", "nummer", "seriesId", "file"].map((key) => [
            key,
            input.params.id,
          ]),
        );
        const before = changes();
        const result = await outcome(() =>
          mod.action!({
            request: requestFor(`/${name}`, reader.cookie, input),
            params: { ...params, slug: input.params.slug },
            context: {},
          }),
        );
        if (reader.mayChange && changes() !== before) effective.push(input);
        if (result.status >= 500)
          failures.push(`${name} als ${reader.name}: ${result.status} ${result.body.slice(0, 300)}`);
        const english = ENGLISH.exec(result.body);
        if (english) failures.push(`${name} als ${reader.name}: Engelse melding "${english[0]}"`);
      };
      for (const reader of cookies()) {
        const before = reader.mayChange ? null : fingerprint();
        await fc.assert(
          fc.asyncProperty(payload(), async (input) => {
            await attempt(reader, input);
            return true;
          }),
          { numRuns: name === "inloggen" ? 20 : 80, seed: 20261126 },
        );
        if (before) {
          for (const input of effective) await attempt(reader, input);
          const after = fingerprint();
          const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
          if (changed.length) failures.push(`${name} als ${reader.name} veranderde ${changed.join(", ")}`);
        }
      }
    }
    expect([...new Set(failures)]).toEqual([]);

    // Whatever was stored, the HTML served from it carries no script.
    const db = getDb().$client;
    const htmlColumns = db
      .prepare(
        "select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and p.name like '%html'",
      )
      .all() as { t: string; c: string }[];
    const unsafe = htmlColumns.flatMap(({ t, c }) =>
      (db.prepare(`select "${c}" as html from "${t}" where "${c}" is not null`).all() as { html: string }[])
        .filter(({ html }) => /<script|\son\w+\s*=|javascript:|<iframe|<object|<embed/i.test(html))
        .map(({ html }) => `${t}.${c}: ${html.slice(0, 120)}`),
    );
    expect(unsafe).toEqual([]);
    // Whatever the beheerder's posts changed, each action's stored visibility still follows its origin.
    expect(db.prepare(STALE_ACTION_FLAGS).all()).toEqual([]);
  }, 600_000);

  it("no API request answers 500, and every refusal is a problem document", async () => {
    const list = await modules["../../app/routes/api.v1.$collection._index.ts"]!();
    const one = await modules["../../app/routes/api.v1.$collection.$id.ts"]!();
    const collections = [
      "vergaderingen",
      "agendapunten",
      "besluiten",
      "informatieobjecten",
      "gremia",
      "acties",
      "doelen",
      "onbekend",
    ];
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...collections),
        fc.dictionary(fc.constantFrom("pagina", "perPagina", "gewijzigdSinds", "gremium", "jaar", "x"), value(), {
          maxKeys: 4,
        }),
        fc.oneof(fc.constantFrom(...pools.ids), fc.string({ maxLength: 20 })),
        async (collection, query, id) => {
          const search = new URLSearchParams(query).toString();
          for (const [mod, params] of [
            [list, { collection }],
            [one, { collection, id }],
          ] as const) {
            const request = new Request(`http://localhost/api/v1/${collection}?${search}`);
            const result = await outcome(() => mod.loader!({ request, params, context: {} }));
            if (result.status >= 500)
              failures.push(`${collection}?${search} ${JSON.stringify(params)}: ${result.status}`);
            if (result.status >= 400 && !result.body.includes('"status"'))
              failures.push(`${collection}?${search}: ${result.status} zonder probleemdocument`);
          }
          return true;
        },
      ),
      { numRuns: 400, seed: 20261126 },
    );
    expect([...new Set(failures)]).toEqual([]);
  }, 300_000);
});
