import mammoth from "mammoth";
import { PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { escapeHtml } from "./html";
import { sniff } from "./file-types";
import { sanitizeStoredHtml } from "./markdown.server";

/** At most this much text per file goes into the search index and the text version. */
const MAX_TEXT = 200_000;

/** What Gremium reads from an uploaded file once, on upload (never per request). */
export type PaperReading = {
  /** The readable text, for search; empty for other files or when it cannot be read. */
  extractedText: string;
  /** An accessible HTML version of the text (headings kept for Word files); null when there is no text. */
  textHtml: string | null;
  /** For a PDF: what makes it hard to read with a screen reader, in Dutch; [] when nothing; null for other files. */
  accessibilityProblems: string[] | null;
};

export async function readPaper(bytes: Uint8Array): Promise<PaperReading> {
  const kind = sniff(bytes);
  try {
    if (kind?.kind === "pdf") {
      const { extractText, getDocumentProxy } = await import("unpdf");
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: false });
      const pages = (text as string[]).map((page) => page.trim());
      const extractedText = pages.join(" ").replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
      return {
        extractedText,
        textHtml: extractedText ? pagesAsHtml(pages) : null,
        accessibilityProblems: await pdfAccessibility(bytes, extractedText !== ""),
      };
    }
    if (kind?.kind === "text") {
      const text = new TextDecoder().decode(bytes);
      return { extractedText: flat(text), textHtml: paragraphsAsHtml(text), accessibilityProblems: null };
    }
    if (kind?.kind === "word" && !kind.legacy) {
      const buffer = Buffer.from(bytes);
      const [{ value: raw }, { value: html }] = await Promise.all([
        mammoth.extractRawText({ buffer }),
        // Word's heading styles become headings; pictures are left out (their alt text rarely survives).
        mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) }),
      ]);
      const textHtml = sanitizeStoredHtml(html.slice(0, MAX_TEXT * 2));
      return { extractedText: flat(raw), textHtml: textHtml || null, accessibilityProblems: null };
    }
  } catch (error) {
    console.warn("Gremium: tekst uit een bestand lezen mislukt:", error instanceof Error ? error.message : error);
    if (kind?.kind === "pdf")
      return { extractedText: "", textHtml: null, accessibilityProblems: ["het bestand kon niet worden gelezen"] };
  }
  return { extractedText: "", textHtml: null, accessibilityProblems: null };
}

/** The text of an uploaded PDF or Word file, for search. */
export async function extractText(bytes: Uint8Array): Promise<string> {
  return (await readPaper(bytes)).extractedText;
}

const flat = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);

/**
 * What a screen reader needs of a PDF and an independent reader can check: tags (a structure tree), a
 * title, a language and a text layer (a scan has none).
 */
async function pdfAccessibility(bytes: Uint8Array, hasText: boolean): Promise<string[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return ["het bestand kon niet worden gelezen"];
  }
  const catalog = doc.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const marked = markInfo?.lookupMaybe(PDFName.of("Marked"), PDFBool)?.asBoolean() ?? false;
  const tagged = marked && catalog.has(PDFName.of("StructTreeRoot"));
  const lang = catalog.lookup(PDFName.of("Lang"));
  const language = lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText().trim() : "";
  const problems: string[] = [];
  if (!tagged) problems.push("geen tags (structuur)");
  if (!doc.getTitle()?.trim()) problems.push("geen documenttitel");
  if (!language) problems.push("geen taal ingesteld");
  if (!hasText) problems.push("geen tekstlaag (gescand?)");
  return problems;
}

/** A PDF's text per page as HTML: a heading per page, paragraphs where a line ends a sentence. */
function pagesAsHtml(pages: string[]) {
  return pages
    .map((page, index) => {
      const body = paragraphsAsHtml(page);
      return body ? `<h2>Pagina ${index + 1}</h2>\n${body}` : "";
    })
    .filter(Boolean)
    .join("\n")
    .slice(0, MAX_TEXT * 2);
}

function paragraphsAsHtml(text: string) {
  const paragraphs: string[] = [];
  let current = "";
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (!line) {
      if (current) paragraphs.push(current);
      current = "";
      continue;
    }
    current = current ? `${current} ${line}` : line;
    if (/[.!?:]$/.test(line)) {
      paragraphs.push(current);
      current = "";
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
}
