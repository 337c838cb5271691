import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  topicPurposes,
  deliveryStatuses,
  editionStatuses,
  sectionKinds,
  subscriberStatuses,
  budgetKinds,
  objectiveStatuses,
  objectiveTerms,
  planGoalStatuses,
  planStatuses,
  actionReviewResults,
  actionStatuses,
  agendaSections,
  attendanceStatuses,
  decisionListStatuses,
  decisionOutcomes,
  bodyKinds,
  meetingStatuses,
  membershipRoles,
  organisationKinds,
  userRoles,
  wooFootings,
  writtenRules,
  writtenStatuses,
  writtenOutcomes,
  writtenAnswers,
  accessibilityStatuses,
  secondSteps,
  signInMethods,
} from "../app/lib/vocabulary";

// Instants are integer milliseconds since the epoch (UTC). Calendar dates that carry no time
// (a membership's first and last day) are ISO text 'YYYY-MM-DD': see docs/decisions/004.
const now = sql`(unixepoch('subsec') * 1000)`;
const timestamps = {
  createdAt: integer("created_at").notNull().default(now),
  updatedAt: integer("updated_at").notNull().default(now),
};

export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: organisationKinds }).notNull(),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    email: text("email"),
    jobTitle: text("job_title"),
    organisationId: integer("organisation_id").references(() => organisations.id),
    // Receives the weekly digest of the organisation's open actions.
    isOrganisationContact: integer("is_organisation_contact", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("people_organisation_idx").on(table.organisationId)],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    // Stored lower-cased; the sign-in form lower-cases too.
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: userRoles }).notNull(),
    deactivatedAt: integer("deactivated_at"),
    // The last completed sign-in and how, for the yearly access review (BIO 5.18.03).
    lastSignInAt: integer("last_sign_in_at"),
    lastSignInMethod: text("last_sign_in_method", { enum: signInMethods }),
    // The start page marks papers new since the visit before this stretch of work (see start-page.server.ts).
    startPageVisitedAt: integer("start_page_visited_at"),
    startPageMarksSince: integer("start_page_marks_since"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("users_person_idx").on(table.personId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    // SHA-256 of the token in the cookie, hex: a stolen database cannot be replayed as cookies.
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull().default(now),
    // Null for a full session. Otherwise the password was right but a second step is still due:
    // "verificatie" (a code or passkey) or "inschrijving" (enrolling one, where one is required).
    // Such a session sees nothing that a visitor does not (app/auth/session.server.ts).
    secondStep: text("second_step", { enum: secondSteps }),
    // How this session was opened, for the person's list of sessions and the access review.
    method: text("method", { enum: signInMethods }).notNull().default("wachtwoord"),
    userAgent: text("user_agent"),
    clientAddress: text("client_address"),
    lastActiveAt: integer("last_active_at"),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/**
 * An authenticator app (TOTP, RFC 6238). The secret must be read to check a code, so it cannot be
 * hashed; `pendingSecret` is one being enrolled until its first code confirms it. `lastUsedStep` is the
 * 30-second step of the last accepted code: a code is accepted once.
 */
export const totpCredentials = sqliteTable("totp_credentials", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret"),
  confirmedAt: integer("confirmed_at"),
  lastUsedStep: integer("last_used_step"),
  pendingSecret: text("pending_secret"),
  pendingCreatedAt: integer("pending_created_at"),
});

/** Ten single-use codes for when the phone is gone; only their SHA-256 (with the user id) is kept. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull().unique(),
    usedAt: integer("used_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("recovery_codes_user_idx").on(table.userId)],
);

/** WebAuthn credentials (passkeys): a second step after the password, or a sign-in without one. */
export const passkeys = sqliteTable(
  "passkeys",
  {
    // The credential id, base64url, as the authenticator made it.
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    publicKey: text("public_key").notNull(),
    counter: integer("counter").notNull().default(0),
    transports: text("transports"),
    createdAt: integer("created_at").notNull().default(now),
    lastUsedAt: integer("last_used_at"),
  },
  (table) => [index("passkeys_user_idx").on(table.userId)],
);

/**
 * An organisation's own sign-in (OpenID Connect): people whose address is in one of `domains` sign
 * in there instead of with a Gremium password. The client secret must be sent to the provider, so it
 * is stored as given (like the database itself, it is for the server's eyes only).
 */
export const ssoProviders = sqliteTable("sso_providers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  organisationId: integer("organisation_id").references(() => organisations.id),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecret: text("client_secret").notNull(),
  // Lower-case e-mail domains, comma-separated: "enschede.nl,gemeente-enschede.nl".
  domains: text("domains").notNull(),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/**
 * A sign-in sent to an organisation's provider, until it comes back: the SHA-256 of its `state`, the
 * PKCE verifier and the nonce. Used once; a replayed answer finds it used.
 */
export const ssoRequests = sqliteTable("sso_requests", {
  stateHash: text("state_hash").primaryKey(),
  providerId: integer("provider_id")
    .notNull()
    .references(() => ssoProviders.id, { onDelete: "cascade" }),
  codeVerifier: text("code_verifier").notNull(),
  nonce: text("nonce").notNull(),
  redirectTo: text("redirect_to").notNull(),
  expiresAt: integer("expires_at").notNull(),
  usedAt: integer("used_at"),
});

/**
 * A WebAuthn challenge handed to a browser, until its answer comes back (single use, minutes long):
 * adding a passkey, or signing in with one (with `userId` for a second step, without for a sign-in
 * without password).
 */
export const webauthnChallenges = sqliteTable("webauthn_challenges", {
  challenge: text("challenge").primaryKey(),
  purpose: text("purpose", { enum: ["registratie", "aanmelden"] }).notNull(),
  userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
  expiresAt: integer("expires_at").notNull(),
});

/**
 * Devices a person signed in from, by the SHA-256 of a random id in a long-lived cookie: a sign-in
 * from a device not on the list sends a notice mail.
 */
export const knownDevices = sqliteTable(
  "known_devices",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deviceHash: text("device_hash").notNull(),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (table) => [uniqueIndex("known_devices_user_device_idx").on(table.userId, table.deviceHash)],
);

/**
 * Single-use links that let a person set their password: a reset asked for at /wachtwoord-vergeten
 * (valid an hour) or an invitation for a new account. Only the SHA-256 of the token is kept.
 */
export const passwordTokens = sqliteTable(
  "password_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["herstel", "uitnodiging"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("password_tokens_user_idx").on(table.userId)],
);

/**
 * Failed guesses (passwords, second-step codes) counted per key, e.g. an account with the client
 * address that guessed, or a client over all accounts; see app/auth/throttle.ts for the rules.
 */
export const attemptThrottles = sqliteTable("attempt_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: integer("last_failure_at").notNull(),
  blockedUntil: integer("blocked_until"),
});

export const bodies = sqliteTable(
  "bodies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    // Short code in decision references, e.g. SG in SG-2026-02-B1.
    code: text("code"),
    kind: text("kind", { enum: bodyKinds }).notNull(),
    parentId: integer("parent_id").references((): any => bodies.id),
    purposeMarkdown: text("purpose_markdown").notNull().default(""),
    purposeHtml: text("purpose_html").notNull().default(""),
    meetingFrequency: text("meeting_frequency"),
    activeFrom: text("active_from").notNull(),
    // Retirement date ("opgeheven per"); from that day on the body is in the archive.
    activeUntil: text("active_until"),
    sortOrder: integer("sort_order").notNull().default(0),
    // Under which article of the Woo its public records are published (docs/decisions/025).
    wooFooting: text("woo_footing", { enum: wooFootings }).notNull().default("artikel-3-1"),
    // How a written procedure of this body is decided (docs/decisions/030), and for a majority the
    // share of the members that must answer.
    writtenRule: text("written_rule", { enum: writtenRules }).notNull().default("tenzij-bezwaar"),
    writtenQuorumPercent: integer("written_quorum_percent").notNull().default(50),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("bodies_parent_idx").on(table.parentId)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    role: text("role", { enum: membershipRoles }).notNull(),
    startsOn: text("starts_on").notNull(),
    // Last day of the membership, inclusive; null while it lasts.
    endsOn: text("ends_on"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("memberships_body_idx").on(table.bodyId), index("memberships_person_idx").on(table.personId)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull().default(now),
    // Null for changes made by the system itself (the demo import).
    actorUserId: integer("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id"),
    summary: text("summary").notNull(),
    before: text("before"),
    after: text("after"),
  },
  (table) => [
    index("audit_log_actor_idx").on(table.actorUserId),
    index("audit_log_entity_idx").on(table.entityType, table.entityId),
    index("audit_log_at_idx").on(table.at),
  ],
);

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    // When a meeting is moved, the date it had before, shown as "verplaatst van".
    previousStartsAt: integer("previous_starts_at"),
    location: text("location").notNull(),
    chairName: text("chair_name"),
    secretaryName: text("secretary_name"),
    inviteesNote: text("invitees_note"),
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    registrationNumber: text("registration_number"),
    status: text("status", { enum: meetingStatuses }).notNull().default("concept"),
    publishedAt: integer("published_at"),
    // Set when a meeting already held was entered afterwards (history): published without mailing anyone.
    recordedAfterwardsAt: integer("recorded_afterwards_at"),
    cancelledAt: integer("cancelled_at"),
    cancellationReason: text("cancellation_reason"),
    // The vergaderschema this meeting was planned in, if any; the meeting stays independent of it.
    seriesId: integer("series_id").references(() => meetingSeries.id, { onDelete: "set null" }),
    // Meeting mode: the item now under discussion and since when (for the timer and the live view).
    currentItemId: integer("current_item_id").references((): any => agendaItems.id, { onDelete: "set null" }),
    currentItemSince: integer("current_item_since"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("meetings_body_idx").on(table.bodyId),
    index("meetings_starts_at_idx").on(table.startsAt),
    index("meetings_series_idx").on(table.seriesId),
  ],
);

