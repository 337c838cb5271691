import { describe, expect, it } from "vitest";
import { FACTORY_PASSWORD, makeUser } from "../../tests/factories";
import { getDb } from "~/lib/db.server";
import { attemptThrottles } from "../../db/schema";
import { signIn } from "./sign-in.server";
import { validateSessionToken } from "./sessions.server";
import { deleteStaleThrottles } from "./throttles.server";

const attacker = "203.0.113.66";
const member = "198.51.100.7";

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

  it("checks six of twenty concurrent guesses from one client; the others must wait", async () => {
    await makeUser({ email: "doelwit@test.example" });
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signIn({ email: "doelwit@test.example", password: `gok-${i}`, clientAddress: attacker }),
      ),
    );
    expect(guesses.filter((g) => !g.ok && g.reason === "invalid")).toHaveLength(6);
    expect(guesses.filter((g) => !g.ok && g.reason === "waiting")).toHaveLength(14);
  });

  it("does not keep the rightful member out while someone else guesses their password", async () => {
    await makeUser({ email: "burgemeester@test.example" });
    const now = Date.now();
    for (let i = 0; i < 30; i++)
      await signIn({ email: "burgemeester@test.example", password: `gok-${i}`, clientAddress: attacker, now: now + i });
    expect(
      await signIn({ email: "burgemeester@test.example", password: "gok-x", clientAddress: attacker, now: now + 40 }),
    ).toMatchObject({ ok: false, reason: "waiting" });
    const own = await signIn({
      email: "burgemeester@test.example",
      password: FACTORY_PASSWORD,
      clientAddress: member,
      now: now + 50,
    });
    expect(own.ok).toBe(true);
  });

  it("lets the right password through once the wait is over, and doubles the wait per further failure", async () => {
    await makeUser({ email: "lid@test.example" });
    const now = Date.now();
    const at = (i: number) => ({ email: "lid@test.example", clientAddress: member, now: now + i });
    for (let i = 0; i < 5; i++)
      expect(await signIn({ ...at(i), password: "fout" })).toMatchObject({ reason: "invalid" });
    expect(await signIn({ ...at(5), password: "fout" })).toMatchObject({ reason: "invalid" });
    expect(await signIn({ ...at(6), password: FACTORY_PASSWORD })).toEqual({
      ok: false,
      reason: "waiting",
      until: now + 5 + 30_000,
    });
    expect(await signIn({ ...at(5 + 30_000), password: "fout" })).toMatchObject({ reason: "invalid" });
    expect(await signIn({ ...at(6 + 30_000), password: FACTORY_PASSWORD })).toEqual({
      ok: false,
      reason: "waiting",
      until: now + 5 + 30_000 + 60_000,
    });
    expect((await signIn({ ...at(5 + 90_000), password: FACTORY_PASSWORD })).ok).toBe(true);
  });

  it("slows one client spraying one password over many addresses", async () => {
    const now = Date.now();
    const answers = [];
    for (let i = 0; i < 25; i++)
      answers.push(
        await signIn({ email: `lid${i}@test.example`, password: "Zomer2026!", clientAddress: attacker, now: now + i }),
      );
    expect(answers.filter((a) => !a.ok && a.reason === "invalid")).toHaveLength(21);
    expect(answers.filter((a) => !a.ok && a.reason === "waiting")).toHaveLength(4);
  });

  it("refuses a deactivated user like a wrong password", async () => {
    await makeUser({ email: "weg@test.example", deactivatedAt: Date.now() });
    expect(await signIn({ email: "weg@test.example", password: FACTORY_PASSWORD })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    await makeUser({ email: "lid@test.example" });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) await signIn({ email: "lid@test.example", password: "fout", clientAddress: member });
      expect((await signIn({ email: "lid@test.example", password: FACTORY_PASSWORD, clientAddress: member })).ok).toBe(
        true,
      );
    }
  });

  it("forgets throttle rows only once they no longer matter", async () => {
    const now = Date.now();
    await signIn({ email: "oud@test.example", password: "fout", clientAddress: attacker, now: now - 61 * 60_000 });
    await signIn({ email: "recent@test.example", password: "fout", clientAddress: member, now });
    deleteStaleThrottles({ now });
    expect(
      getDb()
        .select({ key: attemptThrottles.key })
        .from(attemptThrottles)
        .all()
        .map((row) => row.key)
        .sort(),
    ).toEqual([`wachtwoord-client:${member}`, `wachtwoord:recent@test.example|${member}`]);
  });
});
