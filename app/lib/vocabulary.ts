// Status and kind values with their Dutch labels. Imports nothing from Drizzle, so both the
// schema and the UI can use them.

export const userRoles = ["beheerder", "secretariaat", "kwartiermaker", "lid"] as const;
export type UserRole = (typeof userRoles)[number];
export const userRoleLabels: Record<UserRole, string> = {
  beheerder: "Beheerder",
  secretariaat: "Secretariaat",
  kwartiermaker: "Kwartiermaker",
  lid: "Lid",
};

/** A session whose password was right but whose second step is still due. */
export const secondSteps = ["verificatie", "inschrijving"] as const;
export type SecondStep = (typeof secondSteps)[number];

/** How a session was opened. */
export const signInMethods = [
  "wachtwoord",
  "wachtwoord+app",
  "wachtwoord+herstelcode",
  "wachtwoord+passkey",
  "passkey",
  "sso",
  "sso-mfa",
  "sso+app",
  "sso+herstelcode",
  "sso+passkey",
] as const;
export type SignInMethod = (typeof signInMethods)[number];
export const signInMethodLabels: Record<SignInMethod, string> = {
  wachtwoord: "Wachtwoord",
  "wachtwoord+app": "Wachtwoord en authenticator-app",
  "wachtwoord+herstelcode": "Wachtwoord en herstelcode",
  "wachtwoord+passkey": "Wachtwoord en passkey",
  passkey: "Passkey",
  sso: "Organisatie-account (SSO)",
  "sso-mfa": "Organisatie-account met tweestapsverificatie",
  "sso+app": "Organisatie-account en authenticator-app",
  "sso+herstelcode": "Organisatie-account en herstelcode",
  "sso+passkey": "Organisatie-account en passkey",
};

/** Whether a sign-in method counts as two factors (BIO 5.17.01). */
export function isMultiFactor(method: SignInMethod): boolean {
  return method !== "wachtwoord" && method !== "sso";
}

export const bodyKinds = ["stuurgroep", "expertgroep", "themagroep", "bestuur", "overleg"] as const;
export type BodyKind = (typeof bodyKinds)[number];
export const bodyKindLabels: Record<BodyKind, string> = {
  stuurgroep: "Stuurgroep",
  expertgroep: "Expertgroep",
  themagroep: "Themagroep",
  bestuur: "Bestuur",
  overleg: "Overleg",
};

/**
 * A body's footing under the Wet open overheid: the algemeen bestuur of a public body (article 3.3:
 * its vergaderstukken), its dagelijks bestuur (article 3.3: agendas and besluitenlijsten), or a body
 * whose publications fall under the general duty of article 3.1 (a stuurgroep of a network, say).
 */
export const wooFootings = ["algemeen-bestuur", "dagelijks-bestuur", "artikel-3-1"] as const;
export type WooFooting = (typeof wooFootings)[number];
export const wooFootingLabels: Record<WooFooting, string> = {
  "algemeen-bestuur": "Algemeen bestuur van een openbaar lichaam (Woo art. 3.3: vergaderstukken)",
  "dagelijks-bestuur": "Dagelijks bestuur van een openbaar lichaam (Woo art. 3.3: agenda's en besluitenlijsten)",
  "artikel-3-1": "Overig: actieve openbaarmaking naar Woo art. 3.1",
};

/** The compliance status of a toegankelijkheidsverklaring in the Dutch model (digitoegankelijk.nl). */
export const accessibilityStatuses = ["A", "B", "C", "D"] as const;
export type AccessibilityStatus = (typeof accessibilityStatuses)[number];
export const accessibilityStatusLabels: Record<AccessibilityStatus, string> = {
  A: "A: voldoet volledig",
  B: "B: voldoet gedeeltelijk",
  C: "C: eerste maatregelen genomen",
  D: "D: eerste maatregelen nog niet genomen",
};

export const membershipRoles = ["voorzitter", "secretaris", "kartrekker", "lid", "adviseur", "agendalid"] as const;
export type MembershipRole = (typeof membershipRoles)[number];
export const membershipRoleLabels: Record<MembershipRole, string> = {
  voorzitter: "Voorzitter",
  secretaris: "Secretaris",
  kartrekker: "Kartrekker",
  lid: "Lid",
  adviseur: "Adviseur",
  agendalid: "Agendalid",
};