/** A vergaderschema: meetings of one body planned together from a rule or a list of dates. */
export const meetingSeries = sqliteTable(
  "meeting_series",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    // How the dates were chosen, in words ("elk kwartaal, de 2e donderdag"), for the overview.
    summary: text("summary").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    location: text("location").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("meeting_series_body_idx").on(table.bodyId)],
);

export const meetingInvitees = sqliteTable(
  "meeting_invitees",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    // Recorded at or after the meeting; null until then.
    attendance: text("attendance", { enum: attendanceStatuses }),
    // "10:30" for later/eerder weg; the substitute's name for vervangen.
    attendanceNote: text("attendance_note"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    uniqueIndex("meeting_invitees_meeting_person_idx").on(table.meetingId, table.personId),
    index("meeting_invitees_person_idx").on(table.personId),
  ],
);

export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    section: text("section", { enum: agendaSections }).notNull(),
    // Order inside the section; numbers (1, A1, B2 …) are derived from it, never stored.
    position: integer("position").notNull(),
    subject: text("subject").notNull(),
    proposalMarkdown: text("proposal_markdown").notNull().default(""),
    proposalHtml: text("proposal_html").notNull().default(""),
    presenter: text("presenter"),
    plannedMinutes: integer("planned_minutes"),
    isConfidential: integer("is_confidential", { mode: "boolean" }).notNull().default(false),
    changedAfterPublishAt: integer("changed_after_publish_at"),
    // Set on the hamerstuk that adopts the besluitenlijst of an earlier meeting of the same body.
    adoptsMeetingId: integer("adopts_meeting_id").references((): any => meetings.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("agenda_items_meeting_idx").on(table.meetingId, table.section, table.position),
    index("agenda_items_adopts_idx").on(table.adoptsMeetingId),
  ],
);

