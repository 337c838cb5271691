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
 * Whether the viewer may see a body's confidential (besloten) content. Only a current
 * membership of that very body grants it: not a role, not membership of a parent body
 * (docs/decisions/005-confidentiality.md).
 */
export function canSeeConfidential(viewer: Viewer, body: { id: number }): boolean {
  return viewer !== null && viewer.memberBodyIds.includes(body.id);
}
