import { describe, expect, it } from "vitest";
import { makeViewer } from "../../tests/factories";
import { ConflictError, Forbidden, RuleError } from "./errors";
import { eq } from "drizzle-orm";
import { getDb } from "~/lib/db.server";
import { ssoProviders } from "../../db/schema";
import {
  createSsoProvider,
  findSsoProviderForEmail,
  getSsoProviderForEdit,
  listSsoProviders,
  removeSsoProvider,
  ssoConfigured,
  updateSsoProvider,
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

  it("is changed with its version checked; an empty secret keeps the current one, a new one rotates it", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const { id } = createSsoProvider({ viewer: admin, input });
    const secretOf = () => getDb().select().from(ssoProviders).where(eq(ssoProviders.id, id)).get()!.clientSecret;
    updateSsoProvider({
      viewer: admin,
      id,
      expectedVersion: 1,
      input: { ...input, clientSecret: "", domains: ["enschede.example"] },
    });
    expect(secretOf()).toBe("geheim");
    expect(getSsoProviderForEdit({ viewer: admin, id })).toMatchObject({ version: 2, domains: ["enschede.example"] });
    expect(getSsoProviderForEdit({ viewer: admin, id })).not.toHaveProperty("clientSecret");
    expect(() => updateSsoProvider({ viewer: admin, id, expectedVersion: 1, input })).toThrow(ConflictError);
    updateSsoProvider({ viewer: admin, id, expectedVersion: 2, input: { ...input, clientSecret: "nieuw-geheim" } });
    expect(secretOf()).toBe("nieuw-geheim");
  });
});
