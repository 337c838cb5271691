import { z } from "zod";
import { writtenAnswers } from "~/lib/vocabulary";
import { isoDate, requiredText, version } from "./fields";
import { time } from "./meetings";

export const sendWrittenProcedureSchema = z.object({
  intent: z.literal("send"),
  title: requiredText("de titel", 200),
  proposalMarkdown: z
    .string({ message: "Beschrijf het voorstel." })
    .trim()
    .min(1, "Beschrijf het voorstel.")
    .max(20_000, "Gebruik hooguit 20.000 tekens."),
  isConfidential: z.boolean().default(false),
  deadlineDate: isoDate("de datum van de termijn"),
  deadlineTime: time("het tijdstip van de termijn"),
  /** The files themselves are read by the route; here only so the form can show their message. */
  papers: z.any().optional(),
});

const answerFields = {
  answer: z.enum(writtenAnswers, { message: "Kies instemmen, niet instemmen of onthouden." }),
  remark: z.string().trim().max(2_000, "Gebruik hooguit 2.000 tekens.").default(""),
};

export const answerWrittenProcedureSchema = z.object({ intent: z.literal("answer"), version, ...answerFields });
export const answerByLinkSchema = z.object(answerFields);
export const closeWrittenProcedureSchema = z.object({ intent: z.literal("close"), version });
export const withdrawWrittenProcedureSchema = z.object({ intent: z.literal("withdraw"), version });
