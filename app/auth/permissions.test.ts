import { describe, expect, it } from "vitest";
import { userRoles, type UserRole } from "~/lib/vocabulary";
import { can, hasRole, type Capability } from "./permissions";
import type { SignedInViewer } from "./viewer";

function viewer(role: UserRole, memberBodyIds: number[] = []): SignedInViewer {
  return { userId: 1, personId: 1, name: "Test", email: "t@x.example", role, sessionId: "s", memberBodyIds };
}

const expected: Record<UserRole, Capability[]> = {
  beheerder: ["manage-users", "manage-bodies", "manage-memberships", "read-audit-log"],
  secretariaat: ["manage-meetings"],
  kwartiermaker: ["manage-programmes", "manage-newsletters"],
  lid: [],
};
const allCapabilities = [...new Set(Object.values(expected).flat())];

describe("can", () => {
  for (const role of userRoles) {
    it(`gives a ${role} exactly its own capabilities`, () => {
      const granted = allCapabilities.filter((capability) => can(viewer(role), capability));
      expect(granted).toEqual(expected[role]);
    });
  }

  it("gives an anonymous visitor nothing", () => {
    expect(allCapabilities.filter((capability) => can(null, capability))).toEqual([]);
  });
});

describe("hasRole", () => {
  it("matches only the listed roles", () => {
    expect(hasRole(viewer("secretariaat"), ["secretariaat", "beheerder"])).toBe(true);
    expect(hasRole(viewer("lid"), ["secretariaat", "beheerder"])).toBe(false);
    expect(hasRole(null, ["lid"])).toBe(false);
  });
});
