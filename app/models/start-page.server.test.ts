import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makeViewer } from "../../tests/factories";
import { instantFromAmsterdam } from "~/lib/format";
import { createAction } from "./actions.server";
import { addAgendaItem } from "./agenda.server";
import { recordDecision } from "./decisions.server";
import { addDocument } from "./documents.server";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";
import { addTopic } from "./planning.server";
import { getStartPage, noteStartPageVisit } from "./start-page.server";

const HOUR = 60 * 60 * 1000;
const at = (date: string, time = "09:00") => instantFromAmsterdam(date, time);

async function network() {
  const body = makeBody({ name: "Stuurgroep Start" });
  const other = makeBody({ name: "Ander Gremium" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id, other.id] });
  const member = await makeViewer({ role: "lid", name: "Mirjam Mulder", memberBodyIds: [body.id] });
  makeMembership({ bodyId: body.id, personId: member.personId });
  const meeting = (bodyId: number, date: string, publish = true) => {
    const { id } = createMeeting({
      viewer: secretary,
      input: { bodyId, date, startTime: "10:00", endTime: "12:00", location: "Hengelo", isPublic: false },
    });
    const item = addAgendaItem({
      viewer: secretary,
      meetingId: id,
      input: { section: "B", subject: `Punt ${date}`, proposalMarkdown: "", isConfidential: false },
    });
    if (publish)
      publishAgenda({ viewer: secretary, id, expectedVersion: getMeeting({ viewer: secretary, id })!.version });
    return { id, itemId: item.id };
  };
  return { body, other, secretary, member, meeting };
}

describe("noteStartPageVisit", () => {
  it("marks the last two weeks on a first visit, keeps the marks within a sitting, moves them on the next", async () => {
    const viewer = await makeViewer();
    const first = at("2027-03-01");
    expect(noteStartPageVisit({ viewer, now: first })).toBe(first - 14 * 24 * HOUR);
    expect(noteStartPageVisit({ viewer, now: first + 10 * 60 * 1000 })).toBe(first - 14 * 24 * HOUR);
    const nextDay = first + 24 * HOUR;
    expect(noteStartPageVisit({ viewer, now: nextDay })).toBe(first + 10 * 60 * 1000);
  });
});

describe("getStartPage", () => {
  it("shows a member their bodies' next meetings with the papers new since their last visit", async () => {
    const { body, other, secretary, member, meeting } = await network();
    const next = meeting(body.id, "2027-03-10");
    meeting(other.id, "2027-03-11");
    const old = at("2027-02-01");
    const fresh = at("2027-03-02");
    addDocument({
      viewer: secretary,
      agendaItemId: next.itemId,
      title: "Oud stuk",
      isConfidential: false,
      content: { markdown: "a" },
      now: old,
    });
    addDocument({
      viewer: secretary,
      agendaItemId: next.itemId,
      title: "Vers stuk",
      isConfidential: true,
      content: { markdown: "b" },
      now: fresh,
    });
    const page = getStartPage({ viewer: member, marksSince: at("2027-03-01"), now: at("2027-03-05") });
    expect(page.meetings.map((m) => m.bodyName)).toEqual(["Stuurgroep Start"]);
    expect(page.meetings[0]!.paperCount).toBe(2);
    expect(page.meetings[0]!.newPapers.map((p) => p.title)).toEqual(["Vers stuk"]);
    expect(page.secretariat).toBeNull();
    expect(page.newsletter).toBeNull();
  });

  it("lists the member's running actions overdue first, their concept lists and the topics they own", async () => {
    const { body, secretary, member, meeting } = await network();
    const past = meeting(body.id, "2027-01-14");
    const next = meeting(body.id, "2027-04-08");
    recordDecision({
      viewer: secretary,
      agendaItemId: past.itemId,
      input: {
        outcome: "conform",
        textMarkdown: "Besloten.",
        discussionMarkdown: "",
        isConfidential: false,
        commitments: [],
      },
    });
    const action = (description: string, dueOn: string) =>
      createAction({
        viewer: secretary,
        input: { bodyId: body.id, description, ownerPersonId: member.personId, organisationId: null, dueOn },
        now: at("2027-01-01"),
      });
    action("Later klaar", "2027-06-01");
    action("Te laat", "2027-02-01");
    addTopic({
      viewer: secretary,
      bodyId: body.id,
      input: {
        subject: "Evaluatie nazorg",
        purpose: "bespreking",
        ownerName: "Mirjam Mulder (gemeente Almelo)",
        meetingId: null,
        quarter: "2027-K2",
        isConfidential: false,
      },
    });
    addTopic({
      viewer: secretary,
      bodyId: body.id,
      input: {
        subject: "Van een ander",
        purpose: "informatie",
        ownerName: "Piet Jansen",
        meetingId: null,
        quarter: "2027-K2",
        isConfidential: false,
      },
    });
    const page = getStartPage({ viewer: member, marksSince: 0, now: at("2027-03-01") });
    expect(page.actions.map((a) => [a.description, a.overdue])).toEqual([
      ["Te laat", true],
      ["Later klaar", false],
    ]);
    expect(page.conceptLists).toEqual([
      expect.objectContaining({ meetingId: past.id, nextMeeting: expect.objectContaining({ id: next.id }) }),
    ]);
    expect(page.topics.map((t) => t.subject)).toEqual(["Evaluatie nazorg"]);
  });

  it("gives the secretariaat the agendas to prepare by their publication date and the attendance to record", async () => {
    const { body, secretary, meeting } = await network();
    const held = meeting(body.id, "2027-01-14");
    const concept = meeting(body.id, "2027-03-04", false);
    const page = getStartPage({ viewer: secretary, marksSince: 0, now: at("2027-03-01") });
    expect(page.secretariat!.agendas).toEqual([
      expect.objectContaining({ id: concept.id, publishBy: "2027-02-25", late: true }),
    ]);
    expect(page.secretariat!.attendanceMissing.map((m) => m.id)).toEqual([held.id]);
  });
});
