import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../../tests/factories";
import { getMeetingActionList, listProcessedActionLists, processActionList } from "./action-lists.server";
import { createAction, getAction } from "./actions.server";
import { addAgendaItem } from "./agenda.server";
import { listAuditEntries } from "./audit.server";
import { recordDecision } from "./decisions.server";
import { ConflictError, Forbidden, RuleError } from "./errors";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";

const NOW = Date.parse("2026-11-25T10:00:00Z");

async function setting() {
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
  const owner = await makeViewer({ role: "lid", name: "Lotte Jansen" });
  const meeting = (date: string, publish = true) => {
    const { id } = createMeeting({
      viewer: secretary,
      input: { bodyId: body.id, date, startTime: "13:30", endTime: "15:30", location: "Hengelo", isPublic: false },
    });
    if (publish) publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    return id;
  };
  const action = (description: string, dueOn: string) =>
    createAction({
      viewer: secretary,
      input: { bodyId: body.id, description, ownerPersonId: owner.personId, organisationId: null, dueOn },
      now: NOW,
    }).id;
  return { body, secretary, member, owner, meeting, action };
}

type Setting = Awaited<ReturnType<typeof setting>>;

function entriesFor(
  s: Setting,
  meetingId: number,
  choices: Record<number, Partial<{ result: string; dueOn: string; note: string }>>,
) {
  return getMeetingActionList({ viewer: s.secretary, meetingId, now: NOW })!.running.map((a) => ({
    actionId: a.id,
    expectedVersion: a.version,
    result: (choices[a.id]?.result ?? "loopt_door") as "loopt_door" | "afgedaan" | "vervallen",
    dueOn: choices[a.id]?.dueOn ?? null,
    note: choices[a.id]?.note ?? "",
  }));
}

