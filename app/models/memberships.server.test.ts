import { describe, expect, it } from "vitest";
import { makeBody, makePerson, makeUser, makeViewer } from "../../tests/factories";
import { seesInside } from "./access/grants";
import { listAuditEntries } from "./audit.server";
import { RuleError } from "./errors";
import { addMembership, endMembership, listMembershipsForAdmin } from "./memberships.server";
import { createSession, validateSessionToken } from "./sessions.server";

describe("memberships", () => {
  it("a membership grants its holder the body's confidential content; ending it takes that away", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const body = makeBody();
    const { user, person } = await makeUser();
    const { token } = createSession({ userId: user.id });
    expect(seesInside(validateSessionToken({ token })!.viewer, body.id)).toBe(false);

    const { id } = addMembership({
      viewer: admin,
      bodyId: body.id,
      personId: person.id,
      role: "lid",
      startsOn: "2024-01-01",
    });
    expect(seesInside(validateSessionToken({ token })!.viewer, body.id)).toBe(true);

    endMembership({ viewer: admin, id, expectedVersion: 1, endsOn: "2025-01-01" });
    expect(seesInside(validateSessionToken({ token })!.viewer, body.id)).toBe(false);
    expect(listAuditEntries({ viewer: admin }).entries.map((e) => e.action)).toEqual([
      "membership.end",
      "membership.add",
    ]);
  });

  it("a membership that has not started yet grants nothing", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const body = makeBody();
    const { user, person } = await makeUser();
    addMembership({ viewer: admin, bodyId: body.id, personId: person.id, role: "lid", startsOn: "2099-01-01" });
    const { token } = createSession({ userId: user.id });
    expect(validateSessionToken({ token })!.viewer.memberBodyIds).toEqual([]);
  });

  it("refuses the same person in the same role twice at once", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const body = makeBody();
    const person = makePerson({ name: "Jan" });
    addMembership({ viewer: admin, bodyId: body.id, personId: person.id, role: "lid", startsOn: "2024-01-01" });
    expect(() =>
      addMembership({ viewer: admin, bodyId: body.id, personId: person.id, role: "lid", startsOn: "2025-01-01" }),
    ).toThrow(RuleError);
  });

  it("refuses an end date before the start date", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const body = makeBody();
    const person = makePerson();
    const { id } = addMembership({
      viewer: admin,
      bodyId: body.id,
      personId: person.id,
      role: "lid",
      startsOn: "2024-01-01",
    });
    expect(() => endMembership({ viewer: admin, id, expectedVersion: 1, endsOn: "2023-12-31" })).toThrow(
      /vóór de begindatum/,
    );
    expect(listMembershipsForAdmin({ viewer: admin, bodyId: body.id })[0].endsOn).toBeNull();
  });
});
