import type { WooFooting } from "../vocabulary";

// The Woo informatiecategorieën Gremium publishes in, with the number the Woo-index's sitemap
// convention gives them (sitemapindex-diwoo-infocatNNN.xml: 001 to 017 in the order of article 3.3 of
// the Woo) and their TOOI URI from the DiWoo value list. Article 3.1 is not one of the seventeen; its
// publications are numbered 018, after them (docs/decisions/025-woo-categories.md).

const KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/";

export const wooCategories = {
  vergaderstukken: { number: "008", uri: `${KERN}c_db4862c3`, label: "vergaderstukken decentrale overheden" },
  bestuurscolleges: { number: "009", uri: `${KERN}c_3a248e3a`, label: "agenda’s en besluitenlijsten bestuurscolleges" },
  adviezen: { number: "010", uri: `${KERN}c_99a836c7`, label: "adviezen" },
  jaarplannen: { number: "012", uri: `${KERN}c_c6cd1213`, label: "jaarplannen en jaarverslagen" },
  inspanningsverplichting: { number: "018", uri: `${KERN}c_816e508d`, label: "inspanningsverplichting art 3.1 Woo" },
} as const;
export type WooCategory = keyof typeof wooCategories;

/** What a published record is, as far as its category depends on it. */
export type WooRecordKind = "agenda" | "besluitenlijst" | "stuk" | "jaarplan" | "jaarverslag";

/**
 * The category a public record is published in. Jaarplannen and jaarverslagen are a category of their
 * own whoever made them, and so is an advice (an adviesnota, an expertgroep's advice) — the law names
 * adviezen separately, and the Woo-index lets a reader find them as such. Otherwise the body's footing
 * decides: all vergaderstukken of an algemeen bestuur, the agenda and besluitenlijst of a dagelijks
 * bestuur (its other papers fall under article 3.1), and everything of any other body under 3.1.
 */
export function categoryOf(record: { kind: WooRecordKind; footing: WooFooting; isAdvice?: boolean }): WooCategory {
  if (record.kind === "jaarplan" || record.kind === "jaarverslag") return "jaarplannen";
  if (record.kind === "stuk" && record.isAdvice) return "adviezen";
  if (record.footing === "algemeen-bestuur") return "vergaderstukken";
  if (record.footing === "dagelijks-bestuur" && (record.kind === "agenda" || record.kind === "besluitenlijst"))
    return "bestuurscolleges";
  return "inspanningsverplichting";
}

/** The category whose sitemap index has this number ("008"), if Gremium publishes in it. */
export function categoryByNumber(number: string): WooCategory | undefined {
  return (Object.keys(wooCategories) as WooCategory[]).find((key) => wooCategories[key].number === number);
}
