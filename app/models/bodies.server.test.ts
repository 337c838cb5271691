import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makeOrganisation, makePerson, makeViewer } from "../../tests/factories";
import { listAuditEntries } from "./audit.server";
import { createBody, getBodyBySlug, listBodiesGrouped, retireBody, updateBody } from "./bodies.server";
import { ConflictError, Forbidden, RuleError } from "./errors";

const input = {
  name: "Themagroep Test",
  slug: "themagroep-test",
  kind: "themagroep" as const,
  purposeMarkdown: "Wij **testen**.\n\n<script>alert(1)</script>",
  activeFrom: "2026-01-01",
};

describe("bodies", () => {
  it("groups active bodies: stuurgroep, expertgroep with its themagroepen, others; retired apart", () => {
    const steering = makeBody({ kind: "stuurgroep", name: "Stuurgroep" });
    const expert = makeBody({ kind: "expertgroep", name: "Expertgroep", parentId: steering.id });
    const theme = makeBody({ kind: "themagroep", name: "Thema", parentId: expert.id });
    const board = makeBody({ kind: "bestuur", name: "AB" });
    const old = makeBody({ kind: "themagroep", name: "Oud", parentId: expert.id, activeUntil: "2021-01-01" });
    const groups = listBodiesGrouped({ viewer: null });
    expect(groups.steering.map((b) => b.id)).toEqual([steering.id]);
    expect(groups.expert.map((b) => [b.id, b.children.map((c) => c.id)])).toEqual([[expert.id, [theme.id]]]);
    expect(groups.other.map((b) => b.id)).toEqual([board.id]);
    expect(groups.retired.map((b) => b.id)).toEqual([old.id]);
  });

  it("shows members with role and organisation, e-mail addresses only to signed-in viewers", async () => {
    const body = makeBody({ slug: "stuurgroep" });
    const org = makeOrganisation({ name: "Gemeente Hengelo" });
    const chair = makePerson({ name: "Voorzitter", email: "v@x.example", organisationId: org.id });
    const former = makePerson({ name: "Oud-lid" });
    makeMembership({ bodyId: body.id, personId: chair.id, role: "voorzitter" });
    makeMembership({ bodyId: body.id, personId: former.id, endsOn: "2021-01-01" });
    const anonymous = getBodyBySlug({ viewer: null, slug: "stuurgroep" });
    expect(anonymous?.members).toEqual([
      expect.objectContaining({
        personName: "Voorzitter",
        role: "voorzitter",
        organisationName: "Gemeente Hengelo",
        email: null,
      }),
    ]);
    const signedIn = getBodyBySlug({ viewer: await makeViewer(), slug: "stuurgroep" });
    expect(signedIn?.members[0].email).toBe("v@x.example");
  });

  it("renders and sanitises the purpose when saving, and logs the creation", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const body = createBody({ viewer: admin, input });
    expect(body.purposeHtml).toContain("<strong>testen</strong>");
    expect(body.purposeHtml).not.toContain("script");
    expect(listAuditEntries({ viewer: admin }).entries[0]).toMatchObject({ action: "body.create", entityId: body.id });
  });

  it("refuses a web address that is taken", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    makeBody({ slug: "themagroep-test" });
    expect(() => createBody({ viewer: admin, input })).toThrow(RuleError);
  });

  it("refuses a parent that would make a loop", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const top = makeBody({ kind: "expertgroep" });
    const child = makeBody({ parentId: top.id });
    expect(() =>
      updateBody({
        viewer: admin,
        id: top.id,
        expectedVersion: 1,
        input: { ...input, slug: top.slug, parentId: child.id },
      }),
    ).toThrow(/valt al \(indirect\) onder/);
  });

  it("detects a conflicting edit", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const body = createBody({ viewer: admin, input });
    updateBody({ viewer: admin, id: body.id, expectedVersion: 1, input: { ...input, name: "Eerste" } });
    expect(() =>
      updateBody({ viewer: admin, id: body.id, expectedVersion: 1, input: { ...input, name: "Tweede" } }),
    ).toThrow(ConflictError);
    expect(getBodyBySlug({ viewer: null, slug: input.slug })?.name).toBe("Eerste");
  });

  it("retires a body: it leaves the active lists but stays readable", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const body = createBody({ viewer: admin, input });
    retireBody({ viewer: admin, id: body.id, expectedVersion: 1, activeUntil: "2026-02-01" });
    expect(listBodiesGrouped({ viewer: null }).retired.map((b) => b.id)).toEqual([body.id]);
    expect(getBodyBySlug({ viewer: null, slug: input.slug })).toMatchObject({
      retired: true,
      activeUntil: "2026-02-01",
    });
    expect(listAuditEntries({ viewer: admin }).entries[0]).toMatchObject({ action: "body.retire" });
  });

  it("will not retire a body whose child bodies are still active", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const parent = makeBody({ kind: "expertgroep" });
    makeBody({ parentId: parent.id, name: "Actieve themagroep" });
    expect(() => retireBody({ viewer: admin, id: parent.id, expectedVersion: 1, activeUntil: "2026-02-01" })).toThrow(
      /Actieve themagroep/,
    );
  });

  it("lets only a beheerder change bodies", async () => {
    const viewer = await makeViewer({ role: "secretariaat" });
    expect(() => createBody({ viewer, input })).toThrow(Forbidden);
  });
});
