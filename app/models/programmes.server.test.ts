import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../../tests/factories";
import { completeAction, createAction, dropAction } from "./actions.server";
import { addAgendaItem } from "./agenda.server";
import { listAuditEntries } from "./audit.server";
import { listDecisions, recordDecision } from "./decisions.server";
import { ConflictError, Forbidden, RuleError } from "./errors";
import { setGoalLinks } from "./goal-links.server";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";
import {
  addObjective,
  createProgramme,
  getObjective,
  getProgrammeDashboard,
  setObjectiveStatus,
} from "./programmes.server";

const NOW = Date.parse("2026-11-25T10:00:00Z");

async function setting() {
  const body = makeBody({
    kind: "stuurgroep",
    name: "Stuurgroep ZVS",
    shortName: "Stuurgroep ZVS",
    activeFrom: "2015-01-01",
  });
  const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
  const programme = createProgramme({
    viewer: kwartiermaker,
    input: {
      slug: "versterkingsagenda",
      title: "Versterkingsagenda",
      startsOn: "2023-07-01",
      endsOn: "2026-12-31",
      ownerBodyId: body.id,
      descriptionMarkdown: "",
      predecessorId: null,
    },
  });
  const objective = addObjective({
    viewer: kwartiermaker,
    programmeId: programme.id,
    input: { title: "Informatiedeling", descriptionMarkdown: "", leadPersonId: null, focus: null },
  });
  const objectiveId = getObjective({
    viewer: null,
    slug: "versterkingsagenda",
    label: String(objective.number),
    now: NOW,
  })!.objective.id;
  return { body, kwartiermaker, secretary, member, programme, objectiveId };
}

type Setting = Awaited<ReturnType<typeof setting>>;

/** A public meeting with a public and a besloten decision, both linked to the objective. */
function decide(s: Setting) {
  const { id: meetingId } = createMeeting({
    viewer: s.secretary,
    input: {
      bodyId: s.body.id,
      date: "2026-09-17",
      startTime: "13:30",
      endTime: "15:30",
      location: "x",
      isPublic: true,
    },
  });
  publishAgenda({ viewer: s.secretary, id: meetingId, expectedVersion: 1 });
  const decision = (subject: string, isConfidential: boolean) => {
    const item = addAgendaItem({
      viewer: s.secretary,
      meetingId,
      input: { section: "B", subject, proposalMarkdown: "", isConfidential: false },
    });
    const { id } = recordDecision({
      viewer: s.secretary,
      agendaItemId: item.id,
      input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential, commitments: [] },
    });
    setGoalLinks({
      viewer: s.secretary,
      target: { kind: "decision", id },
      objectiveIds: [s.objectiveId],
      planGoalIds: [],
    });
    return id;
  };
  decision("Convenant gegevensdeling", false);
  decision("Casus in Twenterand", true);
  return meetingId;
}

function adopt(s: Setting, meetingId: number) {
  const { id: next } = createMeeting({
    viewer: s.secretary,
    input: {
      bodyId: s.body.id,
      date: "2026-12-10",
      startTime: "13:30",
      endTime: "15:30",
      location: "x",
      isPublic: true,
    },
  });
  publishAgenda({ viewer: s.secretary, id: next, expectedVersion: 1 });
  const a1 = getMeeting({ viewer: s.secretary, id: next })!
    .sections.flatMap((x) => x.items)
    .find((i) => i.adoptsMeetingId === meetingId)!;
  recordDecision({
    viewer: s.secretary,
    agendaItemId: a1.id,
    input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
  });
}

function linkedAction(s: Setting, description: string, dueOn: string, now = NOW) {
  const { id } = createAction({
    viewer: s.secretary,
    input: { bodyId: s.body.id, description, ownerPersonId: s.member.personId, organisationId: null, dueOn },
    now,
  });
  setGoalLinks({ viewer: s.secretary, target: { kind: "action", id }, objectiveIds: [s.objectiveId], planGoalIds: [] });
  return id;
}

