import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makePerson, makeViewer } from "../../tests/factories";
import type { SignedInViewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { agendaTemplateItems } from "../../db/schema";
import { listAuditEntries } from "./audit.server";
import { ConflictError, Forbidden, RuleError } from "./errors";
import {
  addAgendaItem,
  moveAgendaItem,
  moveAgendaItemToSection,
  placeAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from "./agenda.server";
import {
  cancelMeeting,
  createMeeting,
  getMeeting,
  listMeetings,
  listMeetingYears,
  moveMeeting,
  publishAgenda,
  updateMeeting,
} from "./meetings.server";

async function setUp() {
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
  const outsider = await makeViewer({ role: "lid" });
  const admin = await makeViewer({ role: "beheerder" });
  return { body, secretary, member, outsider, admin };
}

const input = (bodyId: number, overrides = {}) => ({
  bodyId,
  date: "2026-12-10",
  startTime: "10:00",
  endTime: "12:00",
  location: "Twentehuis, zaal 501",
  isPublic: true,
  ...overrides,
});

function subjects(meeting: NonNullable<ReturnType<typeof getMeeting>>) {
  return meeting.sections.flatMap((s) => s.items.map((i) => `${i.number} ${i.subject ?? "Besloten agendapunt"}`));
}

describe("planning a meeting", () => {
  it("starts as a concept from the default template, with the body's members invited", async () => {
    const { body, secretary } = await setUp();
    const person = makePerson({ name: "Burgemeester Een" });
    makeMembership({ bodyId: body.id, personId: person.id, role: "voorzitter" });
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    const meeting = getMeeting({ viewer: secretary, id })!;
    expect(meeting.status).toBe("concept");
    expect(subjects(meeting)).toEqual([
      "1 Opening",
      "2 Vaststellen agenda",
      "3 Mededelingen",
      "A1 Besluitenlijst vorige vergadering",
      "A2 Actielijst",
      "D1 Rondvraag en sluiting",
    ]);
    expect(meeting.invitees.map((p) => p.name)).toEqual(["Burgemeester Een"]);
    expect(listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries[0].action).toBe(
      "meeting.create",
    );
  });

  it("uses the body's own template when it has one", async () => {
    const { body, secretary } = await setUp();
    getDb()
      .insert(agendaTemplateItems)
      .values([
        { bodyId: body.id, section: "opening", position: 1, subject: "Welkom" },
        { bodyId: body.id, section: "B", position: 2, subject: "Voortgang themagroepen" },
      ])
      .run();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    expect(subjects(getMeeting({ viewer: secretary, id })!)).toEqual(["1 Welkom", "B1 Voortgang themagroepen"]);
  });

  it("refuses an end before the start, next to the end time", async () => {
    const { body, secretary } = await setUp();
    expect(() => createMeeting({ viewer: secretary, input: input(body.id, { endTime: "09:00" }) })).toThrow(
      expect.objectContaining({ fieldErrors: { endTime: ["De eindtijd moet na de begintijd liggen."] } }),
    );
  });

  it("only the secretariaat of the body or the beheerder plans meetings", async () => {
    const { body, member, admin } = await setUp();
    const otherSecretary = await makeViewer({ role: "secretariaat", memberBodyIds: [] });
    expect(() => createMeeting({ viewer: member, input: input(body.id) })).toThrow(Forbidden);
    expect(() => createMeeting({ viewer: otherSecretary, input: input(body.id) })).toThrow(Forbidden);
    expect(createMeeting({ viewer: admin, input: input(body.id) }).id).toBeGreaterThan(0);
  });
});

describe("who sees a meeting", () => {
  it("a concept is seen by its secretariaat only; once published, a public meeting by everyone", async () => {
    const { body, secretary, member, outsider } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    expect(getMeeting({ viewer: member, id })).toBeNull();
    expect(getMeeting({ viewer: null, id })).toBeNull();
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    expect(getMeeting({ viewer: null, id })?.status).toBe("gepubliceerd");
    expect(getMeeting({ viewer: outsider, id })).not.toBeNull();
  });

  it("a published closed meeting is seen by members only", async () => {
    const { body, secretary, member, outsider } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id, { isPublic: false }) });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    expect(getMeeting({ viewer: member, id })).not.toBeNull();
    expect(getMeeting({ viewer: outsider, id })).toBeNull();
    expect(getMeeting({ viewer: null, id })).toBeNull();
    expect(listMeetings({ viewer: null, now: 0 }).upcoming).toEqual([]);
  });

  it("the year filter offers the years, in Amsterdam time, of the meetings the viewer sees", async () => {
    const { body, secretary, member } = await setUp();
    // 00:30 on New Year's Day in Amsterdam is still 31 December in UTC.
    const newYear = createMeeting({
      viewer: secretary,
      input: input(body.id, { date: "2027-01-01", startTime: "00:30", endTime: "02:00" }),
    });
    const closed = createMeeting({ viewer: secretary, input: input(body.id, { date: "2028-06-08", isPublic: false }) });
    createMeeting({ viewer: secretary, input: input(body.id, { date: "2029-03-01" }) });
    publishAgenda({ viewer: secretary, id: newYear.id, expectedVersion: 1 });
    publishAgenda({ viewer: secretary, id: closed.id, expectedVersion: 1 });
    expect(listMeetingYears({ viewer: null })).toEqual([2027]);
    expect(listMeetingYears({ viewer: member })).toEqual([2028, 2027]);
    expect(listMeetingYears({ viewer: secretary })).toEqual([2029, 2028, 2027]);
  });

  it("a besloten item shows its number to everyone but its content only to members and the beheerder", async () => {
    const { body, secretary, member, outsider, admin } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    addAgendaItem({
      viewer: secretary,
      meetingId: id,
      input: {
        section: "B",
        subject: "Casus Hengelo",
        proposalMarkdown: "Geheim voorstel",
        presenter: "Politie",
        isConfidential: true,
      },
    });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    for (const viewer of [member, admin, secretary] as SignedInViewer[]) {
      expect(subjects(getMeeting({ viewer, id })!)).toContain("B1 Casus Hengelo");
    }
    for (const viewer of [outsider, null]) {
      const meeting = getMeeting({ viewer, id })!;
      const b1 = meeting.sections.find((s) => s.section === "B")!.items[0];
      expect(b1).toMatchObject({
        number: "B1",
        isConfidential: true,
        subject: null,
        proposalHtml: null,
        presenter: null,
      });
      expect(JSON.stringify(meeting)).not.toMatch(/Casus Hengelo|Geheim voorstel|Politie/);
    }
    const preview = getMeeting({ viewer: secretary, id, asPublic: true })!;
    expect(JSON.stringify(preview)).not.toContain("Casus Hengelo");
    expect(preview.canManage).toBe(false);
  });
});

