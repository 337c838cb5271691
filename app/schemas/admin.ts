import { z } from "zod";
import {
  accessibilityStatuses,
  bodyKinds,
  membershipRoles,
  organisationKinds,
  userRoles,
  wooFootings,
  writtenRules,
} from "~/lib/vocabulary";
import { email, id, isoDate, newPassword, optionalId, optionalText, requiredText, version } from "./fields";

export const newUserSchema = z.object({
  name: requiredText("de naam"),
  email,
  organisationId: optionalId,
  jobTitle: optionalText(),
  role: z.enum(userRoles, { message: "Kies een rol." }),
});

export const setRoleSchema = z.object({
  intent: z.literal("set-role"),
  version,
  role: z.enum(userRoles, { message: "Kies een rol." }),
});

export const deactivateSchema = z.object({ intent: z.literal("deactivate"), version });
export const reactivateSchema = z.object({ intent: z.literal("reactivate"), version });
export const reinviteSchema = z.object({ intent: z.literal("reinvite") });
export const resetSecondStepSchema = z.object({ intent: z.literal("reset-second-step") });

export const bodySchema = z.object({
  name: requiredText("de naam"),
  shortName: optionalText(60),
  slug: z
    .string({ message: "Vul het webadres in." })
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld themagroep-jeugd.",
    ),
  kind: z.enum(bodyKinds, { message: "Kies de soort gremium." }),
  parentId: optionalId,
  meetingFrequency: optionalText(120),
  wooFooting: z.enum(wooFootings, { message: "Kies hoe dit gremium openbaar maakt." }).default("artikel-3-1"),
  writtenRule: z
    .enum(writtenRules, { message: "Kies hoe dit gremium schriftelijk besluit." })
    .default("tenzij-bezwaar"),
  writtenQuorumPercent: z.coerce
    .number({ message: "Vul een percentage in, bijvoorbeeld 50." })
    .int("Vul een heel getal in, bijvoorbeeld 50.")
    .min(1, "Vul een percentage van 1 tot en met 100 in.")
    .max(100, "Vul een percentage van 1 tot en met 100 in.")
    .default(50),
  activeFrom: isoDate("de startdatum"),
  purposeMarkdown: z.string().trim().max(20_000, "Gebruik hooguit 20.000 tekens.").default(""),
});

export const updateBodySchema = bodySchema.extend({ intent: z.literal("update"), version });

export const retireBodySchema = z.object({
  intent: z.literal("retire"),
  version,
  activeUntil: isoDate("de datum van opheffen"),
});

export const addMembershipSchema = z.object({
  intent: z.literal("add-membership"),
  personId: id("Kies een persoon."),
  role: z.enum(membershipRoles, { message: "Kies een rol." }),
  startsOn: isoDate("de begindatum"),
});

export const endMembershipSchema = z.object({
  intent: z.literal("end-membership"),
  membershipId: id("Kies een lidmaatschap."),
  version,
  endsOn: isoDate("de einddatum"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ message: "Vul uw huidige wachtwoord in." }),
    newPassword,
    confirmPassword: z.string({ message: "Herhaal het nieuwe wachtwoord." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "De twee nieuwe wachtwoorden zijn niet gelijk.",
  });

export const personSchema = z.object({
  name: requiredText("de naam"),
  email: email.optional(),
  organisationId: optionalId,
  jobTitle: optionalText(),
});

export const updatePersonSchema = personSchema.extend({ version });

const domainList = z
  .string({ message: "Vul minstens één e-maildomein in." })
  .trim()
  .toLowerCase()
  .transform((value) =>
    value
      .split(/[\s,;]+/)
      .map((domain) => domain.replace(/^@/, ""))
      .filter(Boolean),
  )
  .refine((domains) => domains.length > 0, "Vul minstens één e-maildomein in.")
  .refine(
    (domains) => domains.every((domain) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)),
    "Vul domeinen in zoals enschede.nl, gescheiden door komma's.",
  );

/** An organisation's own sign-in (OpenID Connect). */
export const ssoProviderSchema = z.object({
  name: requiredText("de naam"),
  organisationId: optionalId,
  issuer: z
    .string({ message: "Vul het adres van de uitgever (issuer) in." })
    .trim()
    .regex(
      /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/,
      "Vul een volledig adres in, bijvoorbeeld https://login.microsoftonline.com/…/v2.0.",
    ),
  clientId: requiredText("de client-id"),
  clientSecret: requiredText("het client-secret"),
  domains: domainList,
});

export const removeSsoProviderSchema = z.object({
  intent: z.literal("remove"),
  providerId: id("Onbekende inlogmethode."),
});

/** Editing a provider: the secret may stay empty (then the current one is kept). */
export const updateSsoProviderSchema = ssoProviderSchema.extend({
  version,
  clientSecret: z.string().trim().max(500, "Gebruik hooguit 500 tekens.").optional(),
});

const organisationFields = {
  name: requiredText("de naam", 200),
  kind: z.enum(organisationKinds, { message: "Kies: gemeente of partnerorganisatie." }),
};
export const addOrganisationSchema = z.object({ intent: z.literal("add"), ...organisationFields });
export const editOrganisationSchema = z.object({
  intent: z.literal("edit"),
  id: id("Onbekende organisatie."),
  version,
  ...organisationFields,
});

export const wooPublisherSchema = z.object({
  intent: z.literal("publisher"),
  version,
  wooPublisher: requiredText("de publicerende organisatie", 200),
});

export const statementsSchema = z.object({
  intent: z.literal("statements"),
  version,
  accessibilityStatus: z.enum(accessibilityStatuses, { message: "Kies de status van de verklaring." }),
  accessibilityMarkdown: z.string().trim().max(50_000, "Gebruik hooguit 50.000 tekens.").default(""),
  privacyMarkdown: z.string().trim().max(50_000, "Gebruik hooguit 50.000 tekens.").default(""),
});

const recordKindSchema = z
  .object({
    categorie: requiredText("de categorie", 40),
    waardering: z.enum(["B", "V"], { message: "Kies B (blijvend) of V (vernietigen)." }),
    jaren: z.coerce
      .number({ message: "Geef de bewaartermijn in hele jaren." })
      .int("Geef de bewaartermijn in hele jaren.")
      .min(1, "Een bewaartermijn is minstens 1 jaar.")
      .max(200, "Een bewaartermijn is hooguit 200 jaar.")
      .optional(),
  })
  .refine((kind) => kind.waardering === "B" || kind.jaren, {
    message: "Geef bij V de bewaartermijn in jaren.",
    path: ["jaren"],
  });

export const selectielijstFormSchema = z.object({
  version,
  naam: requiredText("de naam van de selectielijst", 200),
  soorten: z.object({
    vergadering: recordKindSchema,
    agenda: recordKindSchema,
    besluitenlijst: recordKindSchema,
    advies: recordKindSchema,
    vergaderstuk: recordKindSchema,
  }),
});
