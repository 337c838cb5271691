import { Marked, type Token, type Tokens } from "marked";
import markedFootnote, { type Footnote, type FootnoteRef, type Footnotes } from "marked-footnote";
import { rgb, type PDFDocument, type PDFPage } from "pdf-lib";
import { decodeEntities } from "../html";
import { addLink } from "./navigation.server";
import { wrapRuns, type Fonts, type Run } from "./text.server";

/** A4 in PDF points, with margins of 2 cm and room above for the running header. */
export const PAGE = { width: 595.28, height: 841.89, left: 57, right: 57, top: 70, bottom: 62 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.3, 0.3, 0.3);
const LINK = rgb(0.0, 0.27, 0.6);
// Footnotes ([^1]) as on the page: referenced by number in the text, listed under the text. The
// extension keeps state per text, so each text with footnotes gets its own instance.
const lexerFor = (source: string) => (source.includes("[^") ? new Marked().use(markedFootnote()) : withoutFootnotes);
const withoutFootnotes = new Marked();

type TextOptions = { size?: number; indent?: number; bullet?: string; after?: number; muted?: boolean };

/**
 * Sets text top to bottom over as many pages as it needs. `openPage` decides where a new page goes
 * and what stands in its header, so the same flow serves the cover and the notes.
 */
export class Flow {
  page: PDFPage | null = null;
  y = 0;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly openPage: () => PDFPage,
    private readonly withLinks = true,
  ) {}

  newPage() {
    this.page = this.openPage();
    this.y = PAGE.height - PAGE.top;
    return this.page;
  }

  /** Starts a new page unless `height` still fits on this one. */
  room(height: number) {
    if (!this.page || this.y - height < PAGE.bottom) this.newPage();
    return this.page!;
  }

  text(runs: Run[], { size = 10.5, indent = 0, bullet, after = 6, muted = false }: TextOptions = {}) {
    const leading = size * 1.4;
    const lines = wrapRuns(this.fonts, runs, size, CONTENT_WIDTH - indent);
    lines.forEach((line, index) => {
      const page = this.room(leading);
      const baseline = this.y - size;
      if (index === 0 && bullet) {
        const width = this.fonts.regular.widthOfTextAtSize(bullet, size);
        page.drawText(bullet, { x: PAGE.left + indent - width - 5, y: baseline, size, font: this.fonts.regular });
      }
      for (const word of line) {
        const x = PAGE.left + indent + word.x;
        const color = word.href ? LINK : muted ? MUTED : INK;
        page.drawText(word.text, { x, y: baseline, size, font: word.font, color });
        if (word.href) {
          page.drawLine({
            start: { x, y: baseline - 1.5 },
            end: { x: x + word.width, y: baseline - 1.5 },
            thickness: 0.5,
            color,
          });
          if (this.withLinks)
            addLink(this.doc, page, { x, y: baseline - 3, width: word.width, height: size + 4 }, { url: word.href });
        }
      }
      this.y -= leading;
    });
    this.y -= after;
  }

  heading(text: string, level: 1 | 2 | 3) {
    const size = level === 1 ? 16 : level === 2 ? 13 : 11.5;
    // Keep a heading with at least two lines of what follows it.
    this.room(size * 1.4 + 34);
    this.y -= level === 1 ? 0 : 4;
    this.text([{ text, style: "bold" }], { size, after: level === 1 ? 10 : 4 });
  }

  rule() {
    const page = this.room(12);
    page.drawLine({
      start: { x: PAGE.left, y: this.y - 6 },
      end: { x: PAGE.width - PAGE.right, y: this.y - 6 },
      thickness: 0.5,
      color: MUTED,
    });
    this.y -= 12;
  }

  /** Columns of equal width, each cell wrapped in its own column; a rule under the header row. */
  table(header: Run[][], rows: Run[][][], indent = 0) {
    const size = 10;
    const leading = size * 1.4;
    const columns = Math.max(1, header.length);
    const width = (CONTENT_WIDTH - indent) / columns;
    const row = (cells: Run[][], isHeader: boolean) => {
      const wrapped = cells.map((runs) => wrapRuns(this.fonts, runs, size, width - 8));
      const height = Math.max(1, ...wrapped.map((lines) => lines.length)) * leading;
      const page = this.room(height + 4);
      wrapped.forEach((lines, column) => {
        lines.forEach((line, index) => {
          for (const word of line) {
            page.drawText(word.text, {
              x: PAGE.left + indent + column * width + word.x,
              y: this.y - size - index * leading,
              size,
              font: word.font,
              color: INK,
            });
          }
        });
      });
      this.y -= height + 2;
      if (isHeader) {
        page.drawLine({
          start: { x: PAGE.left + indent, y: this.y },
          end: { x: PAGE.width - PAGE.right, y: this.y },
          thickness: 0.5,
          color: MUTED,
        });
        this.y -= 3;
      }
    };
    row(header, true);
    for (const cells of rows) row(cells, false);
    this.y -= 6;
  }

  /** The number of each footnote of the text being set, by its label. */
  private notes = new Map<string, number>();

  /**
   * A Markdown note as pages: headings, paragraphs, lists, quotes, tables and code, links kept;
   * footnotes numbered [1] in the text and listed below it.
   */
  markdown(source: string) {
    const tokens = lexerFor(source).lexer(source);
    const footnotes = tokens.find((token) => token.type === "footnotes") as Footnotes | undefined;
    this.notes = new Map(footnotes?.items.map((note, index) => [note.label, index + 1]));
    this.blocks(tokens, 0);
    if (footnotes?.items.length) {
      this.y -= 4;
      this.text([{ text: "Voetnoten", style: "bold" }], { size: 9.5, after: 2 });
      footnotes.items.forEach((note: Footnote, index) => this.item(`${index + 1}.`, note.content, 0));
    }
    this.notes = new Map();
  }

  /** One list entry: its bullet or number beside the first paragraph, the rest indented under it. */
  private item(bullet: string, tokens: Token[], indent: number) {
    const [first, ...rest] = tokens.filter((token) => token.type !== "space");
    if (first && (first.type === "text" || first.type === "paragraph")) {
      this.text(inlineRuns((first as Tokens.Text).tokens ?? [], "regular", undefined, this.notes), {
        indent: indent + 16,
        bullet,
        after: 2,
      });
      this.blocks(rest, indent + 16);
    } else {
      this.text([{ text: "" }], { indent: indent + 16, bullet, after: 0 });
      this.blocks(tokens, indent + 16);
    }
  }

  private blocks(tokens: Token[], indent: number) {
    for (const token of tokens) {
      switch (token.type) {
        case "heading":
          this.heading(plain((token as Tokens.Heading).tokens), Math.min(3, token.depth) as 1 | 2 | 3);
          break;
        case "paragraph":
        case "text":
          this.text(
            inlineRuns(
              (token as Tokens.Paragraph).tokens ?? [{ type: "text", raw: "", text: token.text }],
              "regular",
              undefined,
              this.notes,
            ),
            { indent },
          );
          break;
        case "list": {
          const list = token as Tokens.List;
          const start = typeof list.start === "number" ? list.start : 1;
          list.items.forEach((item, index) => this.item(list.ordered ? `${start + index}.` : "•", item.tokens, indent));
          this.y -= 4;
          break;
        }
        case "blockquote":
          this.blocks((token as Tokens.Blockquote).tokens, indent + 16);
          break;
        case "code":
          for (const line of (token as Tokens.Code).text.split("\n"))
            this.text([{ text: line || " " }], { indent, size: 9.5, after: 0 });
          this.y -= 6;
          break;
        case "table": {
          const table = token as Tokens.Table;
          this.table(
            table.header.map((cell) => inlineRuns(cell.tokens, "bold", undefined, this.notes)),
            table.rows.map((row) => row.map((cell) => inlineRuns(cell.tokens, "regular", undefined, this.notes))),
            indent,
          );
          break;
        }
        case "hr":
          this.rule();
          break;
        default:
          break;
      }
    }
  }
}

