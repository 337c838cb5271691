import { describe, expect, it } from "vitest";
import { countSessions, FACTORY_PASSWORD, makeOrganisation, makeUser, makeViewer } from "../../tests/factories";
import { startSmtp } from "../../tests/smtp";
import { reloadEnv } from "~/lib/env.server";
import { resetMailTransport } from "~/lib/mail.server";
import { listAuditEntries } from "./audit.server";
import { findPasswordToken, INVITATION_TTL_MS, reinviteUser, setPasswordWithToken } from "./password-tokens.server";
import { getDb } from "~/lib/db.server";
import { passwordTokens } from "../../db/schema";
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

const BASE = "https://gremium.example";

const newUser = {
  name: "Nieuwe Collega",
  email: "Nieuw@Test.example",
  role: "secretariaat" as const,
};

describe("users", () => {
  it("a beheerder creates a user, who is mailed an invitation to choose a password; the audit log says who did it", async () => {
    const smtp = await startSmtp();
    resetMailTransport();
    const admin = await makeViewer({ role: "beheerder", name: "Tom Beheer" });
    const org = makeOrganisation({ name: "Gemeente Testdorp" });
    const { id } = await createUser({ viewer: admin, input: { ...newUser, organisationId: org.id }, baseUrl: BASE });
    const user = getUserForEdit({ viewer: admin, id });
    expect(user).toMatchObject({
      email: "nieuw@test.example",
      role: "secretariaat",
      organisationName: "Gemeente Testdorp",
    });
    const [mail] = smtp.received;
    await smtp.close();
    delete process.env.SMTP_URL;
    reloadEnv();
    resetMailTransport();
    expect(mail!.subject).toBe("Uitnodiging voor Gremium");
    expect(mail!.text).toContain("Tom Beheer heeft een account voor u aangemaakt");
    expect(mail!.text).toContain("72 uur");
    const token = /\/wachtwoord-instellen\/([a-z0-9]+)/.exec(mail!.text!)![1]!;
    expect(findPasswordToken({ token })).toMatchObject({ purpose: "uitnodiging", email: "nieuw@test.example" });
    // Nobody knows a password until the invitation is used.
    await setPasswordWithToken({ token, newPassword: "paarse fiets onder de brug" });
    expect((await signIn({ email: "nieuw@test.example", password: "paarse fiets onder de brug" })).ok).toBe(true);
    expect(findPasswordToken({ token })).toBeNull();
    const entry = listAuditEntries({ viewer: admin }).entries.find((e) => e.action === "user.create")!;
    expect(entry).toMatchObject({ action: "user.create", actorName: admin.name, entityId: id });
    expect(entry.after).toMatchObject({ email: "nieuw@test.example", role: "secretariaat" });
  });

  it("lets an invitation expire after 72 hours; a new one replaces it", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const now = Date.now();
    const { id } = await createUser({ viewer: admin, input: newUser, baseUrl: BASE, now });
    const tokens = getDb().select().from(passwordTokens).all();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ userId: id, purpose: "uitnodiging", expiresAt: now + INVITATION_TTL_MS });
    await reinviteUser({ viewer: admin, userId: id, baseUrl: BASE, secondStepRequired: () => false, now: now + 1 });
    const after = getDb().select().from(passwordTokens).all();
    expect(after.filter((t) => t.usedAt === null)).toHaveLength(1);
    expect(listAuditEntries({ viewer: admin }).entries[0]).toMatchObject({ action: "user.invite", entityId: id });
  });

  it("refuses a second user with the same address, next to the e-mail field", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    await createUser({ viewer: admin, input: newUser, baseUrl: BASE });
    await expect(createUser({ viewer: admin, input: newUser, baseUrl: BASE })).rejects.toMatchObject({
      fieldErrors: { email: ["Er is al een gebruiker met dit e-mailadres."] },
    });
  });

  it("lets only a beheerder manage users", async () => {
    for (const role of ["secretariaat", "kwartiermaker", "lid"] as const) {
      const viewer = await makeViewer({ role });
      await expect(
        createUser({ viewer, input: { ...newUser, email: `${role}@x.example` }, baseUrl: BASE }),
      ).rejects.toBeInstanceOf(Forbidden);
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
