import mammoth from "mammoth";
import { sniff } from "./file-types";

/** At most this much text per file goes into the search index. */
const MAX_TEXT = 200_000;

/**
 * The readable text of an uploaded PDF or Word file, for search; empty for other files or when the
 * file cannot be read (a scanned PDF has no text). Runs when the file is uploaded, never per request.
 */
export async function extractText(bytes: Uint8Array): Promise<string> {
  const kind = sniff(bytes);
  try {
    if (kind?.kind === "pdf") {
      const { extractText: pdfText, getDocumentProxy } = await import("unpdf");
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await pdfText(pdf, { mergePages: true });
      return String(text).replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
    }
    if (kind?.kind === "text") return new TextDecoder().decode(bytes).replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
    if (kind?.kind === "word" && !kind.legacy) {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return value.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
    }
  } catch (error) {
    console.warn("Gremium: tekst uit een bestand lezen mislukt:", error instanceof Error ? error.message : error);
  }
  return "";
}
