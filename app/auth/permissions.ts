import type { UserRole } from "~/lib/vocabulary";
import type { Viewer } from "./viewer";

// What each role may do beyond reading. Membership of a body is a separate grant (below).
const capabilitiesByRole = {
  beheerder: ["manage-users", "manage-bodies", "manage-memberships", "read-audit-log", "import-data", "export-archive"],
  secretariaat: ["manage-meetings"],
  kwartiermaker: ["manage-programmes", "manage-newsletters"],
  lid: [],
} as const satisfies Record<UserRole, readonly string[]>;

export type Capability = (typeof capabilitiesByRole)[UserRole][number];

export function can(viewer: Viewer, capability: Capability): boolean {
  if (!viewer) return false;
  return (capabilitiesByRole[viewer.role] as readonly string[]).includes(capability);
}

export function hasRole(viewer: Viewer, roles: readonly UserRole[]): boolean {
  return viewer !== null && roles.includes(viewer.role);
}

// Who sees a body's besloten content and who prepares its meetings is the access layer's rule, built
// from one primitive (app/models/access/grants.ts); this file holds what roles grant by themselves.

/** Whether the viewer keeps the programmes and their objectives: the kwartiermaker, and the beheerder. */
export function canManageProgrammes(viewer: Viewer): boolean {
  return viewer !== null && (viewer.role === "beheerder" || can(viewer, "manage-programmes"));
}