describe("progress per objective", () => {
  it("is computed from linked decisions and actions, the same on the dashboard and the objective page", async () => {
    const s = await setting();
    decide(s);
    const closed = linkedAction(s, "Convenant rondsturen", "2026-12-01");
    completeAction({ viewer: s.secretary, id: closed, expectedVersion: 1, note: "Gedaan.", now: NOW });
    linkedAction(s, "Toets laten doen", "2026-11-30", Date.parse("2026-11-01T10:00:00Z"));
    const dropped = linkedAction(s, "Vervallen actie", "2026-12-31");
    dropAction({ viewer: s.secretary, id: dropped, expectedVersion: 1, note: "Niet nodig.", now: NOW });
    linkedAction(s, "Lopende actie", "2027-03-01");

    const later = Date.parse("2026-12-02T10:00:00Z");
    const dashboard = getProgrammeDashboard({ viewer: s.member, slug: "versterkingsagenda", now: later })!;
    const figures = dashboard.objectives[0]!.figures;
    // Dropped actions do not count towards progress.
    expect(figures).toEqual({ decisions: 2, open: 2, overdue: 1, closed: 1, counted: 3, share: 33 });
    const page = getObjective({ viewer: s.member, slug: "versterkingsagenda", label: "1", now: later })!;
    expect(page.figures).toEqual(figures);
    expect(page.actions.overdue.map((a) => a.description)).toEqual(["Toets laten doen"]);
    expect(page.actions.closed.map((a) => a.description).sort()).toEqual(["Convenant rondsturen", "Vervallen actie"]);
    // The timeline adds up to the same numbers.
    const timeline = dashboard.objectives[0]!.timeline;
    expect(timeline.reduce((n, q) => n + q.decisions, 0)).toBe(2);
    expect(timeline.reduce((n, q) => n + q.closed, 0)).toBe(1);
    expect(timeline.find((q) => q.quarter === "2026-K3")!.decisions).toBe(2);
  });

  it("counts a besloten decision for members only; the public count never reveals it", async () => {
    const s = await setting();
    const meetingId = decide(s);
    const count = (viewer: Setting["member"] | null) =>
      getProgrammeDashboard({ viewer, slug: "versterkingsagenda", now: NOW })!.objectives[0]!.figures.decisions;
    expect(count(s.member)).toBe(2);
    expect(count(s.kwartiermaker)).toBe(0);
    expect(count(null)).toBe(0);
    adopt(s, meetingId);
    expect(count(null)).toBe(1);
    expect(count(s.kwartiermaker)).toBe(1);
    expect(
      getObjective({ viewer: null, slug: "versterkingsagenda", label: "1", now: NOW })!.decisions.map((d) => d.subject),
    ).toEqual(["Convenant gegevensdeling"]);
    // The register filters by objective with the same rule.
    expect(listDecisions({ viewer: null, objectiveId: s.objectiveId }).decisions).toHaveLength(1);
    expect(listDecisions({ viewer: s.member, objectiveId: s.objectiveId }).decisions).toHaveLength(2);
  });
});

describe("objective status", () => {
  it("keeps a dated history; the latest date is the current status", async () => {
    const s = await setting();
    const version = () =>
      getObjective({ viewer: null, slug: "versterkingsagenda", label: "1", now: NOW })!.objective.version;
    setObjectiveStatus({
      viewer: s.kwartiermaker,
      id: s.objectiveId,
      expectedVersion: version(),
      status: "achter",
      statusOn: "2026-09-01",
      explanation: "Convenant wacht.",
      now: NOW,
    });
    setObjectiveStatus({
      viewer: s.kwartiermaker,
      id: s.objectiveId,
      expectedVersion: version(),
      status: "op_koers",
      statusOn: "2026-10-01",
      explanation: "Getekend.",
      now: NOW,
    });
    // An explanation for an earlier date adds to the history without changing today's status.
    setObjectiveStatus({
      viewer: s.kwartiermaker,
      id: s.objectiveId,
      expectedVersion: version(),
      status: "aandacht_nodig",
      statusOn: "2026-06-01",
      explanation: "Achteraf.",
      now: NOW,
    });
    const page = getObjective({ viewer: null, slug: "versterkingsagenda", label: "1", now: NOW })!;
    expect(page.objective.status).toBe("op_koers");
    expect(page.history.map((h) => [h.statusOn, h.status])).toEqual([
      ["2026-10-01", "op_koers"],
      ["2026-09-01", "achter"],
      ["2026-06-01", "aandacht_nodig"],
    ]);
    const audit = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries;
    expect(audit[0]!.action).toBe("objective.status");
  });

  it("needs an explanation, a date not in the future, the kwartiermaker, and the current version", async () => {
    const s = await setting();
    const args = { id: s.objectiveId, expectedVersion: 1, status: "achter" as const, statusOn: "2026-11-01", now: NOW };
    expect(() => setObjectiveStatus({ viewer: s.kwartiermaker, ...args, explanation: " " })).toThrow(RuleError);
    expect(() =>
      setObjectiveStatus({ viewer: s.kwartiermaker, ...args, statusOn: "2026-12-01", explanation: "x" }),
    ).toThrow(/vanaf vandaag of eerder/);
    expect(() => setObjectiveStatus({ viewer: s.member, ...args, explanation: "x" })).toThrow(Forbidden);
    setObjectiveStatus({ viewer: s.kwartiermaker, ...args, explanation: "x" });
    expect(() => setObjectiveStatus({ viewer: s.kwartiermaker, ...args, explanation: "y" })).toThrow(ConflictError);
  });
});

