import { describe, expect, it } from "vitest";
import { matchTotp, newTotpSecret, qrCodeSvg, stepAt, totpCode, totpUri } from "./totp.server";

describe("authenticator codes", () => {
  // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" gives 94287082 at 59 s (8 digits);
  // its last six digits are what a six-digit app shows.
  it("computes the codes of RFC 6238", () => {
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCode(secret, 59_000)).toBe("287082");
    expect(totpCode(secret, 1_111_111_109_000)).toBe("081804");
  });

  it("accepts the code of now and of one step either side, once each", () => {
    const secret = newTotpSecret();
    const now = Date.now();
    expect(matchTotp(secret, totpCode(secret, now), now, null)).toBe(stepAt(now));
    expect(matchTotp(secret, totpCode(secret, now, -1), now, null)).toBe(stepAt(now) - 1);
    expect(matchTotp(secret, totpCode(secret, now, 2), now, null)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now), now, stepAt(now))).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now, -1), now, stepAt(now))).toBeNull();
  });

  it("refuses a wrong or malformed code", () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const right = totpCode(secret, now);
    const wrong = right.replace(/^./, (digit) => String((Number(digit) + 1) % 10));
    expect(matchTotp(secret, wrong, now, null)).toBeNull();
    expect(matchTotp(secret, "12345", Date.now(), null)).toBeNull();
    expect(matchTotp(secret, "abcdef", Date.now(), null)).toBeNull();
  });

  it("offers the secret as an otpauth URI and a QR code", () => {
    const secret = newTotpSecret();
    const uri = totpUri(secret, "lid@test.example");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Gremium:lid%40test\.example\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrCodeSvg(uri)).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });
});
