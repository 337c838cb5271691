// Regressions found by an outside test of the access rules (issue 16): each case here once leaked,
// trusted its caller, changed a legal record or reported a refusal as success.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actions, agendaItems, decisions } from "../../db/schema";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import type { SignedInViewer, Viewer } from "../../app/auth/viewer";
import { getDb } from "../../app/lib/db.server";
import { addAgendaItem, moveAgendaItem, removeAgendaItem, updateAgendaItem } from "../../app/models/agenda.server";
import { listAttendance, recordAttendance } from "../../app/models/attendance.server";
import { createCalendarFeed, viewerForCalendarToken } from "../../app/models/calendar-feeds.server";
import { recordDecision, removeDecision } from "../../app/models/decisions.server";
import { addDocument, listCurrentVersionsForMeeting, listDocumentsForMeeting } from "../../app/models/documents.server";
import { Forbidden, RuleError } from "../../app/models/errors";
import { getGoalLinks, setGoalLinks } from "../../app/models/goal-links.server";
import { createMeeting, getMeeting, publishAgenda } from "../../app/models/meetings.server";
import { createEdition, deliveryProgress } from "../../app/models/newsletters.server";
import { addTopic, getPlanning } from "../../app/models/planning.server";
import { search } from "../../app/models/search.server";
import { createSession } from "../../app/models/sessions.server";
import { deactivateUser, reactivateUser } from "../../app/models/users.server";
import { action as meetingAction } from "../../app/routes/vergaderingen.$id._index";
import { makeBody, makeMembership, makeViewer } from "../factories";
import { objectives, programmes } from "../../db/schema";