export const organisationKinds = ["gemeente", "partner"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const organisationKindLabels: Record<OrganisationKind, string> = {
  gemeente: "Gemeente",
  partner: "Partnerorganisatie",
};

export const meetingStatuses = ["concept", "gepubliceerd", "vergaderd", "geannuleerd"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  concept: "Concept",
  gepubliceerd: "Gepubliceerd",
  vergaderd: "Vergaderd",
  geannuleerd: "Geannuleerd",
};

/** Where an agenda item sits: the numbered opening block, or one of the lettered sections. */
export const agendaSections = ["opening", "A", "B", "C", "D"] as const;
export type AgendaSection = (typeof agendaSections)[number];
export const agendaSectionLabels: Record<AgendaSection, string> = {
  opening: "Opening",
  A: "A Hamerstukken",
  B: "B Bespreekstukken",
  C: "C Stukken ter informatie en ingekomen stukken",
  D: "D Rondvraag en sluiting",
};

export const attendanceStatuses = ["aanwezig", "afwezig", "later", "eerder-weg", "vervangen"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  aanwezig: "Aanwezig",
  afwezig: "Afwezig (afgemeld)",
  later: "Later aanwezig",
  "eerder-weg": "Eerder weg",
  vervangen: "Vervangen door",
};

export const decisionOutcomes = [
  "conform",
  "gewijzigd",
  "aangehouden",
  "verworpen",
  "kennisgenomen",
  "ingestemd",
  "anders",
] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];
export const decisionOutcomeLabels: Record<DecisionOutcome, string> = {
  conform: "Conform voorstel",
  gewijzigd: "Gewijzigd vastgesteld",
  aangehouden: "Aangehouden",
  verworpen: "Verworpen",
  kennisgenomen: "Kennisgenomen",
  ingestemd: "Ingestemd",
  anders: "Anders",
};

export const decisionListStatuses = ["concept", "vastgesteld"] as const;
export type DecisionListStatus = (typeof decisionListStatuses)[number];

/** An action runs open → in uitvoering → afgerond, or is dropped (vervallen); both ends can be reopened. */
export const actionStatuses = ["open", "in_uitvoering", "afgerond", "vervallen"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusLabels: Record<ActionStatus, string> = {
  open: "Open",
  in_uitvoering: "In uitvoering",
  afgerond: "Afgerond",
  vervallen: "Vervallen",
};
export const runningActionStatuses = ["open", "in_uitvoering"] as const satisfies readonly ActionStatus[];
export function isRunning(status: ActionStatus) {
  return status === "open" || status === "in_uitvoering";
}

/** What a meeting did with an action on its actielijst. */
export const actionReviewResults = ["loopt_door", "afgedaan", "vervallen"] as const;
export type ActionReviewResult = (typeof actionReviewResults)[number];
export const actionReviewResultLabels: Record<ActionReviewResult, string> = {
  loopt_door: "Loopt door",
  afgedaan: "Afgedaan",
  vervallen: "Vervallen",
};

/** Where an objective (opgave, ambitie) stands; a dated explanation goes with every change. */
export const objectiveStatuses = ["op_koers", "aandacht_nodig", "achter", "afgerond"] as const;
export type ObjectiveStatus = (typeof objectiveStatuses)[number];
export const objectiveStatusLabels: Record<ObjectiveStatus, string> = {
  op_koers: "Op koers",
  aandacht_nodig: "Aandacht nodig",
  achter: "Achter",
  afgerond: "Afgerond",
};

/** What a programme calls its objectives, as its own document does: plural and singular. */
export const objectiveTerms = ["opgaven", "ambities", "doelen"] as const;
export type ObjectiveTerm = (typeof objectiveTerms)[number];
export const objectiveTermWords: Record<ObjectiveTerm, { plural: string; singular: string }> = {
  opgaven: { plural: "opgaven", singular: "opgave" },
  ambities: { plural: "ambities", singular: "ambitie" },
  doelen: { plural: "doelen", singular: "doel" },
};

/** An annual plan: written (concept), put to the stuurgroep, adopted, and closed with a jaarverslag. */
export const planStatuses = ["concept", "ter_instemming", "vastgesteld", "afgesloten"] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const planStatusLabels: Record<PlanStatus, string> = {
  concept: "Concept",
  ter_instemming: "Ter instemming",
  vastgesteld: "Vastgesteld",
  afgesloten: "Afgesloten",
};

export const planGoalStatuses = ["gepland", "loopt", "afgerond", "uitgesteld"] as const;
export type PlanGoalStatus = (typeof planGoalStatuses)[number];
export const planGoalStatusLabels: Record<PlanGoalStatus, string> = {
  gepland: "Gepland",
  loopt: "Loopt",
  afgerond: "Afgerond",
  uitgesteld: "Uitgesteld",
};

export const budgetKinds = ["baten", "lasten"] as const;
export type BudgetKind = (typeof budgetKinds)[number];
export const budgetKindLabels: Record<BudgetKind, string> = { baten: "Baten", lasten: "Lasten" };

export const editionStatuses = ["concept", "gepubliceerd"] as const;
export type EditionStatus = (typeof editionStatuses)[number];

/** The blocks of a nieuwsbrief, in the order of the seed newsletters. */
export const sectionKinds = [
  "kwartiermaker",
  "stuurgroep",
  "themagroep",
  "versterkingsagenda",
  "nieuws",
  "kort",
  "agenda",
  "contact",
] as const;
export type SectionKind = (typeof sectionKinds)[number];
export const sectionKindLabels: Record<SectionKind, string> = {
  kwartiermaker: "Van de kwartiermaker",
  stuurgroep: "Vanuit de stuurgroep",
  themagroep: "Themagroep",
  versterkingsagenda: "Versterkingsagenda",
  nieuws: "Nieuws",
  kort: "Korte berichten",
  agenda: "Agenda",
  contact: "Contact",
};

export const subscriberStatuses = ["wacht", "bevestigd", "afgemeld"] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];
export const subscriberStatusLabels: Record<SubscriberStatus, string> = {
  wacht: "Wacht op bevestiging",
  bevestigd: "Bevestigd",
  afgemeld: "Afgemeld",
};

