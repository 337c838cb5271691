// `npm run bench [-- --quick] [-- --opnieuw]`: builds (or reuses) the ten-year benchmark database and
// the production build, then measures over real HTTP what issue 10 sets targets for: per key page the
// latency p50/p95/p99 and requests/s at 1 and 20 connections, anonymous and as a member, against a
// bare node:http baseline on the same data; JavaScript and CSS per page; the server's memory; the
// database size; search latency; and Lighthouse scores. Printed as tables and written to
// bench/results.json; bench/README.md explains how to read them. `--quick` runs every part briefly
// (CI runs it to prove the benchmark still works) and does not overwrite bench/results.json.
import { execSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { SignedInViewer } from "../app/auth/viewer";
import { connectDatabase, openDatabase, migrateDatabase } from "../app/lib/db.server";
import { search } from "../app/models/search.server";
import { createSession } from "../app/models/sessions.server";
import { SESSION_COOKIE } from "../app/auth/session.server";
import { pageAssets } from "./assets";
import { GENERATOR_VERSION, benchDatabasePath, generate } from "./generate";
import { audit } from "./lighthouse";
import {
  capture,
  groupCpuMs,
  groupRssMb,
  measure,
  startBaseline,
  startGremium,
  startReplay,
  type CapturedAnswer,
  type LoadResult,
} from "./load";
import { stopServer } from "../scripts/production-server";

const quick = process.argv.includes("--quick");
const seconds = quick ? 1 : 8;
const TARGETS = { p95At1Ms: 25, p95At20Ms: 100, baselineRatio: 0.5, jsKbGzip: 100, searchP95Ms: 50 };

const began = Date.now();
generate({ force: process.argv.includes("--opnieuw") });
console.log(`Benchmarkdatabase v${GENERATOR_VERSION} klaar (${((Date.now() - began) / 1000).toFixed(1)} s)`);
// vite-node runs with NODE_ENV=development; a build under it would measure React's development build.
if (!process.argv.includes("--geen-build"))
  execSync("npm run -s build", { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });

// The server writes (sessions, its own migrations check), so it gets a copy; the cached file stays clean.
const workDir = mkdtempSync(join(tmpdir(), "gremium-bench-"));
const databasePath = join(workDir, "bench.db");
copyFileSync(benchDatabasePath, databasePath);
const db = connectDatabase(openDatabase(databasePath));
// A database cached by an earlier run may predate the latest migrations; the copy is brought up to date.
migrateDatabase(db);
const sqlite = db.$client;
const one = <T>(sql: string, ...args: unknown[]) => sqlite.prepare(sql).get(...args) as T;
const count = (table: string) => one<{ n: number }>(`select count(*) as n from ${table}`).n;
const dataset = Object.fromEntries(
  [
    "bodies",
    "meetings",
    "agenda_items",
    "decisions",
    "actions",
    "action_updates",
    "documents",
    "programmes",
    "annual_plans",
    "newsletter_editions",
    "subscribers",
  ].map((t) => [t, count(t)]),
);

// A member of three bodies, signed in through a real session.
const person = one<{ id: number }>("select id from people order by id limit 1");
const memberOf = (
  sqlite.prepare("select body_id as id from memberships where person_id = ?").all(person.id) as { id: number }[]
).map((m) => m.id);
const userId = Number(
  sqlite
    .prepare("insert into users (person_id, email, password_hash, role) values (?, 'lid@bench.example', 'x', 'lid')")
    .run(person.id).lastInsertRowid,
);
const cookie = `${SESSION_COOKIE}=${createSession({ userId }).token}`;

// The key pages, on the busiest public records.
const meeting = one<{ id: number; bodyId: number; year: number }>(
  "select m.id, m.body_id as bodyId, cast(strftime('%Y', m.starts_at / 1000, 'unixepoch') as integer) as year from meetings m join agenda_items a on a.meeting_id = m.id join decision_lists l on l.meeting_id = m.id where m.is_public = 1 and l.status = 'vastgesteld' group by m.id order by count(*) desc limit 1",
);
const objective = one<{ slug: string; number: number }>(
  "select p.slug, o.number from objectives o join programmes p on p.id = o.programme_id order by o.id limit 1",
);
const edition = one<{ slug: string }>("select slug from newsletter_editions order by published_at desc limit 1");
const pages: Record<string, string> = {
  home: "/",
  vergadering: `/vergaderingen/${meeting.id}`,
  besluitenlijst: `/vergaderingen/${meeting.id}/besluitenlijst`,
  besluitenregister: `/besluiten?gremium=${meeting.bodyId}&jaar=${meeting.year}`,
  actielijst: `/acties?gremium=${meeting.bodyId}`,
  opgave: `/programmas/${objective.slug}/${objective.number}`,
  nieuwsbrief: `/nieuwsbrieven/${edition.slug}`,
  zoeken: "/zoeken?q=zorg",
  api: "/api/v1/besluiten?perPagina=50",
};

// --- Search, in process (the query itself, without HTTP) ------------------------------------------
const member: SignedInViewer = {
  userId,
  personId: person.id,
  name: "Bench",
  email: "lid@bench.example",
  role: "lid",
  sessionId: "bench",
  memberBodyIds: memberOf,
};
const queries = [
  "zorg",
  "veiligheid",
  "convenant",
  "huiselijk geweld",
  '"huiselijk geweld"',
  "geintegreerde aanpak",
  "mensenhandel",
  "jeugd",
  "nazorg detentie",
  "privacy",
  "gegevensdel",
  "escalatie",
  "procesregie",
  "wijkteam",
  "radicalisering",
  "preventie jongeren",
  "monitoring voortgang",
  "begroting",
  "kwartiermaker",
  "triage zorgmelding",
];
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const searchResults: Record<string, { p50: number; p95: number; p99: number }> = {};
for (const [label, viewer] of [
  ["anoniem", null],
  ["lid", member],
] as const) {
  const times: number[] = [];
  for (const query of queries) search({ viewer, query });
  for (let round = 0; round < (quick ? 2 : 10); round++)
    for (const query of queries) {
      const t0 = performance.now();
      search({ viewer, query });
      times.push(performance.now() - t0);
    }
  times.sort((a, b) => a - b);
  searchResults[label] = {
    p50: +percentile(times, 50).toFixed(1),
    p95: +percentile(times, 95).toFixed(1),
    p99: +percentile(times, 99).toFixed(1),
  };
}
sqlite.pragma("wal_checkpoint(TRUNCATE)");

// --- HTTP: Gremium and the baselines, one after the other on the same machine ---------------------
type PageResult = Record<string, LoadResult & { cpuMsPerRequest?: number }>;
const cores = availableParallelism();
/** Measures and adds the server's CPU time per request over the measurement. */
async function measureWithCpu(groupId: number, url: string, options: Parameters<typeof measure>[1]) {
  const before = groupCpuMs(groupId);
  const result = await measure(url, options);
  const cpuMsPerRequest = +((groupCpuMs(groupId) - before) / Math.max(1, result.requests)).toFixed(2);
  return { ...result, cpuMsPerRequest };
}
// One web process (it also runs the background work, idle here): latency and CPU per request.
const gremium = await startGremium(databasePath, { webProcesses: 1 });
const load: Record<string, PageResult> = {};
const assets: Record<string, Awaited<ReturnType<typeof pageAssets>> & Record<string, number>> = {};
const captured: Record<string, CapturedAnswer> = {};
for (const [name, path] of Object.entries(pages)) {
  const url = `${gremium.url}${path}`;
  // Warm up: the first requests compile nothing, but fill SQLite's and V8's caches.
  await measure(url, { connections: 4, seconds: quick ? 0.5 : 2 });
  captured[path] = await capture(url);
  load[name] = {};
  for (const [who, withCookie] of [
    ["anoniem", undefined],
    ["lid", cookie],
  ] as const)
    for (const connections of [1, 20])
      load[name][`${who}@${connections}`] = await measureWithCpu(gremium.child.pid!, url, {
        connections,
        seconds,
        cookie: withCookie,
      });
  if (name !== "api") {
    // A visitor gets no scripts on a reading page; a signed-in member gets the page's scripts.
    const visitor = await pageAssets(url);
    const signedIn = await pageAssets(url, cookie);
    assets[name] = { ...signedIn, visitorJsKbGzip: visitor.jsKbGzip, visitorHtmlKbGzip: visitor.htmlKbGzip };
  }
}
const rssAfterRun = groupRssMb(gremium.child.pid!);
await stopServer(gremium.child);

// One web process per core (plus the background process), as `npm start` runs: throughput at 20.
const cluster = await startGremium(databasePath, { webProcesses: cores });
const clusterLoad: PageResult = {};
for (const [name, path] of Object.entries(pages)) {
  const url = `${cluster.url}${path}`;
  await measure(url, { connections: 4, seconds: quick ? 0.5 : 2 });
  clusterLoad[name] = await measureWithCpu(cluster.child.pid!, url, { connections: 20, seconds });
}
const rssClusterAfterRun = groupRssMb(cluster.child.pid!);
await stopServer(cluster.child);

// The like-for-like baseline: the same bytes for the same URLs from a bare node:http server.
const replay = await startReplay(captured, join(workDir, "captured.json"));
const replayLoad: PageResult = {};
for (const [name, path] of Object.entries(pages)) {
  const url = `${replay.url}${path}`;
  await measure(url, { connections: 4, seconds: quick ? 0.5 : 2 });
  replayLoad[name] = await measureWithCpu(replay.child.pid!, url, { connections: 20, seconds });
}
replay.child.kill("SIGTERM");

// The earlier baseline (one query and a minimal HTML string per page), kept for continuity.
const baseline = await startBaseline(databasePath);
const baselineLoad: PageResult = {};
for (const [name, path] of Object.entries(pages)) {
  const url = `${baseline.url}${path}`;
  await measure(url, { connections: 4, seconds: quick ? 0.5 : 2 });
  baselineLoad[name] = await measure(url, { connections: 20, seconds });
}
baseline.child.kill("SIGTERM");

// --- Lighthouse, on a fresh server, on a desktop and on a (simulated) phone ------------------------
const forAudit = await startGremium(databasePath);
const auditPages = quick
  ? { home: pages.home! }
  : {
      home: pages.home!,
      vergadering: pages.vergadering!,
      besluitenregister: pages.besluitenregister!,
      opgave: pages.opgave!,
      nieuwsbrief: pages.nieuwsbrief!,
    };
const auditUrls = Object.fromEntries(Object.entries(auditPages).map(([k, p]) => [k, `${forAudit.url}${p}`]));
const lighthouse = await audit(auditUrls, "desktop");
const lighthouseMobile = await audit(auditUrls, "mobile");
await stopServer(forAudit.child);

// --- Report -------------------------------------------------------------------------------------
const ratio = (a: number, b: number) => +(a / Math.max(1, b)).toFixed(2);
const table = Object.fromEntries(
  Object.entries(load).map(([name, byRun]) => [
    name,
    {
      "p95 anon@1": byRun["anoniem@1"]!.p95,
      "p95 anon@20": byRun["anoniem@20"]!.p95,
      "p95 lid@1": byRun["lid@1"]!.p95,
      "p95 lid@20": byRun["lid@20"]!.p95,
      "CPU ms/verzoek": byRun["anoniem@20"]!.cpuMsPerRequest,
      "req/s 1 proces": byRun["anoniem@20"]!.rps,
      [`req/s ${cores} processen`]: clusterLoad[name]!.rps,
      [`p95 ${cores} processen`]: clusterLoad[name]!.p95,
      "req/s zelfde bytes": replayLoad[name]!.rps,
      "t.o.v. zelfde bytes": ratio(clusterLoad[name]!.rps, replayLoad[name]!.rps),
      "req/s oude basis": baselineLoad[name]!.rps,
      fouten: [...Object.values(byRun), clusterLoad[name]!].reduce((sum, r) => sum + r.errors, 0),
    },
  ]),
);
console.log(`\nPagina's over HTTP (ms, ${seconds} s per meting; 'zelfde bytes' is een kale node:http-server):`);
console.table(table);
console.log("\nJavaScript en CSS per pagina (kB gzip):");
console.table(assets);
console.log("\nZoeken (20 zoekvragen, ms):");
console.table(searchResults);
console.log("\nLighthouse, desktop:");
console.table(lighthouse.scores);
console.log("\nLighthouse, mobiel:");
console.table(lighthouseMobile.scores);

const misses: string[] = [];
for (const [name, byRun] of Object.entries(load)) {
  for (const who of ["anoniem", "lid"]) {
    if (byRun[`${who}@1`]!.p95 > TARGETS.p95At1Ms)
      misses.push(`${name} ${who}: p95 bij 1 verbinding ${byRun[`${who}@1`]!.p95} ms`);
    if (byRun[`${who}@20`]!.p95 > TARGETS.p95At20Ms)
      misses.push(`${name} ${who}: p95 bij 20 verbindingen ${byRun[`${who}@20`]!.p95} ms (1 proces)`);
  }
  if (clusterLoad[name]!.p95 > TARGETS.p95At20Ms)
    misses.push(`${name}: p95 bij 20 verbindingen ${clusterLoad[name]!.p95} ms (${cores} processen)`);
  const share = ratio(clusterLoad[name]!.rps, replayLoad[name]!.rps);
  if (share < TARGETS.baselineRatio) misses.push(`${name}: ${Math.round(share * 100)} % van dezelfde bytes`);
}
for (const [name, size] of Object.entries(assets))
  if (size.jsKbGzip > TARGETS.jsKbGzip) misses.push(`${name}: ${size.jsKbGzip} kB JavaScript`);
for (const [who, r] of Object.entries(searchResults))
  if (r.p95 > TARGETS.searchP95Ms) misses.push(`zoeken ${who}: p95 ${r.p95} ms`);
for (const [form, report] of [
  ["desktop", lighthouse],
  ["mobiel", lighthouseMobile],
] as const)
  for (const [name, scores] of Object.entries(report.scores))
    for (const [category, score] of Object.entries(scores))
      if (score < 100) misses.push(`Lighthouse ${form} ${name} ${category}: ${score}`);
const databaseMb = +(statSync(benchDatabasePath).size / 1024 / 1024).toFixed(1);
console.log(
  `\nGeheugen van de server na de metingen: ${rssAfterRun} MB (1 webproces), ${rssClusterAfterRun} MB (${cores}); database: ${databaseMb} MB`,
);
console.log(misses.length ? `\nDoelen niet gehaald:\n- ${misses.join("\n- ")}` : "\nAlle doelen gehaald.");

const results = {
  generatorVersion: GENERATOR_VERSION,
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, cpus: cores },
  secondsPerMeasurement: seconds,
  targets: TARGETS,
  dataset,
  databaseMb,
  serverRssMbAfterRun: rssAfterRun,
  clusterRssMbAfterRun: rssClusterAfterRun,
  pages,
  http: load,
  cluster: { webProcesses: cores, http: clusterLoad },
  sameBytesBaseline: replayLoad,
  baseline: baselineLoad,
  assets,
  search: { queries: queries.length, ...searchResults },
  lighthouse,
  lighthouseMobile,
  misses,
};
if (quick) console.log("\n--quick: bench/results.json blijft ongewijzigd.");
else writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
sqlite.close();
rmSync(workDir, { recursive: true, force: true });
process.exit(0);
