import { marked, type Token, type Tokens } from "marked";
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

  /** A Markdown note as pages: headings, paragraphs, lists, quotes, tables and code, links kept. */
  markdown(source: string) {
    this.blocks(marked.lexer(source), 0);
  }

  private blocks(tokens: Token[], indent: number) {
    for (const token of tokens) {
      switch (token.type) {
        case "heading":
          this.heading(plain((token as Tokens.Heading).tokens), Math.min(3, token.depth) as 1 | 2 | 3);
          break;
        case "paragraph":
        case "text":
          this.text(inlineRuns((token as Tokens.Paragraph).tokens ?? [{ type: "text", raw: "", text: token.text }]), {
            indent,
          });
          break;
        case "list": {
          const list = token as Tokens.List;
          const start = typeof list.start === "number" ? list.start : 1;
          list.items.forEach((item, index) => {
            const bullet = list.ordered ? `${start + index}.` : "•";
            const [first, ...rest] = item.tokens;
            if (first && (first.type === "text" || first.type === "paragraph")) {
              this.text(inlineRuns((first as Tokens.Text).tokens ?? []), { indent: indent + 16, bullet, after: 2 });
              this.blocks(rest, indent + 16);
            } else {
              this.text([{ text: "" }], { indent: indent + 16, bullet, after: 0 });
              this.blocks(item.tokens, indent + 16);
            }
          });
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
            table.header.map((cell) => inlineRuns(cell.tokens, "bold")),
            table.rows.map((row) => row.map((cell) => inlineRuns(cell.tokens))),
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

function inlineRuns(tokens: Token[], style: Run["style"] = "regular", href?: string): Run[] {
  const runs: Run[] = [];
  const combine = (outer: Run["style"], inner: "bold" | "italic"): Run["style"] =>
    outer === "regular" ? inner : outer === inner ? outer : "boldItalic";
  for (const token of tokens) {
    switch (token.type) {
      case "strong":
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, combine(style, "bold"), href));
        break;
      case "em":
        runs.push(...inlineRuns((token as Tokens.Em).tokens, combine(style, "italic"), href));
        break;
      case "link": {
        const link = token as Tokens.Link;
        const safe = /^(https?:|mailto:)/i.test(link.href) ? link.href : undefined;
        runs.push(...inlineRuns(link.tokens, style, safe));
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
      case "text":
        if ("tokens" in token && token.tokens?.length) runs.push(...inlineRuns(token.tokens, style, href));
        else runs.push({ text: decodeEntities(token.text), style, href });
        break;
      default:
        runs.push({ text: decodeEntities("text" in token ? String(token.text) : token.raw), style, href });
    }
  }
  return runs;
}
