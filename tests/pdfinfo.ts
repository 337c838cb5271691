import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// PDFs read by an independent reader, poppler's pdfinfo (Debian poppler-utils; .ci/run installs it),
// not by our own code.

function withFile<T>(bytes: Uint8Array, read: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "gremium-pdf-"));
  const path = join(dir, "document.pdf");
  writeFileSync(path, bytes);
  try {
    return read(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfinfo's fields: Title, Tagged, Pages … */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withFile(bytes, (path) =>
    execFileSync("pdfinfo", [path], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
  );
  return Object.fromEntries(
    out
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** The structure tree as pdfinfo -struct prints it, one element per line, indented by depth. */
export function pdfStructure(bytes: Uint8Array): string {
  return withFile(bytes, (path) => execFileSync("pdfinfo", ["-struct", path], { encoding: "utf8", stdio: "pipe" }));
}

/** The headings of the structure tree, in order, as "H1 Title". */
export function pdfHeadings(bytes: Uint8Array): string[] {
  return [...pdfStructure(bytes).matchAll(/^\s*(H[1-6]) "([^"]*)"/gm)].map((m) => `${m[1]} ${m[2]}`);
}

/**
 * What PDF/UA asks that an independent reader can see: tagged, a title, Dutch, headings that do not
 * skip a level, and where there are tables, header cells. Returns what is wrong; empty when nothing.
 */
export function accessibilityProblems(bytes: Uint8Array): string[] {
  const info = pdfInfo(bytes);
  const structure = pdfStructure(bytes);
  const problems: string[] = [];
  if (info.Tagged !== "yes") problems.push("niet getagd");
  if (!info.Title) problems.push("geen titel");
  if (
    !/<dc:language>[\s\S]*?>nl[^<]*<[\s\S]*?<\/dc:language>/.test(pdfMetadata(bytes)) &&
    !/\/Lang\s*\(nl/.test(rawText(bytes))
  )
    problems.push("geen taal nl");
  const levels = pdfHeadings(bytes).map((h) => Number(h[1]));
  if (levels[0] !== 1) problems.push("begint niet met H1");
  levels.forEach((level, i) => {
    if (i > 0 && level > levels[i - 1]! + 1) problems.push(`kop slaat een niveau over: H${levels[i - 1]} → H${level}`);
  });
  if (/^\s*Table\b/m.test(structure) && !/^\s*TH\b/m.test(structure)) problems.push("tabel zonder kopcellen");
  return problems;
}

/** The XMP metadata (title, language …) as pdfinfo -meta prints it. */
export function pdfMetadata(bytes: Uint8Array): string {
  return withFile(bytes, (path) => execFileSync("pdfinfo", ["-meta", path], { encoding: "utf8", stdio: "pipe" }));
}

const rawText = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
