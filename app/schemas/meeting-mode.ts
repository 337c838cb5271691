import { z } from "zod";
import { decisionOutcomes } from "~/lib/vocabulary";
import { id, isoDate, optionalId, version } from "./fields";

// The forms of the meeting mode. They post plain values (without JavaScript, or in the background
// with it), so empty fields arrive as "" and a checkbox as "on": `plainValues` evens that out first.

const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

export const startItemSchema = z.object({ intent: z.literal("start"), itemId: id("Onbekend agendapunt.") });
export const checkInSchema = z.object({ intent: z.literal("checkin"), inviteeId: id("Onbekende genodigde.") });
export const closeMeetingSchema = z.object({ intent: z.literal("close") });

export const captureDecisionSchema = z.object({
  intent: z.literal("decision"),
  itemId: id("Onbekend agendapunt."),
  decisionId: optionalId,
  version: version.optional(),
  outcome: z.enum(decisionOutcomes, { message: "Kies de uitkomst." }),
  textMarkdown: z.string().trim().max(20_000, "Gebruik hooguit 20.000 tekens.").default(""),
  discussionMarkdown: z.string().trim().max(20_000, "Gebruik hooguit 20.000 tekens.").default(""),
  isConfidential: checkbox.default(false),
});

export const captureCommitmentSchema = z.object({
  intent: z.literal("commitment"),
  decisionId: id("Leg eerst het besluit vast; een toezegging hoort bij een besluit."),
  description: z
    .string({ message: "Beschrijf wat er is toegezegd." })
    .trim()
    .min(1, "Beschrijf wat er is toegezegd.")
    .max(500, "Gebruik hooguit 500 tekens."),
  personId: id("Kies wie de toezegging deed."),
  dueOn: isoDate("de termijn").optional(),
});

export const meetingModeSchema = z.discriminatedUnion("intent", [
  startItemSchema,
  checkInSchema,
  closeMeetingSchema,
  captureDecisionSchema,
  captureCommitmentSchema,
]);

/** The form's values as zod reads them: "" is no value. */
export function plainValues(formData: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && value !== "") values[key] = value;
  return values;
}