export const deliveryStatuses = ["wachtrij", "verzenden", "verzonden", "mislukt"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Why a topic comes to a meeting, as the bestuursagenda says it. */
export const topicPurposes = ["besluitvorming", "bespreking", "informatie"] as const;
export type TopicPurpose = (typeof topicPurposes)[number];
export const topicPurposeLabels: Record<TopicPurpose, string> = {
  besluitvorming: "Ter besluitvorming",
  bespreking: "Ter bespreking",
  informatie: "Ter informatie",
};

/** How a body decides in writing between meetings (a schriftelijke ronde). */
export const writtenRules = ["tenzij-bezwaar", "meerderheid"] as const;
export type WrittenRule = (typeof writtenRules)[number];
export const writtenRuleLabels: Record<WrittenRule, string> = {
  "tenzij-bezwaar": "Aangenomen tenzij een lid bezwaar maakt",
  meerderheid: "Meerderheid van de uitgebrachte stemmen, bij voldoende deelname (quorum)",
};

export const writtenStatuses = ["open", "gesloten", "ingetrokken"] as const;
export type WrittenStatus = (typeof writtenStatuses)[number];
export const writtenStatusLabels: Record<WrittenStatus, string> = {
  open: "Loopt",
  gesloten: "Gesloten",
  ingetrokken: "Ingetrokken",
};
export const writtenStatusTones = { open: "warning", gesloten: "safe", ingetrokken: "neutral" } as const;

export const writtenOutcomes = ["aangenomen", "verworpen", "geen-quorum"] as const;
export type WrittenOutcome = (typeof writtenOutcomes)[number];
export const writtenOutcomeLabels: Record<WrittenOutcome, string> = {
  aangenomen: "Aangenomen",
  verworpen: "Verworpen",
  "geen-quorum": "Geen besluit: te weinig leden hebben geantwoord",
};

export const writtenAnswers = ["instemmen", "niet-instemmen", "onthouden"] as const;
export type WrittenAnswer = (typeof writtenAnswers)[number];
export const writtenAnswerLabels: Record<WrittenAnswer, string> = {
  instemmen: "Instemmen",
  "niet-instemmen": "Niet instemmen",
  onthouden: "Onthouden",
};
