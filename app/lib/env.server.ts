import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { z } from "zod";

/** Names Express knows for address ranges, besides addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyEntry(entry: string) {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

const envSchema = z
  .object({
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
      .regex(
        /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/,
        "PUBLIC_URL moet een volledig adres zijn, bijvoorbeeld https://gremium.example",
      )
      .transform((url) => url.replace(/\/+$/, ""))
      .optional()
      .or(z.literal("").transform(() => undefined)),
    // Who must use a second step at sign-in (BIO 5.17.01): everyone, beheerder and secretariaat, or
    // whoever chooses to. Unset: verplicht, except for the demo (GREMIUM_DEMO=1), which stays a
    // two-command start.
    GREMIUM_MFA: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .enum(["verplicht", "beheer", "optioneel"], { message: "GREMIUM_MFA moet verplicht, beheer of optioneel zijn" })
        .optional(),
    ),
    // Where to report a vulnerability (security.txt, RFC 9116): mailto:, https: or tel: addresses,
    // comma-separated, most preferred first.
    SECURITY_CONTACT: z
      .string()
      .trim()
      .transform((value) =>
        value
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .refine(
        (entries) => entries.every((entry) => /^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+|tel:\+?[\d-]+)$/.test(entry)),
        "SECURITY_CONTACT moet een of meer adressen zijn die beginnen met mailto:, https:// of tel:, bijvoorbeeld mailto:security@gemeente.nl",
      )
      .optional(),
    // Where the public writes with questions (footer, privacy and accessibility statements).
    CONTACT_EMAIL: z
      .string()
      .trim()
      .email("CONTACT_EMAIL moet een e-mailadres zijn, bijvoorbeeld secretariaat@zvs-twente.nl")
      .optional(),
    DEMO_PASSWORD: z.string().min(8, "DEMO_PASSWORD moet minstens 8 tekens hebben").default("gremium-demo"),
    WEB_CONCURRENCY: z.coerce
      .number({ message: "WEB_CONCURRENCY moet een getal zijn" })
      .int("WEB_CONCURRENCY moet een geheel getal zijn")
      .min(1, "WEB_CONCURRENCY moet tussen 1 en 64 liggen")
      .max(64, "WEB_CONCURRENCY moet tussen 1 en 64 liggen")
      .default(availableParallelism()),
    // Off unless set: X-Forwarded-* then count only from these addresses (a proxy in front of Gremium).
    TRUST_PROXY: z
      .string()
      .trim()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .refine(
        (entries) => entries.every(isProxyEntry),
        "TRUST_PROXY moet een lijst van adressen of reeksen zijn (bijvoorbeeld loopback of 10.0.0.0/8,192.168.1.5)",
      ),
  })
  .superRefine((config, context) => {
    // A published way to report a vulnerability (BIO 8.08.06) is part of running this site.
    if (config.NODE_ENV === "production" && config.GREMIUM_DEMO === "0" && !config.SECURITY_CONTACT?.length)
      context.addIssue({
        code: "custom",
        path: ["SECURITY_CONTACT"],
        message:
          "SECURITY_CONTACT ontbreekt: geef het adres waar iemand een kwetsbaarheid meldt, bijvoorbeeld mailto:security@gemeente.nl (het staat in /.well-known/security.txt)",
      });
    // A public body names how to reach it (Webrichtlijnen; the privacy and accessibility statements).
    if (config.NODE_ENV === "production" && config.GREMIUM_DEMO === "0" && !config.CONTACT_EMAIL)
      context.addIssue({
        code: "custom",
        path: ["CONTACT_EMAIL"],
        message:
          "CONTACT_EMAIL ontbreekt: geef het e-mailadres waar bezoekers met vragen terechtkunnen, bijvoorbeeld secretariaat@zvs-twente.nl",
      });
    // Links in mail, calendars and feeds must not come from a request's Host header.
    if (config.NODE_ENV === "production" && config.GREMIUM_DEMO === "0" && !config.PUBLIC_URL)
      context.addIssue({
        code: "custom",
        path: ["PUBLIC_URL"],
        message:
          "PUBLIC_URL ontbreekt: geef het openbare adres van de site, bijvoorbeeld https://gremium.example (de links in mail, agenda's en feeds komen daarvandaan)",
      });
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

/** The site's own address, without a slash at the end: PUBLIC_URL, or this machine for a demo. */
export function publicUrl(config = env()) {
  return config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

/** Where to report a vulnerability: SECURITY_CONTACT, or the demo's made-up address. */
export function securityContacts(config = env()): string[] {
  return config.SECURITY_CONTACT?.length ? config.SECURITY_CONTACT : ["mailto:security@gremium.example"];
}

/** Where the public writes with questions: CONTACT_EMAIL, or the demo's made-up secretariaat. */
export function contactEmail(config = env()): string {
  return config.CONTACT_EMAIL ?? "secretariaat@gremium.example";
}

export type MfaPolicy = "verplicht" | "beheer" | "optioneel";

/** Who must use a second step at sign-in (GREMIUM_MFA, with its default). */
export function mfaPolicy(config = env()): MfaPolicy {
  return config.GREMIUM_MFA ?? (config.GREMIUM_DEMO === "1" ? "optioneel" : "verplicht");
}

/** Reads the environment again; for tests that change a variable. */
export function reloadEnv() {
  cached = undefined;
  return env();
}
