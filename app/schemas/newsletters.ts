import { z } from "zod";
import { sectionKinds } from "~/lib/vocabulary";
import { email, optionalId, optionalText, requiredText, version } from "./fields";

export const subscribeSchema = z.object({
  email,
  name: optionalText(200),
  organisation: optionalText(200),
});

export const createEditionSchema = z.object({
  title: requiredText("de titel"),
  slug: z
    .string({ message: "Vul het webadres in." })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld april-2026."),
  period: optionalText(100).transform((v) => v ?? ""),
  meetingId: optionalId,
});

export const sectionSchema = z.object({
  intent: z.enum(["section-edit", "section-preview"]),
  sectionId: optionalId,
  version,
  title: requiredText("de titel van het blok"),
  bodyMarkdown: optionalText(50_000).transform((v) => v ?? ""),
});

export const newSectionSchema = z.object({
  intent: z.literal("section-add"),
  kind: z.enum(sectionKinds, { message: "Kies de soort blok." }),
  title: requiredText("de titel van het blok"),
  bodyMarkdown: optionalText(50_000).transform((v) => v ?? ""),
});
