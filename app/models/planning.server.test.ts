import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../../tests/factories";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";
import { addTopic, getPlanning, listTopicsForMeeting, removeTopic, takeTopicOntoAgenda } from "./planning.server";

async function setting() {
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
  const { id: meetingId } = createMeeting({
    viewer: secretary,
    input: { bodyId: body.id, date: "2030-03-14", startTime: "10:00", endTime: "12:00", location: "x", isPublic: true },
  });
  publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
  return { body, secretary, member, meetingId };
}

const topic = (overrides = {}) => ({
  subject: "Meerjarenkoers 2031",
  purpose: "besluitvorming" as const,
  ownerName: "Fleur Hendriks",
  meetingId: null,
  quarter: null,
  isConfidential: false,
  ...overrides,
});

describe("the bestuursagenda", () => {
  it("plans topics per meeting or quarter, and offers them to the agenda in one click", async () => {
    const s = await setting();
    const now = Date.parse("2030-01-10T10:00:00Z");
    const { id } = addTopic({ viewer: s.secretary, bodyId: s.body.id, input: topic({ meetingId: s.meetingId }) });
    addTopic({
      viewer: s.secretary,
      bodyId: s.body.id,
      input: topic({ subject: "Evaluatie", purpose: "informatie", quarter: "2030-K3" }),
    });
    const planning = getPlanning({ viewer: s.member, bodyId: s.body.id, now });
    expect(planning.meetings[0]!.topics.map((t) => t.subject)).toEqual(["Meerjarenkoers 2031"]);
    expect(planning.byQuarter.map((t) => [t.subject, t.quarter])).toEqual([["Evaluatie", "2030-K3"]]);
    expect(listTopicsForMeeting({ viewer: s.secretary, meetingId: s.meetingId }).map((t) => t.id)).toEqual([id]);

    const item = takeTopicOntoAgenda({ viewer: s.secretary, topicId: id, now });
    const agenda = getMeeting({ viewer: s.secretary, id: s.meetingId })!.sections.flatMap((x) => x.items);
    expect(agenda.find((i) => i.id === item.id)).toMatchObject({
      subject: "Meerjarenkoers 2031",
      presenter: "Fleur Hendriks",
    });
    expect(listTopicsForMeeting({ viewer: s.secretary, meetingId: s.meetingId })).toEqual([]);
    expect(() => takeTopicOntoAgenda({ viewer: s.secretary, topicId: id, now })).toThrow(/al op de agenda/);
    // Once the meeting has passed, a topic that never reached its agenda is flagged.
    const { id: late } = addTopic({
      viewer: s.secretary,
      bodyId: s.body.id,
      input: topic({ subject: "Vergeten", meetingId: s.meetingId }),
    });
    expect(
      getPlanning({ viewer: s.member, bodyId: s.body.id, now: Date.parse("2030-04-01T10:00:00Z") }).overdue.map(
        (t) => t.id,
      ),
    ).toEqual([late]);
    removeTopic({ viewer: s.secretary, id: late });
  });

  it("needs a meeting or a quarter; only the secretariaat plans; besloten topics stay with the members", async () => {
    const s = await setting();
    expect(() => addTopic({ viewer: s.secretary, bodyId: s.body.id, input: topic() })).toThrow(/kwartaal/);
    expect(() => addTopic({ viewer: s.secretary, bodyId: s.body.id, input: topic({ quarter: "Q1" }) })).toThrow(
      /2027-K1/,
    );
    expect(() => addTopic({ viewer: s.member, bodyId: s.body.id, input: topic({ quarter: "2030-K1" }) })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    addTopic({
      viewer: s.secretary,
      bodyId: s.body.id,
      input: topic({ subject: "Casus", quarter: "2030-K2", isConfidential: true }),
    });
    expect(getPlanning({ viewer: s.member, bodyId: s.body.id }).byQuarter.map((t) => t.subject)).toEqual(["Casus"]);
    expect(getPlanning({ viewer: null, bodyId: s.body.id }).byQuarter).toEqual([]);
  });
});
