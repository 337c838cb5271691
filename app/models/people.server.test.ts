import { describe, expect, it } from "vitest";
import { makeOrganisation, makePerson, makeViewer } from "../../tests/factories";
import { listAuditEntries } from "./audit.server";
import { ConflictError, Forbidden, RuleError } from "./errors";
import {
  createOrganisation,
  createPerson,
  getPersonForEdit,
  listOrganisationsForAdmin,
  listPeople,
  updateOrganisation,
  updatePerson,
} from "./people.server";
import { createUser, getUserForEdit } from "./users.server";

describe("people", () => {
  it("a beheerder adds a person without an account and edits them; both changes are logged", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const org = makeOrganisation({ name: "Gemeente Losser" });
    const { id } = createPerson({
      viewer: admin,
      input: { name: "Burgemeester Zonder Account", organisationId: org.id },
    });
    expect(listPeople({ viewer: admin }).find((p) => p.id === id)).toMatchObject({
      userId: null,
      organisationName: "Gemeente Losser",
    });
    updatePerson({
      viewer: admin,
      id,
      expectedVersion: 1,
      input: { name: "Burgemeester B.", jobTitle: "Burgemeester" },
    });
    expect(getPersonForEdit({ viewer: admin, id })).toMatchObject({
      name: "Burgemeester B.",
      jobTitle: "Burgemeester",
      organisationId: null,
    });
    const [update, create] = listAuditEntries({ viewer: admin }).entries;
    expect(create).toMatchObject({ action: "person.create", entityId: id });
    expect(update.before).toMatchObject({ name: "Burgemeester Zonder Account" });
    expect(update.after).toMatchObject({ name: "Burgemeester B." });
  });

  it("detects a conflicting edit", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const person = makePerson();
    updatePerson({ viewer: admin, id: person.id, expectedVersion: 1, input: { name: "Eerste" } });
    expect(() => updatePerson({ viewer: admin, id: person.id, expectedVersion: 1, input: { name: "Tweede" } })).toThrow(
      ConflictError,
    );
  });

  it("refuses an e-mail address another person already has", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    makePerson({ email: "bezet@x.example" });
    expect(() => createPerson({ viewer: admin, input: { name: "X", email: "BEZET@x.example" } })).toThrow(RuleError);
  });

  it("creating a user with a known person's address links the account to that person", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const { id: personId } = createPerson({
      viewer: admin,
      input: { name: "Lid Zonder Account", email: "lid@x.example" },
    });
    const { id } = await createUser({
      viewer: admin,
      input: { name: "Lid Zonder Account", email: "lid@x.example", role: "lid" },
      baseUrl: "https://gremium.example",
    });
    expect(getUserForEdit({ viewer: admin, id })?.personId).toBe(personId);
  });

  it("is for the beheerder only", async () => {
    const viewer = await makeViewer({ role: "secretariaat" });
    expect(() => listPeople({ viewer })).toThrow(Forbidden);
  });
});

describe("organisations", () => {
  it("the beheerder adds and renames one; a stale rename and a member are refused", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const { id } = createOrganisation({ viewer: admin, input: { name: "GGZ Oost Brabant-Twente", kind: "partner" } });
    const listed = listOrganisationsForAdmin({ viewer: admin }).find((o) => o.id === id)!;
    expect(listed).toMatchObject({ slug: "ggz-oost-brabant-twente", kind: "partner", people: 0, version: 1 });
    updateOrganisation({ viewer: admin, id, expectedVersion: 1, input: { name: "Mediant GGZ", kind: "partner" } });
    expect(() =>
      updateOrganisation({ viewer: admin, id, expectedVersion: 1, input: { name: "Anders", kind: "partner" } }),
    ).toThrow(ConflictError);
    expect(() => createOrganisation({ viewer: admin, input: { name: "mediant ggz", kind: "partner" } })).toThrow(
      RuleError,
    );
    const member = await makeViewer({ role: "lid" });
    expect(() => createOrganisation({ viewer: member, input: { name: "VNG", kind: "partner" } })).toThrow(Forbidden);
  });
});
