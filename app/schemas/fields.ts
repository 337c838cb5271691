import { z } from "zod";
import { isIsoDate } from "~/lib/format";

// Reusable field schemas with their Dutch messages.

export const requiredText = (label: string, max = 200) =>
  z
    .string({ message: `Vul ${label} in.` })
    .trim()
    .min(1, `Vul ${label} in.`)
    .max(max, `Gebruik hooguit ${max} tekens.`);

export const optionalText = (max = 200) => z.string().trim().max(max, `Gebruik hooguit ${max} tekens.`).optional();

export const isoDate = (label: string) =>
  z
    .string({ message: `Vul ${label} in.` })
    .trim()
    .refine(isIsoDate, `Vul ${label} in als datum, bijvoorbeeld 2026-11-26.`);

export const email = z
  .string({ message: "Vul een e-mailadres in." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl." }));

export const id = (message: string) => z.coerce.number({ message }).int(message).positive(message);

export const optionalId = z.coerce.number().int().positive().optional();

export const version = z.coerce.number().int().positive();

export const newPassword = z
  .string({ message: "Kies een wachtwoord." })
  .min(12, "Een wachtwoord heeft minstens 12 tekens.")
  .max(200, "Gebruik hooguit 200 tekens.");
