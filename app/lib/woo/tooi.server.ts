import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// The TOOI value lists that DiWoo restricts its fields to, read from the copy of the DiWoo schema in
// standards/woo/ (once, on first use): a publisher must be an organisation on these lists, or the
// Woo-index refuses the sitemap.

type Entry = { uri: string; label: string };
const ORGANISATION_LISTS = [
  "collijst",
  "gemeentelijst",
  "ministerielijst",
  "provincielijst",
  "oorglijst",
  "solijst",
  "waterschapslijst",
  "zbolijst",
];

let lists: Map<string, Entry[]> | undefined;

function valueLists() {
  if (lists) return lists;
  const xsd = readFileSync(resolve(process.cwd(), "standards/woo/diwoo-metadata-lijsten.xsd"), "utf8");
  lists = new Map();
  for (const [, name, body] of xsd.matchAll(/<xs:simpleType name="(\w+)"[^>]*>([\s\S]*?)<\/xs:simpleType>/g)) {
    const entries = [...body!.matchAll(/<xs:enumeration value="([^"]+)">[\s\S]*?<dita:p[^>]*>([^<]*)<\/dita:p>/g)].map(
      ([, uri, label]) => ({ uri: decode(uri!), label: decode(label!.trim()) }),
    );
    lists.set(name!, entries);
  }
  return lists;
}

const decode = (text: string) =>
  text
    .replaceAll("&apos;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** Every organisation a DiWoo publisher may be: gemeenten, provincies, samenwerkingsorganisaties … */
export function tooiOrganisations(): Entry[] {
  return ORGANISATION_LISTS.flatMap((name) => valueLists().get(name) ?? []);
}

/** An organisation by its TOOI URI or its name as the register writes it ("gemeente Enschede"). */
export function findTooiOrganisation(text: string): Entry | undefined {
  const wanted = text.trim().toLocaleLowerCase("nl");
  if (!wanted) return undefined;
  return tooiOrganisations().find(
    (o) => o.uri.toLocaleLowerCase("nl") === wanted || o.label.toLocaleLowerCase("nl") === wanted,
  );
}
