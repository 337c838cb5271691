import { StandardFonts, type PDFDocument, type PDFFont } from "pdf-lib";

// The pack is set in the standard Helvetica faces, which every PDF reader has, so nothing is
// embedded and the file stays small. They only encode WinAnsi (Latin-1 plus ‘ ’ “ ” – — € …), which
// covers Dutch; anything else is folded to its base letter (ő → o) or replaced, never thrown on.

export type FontStyle = "regular" | "bold" | "italic" | "boldItalic";
export type Fonts = Record<FontStyle, PDFFont>;

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  const [regular, bold, italic, boldItalic] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    doc.embedFont(StandardFonts.HelveticaOblique),
    doc.embedFont(StandardFonts.HelveticaBoldOblique),
  ]);
  return { regular, bold, italic, boldItalic };
}

const replacements: Record<string, string> = {
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  // Letters with a stroke have no decomposition to fold.
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0131": "i",
  "\u2713": "v",
  "\u2714": "v",
};

let encodable: Set<number> | null = null;

/** Text the standard fonts can draw: tabs and line breaks become spaces, other characters are folded. */
export function toEncodable(fonts: Fonts, text: string) {
  encodable ??= new Set(fonts.regular.getCharacterSet());
  const supported = encodable;
  let out = "";
  for (const char of text.normalize("NFC").replace(/[\t\r\n]+/g, " ")) {
    const code = char.codePointAt(0)!;
    if (supported.has(code)) out += char;
    else if (replacements[char]) out += replacements[char];
    else {
      const base = char.normalize("NFD").replace(/\p{M}/gu, "");
      out += base && [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : code < 32 ? "" : "?";
    }
  }
  return out;
}

/** A piece of text in one face; a link makes it clickable. */
export type Run = { text: string; style?: FontStyle; href?: string };

export type PlacedWord = { text: string; font: PDFFont; x: number; width: number; href?: string };

/**
 * Breaks styled runs into lines no wider than `width`: greedy by word, and a word longer than a
 * whole line (a long URL) is cut where it must be.
 */
export function wrapRuns(fonts: Fonts, runs: Run[], size: number, width: number): PlacedWord[][] {
  const lines: PlacedWord[][] = [];
  let line: PlacedWord[] = [];
  let x = 0;
  let pendingSpace = 0;
  const push = (word: Omit<PlacedWord, "x">) => {
    line.push({ ...word, x: x + pendingSpace });
    x += pendingSpace + word.width;
    pendingSpace = 0;
  };
  const breakLine = () => {
    lines.push(line);
    line = [];
    x = 0;
    pendingSpace = 0;
  };
  for (const run of runs) {
    const font = fonts[run.style ?? "regular"];
    const space = font.widthOfTextAtSize(" ", size);
    const text = toEncodable(fonts, run.text);
    const parts = text.split(/( +)/);
    for (const part of parts) {
      if (part === "") continue;
      if (part.trim() === "") {
        if (line.length) pendingSpace = space;
        continue;
      }
      let word = part;
      let wordWidth = font.widthOfTextAtSize(word, size);
      if (line.length && x + pendingSpace + wordWidth > width) breakLine();
      while (wordWidth > width) {
        let cut = word.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width - x) cut--;
        push({
          text: word.slice(0, cut),
          font,
          width: font.widthOfTextAtSize(word.slice(0, cut), size),
          href: run.href,
        });
        breakLine();
        word = word.slice(cut);
        wordWidth = font.widthOfTextAtSize(word, size);
      }
      push({ text: word, font, width: wordWidth, href: run.href });
    }
  }
  if (line.length) lines.push(line);
  return lines;
}

/** Shortens one line of text with an ellipsis so it fits `width`. */
export function fitText(fonts: Fonts, font: PDFFont, text: string, size: number, width: number) {
  let fitted = toEncodable(fonts, text);
  if (font.widthOfTextAtSize(fitted, size) <= width) return fitted;
  while (fitted.length > 1 && font.widthOfTextAtSize(`${fitted}…`, size) > width) fitted = fitted.slice(0, -1);
  return `${fitted.trimEnd()}…`;
}
