import { z } from "zod";
import { objectiveStatuses, objectiveTerms } from "~/lib/vocabulary";
import { id, isoDate, optionalId, optionalText, requiredText, version } from "./fields";

const programmeFields = {
  title: requiredText("de titel"),
  startsOn: isoDate("de begindatum"),
  endsOn: isoDate("de einddatum").optional(),
  ownerBodyId: id("Kies het gremium dat eigenaar is."),
  // A strategy document's text can be long: a meerjarenkoers with eleven ambitions and a year plan.
  descriptionMarkdown: optionalText(200_000).transform((v) => v ?? ""),
  predecessorId: optionalId,
  objectiveTerm: z
    .enum(objectiveTerms, { message: "Kies hoe het programma zijn onderdelen noemt." })
    .default("opgaven"),
};

export const createProgrammeSchema = z.object({
  ...programmeFields,
  slug: z
    .string({ message: "Vul het webadres in." })
    .trim()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld meerjarenkoers-2027.",
    ),
});

export const updateProgrammeSchema = z.object({ ...programmeFields, version });

const year = (label: string) =>
  z.coerce
    .number({ message: `Vul ${label} in als jaartal, bijvoorbeeld 2017.` })
    .int(`Vul ${label} in als jaartal, bijvoorbeeld 2017.`)
    .min(1900, `Vul ${label} in als jaartal, bijvoorbeeld 2017.`)
    .max(2200, `Vul ${label} in als jaartal, bijvoorbeeld 2017.`)
    .optional();

export const objectiveSchema = z.object({
  intent: z.literal("objective"),
  label: z
    .string()
    .trim()
    .regex(/^\d{1,3}[a-zA-Z]?$/, "Schrijf het nummer als 7, of met een letter als 7a.")
    .optional(),
  title: requiredText("de titel"),
  descriptionMarkdown: optionalText(50_000).transform((v) => v ?? ""),
  leadPersonId: optionalId,
  focusFromYear: year("het eerste focusjaar"),
  focusToYear: year("het laatste focusjaar"),
  focus: optionalText(200),
});

export const editObjectiveSchema = objectiveSchema.extend({ intent: z.literal("edit"), version });

export const objectiveStatusSchema = z.object({
  intent: z.literal("status"),
  version,
  status: z.enum(objectiveStatuses, { message: "Kies een status." }),
  statusOn: isoDate("de datum"),
  explanation: requiredText("een toelichting", 2000),
});

/** The goal-link checkboxes of a form: every checked objective and plan goal. */
export function parseGoalLinks(formData: FormData) {
  const ids = (name: string) =>
    formData
      .getAll(name)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
  return { objectiveIds: ids("objectiveIds"), planGoalIds: ids("planGoalIds") };
}
