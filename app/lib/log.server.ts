import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

// The server log: one JSON object per line on stdout, so a log collector can read it without
// parsing prose. A line written while a request is being answered carries that request's id, which
// the 500 page shows as its reference: support can find the failure from what the user saw.

type Fields = Record<string, unknown>;
type Level = "info" | "warn" | "error";

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** A short id that support can read out over the phone: GRM- and ten hexadecimal digits. */
export function newRequestId() {
  return `GRM-${randomBytes(5).toString("hex").toUpperCase()}`;
}

/** Runs `fn` (and everything it starts) as part of the request with this id. */
export function inRequestScope<T>(requestId: string, fn: () => T): T {
  return requestScope.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

function describe(error: unknown) {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}

function write(level: Level, msg: string, fields: Fields = {}) {
  const requestId = currentRequestId();
  const line: Fields = { time: new Date().toISOString(), level, msg, pid: process.pid };
  if (requestId) line.requestId = requestId;
  for (const [key, value] of Object.entries(fields)) line[key] = key === "error" ? describe(value) : value;
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export const log = {
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};

/**
 * A path fit for the log: secrets that travel in the path (confirmation, unsubscribe and calendar
 * tokens: 20 or more lower-case letters and digits, where slugs have hyphens) are replaced, so
 * reading the log gives no one a working link.
 */
export function pathForLog(path: string) {
  const bare = path.split("?")[0] ?? path;
  return bare
    .split("/")
    .map((segment) => (/^[a-z0-9]{20,}(\.[a-z]+)?$/.test(segment) ? segment.replace(/^[^.]+/, "…") : segment))
    .join("/");
}
