import { describe, expect, it } from "vitest";
import { countSessions, FACTORY_PASSWORD, makeOrganisation, makeUser, makeViewer } from "../../tests/factories";
import { listAuditEntries } from "./audit.server";
import { ConflictError, Forbidden, RuleError, SessionEnded } from "./errors";
import { createSession, validateSessionToken } from "./sessions.server";
import { signIn } from "./sign-in.server";
import {
  changeOwnPassword,
  createUser,
  deactivateUser,
  getUserForEdit,
  reactivateUser,
  setUserRole,
} from "./users.server";

const newUser = {
  name: "Nieuwe Collega",
  email: "Nieuw@Test.example",
  role: "secretariaat" as const,
  password: "een-lang-startwachtwoord",
};

describe("users", () => {
  it("a beheerder creates a user who can then sign in; the audit log says who did it", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const org = makeOrganisation({ name: "Gemeente Testdorp" });
    const { id } = await createUser({ viewer: admin, input: { ...newUser, organisationId: org.id } });
    const user = getUserForEdit({ viewer: admin, id });
    expect(user).toMatchObject({
      email: "nieuw@test.example",
      role: "secretariaat",
      organisationName: "Gemeente Testdorp",
    });
    expect((await signIn({ email: "nieuw@test.example", password: newUser.password })).ok).toBe(true);
    const [entry] = listAuditEntries({ viewer: admin }).entries;
    expect(entry).toMatchObject({ action: "user.create", actorName: admin.name, entityId: id });
    expect(entry.after).toMatchObject({ email: "nieuw@test.example", role: "secretariaat" });
  });

  it("refuses a second user with the same address, next to the e-mail field", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    await createUser({ viewer: admin, input: newUser });
    await expect(createUser({ viewer: admin, input: newUser })).rejects.toMatchObject({
      fieldErrors: { email: ["Er is al een gebruiker met dit e-mailadres."] },
    });
  });

  it("lets only a beheerder manage users", async () => {
    for (const role of ["secretariaat", "kwartiermaker", "lid"] as const) {
      const viewer = await makeViewer({ role });
      await expect(createUser({ viewer, input: { ...newUser, email: `${role}@x.example` } })).rejects.toBeInstanceOf(
        Forbidden,
      );
    }
  });

  it("deactivating a user ends their open sessions at once and is logged", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const { user } = await makeUser();
    const { token } = createSession({ userId: user.id });
    deactivateUser({ viewer: admin, id: user.id, expectedVersion: user.version });
    expect(validateSessionToken({ token })).toBeNull();
    expect(countSessions(user.id)).toBe(0);
    expect(listAuditEntries({ viewer: admin }).entries[0]).toMatchObject({
      action: "user.deactivate",
      entityId: user.id,
    });
    reactivateUser({ viewer: admin, id: user.id, expectedVersion: user.version + 1 });
    expect(getUserForEdit({ viewer: admin, id: user.id })?.deactivatedAt).toBeNull();
  });

  it("a beheerder cannot deactivate their own account", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    expect(() => deactivateUser({ viewer: admin, id: admin.userId, expectedVersion: 1 })).toThrow(RuleError);
  });

  it("detects a conflicting edit instead of overwriting it", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const { user } = await makeUser();
    setUserRole({ viewer: admin, id: user.id, expectedVersion: 1, role: "kwartiermaker" });
    expect(() => setUserRole({ viewer: admin, id: user.id, expectedVersion: 1, role: "secretariaat" })).toThrow(
      ConflictError,
    );
    expect(getUserForEdit({ viewer: admin, id: user.id })?.role).toBe("kwartiermaker");
  });

  it("keeps at least one active beheerder", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    expect(() => setUserRole({ viewer: admin, id: admin.userId, expectedVersion: 1, role: "lid" })).toThrow(
      /minstens één actieve beheerder/,
    );
  });

  const strong = "paarse fiets onder de brug";

  it("changing one's password ends every session and checks the old password", async () => {
    const viewer = await makeViewer();
    const other = createSession({ userId: viewer.userId });
    await expect(changeOwnPassword({ viewer, currentPassword: "fout", newPassword: strong })).rejects.toThrow(
      RuleError,
    );
    await changeOwnPassword({ viewer, currentPassword: FACTORY_PASSWORD, newPassword: strong });
    expect(validateSessionToken({ token: other.token })).toBeNull();
    expect((await signIn({ email: viewer.email, password: strong })).ok).toBe(true);
  });

  it("refuses a common new password next to its field, and keeps the old one", async () => {
    const viewer = await makeViewer();
    const refusal = changeOwnPassword({ viewer, currentPassword: FACTORY_PASSWORD, newPassword: "Welkom2026!!" });
    await expect(refusal).rejects.toMatchObject({
      fieldErrors: { newPassword: [expect.stringMatching(/veelgebruikte/)] },
    });
    expect((await signIn({ email: viewer.email, password: FACTORY_PASSWORD })).ok).toBe(true);
  });

  it("slows wrong current passwords, and ends the session after five in a row", async () => {
    const viewer = await makeViewer();
    const now = Date.now();
    const attempt = (offset: number) =>
      changeOwnPassword({ viewer, currentPassword: "fout", newPassword: strong, now: now + offset });
    for (let i = 0; i < 3; i++) await expect(attempt(i)).rejects.toThrow(/klopt niet/);
    await expect(attempt(3)).rejects.toThrow(/klopt niet/);
    await expect(attempt(4)).rejects.toThrow(/Wacht 30 seconden/);
    await expect(attempt(3 + 30_000)).rejects.toBeInstanceOf(SessionEnded);
    expect(
      listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries.filter(
        (e) => e.action === "user.current-password-refused",
      ),
    ).toHaveLength(5);
  });
});
