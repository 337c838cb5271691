import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

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
  ],
  allowedAttributes: { a: ["href", "title"], ol: ["start"], th: ["scope"], td: [], img: ["src", "alt", "title"] },
  // Images only from this site (uploads with their alt text); a foreign image could track readers.
  exclusiveFilter: (frame) => frame.tag === "img" && !/^\/(?!\/)/.test(frame.attribs.src ?? ""),
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
  transformTags: {
    // Headings inside user text start at level 2: the page owns the h1.
    h1: "h2",
  },
};

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  return sanitizeHtml(html, allowed).trim();
}
