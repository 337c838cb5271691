import { and, asc, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { bodies, memberships } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import { managesBody, seesInside } from "./access/grants";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { todayIso } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown.server";
import type { BodyKind, WooFooting, WrittenRule } from "~/lib/vocabulary";
import { change, withCapability } from "./access/change.server";
import { RuleError } from "./errors";
import { listCurrentMembers, membershipCurrentOn } from "./memberships.server";

const summaryColumns = {
  id: bodies.id,
  slug: bodies.slug,
  name: bodies.name,
  shortName: bodies.shortName,
  kind: bodies.kind,
  parentId: bodies.parentId,
  activeFrom: bodies.activeFrom,
  activeUntil: bodies.activeUntil,
};

export type BodySummary = {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  kind: BodyKind;
  parentId: number | null;
  activeFrom: string;
  activeUntil: string | null;
};

/** A body is retired from its retirement date (`activeUntil`, "opgeheven per") on. */
export function isRetired(body: { activeUntil: string | null }, today = todayIso()) {
  return body.activeUntil !== null && body.activeUntil <= today;
}

function activeOn(day: string) {
  return or(isNull(bodies.activeUntil), gt(bodies.activeUntil, day));
}

/**
 * Active bodies grouped the way the network is drawn: the steering group(s), each expert group
 * with the theme groups under it, then every other body. Retired bodies come separately.
 */
export function listBodiesGrouped(_: { viewer: Viewer }) {
  const db = getDb();
  const today = todayIso();
  const all = db.select(summaryColumns).from(bodies).orderBy(asc(bodies.sortOrder), asc(bodies.name)).all();
  const active = all.filter((b) => !isRetired(b, today));
  const retired = all.filter((b) => isRetired(b, today));
  const placed = new Set<number>();
  const take = (list: BodySummary[]) => {
    list.forEach((b) => placed.add(b.id));
    return list;
  };
  const steering = take(active.filter((b) => b.kind === "stuurgroep"));
  const expert = take(active.filter((b) => b.kind === "expertgroep")).map((group) => ({
    ...group,
    children: take(active.filter((b) => b.kind === "themagroep" && b.parentId === group.id)),
  }));
  const themeWithoutExpert = take(active.filter((b) => b.kind === "themagroep" && !placed.has(b.id)));
  const other = active.filter((b) => !placed.has(b.id));
  return { steering, expert, themeWithoutExpert, other, retired };
}

/** Active bodies whose meetings the viewer prepares. */
export function listManageableBodies({ viewer }: { viewer: Viewer }) {
  const today = todayIso();
  return getDb()
    .select({ id: bodies.id, name: bodies.name, slug: bodies.slug, activeUntil: bodies.activeUntil })
    .from(bodies)
    .orderBy(asc(bodies.sortOrder), asc(bodies.name))
    .all()
    .filter((body) => !isRetired(body, today) && managesBody(viewer, body.id));
}

export function listBodiesForSelect(_: { viewer: Viewer }) {
  return getDb()
    .select({ id: bodies.id, name: bodies.name, activeUntil: bodies.activeUntil })
    .from(bodies)
    .orderBy(asc(bodies.sortOrder), asc(bodies.name))
    .all();
}

/** One body with its parent, children and current members; null when the slug is unknown. */
export function getBodyBySlug({ viewer, slug }: { viewer: Viewer; slug: string }) {
  const db = getDb();
  const body = db
    .select({
      ...summaryColumns,
      purposeHtml: bodies.purposeHtml,
      meetingFrequency: bodies.meetingFrequency,
      writtenRule: bodies.writtenRule,
      writtenQuorumPercent: bodies.writtenQuorumPercent,
    })
    .from(bodies)
    .where(eq(bodies.slug, slug))
    .get();
  if (!body) return null;
  const parent = body.parentId
    ? (db.select(summaryColumns).from(bodies).where(eq(bodies.id, body.parentId)).get() ?? null)
    : null;
  const children = db
    .select(summaryColumns)
    .from(bodies)
    .where(eq(bodies.parentId, body.id))
    .orderBy(asc(bodies.sortOrder), asc(bodies.name))
    .all();
  return {
    ...body,
    retired: isRetired(body),
    parent,
    children: children.map((child) => ({ ...child, retired: isRetired(child) })),
    members: listCurrentMembers({ viewer, bodyId: body.id }),
    /** The viewer sees the body's besloten and not-public content. */
    viewerIsInsider: seesInside(viewer, body.id),
    /** The viewer prepares the body's meetings (its secretariaat, or the beheerder). */
    viewerManages: managesBody(viewer, body.id),
  };
}

export type BodyInput = {
  name: string;
  shortName?: string | null;
  slug: string;
  kind: BodyKind;
  parentId?: number | null;
  purposeMarkdown: string;
  meetingFrequency?: string | null;
  activeFrom: string;
  /** The code in decision references (SG in SG-2026-02-B1); without it one is made from kind or name. */
  code?: string | null;
  /** Its place in lists; a new body comes last unless this says otherwise. */
  sortOrder?: number;
  /** Under which article of the Woo its public records are published; article 3.1 unless said. */
  wooFooting?: WooFooting;
  /** How a written procedure of the body is decided; "tenzij bezwaar" unless said. */
  writtenRule?: WrittenRule;
  writtenQuorumPercent?: number;
};

function auditView(body: Record<string, unknown>) {
  const { purposeHtml: _html, createdAt: _c, updatedAt: _u, version: _v, ...rest } = body;
  return rest;
}

function checkBodyRules(input: BodyInput, selfId?: number) {
  const db = getDb();
  const clash = db
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.slug, input.slug), selfId ? ne(bodies.id, selfId) : undefined))
    .get();
  if (clash) throw new RuleError({ slug: ["Dit webadres is al in gebruik door een ander gremium."] });
  if (input.parentId) {
    if (input.parentId === selfId) {
      throw new RuleError({ parentId: ["Een gremium kan niet onder zichzelf vallen."] });
    }
    // Walk up from the chosen parent: meeting ourselves means a loop.
    let cursor: number | null = input.parentId;
    const seen = new Set<number>();
    while (cursor && !seen.has(cursor)) {
      seen.add(cursor);
      if (cursor === selfId) {
        throw new RuleError({ parentId: ["Dit gremium valt al (indirect) onder het gekozen gremium."] });
      }
      const next = db.select({ parentId: bodies.parentId }).from(bodies).where(eq(bodies.id, cursor)).get();
      if (!next && cursor === input.parentId) {
        throw new RuleError({ parentId: ["Kies een bestaand bovenliggend gremium."] });
      }
      cursor = next?.parentId ?? null;
    }
  }
}

