import { z } from "zod";
import { newPassword } from "./fields";

export const signInSchema = z.object({
  email: z
    .string({ message: "Vul uw e-mailadres in." })
    .trim()
    .pipe(z.email({ message: "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl." })),
  password: z.string({ message: "Vul uw wachtwoord in." }),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({
  email: z
    .string({ message: "Vul uw e-mailadres in." })
    .trim()
    .pipe(z.email({ message: "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl." })),
});

export const setPasswordSchema = z
  .object({ newPassword, confirmPassword: z.string({ message: "Herhaal het nieuwe wachtwoord." }) })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "De twee wachtwoorden zijn niet gelijk.",
  });
