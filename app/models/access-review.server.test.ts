import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makeViewer } from "../../tests/factories";
import { getDb } from "~/lib/db.server";
import { users } from "../../db/schema";
import { eq } from "drizzle-orm";
import { Forbidden } from "./errors";
import { listAccessReview, UNUSED_AFTER_MS } from "./access-review.server";
import { recordSignIn } from "./devices.server";

describe("access review", () => {
  it("shows per account the bodies it sees inside, the last sign-in and the second step; flags what needs a look", async () => {
    const now = Date.now();
    const admin = await makeViewer({ role: "beheerder", name: "Aa Beheer" });
    const active = await makeViewer({ role: "lid", name: "Bb Actief" });
    const dormant = await makeViewer({ role: "lid", name: "Cc Slapend" });
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
    expect(() => listAccessReview({ viewer: active })).toThrow(Forbidden);
  });
});
