/**
 * A web address part proposed from a title: "Nieuwsbrief december 2026" → "december-2026". Accents are
 * dropped (é → e), anything but letters and digits becomes one hyphen, and a leading "nieuwsbrief"
 * goes, since every edition lives under /nieuwsbrieven/ already.
 */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  const withoutPrefix = slug.replace(/^nieuwsbrief-/, "");
  return withoutPrefix || slug;
}
