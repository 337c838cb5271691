import { afterEach, describe, expect, it } from "vitest";
import { reloadEnv } from "~/lib/env.server";
import { Forbidden } from "~/models/errors";
import { assertSameOrigin, isSameOriginRequest } from "./csrf.server";

const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/beheer/gebruikers/nieuw", {
    method: "POST",
    headers: { host: "localhost:3000", ...headers },
  });

describe("cross-site request forgery check", () => {
  it("lets a post from the site itself through", () => {
    expect(isSameOriginRequest(post({ origin: "http://localhost:3000" }))).toBe(true);
  });

  it("refuses a post from another site", () => {
    expect(isSameOriginRequest(post({ origin: "https://aanvaller.example" }))).toBe(false);
    expect(() => assertSameOrigin(post({ origin: "https://aanvaller.example" }))).toThrow(Forbidden);
  });

  it("falls back to the Referer when a browser sends no Origin", () => {
    expect(isSameOriginRequest(post({ referer: "http://localhost:3000/beheer" }))).toBe(true);
    expect(isSameOriginRequest(post({ referer: "https://aanvaller.example/x" }))).toBe(false);
  });

  it("refuses a post that names no origin at all", () => {
    expect(isSameOriginRequest(post({}))).toBe(false);
  });

  it("lets reading requests through whatever their origin", () => {
    const get = new Request("http://localhost:3000/gremia", { headers: { origin: "https://elders.example" } });
    expect(isSameOriginRequest(get)).toBe(true);
  });

  describe("behind a proxy", () => {
    afterEach(() => {
      delete process.env.PUBLIC_URL;
      reloadEnv();
    });

    it("never takes the address from X-Forwarded-Host: the server built the request's URL", () => {
      const spoofed = post({ origin: "https://evil.example", "x-forwarded-host": "evil.example" });
      expect(isSameOriginRequest(spoofed)).toBe(false);
    });

    it("accepts a post from the public address the site is published under", () => {
      process.env.PUBLIC_URL = "https://gremium.example";
      reloadEnv();
      expect(isSameOriginRequest(post({ origin: "https://gremium.example" }))).toBe(true);
      expect(isSameOriginRequest(post({ origin: "http://gremium.example" }))).toBe(false);
    });
  });
});
