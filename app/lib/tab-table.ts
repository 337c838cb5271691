// Text copied from a spreadsheet or a Word table as plain text is tab-separated: one line per row, a tab
// between cells. Such a block (two or more lines with the same number of cells) becomes a Markdown table
// with the first line as its header row, so it reads as a table and not as a run of words.

const ROW = /^[^\t\n]*(\t[^\t\n]*)+$/;

const cell = (text: string) => text.trim().replace(/\|/g, "\\|") || " ";

function tableOf(rows: string[][]) {
  const width = rows[0]!.length;
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(rows[0]!), `|${" --- |".repeat(width)}`, ...rows.slice(1).map(line)].join("\n");
}

/** Every block of tab-separated lines in a text as a Markdown table; the rest stays as it is. */
export function tabBlocksToTables(text: string): string {
  if (!text.includes("\t")) return text;
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    // A line starting with a tab is an indented code block in Markdown: left alone.
    if (fenced || !ROW.test(line) || line.startsWith("\t")) {
      out.push(line);
      continue;
    }
    const width = line.split("\t").length;
    let end = i;
    while (end + 1 < lines.length && ROW.test(lines[end + 1]!) && lines[end + 1]!.split("\t").length === width) end++;
    if (end === i) {
      out.push(line);
      continue;
    }
    const block = lines.slice(i, end + 1).map((row) => row.split("\t"));
    // A table needs a blank line before it to start a block of its own.
    if (out.length > 0 && out[out.length - 1]!.trim() !== "") out.push("");
    out.push(tableOf(block));
    if (end + 1 < lines.length && lines[end + 1]!.trim() !== "") out.push("");
    i = end;
  }
  return out.join("\n");
}
