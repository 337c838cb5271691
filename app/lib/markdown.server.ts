import { createHash } from "node:crypto";
import { Marked } from "marked";
import markedFootnote from "marked-footnote";
import sanitizeHtml from "sanitize-html";
import { tabBlocksToTables } from "./tab-table";

// Markdown is rendered and sanitised once, when it is saved; pages serve the stored HTML
// (rendering and sanitising on every request was measured as the bottleneck of content pages).
const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
    // Strategy documents cite: footnotes ([^1]) and superscript or subscript as written in HTML.
    "sup",
    "sub",
    "section",
  ],
  allowedAttributes: {
    a: ["href", "title", "id", "aria-describedby", "aria-label"],
    ol: ["start"],
    li: ["id"],
    h2: ["id", "class"],
    section: ["class"],
    th: ["scope"],
    td: [],
    img: ["src", "alt", "title"],
  },
  allowedClasses: { h2: ["gremium-visually-hidden"], section: ["gremium-footnotes"] },
  // Images only from this site (uploads with their alt text); a foreign image could track readers.
  exclusiveFilter: (frame) => frame.tag === "img" && !/^\/(?!\/)/.test(frame.attribs.src ?? ""),
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
  transformTags: {
    // Headings inside user text start at level 2: the page owns the h1.
    h1: "h2",
  },
};

/**
 * Footnote ids carry a prefix from the text itself, so two texts with footnotes on one page (two
 * decisions, say) never share an id, and the same text always renders the same.
 */
function parserFor(markdown: string) {
  if (!markdown.includes("[^")) return plain;
  const prefix = `vn-${createHash("sha256").update(markdown).digest("hex").slice(0, 8)}-`;
  return new Marked().use(
    markedFootnote({
      prefixId: prefix,
      description: "Voetnoten",
      sectionClass: "gremium-footnotes",
      headingClass: "gremium-visually-hidden",
      backRefLabel: "Terug naar verwijzing {0}",
    }),
  );
}
const plain = new Marked();

/** HTML from elsewhere (a Word file's text) through the same filter as rendered Markdown. */
export function sanitizeStoredHtml(html: string): string {
  return sanitizeHtml(html, allowed).trim();
}

export function renderMarkdown(markdown: string): string {
  // Rows pasted as tab-separated text (without JavaScript, or from a plain-text source) read as a table.
  const html = parserFor(markdown).parse(tabBlocksToTables(markdown), { async: false, gfm: true, breaks: false });
  return sanitizeHtml(html, allowed).trim();
}
