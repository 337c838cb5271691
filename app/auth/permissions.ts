import type { UserRole } from "~/lib/vocabulary";
import type { Viewer } from "./viewer";

// What each role may do beyond reading. Membership of a body is a separate grant (below).
const capabilitiesByRole = {
  beheerder: ["manage-users", "manage-bodies", "manage-memberships", "read-audit-log"],
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

/**
 * Whether the viewer may see a body's confidential (besloten) content: a current membership of that
 * very body (the body's secretariaat is a member as secretaris), or the beheerder role. Membership of a
 * parent or child body does not count (docs/decisions/007-confidential-content-and-meetings.md).
 */
export function canSeeConfidential(viewer: Viewer, body: { id: number }): boolean {
  if (!viewer) return false;
  return viewer.role === "beheerder" || viewer.memberBodyIds.includes(body.id);
}

/**
 * Whether the viewer prepares a body's meetings: the beheerder always, a secretariaat user for the
 * bodies in which they hold a membership.
 */
export function canManageMeetings(viewer: Viewer, body: { id: number }): boolean {
  if (!viewer) return false;
  if (viewer.role === "beheerder") return true;
  return viewer.role === "secretariaat" && viewer.memberBodyIds.includes(body.id);
}

/** Whether the viewer keeps the programmes and their objectives: the kwartiermaker, and the beheerder. */
export function canManageProgrammes(viewer: Viewer): boolean {
  return viewer !== null && (viewer.role === "beheerder" || can(viewer, "manage-programmes"));
}