describe("transitions", () => {
  it("publishes once, and refuses a stale version", async () => {
    const { body, secretary } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    expect(() => publishAgenda({ viewer: secretary, id, expectedVersion: 7 })).toThrow(ConflictError);
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    expect(() => publishAgenda({ viewer: secretary, id, expectedVersion: 2 })).toThrow(RuleError);
    expect(getMeeting({ viewer: secretary, id })?.publishedAt).not.toBeNull();
  });

  it("a cancelled meeting stays visible as geannuleerd with its reason", async () => {
    const { body, secretary } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    cancelMeeting({ viewer: secretary, id, expectedVersion: 2, reason: "Te weinig agendapunten" });
    expect(getMeeting({ viewer: null, id })).toMatchObject({
      status: "geannuleerd",
      cancellationReason: "Te weinig agendapunten",
    });
    expect(() =>
      addAgendaItem({
        viewer: secretary,
        meetingId: id,
        input: { section: "B", subject: "x", proposalMarkdown: "", isConfidential: false },
      }),
    ).toThrow(RuleError);
  });

  it("a moved meeting keeps its old date; a published one can only change date by moving", async () => {
    const { body, secretary } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    expect(() =>
      updateMeeting({ viewer: secretary, id, expectedVersion: 2, input: { ...input(body.id), date: "2026-12-17" } }),
    ).toThrow(/Verplaatsen/);
    const old = getMeeting({ viewer: secretary, id })!.startsAt;
    moveMeeting({
      viewer: secretary,
      id,
      expectedVersion: 2,
      date: "2026-12-17",
      startTime: "14:00",
      endTime: "16:00",
    });
    const moved = getMeeting({ viewer: secretary, id })!;
    expect(moved.previousStartsAt).toBe(old);
    expect(new Date(moved.startsAt).toISOString()).toBe("2026-12-17T13:00:00.000Z");
    const actions = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(["meeting.move", "meeting.publish"]);
  });
});

