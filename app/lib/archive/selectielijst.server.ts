import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { z } from "zod";
import { check, parseYaml } from "~/content/base.server";

// The selectielijst the archive package takes waardering and bewaartermijn from: per kind of record
// its category, B (blijvend) or V (vernietigen) and for V the term. Defaults in content/selectielijst.yaml.

const kind = z
  .strictObject({
    categorie: z.string().min(1),
    waardering: z.enum(["B", "V"]),
    bewaartermijn: z
      .string()
      .regex(/^P\d+Y$/, "moet een termijn in jaren zijn, zoals P10Y")
      .optional(),
  })
  .refine((k) => k.waardering === "B" || k.bewaartermijn, "een V-categorie heeft een bewaartermijn, zoals P10Y");

export const selectielijstSchema = z.strictObject({
  naam: z.string().min(1),
  soorten: z.strictObject({
    vergadering: kind,
    agenda: kind,
    besluitenlijst: kind,
    advies: kind,
    vergaderstuk: kind,
  }),
});
export type Selectielijst = z.infer<typeof selectielijstSchema>;
export type RecordKind = keyof Selectielijst["soorten"];

/** Reads and checks a selectielijst file; a mistake is named with its line. */
export function loadSelectielijst(path = resolve(process.cwd(), "content/selectielijst.yaml")): Selectielijst {
  return check(parseYaml(relative(process.cwd(), path) || path, readFileSync(path, "utf8")), selectielijstSchema);
}
