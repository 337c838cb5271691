import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { writeZip } from "../../tests/zip";
import { readZip, writeZip as writeOwnZip } from "./zip.server";

const hasZipTool = (() => {
  try {
    execFileSync("sh", ["-c", "command -v zip"]);
    return true;
  } catch {
    return false;
  }
})();
const limits = { maxEntries: 100, maxTotalBytes: 1024 * 1024 };

describe("reading an uploaded zip", () => {
  it("gives the files with their paths and contents, folders left out", () => {
    const zip = writeZip([
      { path: "eigen/organisations.yaml", content: "- { slug: vng, name: VNG, kind: partner }\n" },
      { path: "eigen/meetings/2018-03-15 überleg.yaml", content: "body: stuurgroep\n", stored: true },
    ]);
    const entries = readZip(zip, limits);
    expect(entries.map((e) => e.path)).toEqual(["eigen/organisations.yaml", "eigen/meetings/2018-03-15 überleg.yaml"]);
    expect(new TextDecoder().decode(entries[1]!.bytes)).toBe("body: stuurgroep\n");
  });

  it("reads a .docx that Gremium itself wrote", async () => {
    const { Document, Packer, Paragraph } = await import("docx");
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Besluitenlijst")] }] }));
    const paths = readZip(new Uint8Array(docx), limits).map((e) => e.path);
    expect(paths).toContain("word/document.xml");
  });

  it("refuses what is no zip, a damaged zip, and one that unpacks to more than allowed", () => {
    expect(() => readZip(new TextEncoder().encode("gewoon tekst, geen zip"), limits)).toThrow(
      "Dit is geen zipbestand.",
    );
    const zip = writeZip([{ path: "a.yaml", content: "x: 1\n".repeat(100) }]);
    const damaged = Buffer.from(zip);
    damaged[40] = damaged[40]! ^ 0xff;
    expect(() => readZip(damaged, limits)).toThrow("beschadigd");
    // A bomb: a megabyte of zeros squeezed into a few hundred bytes.
    const bomb = writeZip([{ path: "nul.txt", content: new Uint8Array(2 * 1024 * 1024) }]);
    expect(bomb.byteLength).toBeLessThan(5000);
    expect(() => readZip(bomb, limits)).toThrow("groter dan 1 MB");
    // The same, lying about its size: inflating stops at the size it declared.
    const liar = writeZip([{ path: "nul.txt", content: new Uint8Array(2 * 1024 * 1024), declaredSize: 10 }]);
    expect(() => readZip(liar, limits)).toThrow("beschadigd");
    const many = writeZip(Array.from({ length: 101 }, (_, i) => ({ path: `f${i}.txt`, content: "x" })));
    expect(() => readZip(many, limits)).toThrow("meer dan 100 bestanden");
  });

  it.skipIf(!hasZipTool)("reads what the zip tool of the system writes", () => {
    const zip = execFileSync("sh", [
      "-c",
      "cd \"$(mktemp -d)\" && mkdir -p map && printf 'a: 1\\n' > map/x.yaml && zip -qr - map",
    ]);
    expect(readZip(zip, limits).map((e) => e.path)).toEqual(["map/x.yaml"]);
  });

  it("writes zips that read back, the same bytes for the same files", () => {
    const files = [
      { path: "vergaderingen/2026-03-12-ab-7/agenda.html", bytes: new TextEncoder().encode("<h1>Agenda</h1>") },
      { path: "LEESMIJ.txt", bytes: new TextEncoder().encode("Archiefpakket 2026 ë") },
    ];
    const zip = writeOwnZip(files);
    expect(readZip(zip, limits).map((e) => [e.path, new TextDecoder().decode(e.bytes)])).toEqual(
      files.map((f) => [f.path, new TextDecoder().decode(f.bytes)]),
    );
    expect(Buffer.from(writeOwnZip(files)).equals(Buffer.from(zip))).toBe(true);
  });
});