/** People at a meeting who were not invited as members: guests, presenters, the public gallery's speakers. */
export const meetingGuests = sqliteTable(
  "meeting_guests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    organisation: text("organisation"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("meeting_guests_meeting_idx").on(table.meetingId)],
);

/** A document attached to an agenda item: an uploaded file or a note written in Markdown. */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agendaItemId: integer("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    kind: text("kind", { enum: ["file", "note"] }).notNull(),
    isConfidential: integer("is_confidential", { mode: "boolean" }).notNull().default(false),
    // An advice (an adviesnota, an expertgroep's advice): a Woo category of its own.
    isAdvice: integer("is_advice", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("documents_item_idx").on(table.agendaItemId)],
);

/** Every version of a document stays; the newest is the current one. */
export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    fileName: text("file_name"),
    contentType: text("content_type"),
    sizeBytes: integer("size_bytes"),
    // SHA-256 of the content, hex; files are stored under data/documents/ by this checksum.
    sha256: text("sha256"),
    noteMarkdown: text("note_markdown"),
    noteHtml: text("note_html"),
    // The text of an uploaded PDF or Word file, read once on upload, for search.
    extractedText: text("extracted_text"),
    // An accessible HTML version of that text, offered beside the download (headings kept for Word).
    textHtml: text("text_html"),
    // For an uploaded PDF: what a screen reader will miss (no tags, title, language or text layer), as
    // Dutch phrases; [] when nothing, null when not checked (other files, or uploaded before the check).
    accessibilityProblems: text("accessibility_problems", { mode: "json" }).$type<string[]>(),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    uniqueIndex("document_versions_document_number_idx").on(table.documentId, table.number),
    index("document_versions_creator_idx").on(table.createdByUserId),
  ],
);

