import { describe, expect, it } from "vitest";
import { checkUpload, MAX_UPLOAD_BYTES, sniff } from "./file-types";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

const pdf = bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj");
const docx = bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....word/document.xml");
const xlsx = bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....xl/workbook.xml");
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "IHDR");
const exe = bytes("MZ\x90\x00\x03", "This program cannot be run in DOS mode");

describe("upload checks by content", () => {
  it("recognises PDF, Office Open XML and images by their first bytes", () => {
    expect(sniff(pdf)?.kind).toBe("pdf");
    expect(sniff(docx)?.kind).toBe("word");
    expect(sniff(xlsx)?.kind).toBe("excel");
    expect(sniff(png)?.kind).toBe("png");
  });

  it("accepts a file whose name fits its content, with the right content type", () => {
    expect(checkUpload("Adviesnota.PDF", pdf)).toEqual({ ok: true, kind: "pdf", contentType: "application/pdf" });
    expect(checkUpload("jaarplan.docx", docx)).toMatchObject({ ok: true, kind: "word" });
  });

  it("refuses an .exe renamed to .pdf", () => {
    expect(checkUpload("adviesnota.pdf", exe)).toEqual({
      ok: false,
      message: "Dit bestand is een programma en wordt niet aangenomen, wat de naam ook zegt.",
    });
  });

  it("refuses a name that does not fit the content", () => {
    expect(checkUpload("begroting.xlsx", pdf)).toEqual({
      ok: false,
      message:
        "De naam eindigt op .xlsx, maar de inhoud is PDF. Geef het bestand de juiste naam of kies een ander bestand.",
    });
  });

  it("accepts plain UTF-8 text as .txt, and says how to save text in another encoding", () => {
    const text = new TextEncoder().encode("Meerjarenkoers 2016–2020\r\n\tAmbitie 7a: één aanpak.\n");
    expect(checkUpload("koers.txt", text)).toEqual({
      ok: true,
      kind: "text",
      contentType: "text/plain; charset=utf-8",
    });
    expect(checkUpload("koers.txt", bytes("caf\xe9 in Windows-1252"))).toMatchObject({
      ok: false,
      message: expect.stringContaining("niet in UTF-8 opgeslagen"),
    });
  });

  it("refuses other kinds of files, empty files and files over 25 MB", () => {
    expect(checkUpload("archief.7z", bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))).toMatchObject({
      ok: false,
      message: expect.stringContaining("Dit soort bestand"),
    });
    expect(checkUpload("leeg.pdf", new Uint8Array())).toEqual({ ok: false, message: "Het bestand is leeg." });
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(pdf);
    expect(checkUpload("groot.pdf", big)).toEqual({
      ok: false,
      message: "Het bestand is 25,0 MB; het maximum is 25 MB.",
    });
  });

  it("does not take a ZIP without Office parts for an Office file", () => {
    expect(sniff(bytes([0x50, 0x4b, 0x03, 0x04], "random.txt"))).toBeNull();
  });
});
