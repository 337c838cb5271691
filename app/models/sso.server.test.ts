import { describe, expect, it } from "vitest";
import { makeViewer } from "../../tests/factories";
import { Forbidden, RuleError } from "./errors";
import {
  createSsoProvider,
  findSsoProviderForEmail,
  listSsoProviders,
  removeSsoProvider,
  ssoConfigured,
} from "./sso.server";

const input = {
  name: "Gemeente Enschede",
  issuer: "https://login.microsoftonline.com/tenant/v2.0",
  clientId: "client",
  clientSecret: "geheim",
  domains: ["enschede.example", "gemeente-enschede.example"],
};

describe("organisation sign-in methods", () => {
  it("routes addresses of its domains to the organisation, others to the password", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    expect(ssoConfigured()).toBe(false);
    const { id } = createSsoProvider({ viewer: admin, input });
    expect(ssoConfigured()).toBe(true);
    expect(findSsoProviderForEmail(" W.Wethouder@Enschede.example ")).toEqual({ id, name: "Gemeente Enschede" });
    expect(findSsoProviderForEmail("iemand@hengelo.example")).toBeNull();
    expect(findSsoProviderForEmail("geen-adres")).toBeNull();
    expect(listSsoProviders({ viewer: admin })[0]).not.toHaveProperty("clientSecret");
    removeSsoProvider({ viewer: admin, id });
    expect(findSsoProviderForEmail("w.wethouder@enschede.example")).toBeNull();
  });

  it("refuses a domain another organisation already has, a provider over plain http, and anyone but the beheerder", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    createSsoProvider({ viewer: admin, input });
    expect(() =>
      createSsoProvider({ viewer: admin, input: { ...input, name: "Ander", domains: ["enschede.example"] } }),
    ).toThrow(/enschede\.example hoort al bij Gemeente Enschede/);
    expect(() =>
      createSsoProvider({ viewer: admin, input: { ...input, issuer: "http://idp.example", domains: ["x.example"] } }),
    ).toThrow(RuleError);
    const secretary = await makeViewer({ role: "secretariaat" });
    expect(() => createSsoProvider({ viewer: secretary, input: { ...input, domains: ["y.example"] } })).toThrow(
      Forbidden,
    );
  });
});
