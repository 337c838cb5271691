import { desc, eq, and, lt, sql } from "drizzle-orm";
import { auditLog, people, users } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";

export type AuditEntryInput = {
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
};

/** Writes one audit entry inside the caller's transaction. */
export function writeAudit(tx: Tx, entry: AuditEntryInput) {
  tx.insert(auditLog)
    .values({
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      summary: entry.summary,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log, newest first, for a beheerder. `before` is the id of the last entry of the
 * previous page (keyset paging keeps pages stable while entries are added).
 */
export function listAuditEntries({
  viewer,
  before,
  entityType,
}: {
  viewer: Viewer;
  before?: number;
  entityType?: string;
}) {
  requireCapability(viewer, "read-audit-log");
  const rows = getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      before: auditLog.before,
      after: auditLog.after,
      actorName: people.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(people, eq(people.id, users.personId))
    .where(
      and(before ? lt(auditLog.id, before) : undefined, entityType ? eq(auditLog.entityType, entityType) : undefined),
    )
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .all();
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const entries = rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
    ...row,
    actorName: row.actorName ?? "Systeem",
    before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
    after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
  }));
  return { entries, nextBefore: hasMore ? entries[entries.length - 1].id : null };
}

export function countAuditEntries({ viewer }: { viewer: Viewer }) {
  requireCapability(viewer, "read-audit-log");
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .get()?.n ?? 0
  );
}
