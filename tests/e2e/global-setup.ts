import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startProductionServer, stopServer } from "../../scripts/production-server";

// Serves the production build (npm run test:e2e builds it first) on a free port with a fresh
// demo database, the way `npm start` does.

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
  const server = await startProductionServer({
    port,
    env: {
      DATABASE_URL: databasePath,
      GREMIUM_DEMO: "1",
      // Reminders are tested on their own; a digest mailed at start-up would race the browser tests.
      GREMIUM_SCHEDULER: "0",
      DEMO_PASSWORD: "gremium-demo",
      // Two web processes, as npm start runs on this machine; the tests connect as a proxy would.
      WEB_CONCURRENCY: "2",
      TRUST_PROXY: "loopback",
    },
    onOutput: record,
  });
  project.provide("baseUrl", baseUrl);
  project.provide("databasePath", databasePath);
  project.provide("profileRoot", dir);
  project.provide("serverLogPath", logPath);
  return async () => {
    await stopServer(server);
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
