import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

// Serves the production build (npm run test:e2e builds it first) on a free port with a fresh
// demo database, the way `npm start` does.

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("geen poort"))));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`De server stopte bij het starten:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`De server kwam niet op binnen 60 s:\n${output()}`);
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "gremium-e2e-"));
  const databasePath = join(dir, "gremium.db");
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  let log = "";
  const logPath = join(dir, "server.log");
  const record = (chunk: Buffer) => {
    log += chunk;
    appendFileSync(logPath, chunk);
  };
  const server = spawn(
    process.execPath,
    [resolve("node_modules/@remix-run/serve/dist/cli.js"), "build/server/index.js"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: databasePath,
        GREMIUM_DEMO: "1",
        // Reminders are tested on their own; a digest mailed at start-up would race the browser tests.
        GREMIUM_SCHEDULER: "0",
        DEMO_PASSWORD: "gremium-demo",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout!.on("data", record);
  server.stderr!.on("data", record);
  await waitForHealth(baseUrl, server, () => log);
  project.provide("baseUrl", baseUrl);
  project.provide("databasePath", databasePath);
  project.provide("profileRoot", dir);
  project.provide("serverLogPath", logPath);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    if (process.env.GREMIUM_E2E_LOG) console.log(log);
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databasePath: string;
    profileRoot: string;
    serverLogPath: string;
  }
}