async function world() {
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep Toegang", code: "ST" });
  const elsewhere = makeBody({ kind: "themagroep", name: "Themagroep Elders" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
  const outsider = await makeViewer({ role: "lid", memberBodyIds: [elsewhere.id] });
  const otherSecretary = await makeViewer({ role: "secretariaat", memberBodyIds: [elsewhere.id] });
  const meeting = (date: string, isPublic: boolean, publish: boolean) => {
    const { id } = createMeeting({
      viewer: secretary,
      input: { bodyId: body.id, date, startTime: "10:00", endTime: "12:00", location: "Hengelo", isPublic },
    });
    if (publish) publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    return id;
  };
  return { body, elsewhere, secretary, member, outsider, otherSecretary, meeting };
}

const topicInput = (subject: string, meetingId: number) => ({
  subject,
  purpose: "besluitvorming" as const,
  ownerName: "Wethouder Zichtbaar",
  meetingId,
  quarter: null,
  isConfidential: false,
});

describe("planned topics follow their meeting", () => {
  it("search does not return a topic of a meeting the reader may not see", async () => {
    const w = await world();
    const now = Date.now();
    const cases = {
      "niet-openbaar gepubliceerd": w.meeting("2031-02-05", false, true),
      "openbaar concept": w.meeting("2031-03-05", true, false),
      "niet-openbaar verleden": w.meeting("2020-03-05", false, true),
      "openbaar gepubliceerd": w.meeting("2031-04-05", true, true),
    };
    for (const [label, meetingId] of Object.entries(cases))
      addTopic({ viewer: w.secretary, bodyId: w.body.id, input: topicInput(`Kwartiermaken ${label}`, meetingId) });
    const found = (viewer: Viewer) =>
      search({ viewer, query: "kwartiermaken", group: "planning" })
        .results.map((r) => r.titleHtml.replace(/<\/?mark>/g, ""))
        .sort();
    expect(found(null)).toEqual(["Kwartiermaken openbaar gepubliceerd"]);
    expect(found(w.outsider)).toEqual(["Kwartiermaken openbaar gepubliceerd"]);
    expect(found(w.otherSecretary)).toEqual(["Kwartiermaken openbaar gepubliceerd"]);
    expect(search({ viewer: null, query: "kwartiermaken" }).counts).toEqual({ planning: 1 });
    expect(search({ viewer: null, query: "zichtbaar" }).counts).toEqual({ planning: 1 });
    expect(found(w.member)).toEqual([
      "Kwartiermaken niet-openbaar gepubliceerd",
      "Kwartiermaken niet-openbaar verleden",
      "Kwartiermaken openbaar gepubliceerd",
    ]);
    expect(found(w.secretary)).toHaveLength(4);
    expect(now).toBeGreaterThan(0);
  });

  it("the planning page's list of topics past their date leaves out a topic of a hidden meeting", async () => {
    const w = await world();
    const hidden = w.meeting("2020-03-05", false, true);
    const open = w.meeting("2020-04-05", true, true);
    addTopic({ viewer: w.secretary, bodyId: w.body.id, input: topicInput("Verborgen onderwerp", hidden) });
    addTopic({ viewer: w.secretary, bodyId: w.body.id, input: topicInput("Openbaar onderwerp", open) });
    const overdue = (viewer: Viewer) => getPlanning({ viewer, bodyId: w.body.id }).overdue.map((t) => t.subject);
    expect(overdue(null)).toEqual(["Openbaar onderwerp"]);
    expect(overdue(w.outsider)).toEqual(["Openbaar onderwerp"]);
    expect(overdue(w.member).sort()).toEqual(["Openbaar onderwerp", "Verborgen onderwerp"]);
  });
});

describe("reads take the viewer and answer only what the viewer may see", () => {
  it("attendance, documents and current versions of a hidden meeting", async () => {
    const w = await world();
    const id = w.meeting("2026-01-05", false, true);
    const item = addAgendaItem({
      viewer: w.secretary,
      meetingId: id,
      input: { section: "B", subject: "Openbaar punt", proposalMarkdown: "", isConfidential: false },
    });
    addDocument({
      viewer: w.secretary,
      agendaItemId: item.id,
      title: "Notitie",
      isConfidential: false,
      content: { markdown: "Tekst." },
    });
    recordAttendance({
      viewer: w.secretary,
      meetingId: id,
      expectedVersion: 2,
      entries: [],
      guest: { name: "Gast Geheim" },
    });
    for (const viewer of [null, w.outsider]) {
      expect(listAttendance({ viewer, meetingId: id })).toBeNull();
      expect(listDocumentsForMeeting({ viewer, meetingId: id })).toEqual([]);
      expect(listCurrentVersionsForMeeting({ viewer, meetingId: id })).toEqual([]);
    }
    expect(listAttendance({ viewer: w.member, meetingId: id })?.guests.map((g) => g.name)).toEqual(["Gast Geheim"]);
    expect(listDocumentsForMeeting({ viewer: w.member, meetingId: id })).toHaveLength(1);
    expect(listCurrentVersionsForMeeting({ viewer: w.member, meetingId: id })).toHaveLength(1);
  });

  it("goal links of a besloten item, and the sending progress of a newsletter", async () => {
    const w = await world();
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    const id = w.meeting("2031-01-05", true, true);
    const item = addAgendaItem({
      viewer: w.secretary,
      meetingId: id,
      input: { section: "B", subject: "Besloten punt", proposalMarkdown: "", isConfidential: true },
    });
    const db = getDb();
    const programme = db
      .insert(programmes)
      .values({ slug: `p-${item.id}`, title: "Programma", startsOn: "2030-01-01", ownerBodyId: w.body.id })
      .returning()
      .get();
    const objective = db
      .insert(objectives)
      .values({ programmeId: programme.id, number: 1, title: "Opgave" })
      .returning()
      .get();
    setGoalLinks({
      viewer: w.secretary,
      target: { kind: "agendaItem", id: item.id },
      objectiveIds: [objective.id],
      planGoalIds: [],
    });
    expect(getGoalLinks({ viewer: null, target: { kind: "agendaItem", id: item.id } })).toBeNull();
    expect(getGoalLinks({ viewer: w.outsider, target: { kind: "agendaItem", id: item.id } })).toBeNull();
    expect(getGoalLinks({ viewer: w.member, target: { kind: "agendaItem", id: item.id } })?.objectiveIds).toEqual([
      objective.id,
    ]);

    const edition = createEdition({
      viewer: kwartiermaker,
      input: { title: "Concept", slug: `concept-${item.id}`, period: "2031", meetingId: null },
    });
    expect(() => deliveryProgress({ viewer: null, editionId: edition.id })).toThrow(Forbidden);
    expect(() => deliveryProgress({ viewer: w.member, editionId: edition.id })).toThrow(Forbidden);
    expect(deliveryProgress({ viewer: kwartiermaker, editionId: edition.id })).toMatchObject({ total: 0 });
  });
});

describe("an adopted besluitenlijst is a record", () => {
  async function adopted() {
    const w = await world();
    const first = w.meeting("2026-01-08", true, true);
    const item = addAgendaItem({
      viewer: w.secretary,
      meetingId: first,
      input: { section: "B", subject: "Aanpak ondermijning", proposalMarkdown: "", isConfidential: false },
    });
    const decision = recordDecision({
      viewer: w.secretary,
      agendaItemId: item.id,
      input: {
        outcome: "conform",
        textMarkdown: "Ingestemd met de aanpak.",
        discussionMarkdown: "",
        isConfidential: false,
        commitments: [{ description: "Plan van aanpak uitwerken", dueOn: "2032-01-01" }],
      },
    });
    const second = w.meeting("2026-02-12", true, true);
    const adopting = getMeeting({ viewer: w.secretary, id: second })!
      .sections.flatMap((s) => s.items)
      .find((i) => i.adoptsMeetingId === first)!;
    recordDecision({
      viewer: w.secretary,
      agendaItemId: adopting.id,
      input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
    });
    return { ...w, first, item, decision };
  }

  const survives = (a: Awaited<ReturnType<typeof adopted>>) => {
    const db = getDb();
    expect(db.select().from(agendaItems).where(eq(agendaItems.id, a.item.id)).get()?.subject).toBe(
      "Aanpak ondermijning",
    );
    expect(db.select().from(decisions).where(eq(decisions.id, a.decision.id)).get()).toBeDefined();
    expect(db.select().from(actions).where(eq(actions.decisionId, a.decision.id)).all()).toHaveLength(1);
  };

  it("refuses to remove, edit or move an item that carries an adopted decision, and says why", async () => {
    const a = await adopted();
    const refusal = /vastgesteld/;
    expect(() => removeAgendaItem({ viewer: a.secretary, id: a.item.id })).toThrow(refusal);
    expect(() =>
      updateAgendaItem({
        viewer: a.secretary,
        id: a.item.id,
        expectedVersion: 1,
        input: { section: "B", subject: "Iets anders", proposalMarkdown: "", isConfidential: false },
      }),
    ).toThrow(refusal);
    expect(() => moveAgendaItem({ viewer: a.secretary, id: a.item.id, direction: "up" })).toThrow(refusal);
    expect(() => removeDecision({ viewer: a.secretary, id: a.decision.id })).toThrow(RuleError);
    survives(a);
  });

  it("the database itself no longer deletes decisions and actions along with their item", async () => {
    const a = await adopted();
    expect(() => getDb().delete(agendaItems).where(eq(agendaItems.id, a.item.id)).run()).toThrow(/FOREIGN KEY/);
    expect(() => getDb().delete(decisions).where(eq(decisions.id, a.decision.id)).run()).toThrow(/FOREIGN KEY/);
    survives(a);
  });
});

describe("refusals are not reported as success", () => {
  it("a member who does not manage the meeting cannot send the changed agenda", async () => {
    const w = await world();
    const id = w.meeting("2031-05-05", true, true);
    const { token } = createSession({ userId: w.member.userId });
    const request = new Request(`http://localhost/vergaderingen/${id}`, {
      method: "POST",
      headers: {
        cookie: `${SESSION_COOKIE}=${token}`,
        origin: "http://localhost",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ intent: "mail-changes" }),
    });
    let answer: unknown;
    try {
      answer = await meetingAction({ request, params: { id: String(id) }, context: {} });
    } catch (thrown) {
      answer = thrown;
    }
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(403);
  });
});

describe("deactivation", () => {
  it("revokes the personal calendar link for good, also after reactivation", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const body = makeBody();
    const person: SignedInViewer = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    makeMembership({ bodyId: body.id, personId: person.personId });
    const token = createCalendarFeed({ viewer: person });
    expect(viewerForCalendarToken({ token })).not.toBeNull();
    deactivateUser({ viewer: admin, id: person.userId, expectedVersion: 1 });
    expect(viewerForCalendarToken({ token })).toBeNull();
    reactivateUser({ viewer: admin, id: person.userId, expectedVersion: 2 });
    expect(viewerForCalendarToken({ token })).toBeNull();
  });
});
