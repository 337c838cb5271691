import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makeViewer } from "../../tests/factories";
import {
  createCalendarFeed,
  hasCalendarFeed,
  revokeCalendarFeed,
  viewerForCalendarToken,
} from "./calendar-feeds.server";
import { deactivateUser, getUserForEdit } from "./users.server";

describe("personal calendar feeds", () => {
  it("a feed token stands for its user with their current bodies", async () => {
    const body = makeBody();
    const viewer = await makeViewer();
    makeMembership({ bodyId: body.id, personId: viewer.personId });
    const token = createCalendarFeed({ viewer });
    expect(hasCalendarFeed({ viewer })).toBe(true);
    expect(viewerForCalendarToken({ token })).toMatchObject({ userId: viewer.userId, memberBodyIds: [body.id] });
  });

  it("a new link revokes the old one, and revoking ends the last", async () => {
    const viewer = await makeViewer();
    const first = createCalendarFeed({ viewer });
    const second = createCalendarFeed({ viewer });
    expect(viewerForCalendarToken({ token: first })).toBeNull();
    expect(viewerForCalendarToken({ token: second })).not.toBeNull();
    revokeCalendarFeed({ viewer });
    expect(viewerForCalendarToken({ token: second })).toBeNull();
    expect(hasCalendarFeed({ viewer })).toBe(false);
  });

  it("stops working when the user is deactivated", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const viewer = await makeViewer();
    const token = createCalendarFeed({ viewer });
    deactivateUser({
      viewer: admin,
      id: viewer.userId,
      expectedVersion: getUserForEdit({ viewer: admin, id: viewer.userId })!.version,
    });
    expect(viewerForCalendarToken({ token })).toBeNull();
  });
});
