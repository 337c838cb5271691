// `npm run bench`: builds (or reuses) the benchmark database and measures what the issues set targets
// for. Results are printed and written to bench/results.json; bench/README.md explains them.
import { writeFileSync } from "node:fs";
import { connectDatabase, openDatabase } from "../app/lib/db.server";
import type { SignedInViewer } from "../app/auth/viewer";
import { search } from "../app/models/search.server";
import { GENERATOR_VERSION, benchDatabasePath, generate } from "./generate";

const began = Date.now();
generate({ force: process.argv.includes("--opnieuw") });
console.log(
  `Benchmarkdatabase v${GENERATOR_VERSION}: ${benchDatabasePath} (${((Date.now() - began) / 1000).toFixed(1)} s)`,
);
const db = connectDatabase(openDatabase(benchDatabasePath));
const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const dataset = Object.fromEntries(
  [
    "bodies",
    "meetings",
    "agenda_items",
    "decisions",
    "actions",
    "documents",
    "annual_plans",
    "newsletter_editions",
    "subscribers",
  ].map((t) => [t, count(t)]),
);

const member: SignedInViewer = {
  userId: 1,
  personId: 1,
  name: "Bench",
  email: "bench@bench.example",
  role: "lid",
  sessionId: "bench",
  memberBodyIds: [1, 2, 3],
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

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const results: Record<string, { p50: number; p95: number; p99: number }> = {};
const perQuery: Record<string, number> = {};
for (const [label, viewer] of [
  ["anoniem", null],
  ["lid", member],
] as const) {
  const times: number[] = [];
  // One warm-up round, then ten measured rounds.
  for (const query of queries) search({ viewer, query });
  for (let round = 0; round < 10; round++)
    for (const query of queries) {
      const t0 = performance.now();
      search({ viewer, query });
      const ms = performance.now() - t0;
      times.push(ms);
      perQuery[query] = Math.max(perQuery[query] ?? 0, ms);
    }
  times.sort((a, b) => a - b);
  results[label] = { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}
console.log("\nTraagste meting per zoekvraag (ms):");
console.table(
  Object.fromEntries(
    Object.entries(perQuery)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([q, ms]) => [q, +ms.toFixed(1)]),
  ),
);

console.log("\nDataset:", dataset);
console.log("\nZoeken (20 zoekvragen × 10, in ms):");
console.table(
  Object.fromEntries(
    Object.entries(results).map(([k, v]) => [
      k,
      { p50: +v.p50.toFixed(1), p95: +v.p95.toFixed(1), p99: +v.p99.toFixed(1) },
    ]),
  ),
);
const target = 50;
const worst = Math.max(...Object.values(results).map((r) => r.p95));
console.log(`Doel: p95 ≤ ${target} ms — ${worst <= target ? "gehaald" : "NIET gehaald"} (${worst.toFixed(1)} ms)`);
writeFileSync(
  "bench/results.json",
  `${JSON.stringify({ generatorVersion: GENERATOR_VERSION, measuredAt: new Date().toISOString(), dataset, search: { targetP95Ms: target, queries: queries.length, rounds: 10, ...results, slowestPerQueryMs: perQuery } }, null, 2)}\n`,
);
db.$client.close();
