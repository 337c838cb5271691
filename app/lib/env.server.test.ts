import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

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
});
