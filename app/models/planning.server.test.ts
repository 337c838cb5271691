import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../../tests/factories";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";
import { addAgendaItem } from "./agenda.server";
import { createAction } from "./actions.server";
import { ConflictError, Forbidden } from "./errors";
import { listProposedHandoffs, proposeHandoff } from "./handoffs.server";
import { addGoal, createPlan } from "./plans.server";
import { recordDecision } from "./decisions.server";
import {
  addTopic,
  getPlanning,
  listTopicOrigins,
  listTopicsForMeeting,
  removeTopic,
  takeTopicOntoAgenda,
  updateTopic,
} from "./planning.server";

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
      Forbidden,
    );
    addTopic({
      viewer: s.secretary,
      bodyId: s.body.id,
      input: topic({ subject: "Casus", quarter: "2030-K2", isConfidential: true }),
    });
    expect(getPlanning({ viewer: s.member, bodyId: s.body.id }).byQuarter.map((t) => t.subject)).toEqual(["Casus"]);
    expect(getPlanning({ viewer: null, bodyId: s.body.id }).byQuarter).toEqual([]);
  });

  it("tells where a topic came from: a plan goal, an action or a hand-off, as far as the reader may see it", async () => {
    const s = await setting();
    const year = new Date().getUTCFullYear() + 1;
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    const plan = createPlan({
      viewer: kwartiermaker,
      input: { bodyId: s.body.id, year, title: `Jaarplan ${year}`, copyOpenGoals: false },
    });
    const goal = addGoal({
      viewer: kwartiermaker,
      planId: plan.id,
      input: { title: "Regionale voorrangsregeling", ownerName: null, quarter: 1, status: "gepland", progressNote: "" },
    });
    const action = createAction({
      viewer: s.secretary,
      input: {
        bodyId: s.body.id,
        description: "Evaluatie nazorg",
        ownerPersonId: null,
        organisationId: null,
        dueOn: null,
      },
    });
    const values = listTopicOrigins({ viewer: s.secretary, bodyId: s.body.id }).map((o) => o.value);
    expect(values).toEqual([`doel:${goal.id}`, `actie:${action.id}`]);

    addTopic({
      viewer: s.secretary,
      bodyId: s.body.id,
      input: topic({ subject: "Voorrang", quarter: `${year}-K1`, origin: `doel:${goal.id}` }),
    });
    addTopic({
      viewer: s.secretary,
      bodyId: s.body.id,
      input: topic({ subject: "Nazorg", quarter: `${year}-K2`, origin: `actie:${action.id}` }),
    });
    expect(() =>
      addTopic({
        viewer: s.secretary,
        bodyId: s.body.id,
        input: topic({ quarter: `${year}-K1`, origin: "actie:999" }),
      }),
    ).toThrow(expect.objectContaining({ fieldErrors: { origin: ["Kies een herkomst uit de lijst."] } }));

    const origins = (viewer: Parameters<typeof getPlanning>[0]["viewer"]) =>
      getPlanning({ viewer, bodyId: s.body.id }).byQuarter.map((t) => t.origin);
    expect(origins(s.member)).toEqual([
      {
        kind: "doel",
        label: `Doel ‘Regionale voorrangsregeling’ uit Jaarplan ${year}`,
        href: `/jaarplannen/${plan.id}`,
      },
      { kind: "actie", label: "Actie ‘Evaluatie nazorg’", href: `/acties/${action.id}` },
    ]);
    // The concept plan and the action are not for the public: only the kind of origin is told.
    expect(origins(null)).toEqual([
      { kind: "doel", label: "Doel uit een jaarplan", href: null },
      { kind: "actie", label: "Een actie", href: null },
    ]);
  });

  it("changes a topic, refusing a stale version, and keeps a topic on an agenda at its meeting", async () => {
    const s = await setting();
    const { id } = addTopic({ viewer: s.secretary, bodyId: s.body.id, input: topic({ quarter: "2030-K2" }) });
    updateTopic({
      viewer: s.secretary,
      id,
      expectedVersion: 1,
      input: topic({ subject: "Meerjarenkoers 2031-2034", meetingId: s.meetingId }),
    });
    expect(
      getPlanning({ viewer: s.member, bodyId: s.body.id, now: Date.parse("2030-01-10T10:00:00Z") }).meetings[0]!.topics,
    ).toMatchObject([{ subject: "Meerjarenkoers 2031-2034", version: 2 }]);
    expect(() =>
      updateTopic({ viewer: s.secretary, id, expectedVersion: 1, input: topic({ meetingId: s.meetingId }) }),
    ).toThrow(ConflictError);
    expect(() =>
      updateTopic({ viewer: s.member, id, expectedVersion: 2, input: topic({ meetingId: s.meetingId }) }),
    ).toThrow(Forbidden);
    takeTopicOntoAgenda({ viewer: s.secretary, topicId: id });
    expect(() =>
      updateTopic({ viewer: s.secretary, id, expectedVersion: 3, input: topic({ quarter: "2030-K4" }) }),
    ).toThrow(/verplaats het agendapunt zelf/);
  });

  it("a handed-over item planned as a topic arrives with its proposal, and the decision shows on the topic", async () => {
    const stuurgroep = makeBody({ kind: "stuurgroep", name: "Stuurgroep", code: "SG" });
    const expert = makeBody({ kind: "expertgroep", name: "Expertgroep", code: "EG", parentId: stuurgroep.id });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [stuurgroep.id, expert.id] });
    const member = await makeViewer({ role: "lid", memberBodyIds: [stuurgroep.id] });
    const meeting = (bodyId: number, date: string) => {
      const { id } = createMeeting({
        viewer: secretary,
        input: { bodyId, date, startTime: "10:00", endTime: "11:00", location: "Hengelo", isPublic: true },
      });
      publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
      return id;
    };
    const expertMeeting = meeting(expert.id, "2026-10-08");
    const source = addAgendaItem({
      viewer: secretary,
      meetingId: expertMeeting,
      input: { section: "B", subject: "Huisverbod", proposalMarkdown: "1. Vast te stellen.", isConfidential: false },
    });
    const handoff = proposeHandoff({ viewer: secretary, agendaItemId: source.id, toBodyId: stuurgroep.id });
    const target = meeting(stuurgroep.id, "2026-12-10");
    const { id } = addTopic({
      viewer: secretary,
      bodyId: stuurgroep.id,
      input: topic({ subject: "Aanpak na een huisverbod", meetingId: target, origin: `overdracht:${handoff.id}` }),
    });
    expect(
      getPlanning({ viewer: member, bodyId: stuurgroep.id, now: Date.parse("2026-11-01T10:00:00Z") }).meetings[0]!
        .topics[0]!.origin,
    ).toEqual({
      kind: "overdracht",
      label: "Overgedragen door Expertgroep: ‘Huisverbod’",
      href: null,
    });
    const item = takeTopicOntoAgenda({ viewer: secretary, topicId: id, now: Date.parse("2026-11-01T10:00:00Z") });
    const agenda = getMeeting({ viewer: secretary, id: target })!.sections.flatMap((x) => x.items);
    expect(agenda.find((i) => i.id === item.id)).toMatchObject({ subject: "Huisverbod" });
    expect(listProposedHandoffs({ viewer: secretary, bodyId: stuurgroep.id })).toEqual([]);
    // The accepted hand-off is no longer offered, but the topic keeps it as its origin when edited.
    updateTopic({
      viewer: secretary,
      id,
      expectedVersion: 2,
      input: topic({
        subject: "Aanpak na een huisverbod (regionaal)",
        meetingId: target,
        origin: `overdracht:${handoff.id}`,
      }),
    });

    recordDecision({
      viewer: secretary,
      agendaItemId: item.id,
      input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
    });
    const after = getPlanning({ viewer: member, bodyId: stuurgroep.id, now: Date.parse("2026-12-11T10:00:00Z") });
    expect(after.handled.map((t) => [t.subject, t.itemMeetingId, t.decisions.map((d) => d.outcome)])).toEqual([
      ["Aanpak na een huisverbod (regionaal)", target, ["conform"]],
    ]);
    // The public sees the decision only once the list is adopted.
    expect(
      getPlanning({ viewer: null, bodyId: stuurgroep.id, now: Date.parse("2026-12-11T10:00:00Z") }).handled[0]!
        .decisions,
    ).toEqual([]);
  });
});
