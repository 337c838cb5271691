import { inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Viewer } from "./viewer";

// THE primitive of Gremium's access rules: whose inside a viewer sees. A body's inside is what is not
// for the public: its besloten agenda items, papers, decisions and topics, its meetings that are not
// public, its concept besluitenlijsten and plans. The beheerder sees every body's inside; anyone else
// the inside of the bodies they are a current member of (the body's secretariaat is a member, usually
// as secretaris). Membership of a parent or child body does not count. Every scope in scopes.server.ts
// is built from this one rule, in its two forms: for one body (JavaScript) and for a column (SQL).

type Bodies = "all" | readonly number[];

function insideBodies(viewer: Viewer): Bodies {
  if (!viewer) return [];
  return viewer.role === "beheerder" ? "all" : viewer.memberBodyIds;
}

/** Who prepares a body's meetings (and so sees its concepts): an insider with the secretariaat role, or the beheerder. */
function managedBodies(viewer: Viewer): Bodies {
  if (!viewer) return [];
  if (viewer.role === "beheerder") return "all";
  return viewer.role === "secretariaat" ? insideBodies(viewer) : [];
}

const holds = (bodies: Bodies, bodyId: number) => bodies === "all" || bodies.includes(bodyId);

const holdsSql = (bodies: Bodies, bodyId: SQLiteColumn): SQL =>
  bodies === "all" ? sql`1` : bodies.length === 0 ? sql`0` : inArray(bodyId, [...bodies]);

/** Whether the viewer sees the inside of this body (its besloten and not-public content). */
export function seesInside(viewer: Viewer, bodyId: number): boolean {
  return holds(insideBodies(viewer), bodyId);
}

/** The same rule as a condition on a body id column. */
export function seesInsideSql(viewer: Viewer, bodyId: SQLiteColumn): SQL {
  return holdsSql(insideBodies(viewer), bodyId);
}

/** Whether the viewer prepares this body's meetings: plans them, edits agendas, records decisions. */
export function managesBody(viewer: Viewer, bodyId: number): boolean {
  return holds(managedBodies(viewer), bodyId);
}

/** The same rule as a condition on a body id column. */
export function managesBodySql(viewer: Viewer, bodyId: SQLiteColumn): SQL {
  return holdsSql(managedBodies(viewer), bodyId);
}

/** Whether the viewer sees everything there is (the beheerder): scopes then add no condition at all. */
export function seesEverything(viewer: Viewer): boolean {
  return viewer?.role === "beheerder";
}

/** The bodies whose inside the viewer sees, as ids, or "all"; for the calendar of one's own bodies. */
export function ownBodyIds(viewer: Viewer): readonly number[] {
  return viewer ? viewer.memberBodyIds : [];
}