describe("the actielijst of a meeting", () => {
  it("carries running actions over from meeting to meeting and keeps a snapshot of each discussion", async () => {
    const s = await setting();
    const september = s.meeting("2026-09-17");
    const item = addAgendaItem({
      viewer: s.secretary,
      meetingId: september,
      input: { section: "B", subject: "Werkwijze", proposalMarkdown: "", isConfidential: false },
    });
    recordDecision({
      viewer: s.secretary,
      agendaItemId: item.id,
      input: {
        outcome: "conform",
        textMarkdown: "",
        discussionMarkdown: "",
        isConfidential: false,
        commitments: [{ description: "Invoering volgen", personId: s.owner.personId, dueOn: "2026-12-31" }],
      },
      now: NOW,
    });
    const promised = getMeetingActionList({ viewer: s.member, meetingId: september, now: NOW })!;
    // A toezegging of this very meeting is on its besluitenlijst, not yet on its actielijst.
    expect(promised.running).toEqual([]);
    const b = s.action("Convenant rondsturen", "2026-12-01");
    const c = s.action("Privacytoets laten doen", "2026-12-15");

    const december = s.meeting("2026-12-10");
    const list = getMeetingActionList({ viewer: s.secretary, meetingId: december, now: NOW })!;
    expect(list.canProcess).toBe(true);
    const a = list.running.find((x) => x.description === "Invoering volgen")!.id;
    expect(list.running.map((x) => x.description).sort()).toEqual([
      "Convenant rondsturen",
      "Invoering volgen",
      "Privacytoets laten doen",
    ]);

    const choices = {
      [a]: { dueOn: "2027-03-01" },
      [b]: { result: "afgedaan" },
      [c]: { result: "vervallen" },
    };
    expect(() =>
      processActionList({
        viewer: s.secretary,
        meetingId: december,
        entries: entriesFor(s, december, choices),
        now: NOW,
      }),
    ).toThrow(expect.objectContaining({ fieldErrors: expect.objectContaining({ [`note-${c}`]: expect.any(Array) }) }));
    // Nothing was half-done.
    expect(getAction({ viewer: s.member, id: b, now: NOW })!.status).toBe("open");

    const counts = processActionList({
      viewer: s.secretary,
      meetingId: december,
      entries: entriesFor(s, december, {
        ...choices,
        [c]: { result: "vervallen", note: "Landelijke toets volstaat." },
      }),
      now: NOW,
    });
    expect(counts).toEqual({ afgedaan: 1, vervallen: 1, loopt_door: 1 });
    expect(getAction({ viewer: s.member, id: a, now: NOW })).toMatchObject({ status: "open", dueOn: "2027-03-01" });
    expect(getAction({ viewer: s.member, id: b, now: NOW })).toMatchObject({
      status: "afgerond",
      closingNote: "Afgedaan in de vergadering van 10 december 2026.",
    });
    expect(getAction({ viewer: s.member, id: c, now: NOW })).toMatchObject({
      status: "vervallen",
      closingNote: "Landelijke toets volstaat.",
    });
    const snapshot = () =>
      getMeetingActionList({ viewer: s.member, meetingId: december, now: NOW })!.reviews.map((r) => [
        r.description,
        r.statusBefore,
        r.dueOnBefore,
        r.result,
        r.newDueOn,
      ]);
    const asDiscussed = snapshot();
    expect(asDiscussed).toEqual(
      expect.arrayContaining([
        ["Invoering volgen", "open", "2026-12-31", "loopt_door", "2027-03-01"],
        ["Convenant rondsturen", "open", "2026-12-01", "afgedaan", null],
        ["Privacytoets laten doen", "open", "2026-12-15", "vervallen", null],
      ]),
    );

    // Only what still runs carries over to the next meeting; its snapshot leaves December's alone.
    const february = s.meeting("2027-02-11");
    expect(
      getMeetingActionList({ viewer: s.secretary, meetingId: february, now: NOW })!.running.map((x) => x.id),
    ).toEqual([a]);
    processActionList({ viewer: s.secretary, meetingId: february, entries: entriesFor(s, february, {}), now: NOW });
    expect(snapshot()).toEqual(asDiscussed);
    const carried = getAction({ viewer: s.member, id: a, now: NOW })!;
    expect(carried.reviews.map((r) => r.result)).toEqual(["loopt_door", "loopt_door"]);
    expect(carried.updates[0]).toMatchObject({ note: "", meetingId: february, statusTo: null });
    // The last real progress note stays what the actielijst shows.
    expect(carried.lastUpdate).toBeNull();
    expect(
      listProcessedActionLists({ viewer: s.member, bodyId: s.body.id }).map((p) => [p.discussed, p.closed]),
    ).toEqual([
      [1, 0],
      [3, 2],
    ]);
    const audit = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries;
    expect(audit.find((e) => e.action === "action-list.process")!.summary).toMatch(
      /0 afgedaan, 0 vervallen, 1 loopt door/,
    );
  });

  it("is processed by the secretariaat only, after publication, before the list is vastgesteld, and never over a newer change", async () => {
    const s = await setting();
    s.action("Convenant rondsturen", "2026-12-01");
    const concept = s.meeting("2026-12-10", false);
    expect(() =>
      processActionList({ viewer: s.secretary, meetingId: concept, entries: entriesFor(s, concept, {}), now: NOW }),
    ).toThrow(/Publiceer eerst/);
    const held = s.meeting("2026-12-17");
    expect(() =>
      processActionList({ viewer: s.member, meetingId: held, entries: entriesFor(s, held, {}), now: NOW }),
    ).toThrow(Forbidden);
    expect(getMeetingActionList({ viewer: s.member, meetingId: held, now: NOW })!.canProcess).toBe(false);
    expect(getMeetingActionList({ viewer: await makeViewer({ role: "lid" }), meetingId: held, now: NOW })).toBeNull();

    const stale = entriesFor(s, held, {});
    processActionList({ viewer: s.secretary, meetingId: held, entries: entriesFor(s, held, {}), now: NOW });
    expect(() => processActionList({ viewer: s.secretary, meetingId: held, entries: stale, now: NOW })).toThrow(
      ConflictError,
    );

    const next = s.meeting("2027-02-11");
    const adoption = getMeeting({ viewer: s.secretary, id: next })!
      .sections.flatMap((x) => x.items)
      .find((i) => i.adoptsMeetingId === held)!;
    recordDecision({
      viewer: s.secretary,
      agendaItemId: adoption.id,
      input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
    });
    expect(() =>
      processActionList({ viewer: s.secretary, meetingId: held, entries: entriesFor(s, held, {}), now: NOW }),
    ).toThrow(RuleError);
  });
});
