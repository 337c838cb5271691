import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * Validates XML against a schema with libxml2's xmllint (Debian libxml2-utils; .ci/run installs it):
 * an independent reader, not our own code. Returns xmllint's complaints; empty when the XML is valid.
 */
export function xmlProblems(xml: string, schema: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gremium-xml-"));
  const file = join(dir, "document.xml");
  writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", resolve(schema), file], { stdio: "pipe" });
    return "";
  } catch (error) {
    const { stderr, message } = error as { stderr?: Buffer; message: string };
    return stderr?.toString() || message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
