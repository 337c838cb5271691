import { parseDocument } from "htmlparser2";

// Stored HTML (sanitised Markdown output: paragraphs, headings, lists, tables, quotes, code, links,
// emphasis, footnotes) as data for the Typst renderer in typst/gremium.typ. Headings are renumbered to
// follow on the level of the place they are set at, with no level skipped (PDF/UA asks consecutive
// levels); inside a table cell they become bold paragraphs. Links become absolute.

export type Inline =
  | { k: "t"; v: string }
  | { k: "b" | "i" | "sup" | "s"; c: Inline[] }
  | { k: "a"; href: string; c: Inline[] }
  | { k: "code"; v: string }
  | { k: "br" };

export type Block =
  | { k: "p"; c: Inline[] }
  | { k: "h"; l: number; c: Inline[] }
  | { k: "ul"; items: Block[][] }
  | { k: "ol"; start: number; items: Block[][] }
  | { k: "quote"; c: Block[] }
  | { k: "pre"; v: string }
  | { k: "table"; columns: number; head: Inline[][]; body: Inline[][][] };

type Node = { type: string; name?: string; data?: string; attribs?: Record<string, string>; children?: Node[] };

const INLINE_TAGS: Record<string, "b" | "i" | "sup" | "s"> = {
  strong: "b",
  b: "b",
  em: "i",
  i: "i",
  sup: "sup",
  s: "s",
  del: "s",
};

export type BlockOptions = {
  /** The heading level the text is set under: its own headings start one deeper. */
  underLevel: number;
  /** The site's address, for links stored as paths. */
  base: string;
  /** Set inside a table cell, where a heading cannot stand: headings become bold paragraphs. */
  inCell?: boolean;
};

/** The HTML as blocks for Typst. */
export function htmlToBlocks(html: string | null, options: BlockOptions): Block[] {
  if (!html?.trim()) return [];
  const document = parseDocument(html) as unknown as Node;
  const levels = [...new Set(headingLevels(document))].sort((a, b) => a - b);
  const levelOf = (tag: string) => options.underLevel + 1 + levels.indexOf(Number(tag.slice(1)));
  return blocksOf(document.children ?? [], { ...options, levelOf, inCell: options.inCell ?? false });
}

type Context = Required<BlockOptions> & { levelOf: (tag: string) => number };

function headingLevels(node: Node): number[] {
  const own = node.type === "tag" && /^h[1-6]$/.test(node.name!) ? [Number(node.name!.slice(1))] : [];
  return [...own, ...(node.children ?? []).flatMap(headingLevels)];
}

function blocksOf(nodes: Node[], context: Context): Block[] {
  const blocks: Block[] = [];
  let loose: Inline[] = [];
  const flush = () => {
    if (loose.some((n) => n.k !== "t" || n.v.trim())) blocks.push({ k: "p", c: trimInline(loose) });
    loose = [];
  };
  for (const node of nodes) {
    if (node.type !== "tag" || !isBlockTag(node.name!)) {
      loose.push(...inlineOf([node], context));
      continue;
    }
    flush();
    const name = node.name!;
    const children = node.children ?? [];
    if (name === "p") {
      const c = trimInline(inlineOf(children, context));
      if (c.length) blocks.push({ k: "p", c });
    } else if (/^h[1-6]$/.test(name)) {
      const c = trimInline(inlineOf(children, context));
      if (c.length)
        blocks.push(context.inCell ? { k: "p", c: [{ k: "b", c }] } : { k: "h", l: context.levelOf(name), c });
    } else if (name === "ul" || name === "ol") {
      const items = children
        .filter((child) => child.type === "tag" && child.name === "li")
        .map((li) => blocksOf(li.children ?? [], context));
      if (name === "ul") blocks.push({ k: "ul", items });
      else blocks.push({ k: "ol", start: Number(node.attribs?.start ?? 1) || 1, items });
    } else if (name === "blockquote") {
      blocks.push({ k: "quote", c: blocksOf(children, context) });
    } else if (name === "pre") {
      blocks.push({ k: "pre", v: textOf(node).replace(/\n$/, "") });
    } else if (name === "table") {
      blocks.push(tableOf(node, context));
    } else if (name === "section" || name === "div") {
      // Footnotes come as a section with a list: its content, without the wrapper.
      blocks.push(...blocksOf(children, context));
    }
    // hr: a visual separator only, nothing to read.
  }
  flush();
  return blocks;
}

