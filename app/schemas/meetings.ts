import { z } from "zod";
import { parseTime } from "~/lib/format";
import { agendaSections, attendanceStatuses } from "~/lib/vocabulary";
import { id, isoDate, optionalText, requiredText, version } from "./fields";

/** A time as people write it (13.30, 13:30, 1330, 9.00), kept as "13:30". */
export const time = (label: string) =>
  z
    .string({ message: `Vul ${label} in.` })
    .trim()
    .transform((value, context) => {
      const parsed = parseTime(value);
      if (parsed) return parsed;
      context.addIssue({ code: "custom", message: `Vul ${label} in als uren en minuten, bijvoorbeeld 13.30.` });
      return z.NEVER;
    });

const schedule = {
  date: isoDate("de datum"),
  startTime: time("de begintijd"),
  endTime: time("de eindtijd"),
};

const meetingFields = {
  ...schedule,
  location: requiredText("de plaats"),
  chairName: optionalText(120),
  secretaryName: optionalText(120),
  inviteesNote: optionalText(300),
  isPublic: z.boolean().default(false),
  registrationNumber: optionalText(60),
};

// End after start is checked here for the form and again in the model, which owns the rule.
const endAfterStart = (value: { startTime: string; endTime: string }) => value.endTime > value.startTime;
const endAfterStartIssue = { path: ["endTime"], message: "De eindtijd moet na de begintijd liggen." };

export const newMeetingSchema = z
  .object({ bodyId: id("Kies een gremium."), ...meetingFields })
  .refine(endAfterStart, endAfterStartIssue);

export const editMeetingSchema = z.object({ version, ...meetingFields }).refine(endAfterStart, endAfterStartIssue);

export const publishSchema = z.object({ intent: z.literal("publish"), version });
export const recordHeldSchema = z.object({ intent: z.literal("record-held"), version });
export const cancelSchema = z.object({
  intent: z.literal("cancel"),
  version,
  reason: requiredText("de reden van annuleren", 300),
});
export const moveSchema = z
  .object({ intent: z.literal("move"), version, ...schedule })
  .refine(endAfterStart, endAfterStartIssue);

export const agendaItemFields = {
  section: z.enum(agendaSections, { message: "Kies een rubriek." }),
  subject: requiredText("het onderwerp", 300),
  proposalMarkdown: z.string().trim().max(20_000, "Gebruik hooguit 20.000 tekens.").default(""),
  presenter: optionalText(120),
  plannedMinutes: z.coerce
    .number({ message: "Vul het aantal minuten in als getal." })
    .int("Vul een heel aantal minuten in.")
    .min(1, "Vul minstens 1 minuut in.")
    .max(600, "Vul hooguit 600 minuten in.")
    .optional(),
  isConfidential: z.boolean().default(false),
};

export const addItemSchema = z.object({ intent: z.literal("add"), ...agendaItemFields });
export const editItemSchema = z.object({ version, ...agendaItemFields });
export const moveItemSchema = z.object({
  intent: z.literal("move"),
  itemId: id("Kies een agendapunt."),
  direction: z.enum(["up", "down"]),
});
export const moveItemToSectionSchema = z.object({
  intent: z.literal("move-to-section"),
  itemId: id("Kies een agendapunt."),
  section: z.enum(agendaSections, { message: "Kies een rubriek." }),
});
/** Where an item was dropped: its section and its place there (0 is first). */
export const placeItemSchema = z.object({
  intent: z.literal("place"),
  itemId: id("Kies een agendapunt."),
  section: z.enum(agendaSections, { message: "Kies een rubriek." }),
  index: z.coerce.number().int().min(0),
});
export const removeItemSchema = z.object({ intent: z.literal("remove"), itemId: id("Kies een agendapunt.") });

export const addTemplateItemSchema = z.object({
  intent: z.literal("add"),
  section: z.enum(agendaSections, { message: "Kies een rubriek." }),
  subject: requiredText("het onderwerp", 300),
  proposalMarkdown: z.string().trim().max(2_000, "Gebruik hooguit 2.000 tekens.").default(""),
});

export const changeTemplateItemSchema = z.object({
  intent: z.enum(["up", "down", "remove"]),
  itemId: z.coerce.number().int(),
});

export const recordAttendanceSchema = z.object({
  intent: z.literal("record"),
  version,
  entries: z
    .array(
      z.object({
        inviteeId: id("Onbekende genodigde."),
        status: z.enum(attendanceStatuses, { message: "Kies of deze persoon er was." }),
        note: optionalText(120),
      }),
    )
    .default([]),
  guestName: optionalText(120),
  guestOrganisation: optionalText(120),
});

export const removeGuestSchema = z.object({ intent: z.literal("remove-guest"), guestId: id("Onbekende gast.") });

// One file or several at once; a title is typed for a single file (else its file name is used), several
// take their file names.
export const uploadDocumentSchema = z.object({
  intent: z.literal("upload"),
  title: optionalText(200),
  file: z.preprocess(
    (value) => (Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]),
    z
      .array(z.instanceof(File, { message: "Kies een of meer bestanden." }))
      .transform((files) => files.filter((file) => file.size > 0 || file.name))
      .refine((files) => files.length > 0, "Kies een of meer bestanden.")
      .refine((files) => files.length <= 20, "Voeg hooguit 20 bestanden tegelijk toe."),
  ),
  isConfidential: z.boolean().default(false),
  isAdvice: z.boolean().default(false),
});

export const writeNoteSchema = z.object({
  intent: z.literal("note"),
  title: requiredText("de titel van het stuk", 200),
  noteMarkdown: requiredText("de tekst", 100_000),
  isConfidential: z.boolean().default(false),
  isAdvice: z.boolean().default(false),
});

export const replaceFileSchema = z.object({
  intent: z.literal("replace-file"),
  documentId: id("Onbekend stuk."),
  version,
  file: z.instanceof(File, { message: "Kies een bestand." }).refine((file) => file.size > 0, "Kies een bestand."),
});

export const replaceNoteSchema = z.object({
  intent: z.literal("replace-note"),
  documentId: id("Onbekend stuk."),
  version,
  noteMarkdown: requiredText("de tekst", 100_000),
});

/** Turn an uploaded Word paper into a written note beside it. */
export const wordToNoteSchema = z.object({
  intent: z.literal("word-to-note"),
  documentId: id("Kies een stuk."),
});
export const removeDocumentSchema = z.object({
  intent: z.literal("remove-document"),
  documentId: id("Onbekend stuk."),
});
