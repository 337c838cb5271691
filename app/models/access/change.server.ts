import { eq, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { can, type Capability } from "~/auth/permissions";
import { getDb, type Tx } from "~/lib/db.server";
import { writeAudit, type AuditEntryInput } from "../audit.server";
import { ConflictError, Forbidden, NotFound } from "../errors";
import { actorOf, type SignedInViewer, type Viewer } from "./viewer";

/** A table whose rows carry an id, a version for conflicting edits, and the time of their last change. */
type Versioned = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn; updatedAt: SQLiteColumn };

export type ChangeSpec<Row, Result> = {
  viewer: Viewer;
  /** Reads the record to change (inside the transaction); undefined when it does not exist (any more). */
  load: () => Row | undefined;
  /** Said when the record is gone. */
  missing: string;
  /** Whether this viewer may make this change to this record; a string is the Dutch refusal. */
  allow: (viewer: Viewer, row: NoInfer<Row>) => true | string;
  /** The version the person saw when they opened the form; omitted for changes that cannot conflict. */
  expectedVersion?: number;
  /** The record's saved values, for the form to show next to what the person typed after a conflict. */
  saved?: (row: NoInfer<Row>) => Record<string, unknown>;
  conflictMessage?: string;
  /** The business rules, which throw RuleError with Dutch messages for the fields. */
  check?: (row: NoInfer<Row>, tx: Tx) => void;
  /** Writes the change; runs after every check passed. */
  write: (tx: Tx, row: NoInfer<Row>, viewer: SignedInViewer, now: number) => Result;
  /** The record whose version and time of change the change moves on (`touch`). */
  touch?: { table: Versioned; id: (row: NoInfer<Row>) => number };
  /** What the audit log says of the change; null for a change that turned out to change nothing. */
  audit: (row: NoInfer<Row>, result: NoInfer<Result>) => Omit<AuditEntryInput, "actorUserId"> | null;
  now?: number;
  /** Who acted, when that is not the viewer: the person half-way a sign-in, acting on their own account. */
  actorUserId?: number;
  /** Runs inside the caller's transaction, for a change that is one step of a larger one. */
  tx?: Tx;
};

/**
 * The one door for changes: load, authorise, check the expected version and the rules, write, touch,
 * audit — in one transaction, so a refused change leaves nothing behind. Refusals are domain errors
 * (NotFound, Forbidden, ConflictError, RuleError) that the routes turn into answers.
 */
export function change<Row extends object, Result>(spec: ChangeSpec<Row, Result>): Result {
  const run = (tx: Tx) => {
    const now = spec.now ?? Date.now();
    const row = spec.load();
    if (row === undefined) throw new NotFound(spec.missing);
    const allowed = spec.allow(spec.viewer, row);
    if (allowed !== true) throw new Forbidden(allowed);
    const viewer = spec.viewer as SignedInViewer;
    if (spec.expectedVersion !== undefined && (row as { version?: number }).version !== spec.expectedVersion)
      throw new ConflictError(spec.conflictMessage, spec.saved?.(row));
    spec.check?.(row, tx);
    const result = spec.write(tx, row, viewer, now);
    if (spec.touch) {
      const { table, id } = spec.touch;
      tx.update(table)
        .set({ version: sql`${table.version} + 1`, updatedAt: now } as never)
        .where(eq(table.id, id(row)))
        .run();
    }
    const entry = spec.audit(row, result);
    if (entry) writeAudit(tx, { ...entry, actorUserId: spec.actorUserId ?? actorOf(viewer) });
    return result;
  };
  // IMMEDIATE: the write lock is taken before the first read. A deferred transaction that reads and then
  // writes fails at once (SQLITE_BUSY) when another process wrote in between; this one waits its turn.
  return spec.tx ? run(spec.tx) : getDb().transaction(run, { behavior: "immediate" });
}

/** For a change that needs a signed-in person at all: the refusal to show otherwise. */
export function signedIn(viewer: Viewer, refusal: string): true | string {
  return viewer ? true : refusal;
}

/** For a change that a role's capability allows (the beheerder's users and bodies, say). */
export function withCapability(capability: Capability, refusal = "U hebt geen toegang tot deze pagina.") {
  return (viewer: Viewer) => can(viewer, capability) || refusal;
}

/** For a change anyone may make: a public sign-up, or one whose link token the caller has matched. */
export const anyone = () => true as const;
