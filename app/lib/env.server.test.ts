import { describe, expect, it } from "vitest";
import { mfaPolicy, parseEnv, securityContacts, contactEmail } from "./env.server";

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

  it("requires a contact for vulnerability reports in production, and checks its form", () => {
    const production = {
      NODE_ENV: "production",
      GREMIUM_DEMO: "0",
      PUBLIC_URL: "https://gremium.example",
      CONTACT_EMAIL: "secretariaat@twente.example",
    };
    expect(() => parseEnv(production)).toThrow(/SECURITY_CONTACT ontbreekt/);
    expect(
      securityContacts(
        parseEnv({ ...production, SECURITY_CONTACT: "mailto:cvd@twente.example, https://twente.example/cvd" }),
      ),
    ).toEqual(["mailto:cvd@twente.example", "https://twente.example/cvd"]);
    expect(() => parseEnv({ SECURITY_CONTACT: "security@twente.example" })).toThrow(/mailto:/);
    expect(securityContacts(parseEnv({}))).toEqual(["mailto:security@gremium.example"]);
  });

  it("requires a contact address for the public in production, and gives the demo's otherwise", () => {
    const production = {
      NODE_ENV: "production",
      GREMIUM_DEMO: "0",
      PUBLIC_URL: "https://gremium.example",
      SECURITY_CONTACT: "mailto:cvd@twente.example",
    };
    expect(() => parseEnv(production)).toThrow(/CONTACT_EMAIL ontbreekt/);
    expect(contactEmail(parseEnv({ ...production, CONTACT_EMAIL: "zvs@twente.example" }))).toBe("zvs@twente.example");
    expect(() => parseEnv({ CONTACT_EMAIL: "geen adres" })).toThrow(/CONTACT_EMAIL moet een e-mailadres zijn/);
    expect(contactEmail(parseEnv({}))).toBe("secretariaat@gremium.example");
  });
});
