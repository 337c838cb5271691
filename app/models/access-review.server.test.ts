import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makeUser, makeViewer } from "../../tests/factories";
import { getDb } from "~/lib/db.server";
import { users } from "../../db/schema";
import { eq } from "drizzle-orm";
import { Forbidden } from "./errors";
import { listAccessReview, UNUSED_AFTER_MS } from "./access-review.server";
import { recordSignIn } from "./devices.server";
import { createSsoProvider } from "./sso.server";

describe("access review", () => {
  it("shows per account the bodies it sees inside, the last sign-in and the second step; flags what needs a look", async () => {
    const now = Date.now();
    const admin = await makeViewer({ role: "beheerder", name: "Aa Beheer" });
    const active = await makeViewer({ role: "lid", name: "Bb Actief" });
    const dormant = await makeUser({ role: "lid", name: "Cc Slapend", email: "slaper@slaap.example" }).then(
      ({ user }) => ({ userId: user.id }),
    );
    createSsoProvider({
      viewer: admin,
      input: {
        name: "Slaapdienst",
        issuer: "https://idp.slaap.example",
        clientId: "c",
        clientSecret: "s",
        domains: ["slaap.example"],
      },
    });
    const body = makeBody({ name: "Stuurgroep Test" });
    const old = makeBody({ name: "Werkgroep Oud" });
    makeMembership({ bodyId: body.id, personId: active.personId, role: "lid", startsOn: "2024-01-01" });
    makeMembership({
      bodyId: old.id,
      personId: active.personId,
      role: "lid",
      startsOn: "2023-01-01",
      endsOn: "2024-06-30",
    });
    recordSignIn({
      userId: active.userId,
      method: "wachtwoord+app",
      deviceId: null,
      userAgent: null,
      clientAddress: null,
      now,
    });
    getDb()
      .update(users)
      .set({ lastSignInAt: now - UNUSED_AFTER_MS - 1, lastSignInMethod: "wachtwoord" })
      .where(eq(users.id, dormant.userId))
      .run();

    const rows = listAccessReview({ viewer: admin, now });
    const row = (name: string) => rows.find((r) => r.name === name)!;
    expect(row("Bb Actief")).toMatchObject({
      memberships: [{ body: "Stuurgroep Test", role: "lid", since: "2024-01-01" }],
      endedMemberships: [{ body: "Werkgroep Oud", endedOn: "2024-06-30" }],
      lastSignInAt: now,
      lastSignInMethod: "wachtwoord+app",
      flags: ["Lidmaatschap Werkgroep Oud afgelopen op 30 juni 2024"],
    });
    expect(row("Cc Slapend").flags).toContain("Zes maanden niet ingelogd");
    expect(row("Bb Actief").sso).toBeNull();
    expect(row("Cc Slapend").sso).toBe("Slaapdienst");
    expect(() => listAccessReview({ viewer: active })).toThrow(Forbidden);
  });
});
