import { existsSync } from "node:fs";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import library from "./typst/gremium.typ?raw";

// Gremium's own PDFs are set by Typst (0.14, in the registry package @myriaddreamin/typst-ts-node-compiler)
// as PDF/UA-1: a structure tree with headings, lists, tables with header cells, links and figures with
// alternative text, the title shown in the title bar, language nl, bookmarks from the headings and
// embedded fonts (docs/decisions/029). The data goes in as JSON through `sys.inputs`, never as markup,
// so no text typed by a user can change the template.

// Sans-serif fonts of the machine when there (Debian's Liberation and DejaVu); Typst's own embedded
// Libertinus Serif otherwise, so a PDF is always made.
const FONT_DIRS = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu"].filter((dir) =>
  existsSync(dir),
);

// A workspace of its own, never the server's directory: a template reads only what is mapped into it.
const WORKSPACE = "/gremium-typst";

let compiler: NodeCompiler | null = null;

function getCompiler() {
  compiler ??= NodeCompiler.create({
    workspace: WORKSPACE,
    ...(FONT_DIRS.length ? { fontArgs: [{ fontPaths: FONT_DIRS }] } : {}),
  });
  return compiler;
}

export class TypstError extends Error {}

type CompileArgs = {
  template: string;
  data: unknown;
  /** Files the template may read (pictures), by their absolute path in its world. */
  files?: Record<string, Uint8Array>;
};

export type Place = { key: string; page: number };

/** Compiles a Typst template with its data into a PDF/UA-1 file. */
export function compileTypst(args: CompileArgs): Uint8Array {
  return run(args, false).pdf;
}

/** The same, with the page each `place-marker(key)` of the template landed on. */
export function compileTypstWithPlaces(args: CompileArgs): { pdf: Uint8Array; places: Place[] } {
  return run(args, true);
}

function run(args: CompileArgs, withPlaces: boolean) {
  let data = args.data;
  // A character no font on the machine has (a Chinese name, a rare symbol) would stop the export: it
  // becomes a question mark, as a reader without that font would see it, and the file is made.
  for (let attempt = 0; ; attempt++) {
    try {
      return compileOnce({ ...args, data }, withPlaces);
    } catch (error) {
      const missing = [...String(error).matchAll(/the text `\\?"(.+?)\\?"` could not be displayed/g)].map((m) => m[1]!);
      if (!missing.length || attempt >= 2) throw error;
      data = replaceCharacters(data, new Set(missing));
    }
  }
}

function replaceCharacters(value: unknown, missing: Set<string>): unknown {
  if (typeof value === "string") return [...value].map((c) => (missing.has(c) ? "?" : c)).join("");
  if (Array.isArray(value)) return value.map((v) => replaceCharacters(v, missing));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceCharacters(v, missing)]));
  return value;
}

function compileOnce({ template, data, files = {} }: CompileArgs, withPlaces: boolean) {
  const typst = getCompiler();
  typst.addSource(`${WORKSPACE}/gremium.typ`, library);
  for (const [path, bytes] of Object.entries(files)) typst.mapShadow(`${WORKSPACE}${path}`, Buffer.from(bytes));
  try {
    const compiled = typst.compile({ mainFileContent: template, inputs: { data: JSON.stringify(data) } });
    const document = compiled.result;
    if (!document) {
      const diagnostics = compiled.takeDiagnostics()?.shortDiagnostics ?? [];
      throw new TypstError(`Typst kon het document niet maken: ${JSON.stringify(diagnostics)}`);
    }
    const places = withPlaces ? (typst.query(document, { selector: "<place>", field: "value" }) as Place[]) : [];
    return { pdf: new Uint8Array(typst.pdf(document, { pdfStandard: "ua-1" })), places };
  } finally {
    for (const path of Object.keys(files)) typst.unmapShadow(`${WORKSPACE}${path}`);
    // Keeps memory flat on a long-running server: results unused for a while are dropped.
    typst.evictCache(10);
  }
}
