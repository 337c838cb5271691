import { describe, expect, it } from "vitest";
import { makeUser } from "../../tests/factories";
import { createSession, PENDING_TTL_MS, validateSessionToken } from "~/models/sessions.server";
import { getPendingSignIn, getViewer, safeRedirect, SESSION_COOKIE } from "./session.server";

describe("where sign-in sends someone back to", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeRedirect("/account")).toBe("/account");
    expect(safeRedirect("/besluiten?jaar=2026&gremium=sg#lijst")).toBe("/besluiten?jaar=2026&gremium=sg#lijst");
  });

  it("refuses anything a browser would take to another site", () => {
    for (const elsewhere of [
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "https://evil.example/",
      "evil.example",
      "javascript:alert(1)",
      " /account",
      "",
    ])
      expect(safeRedirect(elsewhere), JSON.stringify(elsewhere)).toBe("/mijn");
    expect(safeRedirect(null)).toBe("/mijn");
  });

  it("gives a value that is always valid in a Location header", () => {
    const wide = safeRedirect("/zoeken?q=zorg\u3000veiligheid");
    expect(wide).toBe("/zoeken?q=zorg%E3%80%80veiligheid");
    expect(() => new Headers({ Location: wide })).not.toThrow();
    expect(safeRedirect("/a\u0000b")).toBe("/mijn");
  });
});

describe("a session half-way its second step", () => {
  it("has no viewer: it sees what a visitor sees, only the step's pages know the person", async () => {
    const { user } = await makeUser({ email: "halfweg@test.example" });
    const { token } = createSession({ userId: user.id, secondStep: "verificatie" });
    const request = new Request("http://localhost/vergaderingen", {
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect(getViewer(request)).toBeNull();
    expect(getPendingSignIn(request)).toMatchObject({ userId: user.id, step: "verificatie" });
  });

  it("lasts minutes, not days, and is not extended by use", async () => {
    const { user } = await makeUser({ email: "halfweg@test.example" });
    const now = Date.now();
    const { token, session } = createSession({ userId: user.id, secondStep: "inschrijving", now });
    expect(session.expiresAt - now).toBe(PENDING_TTL_MS);
    expect(validateSessionToken({ token, now: now + PENDING_TTL_MS - 1 })?.renewed).toBe(false);
    expect(validateSessionToken({ token, now: now + PENDING_TTL_MS })).toBeNull();
  });
});