/** A meeting's besluitenlijst: concept until a later meeting of the body adopts it. */
export const decisionLists = sqliteTable(
  "decision_lists",
  {
    meetingId: integer("meeting_id")
      .primaryKey()
      .references(() => meetings.id, { onDelete: "cascade" }),
    status: text("status", { enum: decisionListStatuses }).notNull().default("concept"),
    adoptedAt: integer("adopted_at"),
    adoptedByMeetingId: integer("adopted_by_meeting_id").references(() => meetings.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("decision_lists_adopted_by_idx").on(table.adoptedByMeetingId)],
);

export const decisions = sqliteTable(
  "decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // No cascade: an item that carries decisions is not deleted (app/models/adopted-records.server.ts).
    agendaItemId: integer("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id),
    // Stable and readable: body code, year, meeting number in that year, item number (SG-2026-02-B1).
    reference: text("reference").notNull().unique(),
    outcome: text("outcome", { enum: decisionOutcomes }).notNull(),
    textMarkdown: text("text_markdown").notNull().default(""),
    textHtml: text("text_html").notNull().default(""),
    discussionMarkdown: text("discussion_markdown").notNull().default(""),
    discussionHtml: text("discussion_html").notNull().default(""),
    // Besloten by itself; a decision on a besloten item is besloten anyway.
    isConfidential: integer("is_confidential", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("decisions_item_idx").on(table.agendaItemId)],
);

/** A changed decision text, decided by a later meeting when it adopted the list. */
export const decisionAmendments = sqliteTable(
  "decision_amendments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    decisionId: integer("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    previousTextMarkdown: text("previous_text_markdown").notNull(),
    newTextMarkdown: text("new_text_markdown").notNull(),
    amendedByMeetingId: integer("amended_by_meeting_id")
      .notNull()
      .references(() => meetings.id),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    index("decision_amendments_decision_idx").on(table.decisionId),
    index("decision_amendments_meeting_idx").on(table.amendedByMeetingId),
  ],
);

/**
 * A promise to be followed until done: a toezegging with a decision, or an action the secretariaat
 * set on an agenda item or for a body. Owner is a person; the organisation is who they act for.
 */
export const actions = sqliteTable(
  "actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    description: text("description").notNull(),
    ownerPersonId: integer("owner_person_id").references(() => people.id),
    organisationId: integer("organisation_id").references(() => organisations.id),
    // No cascade: a toezegging goes only when its concept decision is removed, explicitly.
    decisionId: integer("decision_id").references(() => decisions.id),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    dueOn: text("due_on"),
    status: text("status", { enum: actionStatuses }).notNull().default("open"),
    closedAt: integer("closed_at"),
    // The result when afgerond, the reason when vervallen.
    closingNote: text("closing_note"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    // Derived from the origin (decision, item, meeting, list) and kept by triggers (migration 0016), so
    // lists and counts test a column instead of joining four tables per action. Never written by the app.
    publicOrigin: integer("public_origin", { mode: "boolean" }).notNull().default(false),
    confidentialOrigin: integer("confidential_origin", { mode: "boolean" }).notNull().default(false),
    ...timestamps,
  },
  (table) => [
    index("actions_body_status_idx").on(table.bodyId, table.status, table.dueOn),
    index("actions_owner_idx").on(table.ownerPersonId, table.status),
    index("actions_organisation_idx").on(table.organisationId, table.status),
    index("actions_decision_idx").on(table.decisionId),
    index("actions_item_idx").on(table.agendaItemId),
    index("actions_meeting_idx").on(table.meetingId),
    index("actions_creator_idx").on(table.createdByUserId),
  ],
);

/** The log of an action: notes, status changes and new due dates, with who and when. */
export const actionUpdates = sqliteTable(
  "action_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    authorUserId: integer("author_user_id").references(() => users.id),
    // Kept as written, so the log still reads right after a person is renamed or the update was imported.
    authorName: text("author_name").notNull(),
    note: text("note").notNull().default(""),
    statusFrom: text("status_from", { enum: actionStatuses }),
    statusTo: text("status_to", { enum: actionStatuses }),
    dueOnFrom: text("due_on_from"),
    dueOnTo: text("due_on_to"),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    index("action_updates_action_idx").on(table.actionId, table.createdAt),
    index("action_updates_author_idx").on(table.authorUserId),
    index("action_updates_meeting_idx").on(table.meetingId),
  ],
);

