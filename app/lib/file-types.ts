// Uploads are checked by their content, not their name: the first bytes say what a file really is.
// Only office documents, PDF, images and plain UTF-8 text are accepted; the extension must fit the content.

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export type FileKind = "pdf" | "word" | "excel" | "powerpoint" | "png" | "jpeg" | "gif" | "webp" | "text";

const contentTypes: Record<FileKind, string> = {
  pdf: "application/pdf",
  word: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  excel: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  powerpoint: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  text: "text/plain; charset=utf-8",
};

const legacyContentTypes: Partial<Record<FileKind, string>> = {
  word: "application/msword",
  excel: "application/vnd.ms-excel",
  powerpoint: "application/vnd.ms-powerpoint",
};

const extensions: Record<FileKind, string[]> = {
  pdf: ["pdf"],
  word: ["docx", "doc"],
  excel: ["xlsx", "xls"],
  powerpoint: ["pptx", "ppt"],
  png: ["png"],
  jpeg: ["jpg", "jpeg"],
  gif: ["gif"],
  webp: ["webp"],
  text: ["txt"],
};

export const kindLabels: Record<FileKind, string> = {
  pdf: "PDF",
  word: "Word",
  excel: "Excel",
  powerpoint: "PowerPoint",
  png: "afbeelding (PNG)",
  jpeg: "afbeelding (JPEG)",
  gif: "afbeelding (GIF)",
  webp: "afbeelding (WebP)",
  text: "tekst",
};

/** The content type Gremium records for a kind of file. */
export const contentTypeOf = (kind: FileKind) => contentTypes[kind];

/** Whether a stored content type is the pre-2007 binary Office format (.doc, .xls, .ppt). */
export function isLegacyOffice(contentType: string | null): boolean {
  return contentType !== null && Object.values(legacyContentTypes).includes(contentType);
}

/** The kind of a stored file from the content type recorded at upload. */
export function kindOfContentType(contentType: string | null): FileKind | null {
  if (!contentType) return null;
  for (const kind of Object.keys(contentTypes) as FileKind[]) {
    if (contentTypes[kind] === contentType || legacyContentTypes[kind] === contentType) return kind;
  }
  return null;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, text: string, offset = 0) =>
  startsWith(
    bytes,
    [...text].map((c) => c.charCodeAt(0)),
    offset,
  );

/** Whether a ZIP's central directory names a path starting with `prefix` (Office Open XML parts). */
function zipContains(bytes: Uint8Array, prefix: string) {
  const needle = Buffer.from(prefix);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** What the content is, with its legacy flag for the OLE2 formats; null when it is none we accept. */
export function sniff(bytes: Uint8Array): { kind: FileKind; legacy: boolean } | null {
  if (ascii(bytes, "%PDF-")) return { kind: "pdf", legacy: false };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: "png", legacy: false };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "jpeg", legacy: false };
  if (ascii(bytes, "GIF87a") || ascii(bytes, "GIF89a")) return { kind: "gif", legacy: false };
  if (ascii(bytes, "RIFF") && ascii(bytes, "WEBP", 8)) return { kind: "webp", legacy: false };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && zipContains(bytes, "[Content_Types].xml")) {
    if (zipContains(bytes, "word/")) return { kind: "word", legacy: false };
    if (zipContains(bytes, "xl/")) return { kind: "excel", legacy: false };
    if (zipContains(bytes, "ppt/")) return { kind: "powerpoint", legacy: false };
    return null;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Old binary Office files share one container; the stream names tell them apart.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const utf16 = (name: string) => text.includes(Buffer.from(name, "utf16le"));
    if (utf16("WordDocument")) return { kind: "word", legacy: true };
    if (utf16("Workbook") || utf16("Book")) return { kind: "excel", legacy: true };
    if (utf16("PowerPoint Document")) return { kind: "powerpoint", legacy: true };
  }
  if (isPlainText(bytes)) return { kind: "text", legacy: false };
  return null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Plain text: valid UTF-8 without control characters other than tab, line breaks and form feed. */
function isPlainText(bytes: Uint8Array) {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

export type UploadCheck = { ok: true; kind: FileKind; contentType: string } | { ok: false; message: string };

/** Checks an upload's size, content and name, with a Dutch message for the form. */
export function checkUpload(fileName: string, bytes: Uint8Array): UploadCheck {
  if (bytes.byteLength === 0) return { ok: false, message: "Het bestand is leeg." };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      message: `Het bestand is ${(bytes.byteLength / 1024 / 1024).toFixed(1).replace(".", ",")} MB; het maximum is 25 MB.`,
    };
  }
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const found = sniff(bytes);
  if (!found) {
    const program = startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]);
    return {
      ok: false,
      message: program
        ? "Dit bestand is een programma en wordt niet aangenomen, wat de naam ook zegt."
        : extension === "txt"
          ? "Dit tekstbestand is niet in UTF-8 opgeslagen. Sla het op als UTF-8 (in Kladblok: Opslaan als, codering UTF-8) en probeer het opnieuw."
          : "Dit soort bestand wordt niet aangenomen. Kies een PDF, Word-, Excel- of PowerPoint-bestand, een tekstbestand (.txt) of een afbeelding.",
    };
  }
  if (!extensions[found.kind].includes(extension)) {
    return {
      ok: false,
      message: `De naam eindigt op .${extension || "(niets)"}, maar de inhoud is ${kindLabels[found.kind]}. Geef het bestand de juiste naam of kies een ander bestand.`,
    };
  }
  const contentType = (found.legacy ? legacyContentTypes[found.kind] : undefined) ?? contentTypes[found.kind];
  return { ok: true, kind: found.kind, contentType };
}
