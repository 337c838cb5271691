import { describe, expect, it } from "vitest";
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
    expect(() => assertSameOrigin(post({ origin: "https://aanvaller.example" }))).toThrow(Response);
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

  it("compares with the forwarded host and protocol behind a proxy", () => {
    const request = post({
      origin: "https://gremium.example",
      "x-forwarded-host": "gremium.example",
      "x-forwarded-proto": "https",
    });
    expect(isSameOriginRequest(request)).toBe(true);
  });
});