export function createBody({ viewer, input }: { viewer: Viewer; input: BodyInput }) {
  return change({
    viewer,
    load: () => ({}),
    missing: "",
    allow: withCapability("manage-bodies"),
    check: () => checkBodyRules(input),
    write: (tx) => {
      // A new body comes after the existing ones in every list.
      const last = tx
        .select({ max: sql<number | null>`max(${bodies.sortOrder})` })
        .from(bodies)
        .get();
      return tx
        .insert(bodies)
        .values({
          ...input,
          code: input.code || null,
          sortOrder: input.sortOrder ?? (last?.max ?? 0) + 1,
          shortName: input.shortName || null,
          parentId: input.parentId || null,
          meetingFrequency: input.meetingFrequency || null,
          purposeHtml: renderMarkdown(input.purposeMarkdown),
        })
        .returning()
        .get();
    },
    audit: (_none, created) => ({
      action: "body.create",
      entityType: "body",
      entityId: created.id,
      summary: `Gremium ${created.name} aangemaakt`,
      after: auditView(created),
    }),
  });
}

/** The editable fields of a body with its version, for the beheer form. */
export function getBodyForEdit({ viewer, id }: { viewer: Viewer; id: number }) {
  requireCapability(viewer, "manage-bodies");
  const body = getDb().select().from(bodies).where(eq(bodies.id, id)).get();
  return body ? { ...body, retired: isRetired(body) } : null;
}

export function updateBody({
  viewer,
  id,
  expectedVersion,
  input,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: BodyInput;
}) {
  return change({
    viewer,
    load: () => getDb().select().from(bodies).where(eq(bodies.id, id)).get(),
    missing: "Dit gremium bestaat niet meer.",
    allow: withCapability("manage-bodies"),
    expectedVersion,
    check: () => checkBodyRules(input, id),
    write: (tx) =>
      tx
        .update(bodies)
        .set({
          ...input,
          shortName: input.shortName || null,
          parentId: input.parentId || null,
          meetingFrequency: input.meetingFrequency || null,
          purposeHtml: renderMarkdown(input.purposeMarkdown),
          version: expectedVersion + 1,
          updatedAt: Date.now(),
        })
        .where(eq(bodies.id, id))
        .returning()
        .get(),
    audit: (before, after) => ({
      action: "body.update",
      entityType: "body",
      entityId: id,
      summary: `Gremium ${after.name} gewijzigd`,
      before: auditView(before),
      after: auditView(after),
    }),
  });
}

/** Retires a body per a date (`activeUntil`). It stays readable in the archive. */
export function retireBody({
  viewer,
  id,
  expectedVersion,
  activeUntil,
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  activeUntil: string;
}) {
  change({
    viewer,
    load: () => getDb().select().from(bodies).where(eq(bodies.id, id)).get(),
    missing: "Dit gremium bestaat niet meer.",
    allow: withCapability("manage-bodies"),
    expectedVersion,
    check: (before, tx) => {
      if (before.activeUntil !== null) throw new RuleError({ activeUntil: ["Dit gremium is al opgeheven."] });
      if (activeUntil <= before.activeFrom)
        throw new RuleError({
          activeUntil: ["De datum van opheffen moet na de startdatum van het gremium liggen."],
        });
      const activeChildren = tx
        .select({ name: bodies.name })
        .from(bodies)
        .where(and(eq(bodies.parentId, id), activeOn(activeUntil)))
        .all();
      if (activeChildren.length > 0)
        throw new RuleError({
          activeUntil: [
            `Hef eerst de onderliggende gremia op of verplaats ze: ${activeChildren.map((c) => c.name).join(", ")}.`,
          ],
        });
    },
    write: (tx) => tx.update(bodies).set({ activeUntil }).where(eq(bodies.id, id)).run(),
    touch: { table: bodies, id: () => id },
    audit: (before) => ({
      action: "body.retire",
      entityType: "body",
      entityId: id,
      summary: `Gremium ${before.name} opgeheven`,
      before: { activeUntil: null },
      after: { activeUntil },
    }),
  });
}

/** Every body with its parent's name and number of current members, for the beheer list. */
export function listBodiesForAdmin({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "manage-bodies");
  const db = getDb();
  const today = todayIso();
  const parent = alias(bodies, "parent");
  const rows = db
    .select({
      ...summaryColumns,
      parentName: parent.name,
      currentMembers: sql<number>`(select count(*) from ${memberships} where ${memberships.bodyId} = ${bodies.id} and ${membershipCurrentOn(today)})`,
    })
    .from(bodies)
    .leftJoin(parent, eq(parent.id, bodies.parentId))
    .orderBy(asc(bodies.sortOrder), asc(bodies.name))
    .all();
  return rows.map((row) => ({ ...row, retired: isRetired(row, today) }));
}
