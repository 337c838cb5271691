import { describe, expect, it } from "vitest";
import { weakPasswordReason } from "./password-strength.server";

describe("weakPasswordReason", () => {
  it.each(["wachtwoord123", "Welkom2026!!", "password1234", "qwertyuiop123", "aaaaaaaaaaaa", "123456789012"])(
    "refuses the common or patterned %s",
    (password) => {
      expect(weakPasswordReason(password)).not.toBeNull();
    },
  );

  it("refuses a password built from the person's own name", () => {
    expect(weakPasswordReason("Ellenbrink2026", ["Ellen Brink", "e.brink@hengelo.example"])).toMatch(/uw naam/);
  });

  it.each(["paarse fiets onder de brug", "Kaasschaaf-Molenwiek-71", "tulpen regen koffie lamp"])(
    "accepts the passphrase %s without any composition rule",
    (password) => {
      expect(weakPasswordReason(password, ["Ellen Brink"])).toBeNull();
    },
  );
});

describe("weakPasswordReason with personal details in a long passphrase", () => {
  it("accepts a long passphrase that happens to hold the person's name", () => {
    expect(weakPasswordReason("ellen fietst graag langs de dinkel", ["Ellen Brink"])).toBeNull();
  });
});
