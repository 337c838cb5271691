import { z } from "zod";
import { slugFromTitle } from "~/lib/slug";
import { sectionKinds } from "~/lib/vocabulary";
import { email, optionalId, optionalText, requiredText, version } from "./fields";

export const subscribeSchema = z.object({
  email,
  name: optionalText(200),
  organisation: optionalText(200),
});

// The web address is proposed from the title when it is left empty; one typed in is checked as typed.
export const createEditionSchema = z
  .object({
    title: requiredText("de titel"),
    slug: optionalText(80).pipe(
      z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld april-2026.")
        .optional(),
    ),
    period: optionalText(100).transform((v) => v ?? ""),
    meetingId: optionalId,
  })
  .transform((input, context) => {
    const slug = input.slug ?? slugFromTitle(input.title);
    if (!slug) {
      context.addIssue({ code: "custom", path: ["slug"], message: "Vul het webadres in, bijvoorbeeld april-2026." });
      return z.NEVER;
    }
    return { ...input, slug };
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
