import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { simpleParser } from "mailparser";
import { inject } from "vitest";

// The browser tests' server has no SMTP_URL: its mail lands in the outbox beside its database, an
// .eml per message with a small .json index (to, subject), where the tests read it back.

const outbox = () => join(dirname(inject("databasePath")), "outbox");

/** The outbox's index entries of mail to this address, newest first. */
export function mailIndexTo(to: string) {
  if (!existsSync(outbox())) return [];
  return readdirSync(outbox())
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse()
    .map((f) => ({
      file: f,
      ...(JSON.parse(readFileSync(join(outbox(), f), "utf8")) as { to: string; subject: string }),
    }))
    .filter((entry) => entry.to.includes(to));
}

/** The newest mail to an address with a matching subject, parsed; waits up to ten seconds for it. */
export async function latestMailTo(to: string, subject: RegExp) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const match = mailIndexTo(to).find((entry) => subject.test(entry.subject));
    if (match) return simpleParser(readFileSync(join(outbox(), match.file.replace(/\.json$/, ".eml"))));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Geen mail aan ${to} met onderwerp ${subject}`);
}
