import { describe, expect, it } from "vitest";
import type { UserRole } from "~/lib/vocabulary";
import { managesBody, seesInside } from "./grants";
import type { SignedInViewer } from "./viewer";

function viewer(role: UserRole, memberBodyIds: number[] = []): SignedInViewer {
  return { userId: 1, personId: 1, name: "Test", email: "t@x.example", role, sessionId: "s", memberBodyIds };
}

describe("seesInside, the one primitive", () => {
  it("is granted by a current membership of that very body", () => {
    expect(seesInside(viewer("lid", [3, 7]), 7)).toBe(true);
  });

  it("is not granted by membership of another body", () => {
    expect(seesInside(viewer("lid", [3]), 7)).toBe(false);
  });

  for (const role of ["secretariaat", "kwartiermaker", "lid"] as const) {
    it(`is not granted to a ${role} by the role alone`, () => {
      expect(seesInside(viewer(role), 7)).toBe(false);
    });
  }

  it("is granted to the beheerder for every body", () => {
    expect(seesInside(viewer("beheerder"), 7)).toBe(true);
  });

  it("is never granted to an anonymous visitor", () => {
    expect(seesInside(null, 7)).toBe(false);
  });
});

describe("managesBody", () => {
  it("lets the beheerder manage every body's meetings", () => {
    expect(managesBody(viewer("beheerder"), 7)).toBe(true);
  });

  it("lets a secretariaat user manage the meetings of the bodies they belong to, and no others", () => {
    expect(managesBody(viewer("secretariaat", [7]), 7)).toBe(true);
    expect(managesBody(viewer("secretariaat", [3]), 7)).toBe(false);
  });

  for (const role of ["kwartiermaker", "lid"] as const) {
    it(`does not let a ${role} manage meetings, even of their own body`, () => {
      expect(managesBody(viewer(role, [7]), 7)).toBe(false);
    });
  }

  it("does not let an anonymous visitor manage anything", () => {
    expect(managesBody(null, 7)).toBe(false);
  });
});
