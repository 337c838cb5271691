import TurndownService from "turndown";
import { gfm } from "@joplin/turndown-plugin-gfm";

// Text pasted from Word or Outlook arrives as Office HTML: lists as paragraphs with a typed bullet,
// tables without header cells, styles and Office tags everywhere. It is tidied into plain HTML and
// then written as the Markdown Gremium stores (headings, bold, italics, lists, links, GFM tables).

const ORDERED_MARKER = /^(\d+|[a-zA-Z]|[ivxlcIVXLC]+)[.)]$/;

type ListParagraph = { level: number; ordered: boolean; html: string };

/** Word's list paragraphs (class MsoListParagraph…, style mso-list) as real nested lists. */
function wordListsToHtml(html: string): string {
  const paragraph = /<p\b[^>]*mso-list:\s*l\d+\s+level(\d+)[^>]*>([\s\S]*?)<\/p>/gi;
  let result = "";
  let last = 0;
  let run: ListParagraph[] = [];
  const flush = () => {
    if (run.length) result += renderList(run);
    run = [];
  };
  for (const match of html.matchAll(paragraph)) {
    const between = html.slice(last, match.index);
    if (between.trim()) {
      flush();
      result += between;
    }
    const [, level, content] = match;
    const ignore = /<span\b[^>]*mso-list:\s*Ignore[^>]*>([^<]*)([\s\S]*?)<\/span>/i.exec(content!);
    const marker = (ignore?.[1] ?? "").replace(/&nbsp;|\s/g, "").trim();
    run.push({
      level: Number(level),
      ordered: ORDERED_MARKER.test(marker),
      html: ignore ? content!.replace(ignore[0], "") : content!,
    });
    last = match.index! + match[0].length;
  }
  flush();
  return result + html.slice(last);
}

function renderList(items: ListParagraph[], level = items[0]!.level): string {
  const tag = items[0]!.ordered ? "ol" : "ul";
  let html = `<${tag}>`;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.level > level) continue;
    html += `<li>${item.html}`;
    const nested: ListParagraph[] = [];
    for (let j = i + 1; j < items.length && items[j]!.level > level; j++) nested.push(items[j]!);
    if (nested.length) html += renderList(nested, level + 1);
    html += "</li>";
  }
  return `${html}</${tag}>`;
}

/** A table whose first row holds the column names, as Word writes them, gets header cells. */
function headerRowsFor(html: string): string {
  return html.replace(/<table\b[\s\S]*?<\/table>/gi, (table) => {
    if (/<th\b/i.test(table)) return table;
    return table.replace(/<tr\b[^>]*>([\s\S]*?)<\/tr>/i, (row, cells: string) =>
      row.replace(cells, cells.replace(/<td\b/gi, "<th").replace(/<\/td>/gi, "</th>")),
    );
  });
}

/** Office HTML reduced to plain HTML: no Office tags, comments, styles or paragraphs inside cells. */
export function cleanOfficeHtml(html: string): string {
  let clean = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  clean = clean
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, (block) => (/supportLists/.test(block) ? "" : block))
    .replace(/<!\[if !supportLists\]>|<!\[endif\]>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(style|xml|script)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<\/?(o|w|v|m|st1):[^>]*>/gi, "")
    .replace(/<(meta|link)\b[^>]*>/gi, "");
  clean = wordListsToHtml(clean);
  clean = clean.replace(
    /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/gi,
    (_cell, tag: string, attributes: string, inner: string) => {
      const text = inner
        .replace(/<\/p>\s*<p\b[^>]*>/gi, "<br>")
        .replace(/<\/?p\b[^>]*>/gi, "")
        .trim();
      return `<${tag}${attributes}>${text}</${tag}>`;
    },
  );
  return headerRowsFor(clean);
}

let service: TurndownService | undefined;

function turndown() {
  if (service) return service;
  service = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    emDelimiter: "*",
    strongDelimiter: "**",
    codeBlockStyle: "fenced",
  });
  service.use(gfm);
  // Word's empty paragraphs and spans carry nothing worth keeping.
  service.remove(["style", "script", "title"]);
  return service;
}

/** Pasted HTML (from Word, Outlook or a web page) as the Markdown Gremium stores. */
export function htmlToMarkdown(html: string): string {
  return turndown()
    .turndown(cleanOfficeHtml(html))
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+$/gm, "")
    .replace(/^(\s*)([-*]|\d+\.)\s{2,}/gm, "$1$2 ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
