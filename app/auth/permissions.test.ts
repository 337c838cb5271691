import { describe, expect, it } from "vitest";
import { userRoles, type UserRole } from "~/lib/vocabulary";
import { can, canManageMeetings, canSeeConfidential, hasRole, type Capability } from "./permissions";
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

  for (const role of ["secretariaat", "kwartiermaker", "lid"] as const) {
    it(`is not granted to a ${role} by the role alone`, () => {
      expect(canSeeConfidential(viewer(role), { id: 7 })).toBe(false);
    });
  }

  it("is granted to the beheerder for every body", () => {
    expect(canSeeConfidential(viewer("beheerder"), { id: 7 })).toBe(true);
  });

  it("is never granted to an anonymous visitor", () => {
    expect(canSeeConfidential(null, { id: 7 })).toBe(false);
  });
});

describe("canManageMeetings", () => {
  it("lets the beheerder manage every body's meetings", () => {
    expect(canManageMeetings(viewer("beheerder"), { id: 7 })).toBe(true);
  });

  it("lets a secretariaat user manage the meetings of the bodies they belong to, and no others", () => {
    expect(canManageMeetings(viewer("secretariaat", [7]), { id: 7 })).toBe(true);
    expect(canManageMeetings(viewer("secretariaat", [3]), { id: 7 })).toBe(false);
  });

  for (const role of ["kwartiermaker", "lid"] as const) {
    it(`does not let a ${role} manage meetings, even of their own body`, () => {
      expect(canManageMeetings(viewer(role, [7]), { id: 7 })).toBe(false);
    });
  }

  it("does not let an anonymous visitor manage anything", () => {
    expect(canManageMeetings(null, { id: 7 })).toBe(false);
  });
});
