import type { WooCategory } from "./categories";

// One document as the Woo-index sees it (app/models/woo.server.ts lists them).

/** The DiWoo formats (TOOI value list "PLOOI filetypes") of the files Gremium serves. */
export type WooFormat = "PDF" | "DOCX" | "DOC" | "XLSX" | "XLS" | "PPTX" | "PPT" | "TXT" | "HTML";

export type WooDocumentKind = "agenda" | "besluitenlijst" | "vergaderstuk" | "advies" | "jaarplan" | "jaarverslag";

export type WooEntry = {
  /** Path of the document itself (not a page about it), from the site's root. */
  path: string;
  lastModified: number;
  category: WooCategory;
  title: string;
  documentKinds: WooDocumentKind[];
  /** The act the document records: an agenda, list or plan is adopted (vaststelling); a paper received. */
  handling: { kind: "vaststelling" | "ontvangst"; at: number };
  createdOn: string;
  format: WooFormat;
  /** Stable identifiers besides the URL: a meeting's registration number, a decision list's meeting. */
  identifiers: string[];
  partOf: { path: string; title: string } | null;
  /** A version replaced by a newer one of the same paper. */
  replaced: boolean;
};
