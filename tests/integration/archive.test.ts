import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { importDemoCorpus } from "../../app/content/import.server";
import { loadSelectielijst } from "../../app/lib/archive/selectielijst.server";
import { getDb } from "../../app/lib/db.server";
import { buildArchivePackage } from "../../app/models/archive.server";
import { Forbidden } from "../../app/models/errors";
import { makeViewer } from "../factories";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every MDTO file of the package, validated by xmllint in one run against MDTO 1.0.2. */
function mdtoProblems(files: { path: string; bytes: Uint8Array }[]) {
  const dir = mkdtempSync(join(tmpdir(), "gremium-mdto-"));
  try {
    const paths = files
      .filter((f) => f.path.endsWith(".mdto.xml"))
      .map((f) => {
        const path = join(dir, f.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.bytes);
        return path;
      });
    try {
      execFileSync(
        "xmllint",
        ["--noout", "--nonet", "--schema", resolve("standards/mdto/MDTO-XML1.0.2.xsd"), ...paths],
        {
          stdio: "pipe",
        },
      );
      return { count: paths.length, problems: "" };
    } catch (error) {
      return { count: paths.length, problems: String((error as { stderr?: Buffer }).stderr ?? error) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the archive package", () => {
  it("holds the demo's 2026 meetings as dossiers with archiefstukken and bestanden, valid MDTO, the same twice", async () => {
    await importDemoCorpus(getDb(), { contentDir: resolve("content"), demoPassword: "x-x-x-x-x-x" });
    const beheerder = await makeViewer({ role: "beheerder" });
    const selectielijst = loadSelectielijst();
    const now = Date.UTC(2026, 10, 30, 12);
    const first = buildArchivePackage({ viewer: beheerder, year: 2026, selectielijst, now });
    expect(first.running).toBe(true);
    const paths = first.files.map((f) => f.path);
    expect(paths).toContain("LEESMIJ.txt");
    expect(text(first.files.find((f) => f.path === "LEESMIJ.txt")!.bytes)).toMatch(/Het jaar 2026 loopt nog/);
    const dossiers = paths.filter((p) => /\/vergadering-\d+\.mdto\.xml$/.test(p));
    expect(dossiers.length).toBeGreaterThan(3);

    const { count, problems } = mdtoProblems(first.files);
    expect(problems).toBe("");
    expect(count).toBeGreaterThan(dossiers.length * 3);

    // Every file in the manifest with its checksum, and nothing else.
    const manifest = text(first.files.find((f) => f.path === "manifest-sha256.txt")!.bytes)
      .trim()
      .split("\n");
    const listed = new Map(manifest.map((line) => [line.slice(66), line.slice(0, 64)]));
    for (const file of first.files.filter((f) => f.path !== "manifest-sha256.txt"))
      expect(listed.get(file.path), file.path).toBe(createHash("sha256").update(file.bytes).digest("hex"));
    expect(listed.size).toBe(first.files.length - 1);

    // A besloten paper is restricted; a PDF carries its PRONOM identifier.
    const mdto = first.files.filter((f) => f.path.endsWith(".mdto.xml")).map((f) => text(f.bytes));
    expect(
      mdto.some((xml) =>
        /<naam>Verdeling bijdragen per gemeente \(vertrouwelijk\)<\/naam>[\s\S]*<begripLabel>Niet openbaar<\/begripLabel>/.test(
          xml,
        ),
      ),
    ).toBe(true);
    expect(mdto.some((xml) => /<begripCode>fmt\/(17|18|19|20|276|1129)<\/begripCode>/.test(xml))).toBe(true);
    expect(
      mdto.some((xml) => /<begripCode>V<\/begripCode>[\s\S]*<termijnLooptijd>P10Y<\/termijnLooptijd>/.test(xml)),
    ).toBe(true);

    const second = buildArchivePackage({ viewer: beheerder, year: 2026, selectielijst, now: now + 86_400_000 });
    expect(second.files.map((f) => [f.path, createHash("sha256").update(f.bytes).digest("hex")])).toEqual(
      first.files.map((f) => [f.path, createHash("sha256").update(f.bytes).digest("hex")]),
    );
  }, 120_000);

  it("is for the beheerder only, and a closed year says so", async () => {
    const secretariaat = await makeViewer({ role: "secretariaat" });
    const selectielijst = loadSelectielijst();
    expect(() => buildArchivePackage({ viewer: secretariaat, year: 2025, selectielijst })).toThrow(Forbidden);
    const beheerder = await makeViewer({ role: "beheerder" });
    const closed = buildArchivePackage({ viewer: beheerder, year: 2025, selectielijst, now: Date.UTC(2026, 10, 30) });
    expect(closed.running).toBe(false);
    expect(text(closed.files.find((f) => f.path === "LEESMIJ.txt")!.bytes)).toMatch(/Het jaar 2025 is afgesloten/);
  });
});