describe("building the agenda", () => {
  it("adds, moves up and down, moves to another section and removes items; numbers follow", async () => {
    const { body, secretary } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    const add = (subject: string, section: "B" | "C" = "B") =>
      addAgendaItem({
        viewer: secretary,
        meetingId: id,
        input: { section, subject, proposalMarkdown: "1. Vast te stellen.", isConfidential: false },
      }).id;
    const first = add("Jaarplan 2027");
    const second = add("Versterkingsagenda");
    const third = add("Nieuwsbrief", "C");
    const b = () =>
      getMeeting({ viewer: secretary, id })!
        .sections.find((s) => s.section === "B")!
        .items.map((i) => `${i.number} ${i.subject}`);
    expect(b()).toEqual(["B1 Jaarplan 2027", "B2 Versterkingsagenda"]);
    moveAgendaItem({ viewer: secretary, id: second, direction: "up" });
    expect(b()).toEqual(["B1 Versterkingsagenda", "B2 Jaarplan 2027"]);
    moveAgendaItem({ viewer: secretary, id: second, direction: "up" });
    expect(b()).toEqual(["B1 Versterkingsagenda", "B2 Jaarplan 2027"]);
    moveAgendaItemToSection({ viewer: secretary, id: third, section: "B" });
    expect(b()).toEqual(["B1 Versterkingsagenda", "B2 Jaarplan 2027", "B3 Nieuwsbrief"]);
    removeAgendaItem({ viewer: secretary, id: first });
    expect(b()).toEqual(["B1 Versterkingsagenda", "B2 Nieuwsbrief"]);
  });

  it("places an item where it is dropped, in its own section or another, as one logged step", async () => {
    const { body, secretary } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    const add = (subject: string, section: "B" | "C" = "B") =>
      addAgendaItem({
        viewer: secretary,
        meetingId: id,
        input: { section, subject, proposalMarkdown: "", isConfidential: false },
      }).id;
    const jaarplan = add("Jaarplan");
    add("Versterkingsagenda");
    const nieuwsbrief = add("Nieuwsbrief");
    const notulen = add("Notulen", "C");
    const numbered = (section: "B" | "C") =>
      getMeeting({ viewer: secretary, id })!
        .sections.find((s) => s.section === section)!
        .items.map((i) => `${i.number} ${i.subject}`);
    placeAgendaItem({ viewer: secretary, id: nieuwsbrief, section: "B", index: 0 });
    expect(numbered("B")).toEqual(["B1 Nieuwsbrief", "B2 Jaarplan", "B3 Versterkingsagenda"]);
    placeAgendaItem({ viewer: secretary, id: nieuwsbrief, section: "B", index: 2 });
    expect(numbered("B")).toEqual(["B1 Jaarplan", "B2 Versterkingsagenda", "B3 Nieuwsbrief"]);
    placeAgendaItem({ viewer: secretary, id: notulen, section: "B", index: 1 });
    expect(numbered("B")).toEqual(["B1 Jaarplan", "B2 Notulen", "B3 Versterkingsagenda", "B4 Nieuwsbrief"]);
    expect(numbered("C")).toEqual([]);
    const admin = await makeViewer({ role: "beheerder" });
    const logged = () => listAuditEntries({ viewer: admin }).entries.filter((e) => e.action === "agenda-item.move");
    expect(logged()[0]!.summary).toBe("Agendapunt ‘Notulen’ verplaatst naar B Bespreekstukken, plaats 2 — Stuurgroep");
    // Dropped where it already was: nothing changes and nothing is logged.
    const before = logged().length;
    placeAgendaItem({ viewer: secretary, id: jaarplan, section: "B", index: 0 });
    expect(logged()).toHaveLength(before);
    expect(numbered("B")[0]).toBe("B1 Jaarplan");
  });

  it("a change after publication is marked on the item and logged as such", async () => {
    const { body, secretary } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    const item = getMeeting({ viewer: secretary, id })!.sections[0].items[0];
    updateAgendaItem({
      viewer: secretary,
      id: item.id,
      expectedVersion: 1,
      input: { section: "opening", subject: "Opening en welkom", proposalMarkdown: "", isConfidential: false },
    });
    const meeting = getMeeting({ viewer: null, id })!;
    expect(meeting.changedItems.map((i) => i.subject)).toEqual(["Opening en welkom"]);
    const [entry] = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries;
    expect(entry.action).toBe("agenda-item.update-after-publish");
  });

  it("refuses a stale save of an item and returns what is saved now", async () => {
    const { body, secretary } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    const item = getMeeting({ viewer: secretary, id })!.sections[0].items[0];
    const edit = (subject: string) => ({
      section: "opening" as const,
      subject,
      proposalMarkdown: "",
      isConfidential: false,
    });
    updateAgendaItem({ viewer: secretary, id: item.id, expectedVersion: 1, input: edit("Eerste") });
    try {
      updateAgendaItem({ viewer: secretary, id: item.id, expectedVersion: 1, input: edit("Tweede") });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).saved).toMatchObject({ subject: "Eerste" });
    }
  });

  it("members cannot change the agenda", async () => {
    const { body, secretary, member } = await setUp();
    const { id } = createMeeting({ viewer: secretary, input: input(body.id) });
    expect(() =>
      addAgendaItem({
        viewer: member,
        meetingId: id,
        input: { section: "B", subject: "x", proposalMarkdown: "", isConfidential: false },
      }),
    ).toThrow(Forbidden);
  });
});
