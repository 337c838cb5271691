import { describe, expect, it } from "vitest";
import { mfaPolicy, parseEnv } from "./env.server";

describe("configuration", () => {
  it("has working defaults", () => {
    expect(parseEnv({})).toMatchObject({
      PORT: 3000,
      DATABASE_URL: "data/gremium.db",
      GREMIUM_DEMO: "1",
      DEMO_PASSWORD: "gremium-demo",
    });
  });

  it("names every bad variable and why", () => {
    expect(() => parseEnv({ PORT: "veel", GREMIUM_DEMO: "ja" })).toThrow(
      /PORT[\s\S]*GREMIUM_DEMO: GREMIUM_DEMO moet 0 of 1 zijn/,
    );
  });

  it("refuses a short demo password", () => {
    expect(() => parseEnv({ DEMO_PASSWORD: "kort" })).toThrow(/DEMO_PASSWORD moet minstens 8 tekens/);
  });

  it("requires a second step for everyone in production, and leaves it optional for the demo", () => {
    expect(mfaPolicy(parseEnv({ GREMIUM_DEMO: "0", PUBLIC_URL: "https://gremium.example" }))).toBe("verplicht");
    expect(mfaPolicy(parseEnv({ GREMIUM_DEMO: "1" }))).toBe("optioneel");
    expect(mfaPolicy(parseEnv({ GREMIUM_DEMO: "1", GREMIUM_MFA: "beheer" }))).toBe("beheer");
    expect(() => parseEnv({ GREMIUM_MFA: "altijd" })).toThrow(/GREMIUM_MFA moet verplicht, beheer of optioneel zijn/);
  });
});
