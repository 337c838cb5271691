import { describe, expect, it } from "vitest";
import { makeUser } from "../../tests/factories";
import { createSession } from "~/models/sessions.server";
import { Forbidden } from "~/models/errors";
import { requireRole, requireUser } from "./permissions.server";
import { SESSION_COOKIE } from "./session.server";

async function requestAs(role: "beheerder" | "lid" | null, init: RequestInit = {}, path = "/beheer?x=1") {
  const headers = new Headers(init.headers);
  headers.set("host", "localhost");
  if (role) {
    const { user } = await makeUser({ role });
    const { token } = createSession({ userId: user.id });
    headers.set("cookie", `${SESSION_COOKIE}=${token}`);
  }
  return new Request(`http://localhost${path}`, { ...init, headers });
}

async function thrown(fn: () => unknown): Promise<Response> {
  try {
    fn();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("verwachtte een Response");
}

describe("requireUser", () => {
  it("sends an anonymous visitor to the sign-in page and back again", async () => {
    const request = await requestAs(null);
    const response = await thrown(() => requireUser(request));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/inloggen?redirectTo=%2Fbeheer%3Fx%3D1");
  });

  it("returns the signed-in viewer", async () => {
    const viewer = requireUser(await requestAs("lid"));
    expect(viewer.role).toBe("lid");
  });

  it("refuses a cross-site post even with a valid session", async () => {
    const request = await requestAs("beheerder", { method: "POST", headers: { origin: "https://aanvaller.example" } });
    expect(() => requireUser(request)).toThrow(Forbidden);
  });
});

describe("requireRole", () => {
  it("lets the right role through", async () => {
    expect(requireRole(await requestAs("beheerder"), ["beheerder"]).role).toBe("beheerder");
  });

  it("refuses another role (answered with the 403 page)", async () => {
    const request = await requestAs("lid");
    expect(() => requireRole(request, ["beheerder"])).toThrow(Forbidden);
  });
});