function plain(tokens: Token[] | undefined): string {
  return inlineRuns(tokens ?? [])
    .map((run) => run.text)
    .join("");
}

function inlineRuns(
  tokens: Token[],
  style: Run["style"] = "regular",
  href?: string,
  notes = new Map<string, number>(),
): Run[] {
  const runs: Run[] = [];
  const combine = (outer: Run["style"], inner: "bold" | "italic"): Run["style"] =>
    outer === "regular" ? inner : outer === inner ? outer : "boldItalic";
  for (const token of tokens) {
    switch (token.type) {
      case "strong":
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, combine(style, "bold"), href, notes));
        break;
      case "em":
        runs.push(...inlineRuns((token as Tokens.Em).tokens, combine(style, "italic"), href, notes));
        break;
      case "link": {
        const link = token as Tokens.Link;
        const safe = /^(https?:|mailto:)/i.test(link.href) ? link.href : undefined;
        runs.push(...inlineRuns(link.tokens, style, safe, notes));
        break;
      }
      case "image":
        runs.push({ text: `[afbeelding: ${(token as Tokens.Image).text}]`, style: "italic" });
        break;
      case "br":
        runs.push({ text: " ", style });
        break;
      case "html":
        break;
      case "footnoteRef": {
        const number = notes.get((token as unknown as FootnoteRef).label);
        if (number) runs.push({ text: `[${number}]`, style });
        break;
      }
      case "text":
        if ("tokens" in token && token.tokens?.length) runs.push(...inlineRuns(token.tokens, style, href, notes));
        else runs.push({ text: decodeEntities(token.text), style, href });
        break;
      default:
        runs.push({ text: decodeEntities("text" in token ? String(token.text) : token.raw), style, href });
    }
  }
  return runs;
}
