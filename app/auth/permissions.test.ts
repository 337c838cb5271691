import { describe, expect, it } from "vitest";
import { userRoles, type UserRole } from "~/lib/vocabulary";
import { can, canSeeConfidential, hasRole, type Capability } from "./permissions";
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

describe("canSeeConfidential", () => {
  it("is granted by a current membership of that very body", () => {
    expect(canSeeConfidential(viewer("lid", [3, 7]), { id: 7 })).toBe(true);
  });

  it("is not granted by membership of another body", () => {
    expect(canSeeConfidential(viewer("lid", [3]), { id: 7 })).toBe(false);
  });

  for (const role of userRoles) {
    it(`is not granted to a ${role} by the role alone`, () => {
      expect(canSeeConfidential(viewer(role), { id: 7 })).toBe(false);
    });
  }

  it("is never granted to an anonymous visitor", () => {
    expect(canSeeConfidential(null, { id: 7 })).toBe(false);
  });
});
