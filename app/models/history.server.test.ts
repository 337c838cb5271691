// Entering a network's past: meetings of 2022 recorded as held, with the dates of the events rather
// than of the typing, and nobody mailed.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actions } from "../../db/schema";
import { getDb } from "~/lib/db.server";
import { makeBody, makePerson, makeViewer } from "../../tests/factories";
import { listOutbox } from "~/lib/mail.server";
import { countMeetingActions, getMeetingActionList, processActionList } from "./action-lists.server";
import { completeAction, createAction, getAction } from "./actions.server";
import { addAgendaItem } from "./agenda.server";
import { listAuditEntries } from "./audit.server";
import { getDecisionList, recordDecision, type DecisionInput } from "./decisions.server";
import { addDocument, listDocumentsForItem } from "./documents.server";
import { mailAgendaToInvitees } from "./meeting-mail.server";
import { cancelMeeting, createMeeting, getMeeting, recordMeetingAsHeld } from "./meetings.server";
import { addTopic, getPlanning } from "./planning.server";
import { createProgramme } from "./programmes.server";
import { amsterdamDateAndTime, todayIso } from "~/lib/format";

const decided = (overrides: Partial<DecisionInput> = {}): DecisionInput => ({
  outcome: "conform",
  textMarkdown: "Het advies wordt vastgesteld.",
  discussionMarkdown: "",
  isConfidential: false,
  commitments: [],
  ...overrides,
});
const dayOf = (instant: number | null | undefined) => (instant ? amsterdamDateAndTime(instant).date : null);

async function network() {
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", activeFrom: "2016-01-01" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const plan = (date: string) =>
    createMeeting({
      viewer: secretary,
      input: { bodyId: body.id, date, startTime: "10:00", endTime: "12:00", location: "Almelo", isPublic: true },
    }).id;
  const itemOn = (meetingId: number, subject: string) =>
    addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject, proposalMarkdown: "", isConfidential: false },
    }).id;
  return { body, secretary, plan, itemOn };
}

