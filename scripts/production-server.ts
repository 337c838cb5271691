import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";

// The production build served by Gremium's own server (server.js) as its own process group, as
// `npm start` does: for the browser tests, the crash test and the benchmark, each with its own
// database and environment.

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("geen poort"))));
    });
  });
}

/**
 * Starts the server on `port` with `env` added to this process's environment and waits until
 * /healthz answers. `onOutput` receives its stdout and stderr (otherwise they are ignored); a server
 * that stops or does not come up in time is reported with that output.
 */
export async function startProductionServer({
  port,
  env,
  onOutput,
  timeoutMs = 60_000,
}: {
  port: number;
  env: Record<string, string>;
  onOutput?: (chunk: Buffer) => void;
  timeoutMs?: number;
}): Promise<ChildProcess> {
  let output = "";
  const child = spawn(process.execPath, [resolve("server.js")], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), ...env },
    stdio: onOutput ? ["ignore", "pipe", "pipe"] : "ignore",
    // Its own process group, so a test can stop (or kill) the server with all its processes.
    detached: true,
  });
  const record = (chunk: Buffer) => {
    output += chunk;
    onOutput?.(chunk);
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`De server stopte bij het starten:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  killServer(child, "SIGKILL");
  throw new Error(`De server kwam niet op binnen ${timeoutMs / 1000} s:\n${output}`);
}

/** Sends `signal` to the server and every process it started (its process group). */
export function killServer(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** Stops the server as a process manager would (SIGTERM) and waits until it has exited. */
export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  killServer(child, "SIGTERM");
  await exited;
}
