import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string({ message: "Vul uw e-mailadres in." })
    .trim()
    .pipe(z.email({ message: "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl." })),
  password: z.string({ message: "Vul uw wachtwoord in." }),
  redirectTo: z.string().optional(),
});
