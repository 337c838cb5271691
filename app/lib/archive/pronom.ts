import { isLegacyOffice, kindOfContentType } from "../file-types";

// The PRONOM identifiers (The National Archives' format register) of the files Gremium keeps. A PDF's
// version is read from its header, since each version has an identifier of its own.

export type ArchiveFormat = { label: string; pronom: string };

const pdfVersions: Record<string, ArchiveFormat> = {
  "1.3": { label: "Acrobat PDF 1.3 - Portable Document Format", pronom: "fmt/17" },
  "1.4": { label: "Acrobat PDF 1.4 - Portable Document Format", pronom: "fmt/18" },
  "1.5": { label: "Acrobat PDF 1.5 - Portable Document Format", pronom: "fmt/19" },
  "1.6": { label: "Acrobat PDF 1.6 - Portable Document Format", pronom: "fmt/20" },
  "1.7": { label: "Acrobat PDF 1.7 - Portable Document Format", pronom: "fmt/276" },
  "2.0": { label: "Acrobat PDF 2.0 - Portable Document Format", pronom: "fmt/1129" },
};

const byKind = {
  word: { label: "Microsoft Word for Windows 2007 onwards", pronom: "fmt/412" },
  wordLegacy: { label: "Microsoft Word for Windows Document 97-2003", pronom: "fmt/40" },
  excel: { label: "Microsoft Excel for Windows 2007 onwards", pronom: "fmt/214" },
  excelLegacy: { label: "Microsoft Excel 97 Workbook (xls)", pronom: "fmt/61" },
  powerpoint: { label: "Microsoft Powerpoint for Windows 2007 onwards", pronom: "fmt/215" },
  powerpointLegacy: { label: "Microsoft Powerpoint Presentation 97-2003", pronom: "fmt/126" },
  png: { label: "Portable Network Graphics 1.2", pronom: "fmt/13" },
  jpeg: { label: "JPEG File Interchange Format 1.01", pronom: "fmt/43" },
  gif: { label: "Graphics Interchange Format 89a", pronom: "fmt/4" },
  webp: { label: "WebP", pronom: "fmt/567" },
  text: { label: "Plain Text File", pronom: "x-fmt/111" },
  html: { label: "Hypertext Markup Language 5", pronom: "fmt/471" },
} as const satisfies Record<string, ArchiveFormat>;

/** The format of a stored file by its content type (and, for a PDF, its header); "html" for Gremium's own pages. */
export function formatOf(contentType: string | null, bytes?: Uint8Array): ArchiveFormat {
  if (contentType === "html") return byKind.html;
  const kind = kindOfContentType(contentType);
  const legacy = isLegacyOffice(contentType);
  switch (kind) {
    case "pdf": {
      const header = bytes ? new TextDecoder("latin1").decode(bytes.subarray(0, 8)) : "";
      return pdfVersions[/%PDF-(\d\.\d)/.exec(header)?.[1] ?? "1.7"] ?? pdfVersions["1.7"]!;
    }
    case "word":
      return legacy ? byKind.wordLegacy : byKind.word;
    case "excel":
      return legacy ? byKind.excelLegacy : byKind.excel;
    case "powerpoint":
      return legacy ? byKind.powerpointLegacy : byKind.powerpoint;
    case "png":
    case "jpeg":
    case "gif":
    case "webp":
    case "text":
      return byKind[kind];
    default:
      return { label: "Onbekend formaat", pronom: "UNKNOWN" };
  }
}
