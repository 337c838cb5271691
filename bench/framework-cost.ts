// `npx vite-node bench/framework-cost.ts [label]`: the framework's share, measured. Serves the current
// build (one web process) on a copy of the bench database and drives three document pages at one and
// at twenty connections (twice, on two fresh servers), reporting requests/s and the server's CPU time per request. Run it once per
// variant of the build (see docs/decisions/021) and compare; `bench/README.md` keeps the figures.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectDatabase, openDatabase, migrateDatabase } from "../app/lib/db.server";
import { stopServer } from "../scripts/production-server";
import { benchDatabasePath, generate } from "./generate";
import { groupCpuMs, measure, startGremium } from "./load";

const label = process.argv[2] ?? "huidige build";
generate({ force: false });
const workDir = mkdtempSync(join(tmpdir(), "gremium-framework-"));
const databasePath = join(workDir, "bench.db");
copyFileSync(benchDatabasePath, databasePath);
const db = connectDatabase(openDatabase(databasePath));
migrateDatabase(db);
const meeting = db.$client
  .prepare(
    "select m.id from meetings m join agenda_items a on a.meeting_id = m.id where m.is_public = 1 group by m.id order by count(*) desc limit 1",
  )
  .get() as { id: number };
db.$client.close();

const pages = { home: "/", vergadering: `/vergaderingen/${meeting.id}`, gremia: "/gremia" };
// Two servers one after the other, each page measured on both; the figures are their mean, as one
// measurement on two cores shared with the load generator varies by 20 % or more.
const ROUNDS = 2;
const rows: Record<string, Record<string, number>> = {};
for (let round = 0; round < ROUNDS; round++) {
  const server = await startGremium(databasePath, { webProcesses: 1 });
  for (const [name, path] of Object.entries(pages)) {
    const url = `${server.url}${path}`;
    await measure(url, { connections: 4, seconds: 3 });
    const row = (rows[name] ??= {});
    const add = (key: string, value: number) => (row[key] = +((row[key] ?? 0) + value / ROUNDS).toFixed(2));
    for (const connections of [1, 20]) {
      const before = groupCpuMs(server.child.pid!);
      const result = await measure(url, { connections, seconds: 8 });
      add(`req/s @${connections}`, result.rps);
      add(`p95 @${connections}`, result.p95);
      add(`CPU ms @${connections}`, (groupCpuMs(server.child.pid!) - before) / result.requests);
    }
  }
  await stopServer(server.child);
}
rmSync(workDir, { recursive: true, force: true });
console.log(`\n${label}:`);
console.table(rows);
process.exit(0);
