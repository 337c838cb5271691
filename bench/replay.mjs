// The like-for-like baseline of the benchmark: a bare node:http server that answers each URL with
// exactly the status, headers and body Gremium sent for it (captured once by bench/run.ts), so the
// ratio against it is the cost of producing those bytes, not of sending them.
// Usage: node bench/replay.mjs <captured.json> <port>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [capturedPath, port] = process.argv.slice(2);
/** @type {Record<string, { status: number; headers: Record<string, string>; body: string }>} */
const captured = JSON.parse(readFileSync(capturedPath, "utf8"));
const answers = new Map(
  Object.entries(captured).map(([url, answer]) => {
    const body = Buffer.from(answer.body, "base64");
    return [
      url,
      { status: answer.status, headers: { ...answer.headers, "content-length": String(body.length) }, body },
    ];
  }),
);

createServer((req, res) => {
  const answer = answers.get(req.url ?? "");
  if (!answer) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}).listen(Number(port), "127.0.0.1");
