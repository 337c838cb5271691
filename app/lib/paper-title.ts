/**
 * The title a paper gets from its file name when several are uploaded at once:
 * "adviesnota_meerjarenkoers-2027.pdf" → "Adviesnota meerjarenkoers 2027".
 */
export function titleFromFileName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[a-z0-9]{1,5}$/i, "")
    .replace(/[_-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!base) return "Stuk";
  return (base.charAt(0).toLocaleUpperCase("nl") + base.slice(1)).slice(0, 200);
}
