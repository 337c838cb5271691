import { z } from "zod";
import { actionReviewResults } from "~/lib/vocabulary";
import { id, isoDate, optionalId, optionalText, requiredText, version } from "./fields";

const note = optionalText(2000).transform((v) => v ?? "");

/** What the owner or the secretariaat reports on an action: a note, perhaps with a change of status or date. */
export const actionProgressSchema = z
  .object({
    intent: z.literal("progress"),
    version,
    change: z.enum(["update", "start", "complete", "drop", "extend"], { message: "Kies wat er verandert." }),
    note,
    dueOn: isoDate("de nieuwe termijn").optional(),
    // For progress entered afterwards (an action closed in 2022); empty is today.
    occurredOn: isoDate("de datum").optional(),
  })
  .superRefine((value, ctx) => {
    const required: Record<string, string> = {
      update: "Schrijf wat er is gebeurd.",
      complete: "Schrijf kort wat het resultaat is; zonder toelichting sluit u een actie niet af.",
      drop: "Schrijf waarom de actie vervalt.",
    };
    if (required[value.change] && !value.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: required[value.change]! });
    if (value.change === "extend" && !value.dueOn)
      ctx.addIssue({ code: "custom", path: ["dueOn"], message: "Kies de nieuwe termijn." });
  });

export const reopenActionSchema = z.object({
  intent: z.literal("reopen"),
  version,
  note: requiredText("waarom de actie weer openstaat", 2000),
});

const ownerRule = (value: { ownerPersonId?: number; organisationId?: number }, ctx: z.RefinementCtx) => {
  if (!value.ownerPersonId && !value.organisationId)
    ctx.addIssue({
      code: "custom",
      path: ["ownerPersonId"],
      message: "Kies wie de actie uitvoert: een persoon of een organisatie.",
    });
};

const actionFields = {
  description: requiredText("wat er moet gebeuren", 500),
  ownerPersonId: optionalId,
  organisationId: optionalId,
  dueOn: isoDate("de termijn").optional(),
};

export const editActionSchema = z
  .object({ intent: z.literal("edit"), version, ...actionFields })
  .superRefine(ownerRule);

export const createActionSchema = z
  .object({
    bodyId: id("Kies het gremium dat de actie volgt."),
    agendaItemId: optionalId,
    meetingId: optionalId,
    ...actionFields,
    // For an action entered afterwards; empty is today, or the day of its meeting.
    openedOn: isoDate("de datum van ontstaan").optional(),
  })
  .superRefine(ownerRule);

/** The actielijst form: one row per running action, named by the action's id. */
export function parseActionListForm(formData: FormData) {
  const ids = formData
    .getAll("actionId")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const errors: Record<string, string[]> = {};
  const entries = ids.map((actionId) => {
    const result = String(formData.get(`result-${actionId}`) ?? "loopt_door");
    const rawDue = String(formData.get(`dueOn-${actionId}`) ?? "").trim();
    const due = rawDue ? isoDate("de nieuwe termijn").safeParse(rawDue) : null;
    if (due && !due.success) errors[`dueOn-${actionId}`] = [due.error.issues[0]!.message];
    if (!(actionReviewResults as readonly string[]).includes(result))
      errors[`result-${actionId}`] = ["Kies: loopt door, afgedaan of vervallen."];
    return {
      actionId,
      expectedVersion: Number(formData.get(`version-${actionId}`)) || 0,
      result: result as (typeof actionReviewResults)[number],
      dueOn: due?.success ? due.data : null,
      note: String(formData.get(`note-${actionId}`) ?? "").slice(0, 2000),
    };
  });
  return { entries, errors };
}
