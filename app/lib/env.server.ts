import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ message: "PORT moet een getal zijn" })
    .int()
    .min(1, "PORT moet tussen 1 en 65535 liggen")
    .max(65535, "PORT moet tussen 1 en 65535 liggen")
    .default(3000),
  DATABASE_URL: z
    .string()
    .trim()
    .min(1, "DATABASE_URL mag niet leeg zijn: geef het pad van het SQLite-bestand")
    .default("data/gremium.db"),
  GREMIUM_DEMO: z.enum(["0", "1"], { message: "GREMIUM_DEMO moet 0 of 1 zijn" }).default("1"),
  GREMIUM_SCHEDULER: z.enum(["0", "1"], { message: "GREMIUM_SCHEDULER moet 0 of 1 zijn" }).default("1"),
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\//, "SMTP_URL moet beginnen met smtp:// of smtps://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().trim().min(3, "MAIL_FROM mag niet leeg zijn").default("Gremium <noreply@gremium.example>"),
  PUBLIC_URL: z
    .string()
    .trim()
    .url("PUBLIC_URL moet een volledig adres zijn, bijvoorbeeld https://gremium.example")
    .optional(),
  DEMO_PASSWORD: z.string().min(8, "DEMO_PASSWORD moet minstens 8 tekens hebben").default("gremium-demo"),
});

export type Env = z.infer<typeof envSchema>;
export const DEFAULT_DEMO_PASSWORD = "gremium-demo";

/** Parses the environment; throws one readable sentence per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`De configuratie is ongeldig; Gremium start niet.\n${lines.join("\n")}`);
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads the environment again; for tests that change a variable. */
export function reloadEnv() {
  cached = undefined;
  return env();
}
