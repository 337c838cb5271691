import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { resolve } from "node:path";
import { freePort, startProductionServer } from "../scripts/production-server";

// Driving real HTTP on 127.0.0.1: the production server (or the baseline) as its own process, and
// autocannon as the load. Latency percentiles are computed from every response's own time, so p95
// is exact rather than read off autocannon's fixed percentile buckets.

async function waitFor(url: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: het proces stopte`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} kwam niet op`);
}

/**
 * The production build served by Gremium's own server, as `npm start` does, on a copy of the bench
 * database, with `webProcesses` web processes.
 */
export async function startGremium(databasePath: string, { webProcesses = 1 }: { webProcesses?: number } = {}) {
  const port = await freePort();
  const child = await startProductionServer({
    port,
    env: {
      DATABASE_URL: databasePath,
      GREMIUM_DEMO: "0",
      SECURITY_CONTACT: "mailto:security@gremium.test",
      CONTACT_EMAIL: "secretariaat@gremium.test",
      GREMIUM_SCHEDULER: "0",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      WEB_CONCURRENCY: String(webProcesses),
    },
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

export async function startBaseline(databasePath: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve("bench/baseline.mjs"), databasePath, String(port)], {
    stdio: "ignore",
  });
  await waitFor(`http://127.0.0.1:${port}/`, child);
  return { url: `http://127.0.0.1:${port}`, child };
}

/**
 * The like-for-like baseline: a bare node:http server replaying, per URL, the bytes Gremium sent
 * (`captured`, from `capture`).
 */
export async function startReplay(captured: Record<string, CapturedAnswer>, file: string) {
  writeFileSync(file, JSON.stringify(captured));
  const port = await freePort();
  const child = spawn(process.execPath, [resolve("bench/replay.mjs"), file, String(port)], { stdio: "ignore" });
  await waitFor(`http://127.0.0.1:${port}/`, child);
  return { url: `http://127.0.0.1:${port}`, child };
}

export type CapturedAnswer = { status: number; headers: Record<string, string>; body: string };

// Headers that describe the connection or the moment, not the answer; the replay server sets its own.
const PER_CONNECTION = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/** One anonymous GET as autocannon sends it (no compression asked), kept byte for byte. */
export function capture(url: string): Promise<CapturedAnswer> {
  return new Promise((done, fail) => {
    request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        done({
          status: res.statusCode!,
          headers: Object.fromEntries(
            Object.entries(res.headers)
              .filter(([name, value]) => !PER_CONNECTION.has(name) && typeof value === "string")
              .map(([name, value]) => [name, value as string]),
          ),
          body: Buffer.concat(chunks).toString("base64"),
        }),
      );
    })
      .on("error", fail)
      .end();
  });
}

/**
 * CPU time (user + system, ms) used so far by every process of the server's process group: the
 * first process, the web processes and the background process. `process.cpuUsage` can only be read
 * inside a process; /proc/<pid>/stat gives the same figures from outside, for all of them.
 */
export function groupCpuMs(groupId: number) {
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // The command name may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== groupId) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

/** Resident memory of every process of the server's process group together, in MB. */
export function groupRssMb(groupId: number) {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== groupId) continue;
      total += rssMb(Number(entry)) ?? 0;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

export type LoadResult = { p50: number; p95: number; p99: number; rps: number; requests: number; errors: number };

export async function measure(
  url: string,
  { connections, seconds, cookie }: { connections: number; seconds: number; cookie?: string },
) {
  const times: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    headers: cookie ? { cookie } : {},
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    if (status >= 400) errors++;
    times.push(responseTime);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (p: number) => +(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(1);
  return {
    p50: at(50),
    p95: at(95),
    p99: at(99),
    rps: Math.round(result.requests.average),
    requests: times.length,
    errors: errors + result.errors + result.timeouts,
  } satisfies LoadResult;
}