/** The actielijst as a meeting discussed it: one row per action, frozen when the list was processed. */
export const actionReviews = sqliteTable(
  "action_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    ownerName: text("owner_name"),
    organisationName: text("organisation_name"),
    statusBefore: text("status_before", { enum: actionStatuses }).notNull(),
    dueOnBefore: text("due_on_before"),
    lastUpdateNote: text("last_update_note"),
    result: text("result", { enum: actionReviewResults }).notNull(),
    newDueOn: text("new_due_on"),
    note: text("note").notNull().default(""),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    uniqueIndex("action_reviews_meeting_action_idx").on(table.meetingId, table.actionId),
    index("action_reviews_action_idx").on(table.actionId),
  ],
);

/** One digest mail sent to one address on one day; the weekly limit and reruns read this. */
export const reminderDeliveries = sqliteTable(
  "reminder_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    sentOn: text("sent_on").notNull(),
    actionIds: text("action_ids", { mode: "json" }).$type<number[]>().notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("reminder_deliveries_email_idx").on(table.email, table.sentOn)],
);

/** A programme of the network: the versterkingsagenda, a meerjarenkoers. */
export const programmes = sqliteTable(
  "programmes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on"),
    ownerBodyId: integer("owner_body_id")
      .notNull()
      .references(() => bodies.id),
    descriptionMarkdown: text("description_markdown").notNull().default(""),
    descriptionHtml: text("description_html").notNull().default(""),
    // The programme's own word for its objectives, as its document writes it.
    objectiveTerm: text("objective_term", { enum: objectiveTerms }).notNull().default("opgaven"),
    // The programme this one continues; the old one stays readable.
    predecessorId: integer("predecessor_id").references((): any => programmes.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("programmes_owner_idx").on(table.ownerBodyId),
    index("programmes_predecessor_idx").on(table.predecessorId),
  ],
);

/** A numbered opgave or ambitie of a programme. */
export const objectives = sqliteTable(
  "objectives",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    // A sub-level as strategies number them: 7a, 7b under 7 ("" for 7 itself).
    suffix: text("suffix").notNull().default(""),
    title: text("title").notNull(),
    descriptionMarkdown: text("description_markdown").notNull().default(""),
    descriptionHtml: text("description_html").notNull().default(""),
    leadPersonId: integer("lead_person_id").references(() => people.id),
    // A note on the focus in words ("eerst de regio Almelo"); the focus years are the two columns below.
    focus: text("focus"),
    focusFromYear: integer("focus_from_year"),
    focusToYear: integer("focus_to_year"),
    // A cache of the latest status update. An objective without any update has no status at all, whatever
    // this column says: readers take it from the history (docs/decisions), never a default "op koers".
    status: text("status", { enum: objectiveStatuses }).notNull().default("op_koers"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("objectives_programme_number_suffix_idx").on(table.programmeId, table.number, table.suffix),
    index("objectives_lead_idx").on(table.leadPersonId),
  ],
);

/** The dated history of an objective's status, with the explanation given each time. */
export const objectiveStatusUpdates = sqliteTable(
  "objective_status_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => objectives.id, { onDelete: "cascade" }),
    status: text("status", { enum: objectiveStatuses }).notNull(),
    statusOn: text("status_on").notNull(),
    explanation: text("explanation").notNull(),
    authorName: text("author_name").notNull(),
    authorUserId: integer("author_user_id").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    index("objective_status_updates_objective_idx").on(table.objectiveId, table.statusOn),
    index("objective_status_updates_author_idx").on(table.authorUserId),
  ],
);

/** A body's plan for one year: chapters, goals, a budget; adopted by the stuurgroep. */
export const annualPlans = sqliteTable(
  "annual_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: planStatuses }).notNull().default("concept"),
    // The stuurgroep item that puts the plan ter instemming, and the decision that adopted it.
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    decisionId: integer("decision_id").references(() => decisions.id, { onDelete: "set null" }),
    adoptedAt: integer("adopted_at"),
    closedAt: integer("closed_at"),
    reportMarkdown: text("report_markdown").notNull().default(""),
    reportHtml: text("report_html").notNull().default(""),
    reportPublishedAt: integer("report_published_at"),
    copiedFromId: integer("copied_from_id").references((): any => annualPlans.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("annual_plans_body_year_idx").on(table.bodyId, table.year),
    index("annual_plans_item_idx").on(table.agendaItemId),
    index("annual_plans_decision_idx").on(table.decisionId),
    index("annual_plans_copied_idx").on(table.copiedFromId),
  ],
);

export const planChapters = sqliteTable(
  "plan_chapters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => annualPlans.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    bodyMarkdown: text("body_markdown").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("plan_chapters_plan_idx").on(table.planId, table.position)],
);

