import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { reloadEnv } from "../app/lib/env.server";

/**
 * A real SMTP server on a free local port that keeps every message it receives. `answerAfterMs`
 * slows each answer (a mail server under load, so sending is still going on when a test acts).
 */
export async function listenSmtp({ answerAfterMs = () => 0 }: { answerAfterMs?: () => number } = {}) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => received.push(mail))
        .then(() => setTimeout(() => callback(), answerAfterMs()), callback);
    },
  });
  // A server process killed by a test drops its connection mid-message: expected, not a failure.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** As listenSmtp, and SMTP_URL of this process points at it. */
export async function startSmtp() {
  const smtp = await listenSmtp();
  process.env.SMTP_URL = smtp.url;
  reloadEnv();
  return smtp;
}
