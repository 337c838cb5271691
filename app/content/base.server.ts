// Shared pieces of the content loaders: field schemas, YAML parsing with line numbers, errors that
// name file and line.
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { isIsoDate } from "~/lib/format";

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "moet een slug zijn: kleine letters, cijfers en streepjes");
export const isoDate = z.string().refine(isIsoDate, "moet een datum zijn als JJJJ-MM-DD");

/** An objective by programme slug and number: "versterkingsagenda-zvs/2". */
export const objectiveRef = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*\/\d+[a-z]?$/,
    "moet een onderdeel van een programma zijn als programma/nummer, bijvoorbeeld versterkingsagenda-zvs/2 of meerjarenkoers-2016/7a",
  );

export class ContentError extends Error {
  constructor(
    public readonly file: string,
    public readonly line: number,
    public readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = "ContentError";
  }
}

type Located = { file: string; lineOffset: number; doc: Document; lines: LineCounter };

export function parseYaml(file: string, text: string, lineOffset = 0): Located & { value: unknown } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = lines.linePos(first.pos[0]).line + lineOffset;
    throw new ContentError(file, line, `ongeldige YAML: ${first.message.split("\n")[0]}${yamlHint(first.code, text, line - lineOffset)}`);
  }
  return { file, lineOffset, doc, lines, value: doc.toJS() };
}

/** A hint for the usual YAML mistakes, after the parser's own message. */
function yamlHint(code: string, text: string, line: number) {
  const source = text.split("\n")[line - 1] ?? "";
  if (code === "TAB_AS_INDENT" || /^\t/.test(source)) return " — Gebruik spaties om in te springen, geen tabs.";
  if (code === "DUPLICATE_KEY") return " — Deze sleutel staat twee keer in hetzelfde blok.";
  if (/:\s+[^"'{[\s][^#]*:\s/.test(source))
    return " — Staat er een dubbele punt in een waarde? Zet de waarde dan tussen aanhalingstekens.";
  return "";
}

/**
 * A zod path as a person counts: list positions from 1 ("objectives[9]" is the ninth ambition), so the
 * message matches what the writer sees in the file.
 */
export function describePath(path: PropertyKey[]) {
  return path.map((key, i) => (typeof key === "number" ? `[${key + 1}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

/** The usual cause of a key nobody wrote: a comma inside a value between { }, which YAML splits on. */
function unknownKeyHint(issue: z.core.$ZodIssue) {
  if (issue.code !== "unrecognized_keys") return "";
  const suspicious = issue.keys.some((key) => /\s/.test(key) || /^[A-Z]/.test(key));
  return suspicious
    ? " — Staat er een komma in een waarde tussen { }? Zet die waarde dan tussen aanhalingstekens, bijvoorbeeld name: \"Zorg, Veiligheid en Straf\"."
    : "";
}

/** The line of the deepest YAML node that the zod path still reaches. */
export function lineOf(located: Located, path: PropertyKey[]): number {
  let node: unknown = located.doc.contents;
  let offset = (node as { range?: [number] } | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node) || isSeq(node)) {
      const pair = isMap(node)
        ? node.items.find((item) => (item.key as { value?: unknown })?.value === key)
        : undefined;
      const next: unknown = isMap(node) ? (pair?.value ?? null) : node.items[key as number];
      const keyRange = (pair?.key as { range?: [number] } | undefined)?.range;
      const range = (next as { range?: [number] } | null)?.range ?? keyRange;
      if (!range) break;
      offset = range[0];
      node = next;
    } else break;
  }
  return located.lines.linePos(offset).line + located.lineOffset;
}

export function check<T>(
  located: Located & { value: unknown },
  schema: z.ZodType<T>,
  value = located.value,
  basePath: PropertyKey[] = [],
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [...basePath, ...issue.path];
  const where = path.length ? `${describePath(path)}: ` : "";
  throw new ContentError(located.file, lineOf(located, path), `${where}${issue.message}${unknownKeyHint(issue)}`);
}
