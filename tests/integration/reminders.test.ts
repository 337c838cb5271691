import { describe, expect, it } from "vitest";
import { makeBody, makeOrganisation, makeUser, makeViewer } from "../factories";
import { mailToOutbox } from "../mail-env";
import { startSmtp } from "../smtp";
import { instantFromAmsterdam } from "../../app/lib/format";
import { runScheduledReminders } from "../../app/lib/background.server";
import { completeAction, createAction } from "../../app/models/actions.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { createMeeting, publishAgenda } from "../../app/models/meetings.server";
import { selectDigests, sendReminders } from "../../app/models/reminders.server";

mailToOutbox();
const BASE = "https://gremium.example";
const NOW = instantFromAmsterdam("2026-11-25", "08:00");
const day = (n: number) => NOW + n * 24 * 60 * 60_000;

/** Owners and an organisation contact with actions in every state the digest must tell apart. */
async function actionsInEveryState() {
  const police = makeOrganisation({ name: "Politie Oost-Nederland", kind: "partner" });
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const { person: lotte } = await makeUser({ name: "Lotte Jansen", email: "lotte@enschede.example" });
  const { person: gerrit } = await makeUser({
    name: "Gerrit Koster",
    email: "gerrit@politie.example",
    organisationId: police.id,
  });
  await makeUser({
    name: "Ellen Brink",
    email: "ellen@politie.example",
    organisationId: police.id,
    isOrganisationContact: true,
  });
  const { person: gone } = await makeUser({ name: "Oud Lid", email: "oud@gemeente.example", deactivatedAt: day(-30) });
  const { id: meetingId } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: body.id,
      date: "2026-11-01",
      startTime: "10:00",
      endTime: "11:00",
      location: "x",
      isPublic: false,
    },
  });
  publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
  const besloten = addAgendaItem({
    viewer: secretary,
    meetingId,
    input: { section: "B", subject: "Casus", proposalMarkdown: "", isConfidential: true },
  });
  const create = (description: string, ownerPersonId: number, dueOn: string, agendaItemId?: number) =>
    createAction({
      viewer: secretary,
      input: { bodyId: body.id, description, ownerPersonId, organisationId: null, dueOn, agendaItemId },
      now: day(-30),
    }).id;
  const ids = {
    overdue: create("Rapportage per gemeente", lotte.id, "2026-11-20"),
    soon: create("Werkwijze toelichten", lotte.id, "2026-12-05"),
    later: create("Evaluatie voorbereiden", lotte.id, "2027-03-01"),
    closed: create("Convenant rondsturen", lotte.id, "2026-12-01"),
    police: create("Politie-instructie aanpassen", gerrit.id, "2027-01-31"),
    policeBesloten: create("Gesprek met de betrokkene", gerrit.id, "2027-01-31", besloten.id),
    gone: create("Iets van een oud lid", gone.id, "2026-11-20"),
  };
  completeAction({ viewer: secretary, id: ids.closed, expectedVersion: 1, note: "Gedaan.", now: day(-1) });
  return ids;
}

describe("action digests", () => {
  it("owners get their overdue and soon-due actions; a contact gets the organisation's, without besloten ones", async () => {
    const ids = await actionsInEveryState();
    const digests = selectDigests({ now: NOW });
    expect(digests.map((d) => d.email).sort()).toEqual(["ellen@politie.example", "lotte@enschede.example"]);
    const lotte = digests.find((d) => d.email === "lotte@enschede.example")!;
    expect(lotte.own.map((a) => a.id)).toEqual([ids.overdue, ids.soon]);
    expect(lotte.organisation).toBeNull();
    const ellen = digests.find((d) => d.email === "ellen@politie.example")!;
    expect(ellen.own).toEqual([]);
    expect(ellen.organisation).toMatchObject({ name: "Politie Oost-Nederland" });
    expect(ellen.organisation!.actions.map((a) => a.id)).toEqual([ids.police]);
  });

  it("are mailed over SMTP with links to the actions, at most once a week, so a rerun sends nothing twice", async () => {
    const ids = await actionsInEveryState();
    const smtp = await startSmtp();
    try {
      const first = await sendReminders({ now: NOW, baseUrl: BASE });
      expect(first.sent).toHaveLength(2);
      expect(smtp.received).toHaveLength(2);
      const toLotte = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text.includes("lotte@"))!;
      expect(toLotte.subject).toBe("Uw acties in Gremium: 1 over de termijn, 2 in totaal");
      expect(toLotte.text).toContain(`${BASE}/acties/${ids.overdue}`);
      expect(toLotte.text).toContain(`${BASE}/acties/${ids.soon}`);
      expect(toLotte.text).not.toContain("Evaluatie voorbereiden");
      expect(toLotte.html).toContain(`href="${BASE}/acties/${ids.soon}"`);
      const toEllen = smtp.received.find((m) => m.subject === "Open acties van Politie Oost-Nederland")!;
      expect(toEllen.text).toContain("Politie-instructie aanpassen");
      expect(toEllen.text).not.toContain("Gesprek met de betrokkene");

      expect((await sendReminders({ now: NOW + 60_000, baseUrl: BASE })).sent).toEqual([]);
      expect((await sendReminders({ now: day(6), baseUrl: BASE })).sent).toEqual([]);
      expect(smtp.received).toHaveLength(2);
      const nextWeek = await sendReminders({ now: day(7), baseUrl: BASE });
      expect(nextWeek.sent.map((s) => s.email).sort()).toEqual(["ellen@politie.example", "lotte@enschede.example"]);
    } finally {
      await smtp.close();
    }
  });

  it("the daily schedule sends after seven in the morning, once a day", async () => {
    await actionsInEveryState();
    const smtp = await startSmtp();
    try {
      const early = instantFromAmsterdam("2026-11-25", "06:30");
      expect(await runScheduledReminders({ now: early, lastRunDay: null, baseUrl: BASE })).toBeNull();
      expect(smtp.received).toHaveLength(0);
      const ran = await runScheduledReminders({ now: NOW, lastRunDay: null, baseUrl: BASE });
      expect(ran).toBe("2026-11-25");
      expect(smtp.received).toHaveLength(2);
      expect(await runScheduledReminders({ now: NOW + 3_600_000, lastRunDay: ran, baseUrl: BASE })).toBe(ran);
      // A restarted process forgets its last run; the weekly limit in the database still holds.
      await runScheduledReminders({ now: NOW + 3_600_000, lastRunDay: null, baseUrl: BASE });
      expect(smtp.received).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });
});