/** A goal or activity of a plan: what, who, which quarter, how far. */
export const planGoals = sqliteTable(
  "plan_goals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => annualPlans.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    ownerName: text("owner_name"),
    quarter: integer("quarter"),
    status: text("status", { enum: planGoalStatuses }).notNull().default("gepland"),
    progressNote: text("progress_note").notNull().default(""),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("plan_goals_plan_idx").on(table.planId, table.position)],
);

/** Income and expense lines of a plan, in whole euro cents. */
export const planBudgetLines = sqliteTable(
  "plan_budget_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => annualPlans.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: budgetKinds }).notNull(),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    amountCents: integer("amount_cents").notNull(),
    ...timestamps,
  },
  (table) => [index("plan_budget_lines_plan_idx").on(table.planId, table.kind, table.position)],
);

/**
 * What serves which goal: an agenda item, decision, action or plan goal, linked to an objective or
 * to a plan goal. Exactly one goal column and one target column are set (the model enforces it).
 */
export const goalLinks = sqliteTable(
  "goal_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    objectiveId: integer("objective_id").references(() => objectives.id, { onDelete: "cascade" }),
    planGoalId: integer("plan_goal_id").references(() => planGoals.id, { onDelete: "cascade" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "cascade" }),
    decisionId: integer("decision_id").references(() => decisions.id, { onDelete: "cascade" }),
    actionId: integer("action_id").references(() => actions.id, { onDelete: "cascade" }),
    targetPlanGoalId: integer("target_plan_goal_id").references(() => planGoals.id, { onDelete: "cascade" }),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    index("goal_links_objective_idx").on(table.objectiveId),
    index("goal_links_plan_goal_idx").on(table.planGoalId),
    index("goal_links_item_idx").on(table.agendaItemId),
    index("goal_links_decision_idx").on(table.decisionId),
    index("goal_links_action_idx").on(table.actionId),
    index("goal_links_target_goal_idx").on(table.targetPlanGoalId),
    index("goal_links_creator_idx").on(table.createdByUserId),
  ],
);

/** One edition of the nieuwsbrief: a concept until published, then public and sent. */
export const newsletterEditions = sqliteTable(
  "newsletter_editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    // The period it covers, as a reader would say it: "februari – april 2026".
    period: text("period").notNull().default(""),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    status: text("status", { enum: editionStatuses }).notNull().default("concept"),
    publishedAt: integer("published_at"),
    publishedByUserId: integer("published_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("newsletter_editions_meeting_idx").on(table.meetingId),
    index("newsletter_editions_publisher_idx").on(table.publishedByUserId),
  ],
);

export const newsletterSections = sqliteTable(
  "newsletter_sections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => newsletterEditions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: sectionKinds }).notNull(),
    title: text("title").notNull(),
    bodyMarkdown: text("body_markdown").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    // A themagroep block belongs to its body; its kartrekker can be asked to write it.
    bodyId: integer("body_id").references(() => bodies.id),
    contributorPersonId: integer("contributor_person_id").references(() => people.id),
    contributionTokenHash: text("contribution_token_hash"),
    readyAt: integer("ready_at"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("newsletter_sections_edition_idx").on(table.editionId, table.position),
    index("newsletter_sections_body_idx").on(table.bodyId),
    index("newsletter_sections_contributor_idx").on(table.contributorPersonId),
    uniqueIndex("newsletter_sections_token_idx").on(table.contributionTokenHash),
  ],
);

/**
 * A subscriber. Confirmed by double opt-in; after unsubscribing only the hash of the address stays,
 * so the opt-out is honoured without keeping the address.
 */
export const subscribers = sqliteTable(
  "subscribers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email"),
    emailHash: text("email_hash").notNull().unique(),
    name: text("name"),
    organisation: text("organisation"),
    status: text("status", { enum: subscriberStatuses }).notNull().default("wacht"),
    confirmTokenHash: text("confirm_token_hash").unique(),
    // The one-click unsubscribe link carries this; it grants nothing but unsubscribing.
    unsubscribeToken: text("unsubscribe_token").unique(),
    confirmedAt: integer("confirmed_at"),
    unsubscribedAt: integer("unsubscribed_at"),
    ...timestamps,
  },
  (table) => [index("subscribers_status_idx").on(table.status)],
);

/** One edition to one subscriber: queued, being sent, sent or failed. Never two for the same pair. */
export const newsletterDeliveries = sqliteTable(
  "newsletter_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => newsletterEditions.id, { onDelete: "cascade" }),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    status: text("status", { enum: deliveryStatuses }).notNull().default("wachtrij"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    claimedAt: integer("claimed_at"),
    sentAt: integer("sent_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    uniqueIndex("newsletter_deliveries_pair_idx").on(table.editionId, table.subscriberId),
    index("newsletter_deliveries_status_idx").on(table.status, table.editionId),
    index("newsletter_deliveries_subscriber_idx").on(table.subscriberId),
  ],
);

