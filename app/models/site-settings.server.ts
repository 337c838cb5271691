import { eq } from "drizzle-orm";
import { siteSettings } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { contactEmail } from "~/lib/env.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { defaultAccessibilityMarkdown, defaultPrivacyMarkdown } from "~/lib/statements";
import type { AccessibilityStatus } from "~/lib/vocabulary";
import { loadSelectielijst, selectielijstSchema, type Selectielijst } from "~/lib/archive/selectielijst.server";
import { findTooiOrganisation } from "~/lib/woo/tooi.server";
import { change, withCapability } from "./access/change.server";
import { RuleError } from "./errors";

// The settings of the site as a whole, in one row (made by migration 0029).

const ROW = 1;

export type WooPublisher = { name: string; uri: string };

/** The public body the Woo publications appear under; null while the beheerder has not chosen it. */
export function getWooPublisher(): WooPublisher | null {
  const row = settingsRow();
  return row.wooPublisherUri && row.wooPublisherName ? { name: row.wooPublisherName, uri: row.wooPublisherUri } : null;
}

const settingsRow = () => getDb().select().from(siteSettings).where(eq(siteSettings.id, ROW)).get()!;

export function getSiteSettingsForEdit({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "manage-bodies");
  const row = settingsRow();
  const contact = contactEmail();
  return {
    wooPublisher: row.wooPublisherName ?? "",
    accessibilityStatus: row.accessibilityStatus,
    // The text as it stands on the page, Gremium's own until the beheerder wrote the site's.
    accessibilityMarkdown: row.accessibilityMarkdown ?? defaultAccessibilityMarkdown(contact),
    privacyMarkdown: row.privacyMarkdown ?? defaultPrivacyMarkdown(contact),
    version: row.version,
  };
}

export type StatementKind = "toegankelijkheid" | "privacy";

/**
 * A statement as the public reads it: the toegankelijkheidsverklaring with its status, or the
 * privacyverklaring; the date is that of the last change (the site's own text), or null for Gremium's.
 */
export function getStatement({ viewer: _viewer, kind }: { viewer: Viewer; kind: StatementKind }) {
  const row = settingsRow();
  const contact = contactEmail();
  const own = kind === "toegankelijkheid" ? row.accessibilityHtml : row.privacyHtml;
  const html =
    own ??
    renderMarkdown(
      kind === "toegankelijkheid" ? defaultAccessibilityMarkdown(contact) : defaultPrivacyMarkdown(contact),
    );
  return { html, accessibilityStatus: row.accessibilityStatus, changedAt: own ? row.updatedAt : null };
}

/**
 * Saves both statements as the beheerder wrote them (rendered once, here); an emptied text goes back to
 * Gremium's own.
 */
export function setStatements({
  viewer,
  expectedVersion,
  input,
  now,
}: {
  viewer: Viewer;
  expectedVersion: number;
  input: { accessibilityStatus: AccessibilityStatus; accessibilityMarkdown: string; privacyMarkdown: string };
  now?: number;
}) {
  const own = (markdown: string) => (markdown.trim() ? markdown.trim() : null);
  const accessibility = own(input.accessibilityMarkdown);
  const privacy = own(input.privacyMarkdown);
  return changeSettings({
    viewer,
    now,
    expectedVersion,
    capability: "manage-bodies",
    values: {
      accessibilityStatus: input.accessibilityStatus,
      accessibilityMarkdown: accessibility,
      accessibilityHtml: accessibility && renderMarkdown(accessibility),
      privacyMarkdown: privacy,
      privacyHtml: privacy && renderMarkdown(privacy),
    },
    audit: (row) => ({
      action: "settings.statements",
      summary: "Toegankelijkheidsverklaring en privacyverklaring opgeslagen",
      before: {
        accessibilityStatus: row.accessibilityStatus,
        accessibilityMarkdown: row.accessibilityMarkdown,
        privacyMarkdown: row.privacyMarkdown,
      },
      after: {
        accessibilityStatus: input.accessibilityStatus,
        accessibilityMarkdown: accessibility,
        privacyMarkdown: privacy,
      },
    }),
  });
}

/**
 * Sets the publisher by its name on the TOOI lists ("gemeente Enschede") or its TOOI URI: the Woo-index
 * accepts only organisations on those lists.
 */
export function setWooPublisher({
  viewer,
  publisher,
  expectedVersion,
  now,
}: {
  viewer: Viewer;
  publisher: string;
  expectedVersion: number;
  now?: number;
}) {
  const found = findTooiOrganisation(publisher);
  if (!found)
    throw new RuleError({
      wooPublisher: [
        "Deze organisatie staat niet in de TOOI-lijsten van overheidsorganisaties. Schrijf de naam zoals het Register van Overheidsorganisaties hem schrijft, bijvoorbeeld ‘gemeente Enschede’ of ‘Veiligheidsregio Twente’.",
      ],
    });
  return changeSettings({
    viewer,
    now,
    expectedVersion,
    capability: "manage-bodies",
    values: { wooPublisherName: found.label, wooPublisherUri: found.uri },
    audit: (row) => ({
      action: "settings.woo-publisher",
      summary: `Publicerende organisatie voor de Woo ingesteld: ${found.label}`,
      before: { name: row.wooPublisherName, uri: row.wooPublisherUri },
      after: { name: found.label, uri: found.uri },
    }),
  });
}

/**
 * The selectielijst the archive package takes waardering and bewaartermijn from: the beheerder's, or
 * the defaults in content/selectielijst.yaml.
 */
export function getSelectielijst({ viewer }: { viewer: Viewer }): Selectielijst {
  requireCapability(viewer, "export-archive");
  const stored = settingsRow().selectielijst;
  const parsed = stored ? selectielijstSchema.safeParse(stored) : null;
  return parsed?.success ? parsed.data : loadSelectielijst();
}

export function setSelectielijst({
  viewer,
  expectedVersion,
  selectielijst,
  now,
}: {
  viewer: Viewer;
  expectedVersion: number;
  selectielijst: Selectielijst;
  now?: number;
}) {
  return changeSettings({
    viewer,
    now,
    expectedVersion,
    capability: "export-archive",
    values: { selectielijst },
    audit: (row) => ({
      action: "settings.selectielijst",
      summary: `Selectielijst voor het archief opgeslagen: ${selectielijst.naam}`,
      before: row.selectielijst,
      after: selectielijst,
    }),
  });
}

type SettingsRow = typeof siteSettings.$inferSelect;

/** One change of the settings row: checked against the version the form saw, written, and logged. */
function changeSettings({
  viewer,
  now,
  expectedVersion,
  capability,
  values,
  audit,
}: {
  viewer: Viewer;
  now?: number;
  expectedVersion: number;
  capability: "manage-bodies" | "export-archive";
  values: Partial<SettingsRow>;
  audit: (row: SettingsRow) => { action: string; summary: string; before: unknown; after: unknown };
}) {
  return change({
    viewer,
    now,
    load: settingsRow,
    missing: "De instellingen bestaan niet (meer).",
    allow: withCapability(capability),
    expectedVersion,
    write: (tx) => tx.update(siteSettings).set(values).where(eq(siteSettings.id, ROW)).run(),
    touch: { table: siteSettings, id: () => ROW },
    audit: (row) => ({ ...audit(row), entityType: "settings", entityId: ROW }),
  });
}
