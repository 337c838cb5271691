import { z } from "zod";
import { objectiveStatuses } from "~/lib/vocabulary";
import { id, isoDate, optionalId, optionalText, requiredText, version } from "./fields";

const programmeFields = {
  title: requiredText("de titel"),
  startsOn: isoDate("de begindatum"),
  endsOn: isoDate("de einddatum").optional(),
  ownerBodyId: id("Kies het gremium dat eigenaar is."),
  descriptionMarkdown: optionalText(20_000).transform((v) => v ?? ""),
  predecessorId: optionalId,
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

export const objectiveSchema = z.object({
  intent: z.literal("objective"),
  title: requiredText("de titel"),
  descriptionMarkdown: optionalText(20_000).transform((v) => v ?? ""),
  leadPersonId: optionalId,
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