/** An image uploaded for an edition, stored by SHA-256 beside the documents; alt text is required. */
export const newsletterImages = sqliteTable(
  "newsletter_images",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => newsletterEditions.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    contentType: text("content_type").notNull(),
    altText: text("alt_text").notNull(),
    size: integer("size").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("newsletter_images_edition_idx").on(table.editionId)],
);

/**
 * A topic on a body's bestuursagenda: what should come to which meeting (or quarter), why, from where,
 * and once on an agenda, the item it became.
 */
export const plannedTopics = sqliteTable(
  "planned_topics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    subject: text("subject").notNull(),
    purpose: text("purpose", { enum: topicPurposes }).notNull(),
    ownerName: text("owner_name"),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    // "2027-K1" when the meeting is not known yet.
    quarter: text("quarter"),
    isConfidential: integer("is_confidential", { mode: "boolean" }).notNull().default(false),
    originPlanGoalId: integer("origin_plan_goal_id").references(() => planGoals.id, { onDelete: "set null" }),
    originActionId: integer("origin_action_id").references(() => actions.id, { onDelete: "set null" }),
    originHandoffId: integer("origin_handoff_id").references(() => handoffs.id, { onDelete: "set null" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("planned_topics_body_idx").on(table.bodyId),
    index("planned_topics_meeting_idx").on(table.meetingId),
    index("planned_topics_goal_idx").on(table.originPlanGoalId),
    index("planned_topics_action_idx").on(table.originActionId),
    index("planned_topics_handoff_idx").on(table.originHandoffId),
    index("planned_topics_item_idx").on(table.agendaItemId),
  ],
);

/** Throttle for the public subscription forms, per client address and hour. */
export const subscriptionThrottles = sqliteTable("subscription_throttles", {
  key: text("key").primaryKey(),
  count: integer("count").notNull().default(0),
  windowStartedAt: integer("window_started_at").notNull(),
});

/**
 * A meeting pack waiting to be built, or being built, by the one process that does background work;
 * the request that asked for it reads the progress here. The row goes once the file is stored.
 */
export const packBuilds = sqliteTable("pack_builds", {
  /** The hash of exactly what goes in, which also names the file. */
  fingerprint: text("fingerprint").primaryKey(),
  meetingId: integer("meeting_id")
    .notNull()
    .references(() => meetings.id, { onDelete: "cascade" }),
  /** What goes in, as the reader who asked may see it. */
  inputJson: text("input_json").notNull(),
  status: text("status", { enum: ["wachtrij", "bezig", "mislukt"] })
    .notNull()
    .default("wachtrij"),
  done: integer("done").notNull().default(0),
  total: integer("total").notNull().default(1),
  requestedAt: integer("requested_at").notNull(),
});

/** An agenda item sent up to another body ("doorzetten"): proposed, then accepted onto its agenda. */
export const handoffs = sqliteTable(
  "handoffs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fromAgendaItemId: integer("from_agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    toBodyId: integer("to_body_id")
      .notNull()
      .references(() => bodies.id),
    status: text("status", { enum: ["voorgesteld", "geaccepteerd"] })
      .notNull()
      .default("voorgesteld"),
    toAgendaItemId: integer("to_agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    acceptedAt: integer("accepted_at"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [
    index("handoffs_from_item_idx").on(table.fromAgendaItemId),
    index("handoffs_to_body_idx").on(table.toBodyId),
    index("handoffs_to_item_idx").on(table.toAgendaItemId),
    index("handoffs_creator_idx").on(table.createdByUserId),
  ],
);

/** A body's standing items: every new meeting of the body starts from these. */
export const agendaTemplateItems = sqliteTable(
  "agenda_template_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    section: text("section", { enum: agendaSections }).notNull(),
    position: integer("position").notNull(),
    subject: text("subject").notNull(),
    proposalMarkdown: text("proposal_markdown").notNull().default(""),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("agenda_template_items_body_idx").on(table.bodyId, table.section, table.position)],
);

/** A user's personal calendar feed; only the SHA-256 of the secret in its URL is stored. */
export const calendarFeeds = sqliteTable("calendar_feeds", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  userId: integer("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: integer("created_at").notNull().default(now),
});

export const organisationsRelations = relations(organisations, ({ many }) => ({
  people: many(people),
}));

