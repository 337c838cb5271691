import { z } from "zod";
import "~/lib/zod-nl";
import { isIsoDate } from "~/lib/format";

// Reusable field schemas with their Dutch messages.

export const requiredText = (label: string, max = 200) =>
  z
    .string({ message: `Vul ${label} in.` })
    .trim()
    .min(1, `Vul ${label} in.`)
    .max(max, `Gebruik hooguit ${max} tekens.`);

export const optionalText = (max = 200) => z.string().trim().max(max, `Gebruik hooguit ${max} tekens.`).optional();

/** "26-11-2026" (as a Dutch user types it where no date picker is shown) becomes 2026-11-26. */
function fromDutchDate(value: string) {
  const match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}` : value;
}

export const isoDate = (label: string) =>
  z
    .string({ message: `Vul ${label} in.` })
    .trim()
    .transform(fromDutchDate)
    .refine(isIsoDate, `Vul ${label} in als een bestaande datum, bijvoorbeeld 26-11-2026.`);

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
