import { eq } from "drizzle-orm";
import { siteSettings } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { findTooiOrganisation } from "~/lib/woo/tooi.server";
import { change, withCapability } from "./access/change.server";
import { RuleError } from "./errors";

// The settings of the site as a whole, in one row (made by migration 0029).

const ROW = 1;

export type WooPublisher = { name: string; uri: string };

/** The public body the Woo publications appear under; null while the beheerder has not chosen it. */
export function getWooPublisher(): WooPublisher | null {
  const row = getDb().select().from(siteSettings).where(eq(siteSettings.id, ROW)).get();
  return row?.wooPublisherUri && row.wooPublisherName ? { name: row.wooPublisherName, uri: row.wooPublisherUri } : null;
}

export function getSiteSettingsForEdit({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "manage-bodies");
  const row = getDb().select().from(siteSettings).where(eq(siteSettings.id, ROW)).get();
  return { wooPublisher: row?.wooPublisherName ?? "", version: row?.version ?? 1 };
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
  return change({
    viewer,
    now,
    load: () => getDb().select().from(siteSettings).where(eq(siteSettings.id, ROW)).get(),
    missing: "De instellingen bestaan niet (meer).",
    allow: withCapability("manage-bodies"),
    expectedVersion,
    write: (tx, _row, _viewer, at) =>
      tx
        .update(siteSettings)
        .set({ wooPublisherName: found.label, wooPublisherUri: found.uri, updatedAt: at })
        .where(eq(siteSettings.id, ROW))
        .run(),
    touch: { table: siteSettings, id: () => ROW },
    audit: (row) => ({
      action: "settings.woo-publisher",
      entityType: "settings",
      entityId: ROW,
      summary: `Publicerende organisatie voor de Woo ingesteld: ${found.label}`,
      before: { name: row.wooPublisherName, uri: row.wooPublisherUri },
      after: { name: found.label, uri: found.uri },
    }),
  });
}
