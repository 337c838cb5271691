/**
 * CSV as Dutch Excel opens it on a double click: UTF-8 with a byte-order mark, semicolons between
 * fields, CRLF between rows. A cell that Excel would run as a formula (=, +, -, @) is prefixed
 * with an apostrophe, so a crafted action text cannot execute anything.
 */
export function toExcelCsv(rows: readonly (readonly (string | number | null | undefined)[])[]) {
  const cell = (value: string | number | null | undefined) => {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(";")).join("\r\n")}\r\n`;
}
