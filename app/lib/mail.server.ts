import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env.server";

// The one mail layer of the app: SMTP when SMTP_URL is set, otherwise every message is written as
// an .eml file to the outbox next to the database (data/outbox/), where the beheerder can read it.

export type MailAddress = { name: string; address: string };
export type MailMessage = {
  to: MailAddress[];
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
  /** Extra headers, such as List-Unsubscribe for the newsletter. */
  headers?: Record<string, string>;
};

export function outboxDir() {
  return resolve(dirname(resolve(env().DATABASE_URL)), "outbox");
}

let smtp: Transporter | undefined;
let smtpUrl: string | undefined;

/** Sends one message; each recipient gets their own copy, so addresses are never shared. */
export async function sendMail(message: MailMessage): Promise<{ delivered: number; via: "smtp" | "outbox" }> {
  const { SMTP_URL, MAIL_FROM } = env();
  const mails = message.to.map((recipient) => ({
    from: MAIL_FROM,
    to: recipient,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments,
    headers: message.headers,
  }));
  if (SMTP_URL) {
    if (!smtp || smtpUrl !== SMTP_URL) {
      smtp = nodemailer.createTransport(SMTP_URL);
      smtpUrl = SMTP_URL;
    }
    for (const mail of mails) await smtp.sendMail(mail);
    return { delivered: mails.length, via: "smtp" };
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const dir = outboxDir();
  mkdirSync(dir, { recursive: true });
  for (const mail of mails) {
    const info = await writer.sendMail(mail);
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomUUID().slice(0, 8)}`;
    writeFileSync(join(dir, `${name}.eml`), info.message as Buffer);
    // A small index beside each message, so the list needs no MIME parsing.
    const to = `${mail.to.name} <${mail.to.address}>`;
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ to, subject: mail.subject, writtenAt: Date.now() }));
  }
  return { delivered: mails.length, via: "outbox" };
}

/** Replaces the SMTP transport, for tests that point SMTP_URL at a local server. */
export function resetMailTransport() {
  smtp?.close();
  smtp = undefined;
  smtpUrl = undefined;
}

/** The messages in the outbox, newest first, with the headers a beheerder scans for. */
export function listOutbox() {
  const dir = outboxDir();
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  return files
    .map((file) => {
      const index = join(dir, file.replace(/\.eml$/, ".json"));
      const meta = JSON.parse(readFileSync(index, "utf8")) as { to: string; subject: string; writtenAt: number };
      return { file, ...meta };
    })
    .sort((a, b) => b.file.localeCompare(a.file));
}

/** The raw .eml of one outbox message; null for anything that is not a file in the outbox. */
export function readOutboxMessage(file: string): Buffer | null {
  if (!/^[\w.-]+\.eml$/.test(file)) return null;
  try {
    return readFileSync(join(outboxDir(), file));
  } catch {
    return null;
  }
}
