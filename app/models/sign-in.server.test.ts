import { describe, expect, it } from "vitest";
import { FACTORY_PASSWORD, makeUser } from "../../tests/factories";
import { LOCK_MS } from "~/auth/throttle";
import { getDb } from "~/lib/db.server";
import { signInThrottles } from "../../db/schema";
import { deleteStaleSignInThrottles, signIn } from "./sign-in.server";
import { validateSessionToken } from "./sessions.server";

describe("signIn", () => {
  it("opens a session for the right password, whatever the case of the address", async () => {
    const { user } = await makeUser({ email: "lid@test.example" });
    const result = await signIn({ email: "  LID@test.example ", password: FACTORY_PASSWORD });
    expect(result.ok).toBe(true);
    if (result.ok) expect(validateSessionToken({ token: result.token })?.viewer.userId).toBe(user.id);
  });

  it("answers a wrong password and an unknown address the same way", async () => {
    await makeUser({ email: "lid@test.example" });
    const wrong = await signIn({ email: "lid@test.example", password: "fout" });
    const unknown = await signIn({ email: "niemand@test.example", password: "fout" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("checks at most five of twenty concurrent guesses, and then refuses even the right password", async () => {
    await makeUser({ email: "doelwit@test.example" });
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn({ email: "doelwit@test.example", password: `gok-${i}` })),
    );
    expect(guesses.filter((g) => !g.ok && g.reason === "invalid")).toHaveLength(5);
    expect(guesses.filter((g) => !g.ok && g.reason === "locked")).toHaveLength(15);
    expect(await signIn({ email: "doelwit@test.example", password: FACTORY_PASSWORD })).toMatchObject({
      ok: false,
      reason: "locked",
    });
  });

  it("refuses a deactivated user like a wrong password", async () => {
    await makeUser({ email: "weg@test.example", deactivatedAt: Date.now() });
    expect(await signIn({ email: "weg@test.example", password: FACTORY_PASSWORD })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses even the right password after 5 failures within 15 minutes, for 15 minutes", async () => {
    await makeUser({ email: "lid@test.example" });
    const now = Date.now();
    for (let i = 0; i < 5; i++) {
      expect(await signIn({ email: "lid@test.example", password: "fout", now: now + i })).toMatchObject({
        reason: "invalid",
      });
    }
    const refused = await signIn({ email: "lid@test.example", password: FACTORY_PASSWORD, now: now + 10 });
    expect(refused).toEqual({ ok: false, reason: "locked", until: now + 4 + LOCK_MS });
    const later = await signIn({ email: "lid@test.example", password: FACTORY_PASSWORD, now: now + 4 + LOCK_MS });
    expect(later.ok).toBe(true);
  });

  it("locks per address: other addresses still sign in", async () => {
    await makeUser({ email: "a@test.example" });
    await makeUser({ email: "b@test.example" });
    for (let i = 0; i < 5; i++) await signIn({ email: "a@test.example", password: "fout" });
    expect((await signIn({ email: "b@test.example", password: FACTORY_PASSWORD })).ok).toBe(true);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    await makeUser({ email: "lid@test.example" });
    for (let i = 0; i < 4; i++) await signIn({ email: "lid@test.example", password: "fout" });
    expect((await signIn({ email: "lid@test.example", password: FACTORY_PASSWORD })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signIn({ email: "lid@test.example", password: "fout" });
    expect((await signIn({ email: "lid@test.example", password: FACTORY_PASSWORD })).ok).toBe(true);
  });

  it("forgets throttle rows only once they no longer matter", async () => {
    const now = Date.now();
    await signIn({ email: "oud@test.example", password: "fout", now: now - 20 * 60_000 });
    await signIn({ email: "recent@test.example", password: "fout", now });
    deleteStaleSignInThrottles({ now });
    expect(getDb().select({ email: signInThrottles.email }).from(signInThrottles).all()).toEqual([
      { email: "recent@test.example" },
    ]);
  });
});