describe("linking to objectives", () => {
  it("is for the kwartiermaker and the body's secretariaat; a member cannot; unknown goals are refused", async () => {
    const s = await setting();
    const meetingId = decide(s);
    const decisionId = listDecisions({ viewer: s.member }).decisions[0]!.id;
    const target = { kind: "decision" as const, id: decisionId };
    expect(() => setGoalLinks({ viewer: s.member, target, objectiveIds: [s.objectiveId], planGoalIds: [] })).toThrow(
      Forbidden,
    );
    expect(() => setGoalLinks({ viewer: s.kwartiermaker, target, objectiveIds: [999_999], planGoalIds: [] })).toThrow(
      RuleError,
    );
    setGoalLinks({ viewer: s.kwartiermaker, target, objectiveIds: [], planGoalIds: [] });
    expect(
      getProgrammeDashboard({ viewer: s.member, slug: "versterkingsagenda", now: NOW })!.objectives[0]!.figures
        .decisions,
    ).toBe(1);
    expect(meetingId).toBeGreaterThan(0);
  });
});

describe("programmes as strategies are written", () => {
  it("numbers ambitions with sub-levels, keeps focus years, and invents no status", async () => {
    const s = await setting();
    const koers = createProgramme({
      viewer: s.kwartiermaker,
      input: {
        slug: `meerjarenkoers-2016-2020-${s.body.id}`,
        title: "Meerjarenkoers 2016-2020",
        startsOn: "2016-01-01",
        endsOn: "2020-12-31",
        ownerBodyId: s.body.id,
        descriptionMarkdown: "",
        predecessorId: null,
        objectiveTerm: "ambities",
      },
    });
    const add = (title: string, extra: Partial<Parameters<typeof addObjective>[0]["input"]> = {}) =>
      addObjective({
        viewer: s.kwartiermaker,
        programmeId: koers.id,
        input: { title, descriptionMarkdown: "", leadPersonId: null, focus: null, ...extra },
      });
    add("Eén aanpak", { focusFromYear: 2016, focusToYear: 2017 });
    add("Nazorg", { label: "7" });
    add("Nazorg na detentie", { label: "7a" });
    add("Nazorg na huisverbod", { label: "7B" });
    expect(() => add("Dubbel", { label: "7a" })).toThrow(/7a is in dit programma al in gebruik/);
    expect(() => add("Buiten de looptijd", { focusFromYear: 2015 })).toThrow(/2016–2020/);
    expect(add("Daarna", {}).number).toBe(8);

    const dashboard = getProgrammeDashboard({ viewer: null, slug: koers.slug, now: NOW })!;
    expect(dashboard.programme.objectiveTerm).toBe("ambities");
    expect(dashboard.objectives.map((o) => `${o.number}${o.suffix}`)).toEqual(["1", "7", "7a", "7b", "8"]);
    // No status was ever given: none is shown, not a default "op koers".
    expect(dashboard.objectives.map((o) => o.status)).toEqual([null, null, null, null, null]);
    expect(dashboard.objectives[0]).toMatchObject({ focusFromYear: 2016, focusToYear: 2017 });
    // The timeline spans 2016–2020 only: twenty quarters, not up to today.
    expect(dashboard.quarters[0]).toBe("2016-K1");
    expect(dashboard.quarters.at(-1)).toBe("2020-K4");
    expect(dashboard.objectives[0]!.timeline).toHaveLength(20);

    const sub = getObjective({ viewer: null, slug: koers.slug, label: "7a", now: NOW })!;
    expect(sub.objective.title).toBe("Nazorg na detentie");
    const status = (statusOn: string) =>
      setObjectiveStatus({
        viewer: s.kwartiermaker,
        id: sub.objective.id,
        expectedVersion: sub.objective.version,
        status: "op_koers",
        statusOn,
        explanation: "Gestart.",
        now: NOW,
      });
    expect(() => status("2015-12-31")).toThrow(/begon op 1 januari 2016/);
    expect(() => status("2021-01-01")).toThrow(/liep tot 31 december 2020/);
    status("2017-03-01");
    expect(getObjective({ viewer: null, slug: koers.slug, label: "7a", now: NOW })!.objective.status).toBe("op_koers");
  });
});