describe("a past meeting entered as history", () => {
  it("is recorded as held without mailing anyone; a coming meeting is published instead", async () => {
    const { secretary, plan } = await network();
    const past = plan("2022-01-20");
    const before = listOutbox().length;
    recordMeetingAsHeld({ viewer: secretary, id: past, expectedVersion: 1 });
    const meeting = getMeeting({ viewer: secretary, id: past })!;
    expect(meeting.status).toBe("gepubliceerd");
    expect(meeting.recordedAfterwardsAt).not.toBeNull();
    // Even a forged "mail the agenda" for it mails nobody.
    const { delivered } = await mailAgendaToInvitees({
      viewer: secretary,
      meetingId: past,
      kind: "gewijzigd",
      baseUrl: "http://localhost",
    });
    expect(delivered).toBe(0);
    expect(listOutbox().length).toBe(before);
    expect(listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries[0]).toMatchObject({
      action: "meeting.record-held",
    });

    const coming = plan("2099-01-20");
    expect(() => recordMeetingAsHeld({ viewer: secretary, id: coming, expectedVersion: 1 })).toThrow(
      /moet nog beginnen/,
    );
  });

  it("takes decisions, toezeggingen and the adoption on the meetings' own dates", async () => {
    const { secretary, plan, itemOn } = await network();
    const january = plan("2022-01-20");
    const advice = itemOn(january, "Adviesopdracht expertgroep");
    recordMeetingAsHeld({ viewer: secretary, id: january, expectedVersion: 1 });
    const owner = makePerson({ name: "Werkgroep-trekker" });
    // Due before the meeting: refused at the field, with the meeting's day.
    expect(() =>
      recordDecision({
        viewer: secretary,
        agendaItemId: advice,
        input: decided({
          commitments: [{ description: "Advies uitbrengen", personId: owner.id, dueOn: "2022-01-01" }],
        }),
      }),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: {
          "commitments[0].dueOn": [expect.stringMatching(/vanaf 20 januari 2022, de dag van de vergadering/)],
        },
      }),
    );
    recordDecision({
      viewer: secretary,
      agendaItemId: advice,
      input: decided({ commitments: [{ description: "Advies uitbrengen", personId: owner.id, dueOn: "2022-06-30" }] }),
    });
    const june = plan("2022-06-16");
    recordMeetingAsHeld({ viewer: secretary, id: june, expectedVersion: 1 });
    const hamerstuk = getMeeting({ viewer: secretary, id: june })!
      .sections.flatMap((s) => s.items)
      .find((i) => i.adoptsMeetingId === january)!;
    recordDecision({ viewer: secretary, agendaItemId: hamerstuk.id, input: decided() });
    const list = getDecisionList({ viewer: secretary, meetingId: january })!;
    expect(list.status).toBe("vastgesteld");
    expect(dayOf(list.adoptedAt)).toBe("2022-06-16");
    const commitment = list.visible ? list.decisions[0]!.commitments[0]! : undefined;
    expect(commitment?.dueOn).toBe("2022-06-30");
  });

  it("closes an action on the day it was closed, not before it arose and not in the future", async () => {
    const { body, secretary, plan } = await network();
    const meetingId = plan("2022-01-20");
    recordMeetingAsHeld({ viewer: secretary, id: meetingId, expectedVersion: 1 });
    const { id } = createAction({
      viewer: secretary,
      input: {
        bodyId: body.id,
        description: "Werkgroep samenstellen",
        ownerPersonId: null,
        organisationId: null,
        dueOn: "2022-03-01",
        meetingId,
      },
    });
    expect(dayOf(getAction({ viewer: secretary, id })!.createdAt)).toBe("2022-01-20");
    const close = (occurredOn: string) =>
      completeAction({ viewer: secretary, id, expectedVersion: 1, note: "Samengesteld.", occurredOn });
    expect(() => close("2021-12-31")).toThrow(/vanaf 20 januari 2022/);
    expect(() => close("2099-01-01")).toThrow(/vandaag of een dag in het verleden/);
    const typedAt = Date.now();
    close("2022-02-14");
    const action = getAction({ viewer: secretary, id })!;
    expect(action.status).toBe("afgerond");
    expect(dayOf(action.closedAt)).toBe("2022-02-14");
    expect(dayOf(action.updates[0]!.createdAt)).toBe("2022-02-14");
    // Harvesters sync on the time of change: the entry is new to them, whatever day it tells of.
    const { updatedAt } = getDb()
      .select({ updatedAt: actions.updatedAt })
      .from(actions)
      .where(eq(actions.id, id))
      .get()!;
    expect(updatedAt).toBeGreaterThanOrEqual(typedAt);
  });

  it("dates a paper of a past meeting with that meeting, and keeps its agenda unmarked", async () => {
    const { secretary, plan, itemOn } = await network();
    const meetingId = plan("2022-01-20");
    const itemId = itemOn(meetingId, "Meerjarenkoers");
    recordMeetingAsHeld({ viewer: secretary, id: meetingId, expectedVersion: 1 });
    addDocument({
      viewer: secretary,
      agendaItemId: itemId,
      title: "Notitie",
      isConfidential: false,
      content: { markdown: "De koers." },
    });
    const version = listDocumentsForItem({ viewer: secretary, agendaItemId: itemId }).documents[0]!.versions[0]!;
    expect(dayOf(version.createdAt)).toBe("2022-01-20");
    expect(getMeeting({ viewer: secretary, id: meetingId })!.changedItems).toEqual([]);
  });

  it("shows the actielijst's counts as the meeting saw them, never today's", async () => {
    const { body, secretary, plan } = await network();
    const newAction = (description: string, dueOn: string, openedOn: string) =>
      createAction({
        viewer: secretary,
        input: { bodyId: body.id, description, ownerPersonId: null, organisationId: null, dueOn, openedOn },
      }).id;
    const early = newAction("Plan van aanpak", "2022-02-01", "2021-11-01");
    newAction("Evaluatie", "2022-12-01", "2021-12-01");
    newAction("Later ontstaan", "2023-01-01", "2022-05-01");
    const january = plan("2022-01-20");
    recordMeetingAsHeld({ viewer: secretary, id: january, expectedVersion: 1 });
    const meeting = getMeeting({ viewer: secretary, id: january })!;
    // Two ran on its day, none overdue then; the one of May 2022 did not exist yet.
    expect(countMeetingActions({ viewer: secretary, meeting })).toEqual({ running: 2, overdue: 0 });
    const list = getMeetingActionList({ viewer: secretary, meetingId: january })!;
    expect(list.running.map((a) => a.description).sort()).toEqual(["Evaluatie", "Plan van aanpak"]);

    processActionList({
      viewer: secretary,
      meetingId: january,
      entries: list.running.map((a) => ({
        actionId: a.id,
        expectedVersion: a.version,
        result: a.id === early ? "afgedaan" : "loopt_door",
        dueOn: null,
        note: "",
      })),
    });
    expect(dayOf(getAction({ viewer: secretary, id: early })!.closedAt)).toBe("2022-01-20");
    // The snapshot stays what the meeting saw, whatever happens after.
    expect(countMeetingActions({ viewer: secretary, meeting })).toEqual({ running: 2, overdue: 0 });
    expect(todayIso()).not.toBe("2022-01-20");
  });

  it("refuses an action that would arise in the future", async () => {
    const { body, secretary } = await network();
    expect(() =>
      createAction({
        viewer: secretary,
        input: {
          bodyId: body.id,
          description: "Nazorg regelen",
          ownerPersonId: null,
          organisationId: null,
          dueOn: null,
          openedOn: "2099-01-01",
        },
      }),
    ).toThrow(expect.objectContaining({ fieldErrors: { openedOn: [expect.stringMatching(/vandaag of een dag/)] } }));
  });

  it("lets the bestuursagenda tie a topic to a past meeting or quarter, never to a cancelled one", async () => {
    const { body, secretary, plan } = await network();
    const held = plan("2022-01-20");
    const coming = plan("2099-03-12");
    const cancelled = plan("2022-03-10");
    cancelMeeting({ viewer: secretary, id: cancelled, expectedVersion: 1, reason: "Geen agendapunten." });
    const planning = getPlanning({ viewer: secretary, bodyId: body.id });
    // Coming meetings first, then the past ones; the cancelled one is not offered.
    expect(planning.meetingChoices.map((m) => [m.id, m.past])).toEqual([
      [coming, false],
      [held, true],
    ]);
    const topic = {
      subject: "Adviesopdracht",
      purpose: "besluitvorming" as const,
      ownerName: null,
      isConfidential: false,
    };
    addTopic({ viewer: secretary, bodyId: body.id, input: { ...topic, meetingId: held, quarter: null } });
    addTopic({ viewer: secretary, bodyId: body.id, input: { ...topic, meetingId: null, quarter: "2016-K3" } });
    expect(() =>
      addTopic({ viewer: secretary, bodyId: body.id, input: { ...topic, meetingId: cancelled, quarter: null } }),
    ).toThrow(/geannuleerd/);
    const after = getPlanning({ viewer: secretary, bodyId: body.id });
    expect(after.byQuarter.map((t) => t.quarter)).toEqual(["2016-K3"]);
  });

  it("keeps meetings and programmes within the body's active period, with a clear message", async () => {
    const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep vanaf 2017", activeFrom: "2017-01-01" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    expect(() =>
      createMeeting({
        viewer: secretary,
        input: {
          bodyId: body.id,
          date: "2016-11-03",
          startTime: "10:00",
          endTime: "12:00",
          location: "Almelo",
          isPublic: true,
        },
      }),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: { date: ["Het gremium bestond toen nog niet: het is actief vanaf 1 januari 2017."] },
      }),
    );
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    const programme = {
      slug: `koers-${body.id}`,
      title: "Meerjarenkoers 2016-2020",
      endsOn: "2020-12-31",
      ownerBodyId: body.id,
      descriptionMarkdown: "",
      predecessorId: null,
    };
    expect(() => createProgramme({ viewer: kwartiermaker, input: { ...programme, startsOn: "2016-01-01" } })).toThrow(
      expect.objectContaining({ fieldErrors: { startsOn: [expect.stringMatching(/actief vanaf 1 januari 2017/)] } }),
    );
    expect(createProgramme({ viewer: kwartiermaker, input: { ...programme, startsOn: "2017-01-01" } }).slug).toBe(
      programme.slug,
    );
  });
});
