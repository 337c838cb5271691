import { describe, expect, it } from "vitest";
import { safeRedirect } from "./session.server";

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
      expect(safeRedirect(elsewhere), JSON.stringify(elsewhere)).toBe("/");
    expect(safeRedirect(null)).toBe("/");
  });

  it("gives a value that is always valid in a Location header", () => {
    const wide = safeRedirect("/zoeken?q=zorg\u3000veiligheid");
    expect(wide).toBe("/zoeken?q=zorg%E3%80%80veiligheid");
    expect(() => new Headers({ Location: wide })).not.toThrow();
    expect(safeRedirect("/a\u0000b")).toBe("/");
  });
});
