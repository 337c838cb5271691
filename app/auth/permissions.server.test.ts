import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makeUser, makeViewer } from "../../tests/factories";
import { createMeeting, publishAgenda } from "~/models/meetings.server";
import { createSession } from "~/models/sessions.server";
import { Forbidden, NotFound } from "~/models/errors";
import { refuseClosedRecord, requireRole, requireUser } from "./permissions.server";
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

describe("refuseClosedRecord", () => {
  async function closedMeeting({ publish }: { publish: boolean }) {
    const body = makeBody({ name: "Stuurgroep Proef" });
    const secretary = await makeViewer({ role: "secretariaat", name: "Sanne Secretaris", memberBodyIds: [body.id] });
    makeMembership({ bodyId: body.id, personId: secretary.personId, role: "secretaris" });
    const { id } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2027-02-10",
        startTime: "10:00",
        endTime: "12:00",
        location: "Almelo",
        isPublic: false,
      },
    });
    if (publish) publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    return { body, secretary, id, request: new Request(`http://localhost/vergaderingen/${id}?van=mail`) };
  }

  function refusal(fn: () => unknown) {
    try {
      fn();
    } catch (error) {
      return error;
    }
    throw new Error("verwachtte een weigering");
  }

  it("sends a signed-out reader of a closed meeting to sign in and back, without saying whether it exists", async () => {
    const { id, request } = await closedMeeting({ publish: true });
    const answer = refusal(() =>
      refuseClosedRecord(request, null, { kind: "meeting", id }, "Bestaat niet."),
    ) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(`/vergaderingen/${id}?van=mail`)}`,
    );
    const missing = refusal(() =>
      refuseClosedRecord(request, null, { kind: "meeting", id: id + 1000 }, "Bestaat niet."),
    ) as Response;
    expect(missing.status).toBe(302);
  });

  it("tells a signed-in outsider whose meeting it is and whom to ask", async () => {
    const { id, request } = await closedMeeting({ publish: true });
    const outsider = await makeViewer({ role: "lid" });
    const error = refusal(() => refuseClosedRecord(request, outsider, { kind: "meeting", id }, "Bestaat niet."));
    expect(error).toBeInstanceOf(Forbidden);
    expect((error as Error).message).toMatch(/van Stuurgroep Proef en alleen voor de leden/);
    expect((error as Error).message).toMatch(/secretariaat: Sanne Secretaris \(/);
  });

  it("tells a member that a concept is not yet published, and anyone that a missing record is missing", async () => {
    const { body, id, request } = await closedMeeting({ publish: false });
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    const concept = refusal(() => refuseClosedRecord(request, member, { kind: "meeting", id }, "Bestaat niet."));
    expect((concept as Error).message).toMatch(/nog niet gepubliceerd/);
    const missing = refusal(() => refuseClosedRecord(request, member, { kind: "action", id: 999999 }, "Bestaat niet."));
    expect(missing).toBeInstanceOf(NotFound);
  });
});