export const peopleRelations = relations(people, ({ one, many }) => ({
  organisation: one(organisations, {
    fields: [people.organisationId],
    references: [organisations.id],
  }),
  memberships: many(memberships),
}));

export const bodiesRelations = relations(bodies, ({ one, many }) => ({
  parent: one(bodies, { fields: [bodies.parentId], references: [bodies.id] }),
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  body: one(bodies, { fields: [memberships.bodyId], references: [bodies.id] }),
  person: one(people, { fields: [memberships.personId], references: [people.id] }),
}));

/**
 * Settings of the site as a whole, kept by the beheerder: one row (id 1). The publisher is the public
 * body under whose name the Woo publications appear, an organisation on the TOOI lists; the
 * toegankelijkheidsverklaring and privacyverklaring are the site's own statements.
 */
export const siteSettings = sqliteTable("site_settings", {
  id: integer("id").primaryKey(),
  wooPublisherName: text("woo_publisher_name"),
  wooPublisherUri: text("woo_publisher_uri"),
  // The statements the law asks for, as the beheerder wrote them; null shows Gremium's own text.
  accessibilityStatus: text("accessibility_status", { enum: accessibilityStatuses }).notNull().default("B"),
  accessibilityMarkdown: text("accessibility_markdown"),
  accessibilityHtml: text("accessibility_html"),
  privacyMarkdown: text("privacy_markdown"),
  privacyHtml: text("privacy_html"),
  // The selectielijst of the archive package as the beheerder set it (JSON); null: content/selectielijst.yaml.
  selectielijst: text("selectielijst", { mode: "json" }),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/**
 * A schriftelijke ronde: a proposal put to a body's members between meetings, answered by each of
 * them before a deadline, decided by the body's rule; the next besluitenlijst lists it for adoption.
 */
export const writtenProcedures = sqliteTable(
  "written_procedures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    // Body code, year and S with its number in that year: SG-2026-S1.
    reference: text("reference").notNull().unique(),
    title: text("title").notNull(),
    proposalMarkdown: text("proposal_markdown").notNull(),
    proposalHtml: text("proposal_html").notNull(),
    isConfidential: integer("is_confidential", { mode: "boolean" }).notNull().default(false),
    deadlineAt: integer("deadline_at").notNull(),
    // The body's rule when it was sent: a later change of the rule does not change a running round.
    rule: text("rule", { enum: writtenRules }).notNull(),
    quorumPercent: integer("quorum_percent").notNull(),
    status: text("status", { enum: writtenStatuses }).notNull().default("open"),
    outcome: text("outcome", { enum: writtenOutcomes }),
    sentAt: integer("sent_at").notNull(),
    remindedAt: integer("reminded_at"),
    closedAt: integer("closed_at"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("written_procedures_body_idx").on(table.bodyId, table.closedAt)],
);

/** One member's answer in a written procedure; the row exists from sending on, with their mail link. */
export const writtenProcedureAnswers = sqliteTable(
  "written_procedure_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    procedureId: integer("procedure_id")
      .notNull()
      .references(() => writtenProcedures.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    answer: text("answer", { enum: writtenAnswers }),
    remark: text("remark").notNull().default(""),
    answeredAt: integer("answered_at"),
    // SHA-256 of the personal link in the mail; used once, then cleared.
    tokenHash: text("token_hash").unique(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("written_procedure_answers_person_idx").on(table.procedureId, table.personId),
    index("written_procedure_answers_person_only_idx").on(table.personId),
  ],
);

/**
 * A reader's own note on an agenda item or one of its papers: private to its author unless shared
 * with the members of the item's body. Never public, never in anyone else's pack.
 */
export const personalNotes = sqliteTable(
  "personal_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    authorUserId: integer("author_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    agendaItemId: integer("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    // Set for a note on a paper (which hangs on the item above).
    documentId: integer("document_id").references(() => documents.id, { onDelete: "cascade" }),
    textMarkdown: text("text_markdown").notNull(),
    textHtml: text("text_html").notNull(),
    isShared: integer("is_shared", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("personal_notes_author_idx").on(table.authorUserId),
    index("personal_notes_item_idx").on(table.agendaItemId),
    index("personal_notes_document_idx").on(table.documentId),
  ],
);

/** A paper sent with a written procedure: a file stored beside the documents, by its checksum. */
export const writtenProcedurePapers = sqliteTable(
  "written_procedure_papers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    procedureId: integer("procedure_id")
      .notNull()
      .references(() => writtenProcedures.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [index("written_procedure_papers_procedure_idx").on(table.procedureId)],
);
