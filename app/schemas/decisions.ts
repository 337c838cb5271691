import { z } from "zod";
import { decisionOutcomes } from "~/lib/vocabulary";
import { id, isoDate, optionalId, optionalText, version } from "./fields";

const decisionFields = {
  outcome: z.enum(decisionOutcomes, { message: "Kies de uitkomst." }),
  textMarkdown: z.string().trim().max(20_000, "Gebruik hooguit 20.000 tekens.").default(""),
  discussionMarkdown: z.string().trim().max(20_000, "Gebruik hooguit 20.000 tekens.").default(""),
  isConfidential: z.boolean().default(false),
};

const commitmentRow = z
  .object({
    description: optionalText(500),
    personId: optionalId,
    organisationId: optionalId,
    dueOn: isoDate("de datum").optional(),
  })
  .superRefine((row, ctx) => {
    if (!row.description && (row.personId || row.organisationId || row.dueOn)) {
      ctx.addIssue({
        code: "custom",
        path: ["description"],
        message: "Beschrijf wat er is toegezegd, of maak de regel leeg.",
      });
    }
    if (row.description && !row.personId && !row.organisationId) {
      ctx.addIssue({
        code: "custom",
        path: ["personId"],
        message: "Kies wie de toezegging deed: een persoon of een organisatie.",
      });
    }
  });

export const recordDecisionSchema = z.object({
  intent: z.literal("record"),
  itemId: id("Onbekend agendapunt."),
  ...decisionFields,
  commitments: z.array(commitmentRow).default([]),
  amendments: z
    .array(z.object({ decisionId: id("Onbekend besluit."), textMarkdown: z.string().trim().default("") }))
    .default([]),
});

export const updateDecisionSchema = z.object({
  intent: z.literal("update"),
  decisionId: id("Onbekend besluit."),
  version,
  ...decisionFields,
});
export const removeDecisionSchema = z.object({ intent: z.literal("remove"), decisionId: id("Onbekend besluit.") });
