import { z } from "zod";
import { parseEuroCents } from "~/lib/format";
import { budgetKinds, planGoalStatuses } from "~/lib/vocabulary";
import { id, optionalId, optionalText, requiredText, version } from "./fields";

export const createPlanSchema = z.object({
  bodyId: id("Kies het gremium."),
  year: z.coerce
    .number({ message: "Vul het jaar in." })
    .int("Vul een jaartal in, bijvoorbeeld 2027.")
    .min(2000, "Vul een jaartal in, bijvoorbeeld 2027.")
    .max(2100, "Vul een jaartal in, bijvoorbeeld 2027."),
  title: requiredText("de titel"),
  copyOpenGoals: z.boolean().default(false),
});

const markdown = optionalText(50_000).transform((v) => v ?? "");

export const chapterSchema = z.object({
  intent: z.enum(["chapter-add", "chapter-edit", "chapter-preview"]),
  chapterId: optionalId,
  version: version.optional(),
  title: requiredText("de titel van het hoofdstuk"),
  bodyMarkdown: markdown,
});

export const goalSchema = z.object({
  intent: z.enum(["goal-add", "goal-edit"]),
  goalId: optionalId,
  version: version.optional(),
  title: requiredText("wat er moet gebeuren", 300),
  ownerName: optionalText(200),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  status: z.enum(planGoalStatuses, { message: "Kies een status." }).default("gepland"),
  progressNote: optionalText(2000).transform((v) => v ?? ""),
});

export const budgetLineSchema = z.object({
  intent: z.literal("budget-add"),
  kind: z.enum(budgetKinds, { message: "Kies baten of lasten." }),
  description: requiredText("de omschrijving"),
  amount: z
    .string({ message: "Vul een bedrag in." })
    .trim()
    .min(1, "Vul een bedrag in.")
    .transform((value, ctx) => {
      const cents = parseEuroCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "Vul een bedrag in euro's in, bijvoorbeeld 637.000 of 1.234,56." });
        return z.NEVER;
      }
      return cents;
    }),
});

export const submitPlanSchema = z
  .object({
    intent: z.literal("submit"),
    version,
    meetingId: optionalId,
    agendaItemId: optionalId,
  })
  .refine((v) => v.meetingId || v.agendaItemId, {
    message: "Kies een vergadering van de stuurgroep, of een agendapunt dat al gepland is.",
    path: ["meetingId"],
  });

export const reportSchema = z.object({
  intent: z.enum(["report-save", "report-preview"]),
  version,
  reportMarkdown: markdown,
});

export const planStepSchema = z.object({
  intent: z.enum(["close", "report-publish", "chapter-remove", "goal-remove", "budget-remove"]),
  version: version.optional(),
  targetId: optionalId,
});

export const planActionSchema = z.union([
  chapterSchema,
  goalSchema,
  budgetLineSchema,
  submitPlanSchema,
  reportSchema,
  planStepSchema,
]);