const isBlockTag = (name: string) =>
  ["p", "ul", "ol", "blockquote", "pre", "table", "section", "div", "hr"].includes(name) || /^h[1-6]$/.test(name);

function tableOf(node: Node, context: Context): Block {
  const rows: { header: boolean; cells: Inline[][] }[] = [];
  const walk = (n: Node, inHead: boolean) => {
    for (const child of n.children ?? []) {
      if (child.type !== "tag") continue;
      if (child.name === "thead") walk(child, true);
      else if (child.name === "tbody" || child.name === "tfoot") walk(child, false);
      else if (child.name === "tr") {
        const cells = (child.children ?? []).filter((c) => c.type === "tag" && (c.name === "th" || c.name === "td"));
        rows.push({
          header: inHead || cells.every((c) => c.name === "th"),
          cells: cells.map((c) => trimInline(inlineOf(c.children ?? [], { ...context, inCell: true }))),
        });
      }
    }
  };
  walk(node, false);
  const columns = Math.max(1, ...rows.map((r) => r.cells.length));
  const pad = (cells: Inline[][]) => [...cells, ...Array.from({ length: columns - cells.length }, () => [])];
  const headRows = rows[0]?.header ? [rows[0]] : [];
  return {
    k: "table",
    columns,
    head: headRows.length ? pad(headRows[0]!.cells) : [],
    body: rows.slice(headRows.length).map((r) => pad(r.cells)),
  };
}

function inlineOf(nodes: Node[], context: Context): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === "text") {
      out.push({ k: "t", v: node.data ?? "" });
      continue;
    }
    if (node.type !== "tag") continue;
    const name = node.name!;
    const children = node.children ?? [];
    if (name === "br") out.push({ k: "br" });
    else if (name === "code") out.push({ k: "code", v: textOf(node) });
    else if (name === "a") {
      const href = absolute(node.attribs?.href ?? "", context.base);
      const c = inlineOf(children, context);
      if (href) out.push({ k: "a", href, c });
      else out.push(...c);
    } else if (INLINE_TAGS[name]) out.push({ k: INLINE_TAGS[name], c: inlineOf(children, context) });
    else if (name === "img") {
      const alt = node.attribs?.alt?.trim();
      if (alt) out.push({ k: "t", v: `[Afbeelding: ${alt}]` });
    } else out.push(...inlineOf(children, context));
  }
  return out;
}

/** A link as a PDF can follow it: absolute, and only to the web or mail; an in-page anchor stays text. */
function absolute(href: string, base: string): string | null {
  if (/^(https?:|mailto:)/i.test(href)) return href;
  if (href.startsWith("/")) return `${base}${href}`;
  return null;
}

function textOf(node: Node): string {
  if (node.type === "text") return node.data ?? "";
  return (node.children ?? []).map(textOf).join("");
}

/** Whitespace as a browser shows it: runs of it as one space, none at the ends. */
function trimInline(nodes: Inline[]): Inline[] {
  const collapsed: Inline[] = [];
  for (const n of nodes) {
    const previous = collapsed.at(-1);
    if (n.k === "t" && previous?.k === "t") collapsed[collapsed.length - 1] = { k: "t", v: previous.v + n.v };
    else collapsed.push(n);
  }
  for (const [i, n] of collapsed.entries()) if (n.k === "t") collapsed[i] = { k: "t", v: n.v.replace(/\s+/g, " ") };
  const first = collapsed[0];
  if (first?.k === "t") collapsed[0] = { ...first, v: first.v.trimStart() };
  const last = collapsed.at(-1);
  if (last?.k === "t") collapsed[collapsed.length - 1] = { ...last, v: last.v.trimEnd() };
  return collapsed.filter((n) => n.k !== "t" || n.v !== "");
}
