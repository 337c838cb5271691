import type { ServerBuild } from "@remix-run/node";
import cluster, { type Worker } from "node:cluster";
import { createServer, type Server } from "node:http";
import type { ViteDevServer } from "vite";
import { startBackgroundWork } from "~/lib/background.server";
import { isWakeMessage, wakeBackgroundWork } from "~/lib/background-wake.server";
import { closeDatabase } from "~/lib/db.server";
import { endEventStreams } from "~/lib/event-streams.server";
import { env, publicUrl } from "~/lib/env.server";
import { log } from "~/lib/log.server";
import { connectAppDatabase, prepareDatabase } from "~/lib/startup.server";
import { createHttpApp } from "./http-app.server";

// How Gremium runs: the first process prepares the database, then with WEB_CONCURRENCY above 1
// starts that many web processes (node:cluster shares the port between them) and one process for
// the background work, and starts a new one whenever one stops. With 1 (and while developing) one
// process does both. SQLite in WAL mode serves them all; a write waits on busy_timeout.

type Role = "web" | "achtergrond";
const ROLE_VARIABLE = "GREMIUM_ROLE";
/** How long running requests and background units get to finish on SIGTERM. */
export const SHUTDOWN_GRACE_MS = 10_000;

type Build = ServerBuild | (() => Promise<ServerBuild>);

export async function runServer({ build, vite }: { build: Build; vite?: ViteDevServer }) {
  const config = env();
  if (cluster.isWorker) {
    connectAppDatabase();
    if (process.env[ROLE_VARIABLE] === "achtergrond") runBackgroundProcess();
    else await runWebProcess(build);
    return;
  }
  const banner = await prepareDatabase();
  // For the person starting the server; the log itself (stdout) is JSON lines.
  process.stderr.write(`${banner.join("\n")}\n`);
  const webProcesses = vite ? 1 : config.WEB_CONCURRENCY;
  if (webProcesses === 1) await runSingleProcess(build, vite);
  else {
    closeDatabase();
    supervise(webProcesses);
  }
}

function backgroundWork() {
  const config = env();
  return startBackgroundWork({ baseUrl: publicUrl(), reminders: config.GREMIUM_SCHEDULER === "1" });
}

/**
 * Runs `stop` once on SIGTERM or SIGINT (Ctrl-C), then exits. In a single process a second signal
 * exits at once (Ctrl-C twice). A worker ignores it: the signal often reaches it twice, from the
 * terminal or service manager (which signal the whole process group) and from the first process.
 */
function onShutdownSignal(stop: () => Promise<void>) {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      if (cluster.isPrimary) process.exit(1);
      return;
    }
    stopping = true;
    log.info("stoppen", { signal });
    const forced = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 2_000);
    forced.unref();
    stop().then(
      () => process.exit(0),
      (error) => {
        log.error("stoppen mislukt", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handle);
  process.on("SIGINT", handle);
}

async function listen(build: Build, vite?: ViteDevServer) {
  const app = createHttpApp({ build, vite });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env().PORT, () => resolve());
  });
  return server;
}

/**
 * Stops accepting connections and lets the running requests finish (closing each connection after
 * its answer), for at most SHUTDOWN_GRACE_MS; then whatever is left is cut.
 */
function closeGracefully(server: Server) {
  endEventStreams();
  return new Promise<void>((resolve) => {
    server.on("request", (_req, res) => res.setHeader("Connection", "close"));
    server.close(() => resolve());
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, SHUTDOWN_GRACE_MS);
    idle.unref();
    deadline.unref();
  });
}

async function runSingleProcess(build: Build, vite?: ViteDevServer) {
  const background = backgroundWork();
  const server = await listen(build, vite);
  log.info("Gremium luistert", { url: `http://localhost:${env().PORT}`, processes: 1 });
  onShutdownSignal(async () => {
    await Promise.all([closeGracefully(server), background.stop()]);
    await vite?.close();
    closeDatabase();
  });
}

async function runWebProcess(build: Build) {
  const server = await listen(build);
  onShutdownSignal(async () => {
    await closeGracefully(server);
    closeDatabase();
  });
}

function runBackgroundProcess() {
  const background = backgroundWork();
  process.on("message", (message) => {
    if (isWakeMessage(message)) wakeBackgroundWork(message.queue);
  });
  onShutdownSignal(async () => {
    await background.stop();
    closeDatabase();
  });
}

/** The first process: starts the others, passes on wake-ups, and replaces a process that stops. */
function supervise(webProcesses: number) {
  const roles = new Map<number, Role>();
  let shuttingDown = false;
  let listening = 0;
  const recentExits: number[] = [];

  const background = () => Object.values(cluster.workers ?? {}).find((w) => w && roles.get(w.id) === "achtergrond");
  const fork = (role: Role) => {
    const worker: Worker = cluster.fork({ [ROLE_VARIABLE]: role });
    roles.set(worker.id, role);
    worker.on("message", (message) => {
      if (isWakeMessage(message)) background()?.send(message);
    });
    return worker;
  };

  cluster.on("listening", () => {
    listening++;
    if (listening === webProcesses)
      log.info("Gremium luistert", {
        url: `http://localhost:${env().PORT}`,
        processes: webProcesses,
        background: 1,
      });
  });
  cluster.on("exit", (worker, code, signal) => {
    const role = roles.get(worker.id) ?? "web";
    roles.delete(worker.id);
    if (shuttingDown) {
      if (roles.size === 0) process.exit(0);
      return;
    }
    // A process that keeps dying right after its start is restarted after a pause, not in a tight loop.
    const now = Date.now();
    recentExits.push(now);
    while (recentExits.length > 0 && recentExits[0]! < now - 10_000) recentExits.shift();
    log.warn("proces gestopt; een nieuw neemt het over", { role, pid: worker.process.pid, code, signal });
    setTimeout(() => !shuttingDown && fork(role), recentExits.length > 5 ? 2_000 : 0);
  });

  for (let i = 0; i < webProcesses; i++) fork("web");
  fork("achtergrond");

  const stop = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info("stoppen", { signal });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 2_000).unref();
    if (roles.size === 0) process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
