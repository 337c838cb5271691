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

/**
 * Where organisations sign in with their own account, the address comes first: it decides whether a
 * password is asked at all. The password is then optional in the first post.
 */
export const emailFirstSignInSchema = signInSchema.extend({ password: z.string().optional() });

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

/** The second step: six digits from the app, or a recovery code (letters, digits, dashes). */
export const secondStepSchema = z.object({
  code: z
    .string({ message: "Vul de code in." })
    .trim()
    .min(6, "Een code heeft zes cijfers; een herstelcode twaalf tekens.")
    .max(40, "Een code heeft zes cijfers; een herstelcode twaalf tekens."),
  redirectTo: z.string().optional(),
});

export const confirmTotpSchema = z.object({
  intent: z.literal("confirm-totp"),
  code: z
    .string({ message: "Vul de zes cijfers uit de app in." })
    .trim()
    .regex(/^\d{6}$/, "Vul de zes cijfers in die de app nu toont."),
});
