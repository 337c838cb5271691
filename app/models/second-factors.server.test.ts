import { afterEach, describe, expect, it } from "vitest";
import { FACTORY_PASSWORD, makeViewer } from "../../tests/factories";
import { auditLog, totpCredentials } from "../../db/schema";
import { getDb } from "~/lib/db.server";
import { reloadEnv } from "~/lib/env.server";
import { totpCode } from "~/lib/totp.server";
import { Forbidden, RuleError, TooManyAttempts } from "./errors";
import {
  confirmTotpEnrolment,
  describeSecondFactors,
  hasSecondFactor,
  regenerateRecoveryCodes,
  removeTotp,
  resetSecondFactors,
  secondStepRequired,
  startTotpEnrolment,
  verifySecondStepCode,
} from "./second-factors.server";
import { createSession, validateSessionToken } from "./sessions.server";
import { signIn } from "./sign-in.server";

afterEach(() => {
  delete process.env.GREMIUM_MFA;
  reloadEnv();
});

function pendingSecret(userId: number) {
  const row = getDb()
    .select()
    .from(totpCredentials)
    .all()
    .find((r) => r.userId === userId);
  return row!.pendingSecret!;
}

async function enrolledHolder(now = Date.now()) {
  const holder = await makeViewer();
  startTotpEnrolment({ holder, now });
  const secret = pendingSecret(holder.userId);
  const codes = confirmTotpEnrolment({ holder, code: totpCode(secret, now), now });
  return { holder, secret, codes };
}

function actions() {
  return getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .all()
    .map((row) => row.action);
}

describe("authenticator app", () => {
  it("is enrolled with a QR code and a first code, and hands out ten recovery codes once", async () => {
    const holder = await makeViewer();
    startTotpEnrolment({ holder });
    const shown = describeSecondFactors({ holder });
    expect(shown.enrolment?.uri).toMatch(/^otpauth:\/\/totp\/Gremium:/);
    expect(shown.enrolment?.qrSvg).toMatch(/^<svg/);
    expect(hasSecondFactor(holder.userId)).toBe(false);

    const secret = pendingSecret(holder.userId);
    expect(() =>
      confirmTotpEnrolment({ holder, code: "000000" === totpCode(secret, Date.now()) ? "111111" : "000000" }),
    ).toThrow(RuleError);
    const codes = confirmTotpEnrolment({ holder, code: totpCode(secret, Date.now()) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(hasSecondFactor(holder.userId)).toBe(true);
    expect(describeSecondFactors({ holder })).toMatchObject({ enrolment: null, recoveryCodesLeft: 10 });
    expect(actions()).toContain("user.totp-enrol");
    // The codes are kept hashed only.
    const stored =
      JSON.stringify(getDb().select().from(auditLog).all()) + JSON.stringify(describeSecondFactors({ holder }));
    for (const code of codes) expect(stored).not.toContain(code);
  });

  it("asks for the second step after the right password once an app is enrolled", async () => {
    const { holder } = await enrolledHolder();
    const result = await signIn({ email: holder.email, password: FACTORY_PASSWORD });
    expect(result).toMatchObject({ ok: true, secondStep: "verificatie" });
    if (result.ok) expect(validateSessionToken({ token: result.token })?.secondStep).toBe("verificatie");
  });

  it("accepts each app code once", async () => {
    const now = Date.now();
    const { holder, secret } = await enrolledHolder(now - 60_000);
    const code = totpCode(secret, now);
    expect(verifySecondStepCode({ holder, code, now })).toEqual({ method: "app", recoveryCodesLeft: null });
    expect(() => verifySecondStepCode({ holder, code, now: now + 1000 })).toThrow(/klopt niet of is al gebruikt/);
  });

  it("accepts a recovery code once, typed in any case and with or without dashes", async () => {
    const { holder, codes } = await enrolledHolder();
    const typed = codes[3]!.toUpperCase().replace(/-/g, " ");
    expect(verifySecondStepCode({ holder, code: typed })).toEqual({ method: "herstelcode", recoveryCodesLeft: 9 });
    expect(() => verifySecondStepCode({ holder, code: codes[3]! })).toThrow(RuleError);
    expect(actions()).toContain("user.recovery-code-use");
    expect(actions()).toContain("user.code-refused");
  });

  it("slows code guessing per account", async () => {
    const { holder } = await enrolledHolder();
    const now = Date.now();
    let refusedForWaiting = 0;
    for (let i = 0; i < 12; i++) {
      try {
        verifySecondStepCode({ holder, code: "abcd-efgh-jkmn", now: now + i });
      } catch (error) {
        if (error instanceof TooManyAttempts) refusedForWaiting++;
      }
    }
    expect(refusedForWaiting).toBe(1);
  });

  it("new recovery codes replace the old ones", async () => {
    const { holder, codes } = await enrolledHolder();
    const fresh = regenerateRecoveryCodes({ holder });
    expect(() => verifySecondStepCode({ holder, code: codes[0]! })).toThrow(RuleError);
    expect(verifySecondStepCode({ holder, code: fresh[0]! }).method).toBe("herstelcode");
  });
});

describe("enforcement", () => {
  it("follows GREMIUM_MFA: everyone, beheer and secretariaat, or nobody", () => {
    expect(secondStepRequired("lid", "verplicht")).toBe(true);
    expect(secondStepRequired("secretariaat", "beheer")).toBe(true);
    expect(secondStepRequired("beheerder", "beheer")).toBe(true);
    expect(secondStepRequired("lid", "beheer")).toBe(false);
    expect(secondStepRequired("beheerder", "optioneel")).toBe(false);
  });

  it("sends someone who must and has not enrolled to enrolment after the password", async () => {
    process.env.GREMIUM_MFA = "beheer";
    reloadEnv();
    const admin = await makeViewer({ role: "beheerder" });
    const member = await makeViewer({ role: "lid" });
    expect(await signIn({ email: admin.email, password: FACTORY_PASSWORD })).toMatchObject({
      secondStep: "inschrijving",
    });
    expect(await signIn({ email: member.email, password: FACTORY_PASSWORD })).toMatchObject({ secondStep: null });
  });

  it("keeps the last second factor where one is required", async () => {
    const { holder } = await enrolledHolder();
    process.env.GREMIUM_MFA = "verplicht";
    reloadEnv();
    expect(() => removeTotp({ holder })).toThrow(/verplicht/);
    process.env.GREMIUM_MFA = "optioneel";
    reloadEnv();
    removeTotp({ holder });
    expect(hasSecondFactor(holder.userId)).toBe(false);
    expect(describeSecondFactors({ holder }).recoveryCodesLeft).toBe(0);
    expect(actions()).toContain("user.totp-remove");
  });
});

describe("the beheerder's reset", () => {
  it("clears a person's second factors and sessions, and only a beheerder may", async () => {
    const { holder } = await enrolledHolder();
    const session = createSession({ userId: holder.userId });
    const secretary = await makeViewer({ role: "secretariaat" });
    expect(() => resetSecondFactors({ viewer: secretary, userId: holder.userId })).toThrow(Forbidden);
    const admin = await makeViewer({ role: "beheerder" });
    resetSecondFactors({ viewer: admin, userId: holder.userId });
    expect(hasSecondFactor(holder.userId)).toBe(false);
    expect(describeSecondFactors({ holder }).recoveryCodesLeft).toBe(0);
    expect(validateSessionToken({ token: session.token })).toBeNull();
    expect(actions()).toContain("user.second-step-reset");
  });
});
