import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actions } from "../../db/schema";
import { getDb } from "~/lib/db.server";
import { makeBody, makeViewer } from "../../tests/factories";
import { completeAction, createAction } from "./actions.server";
import { addAgendaItem } from "./agenda.server";
import { listAuditEntries } from "./audit.server";
import { recordDecision, removeDecision, type DecisionInput } from "./decisions.server";
import { Forbidden, RuleError } from "./errors";
import { setGoalLinks } from "./goal-links.server";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";
import {
  addBudgetLine,
  addChapter,
  addGoal,
  budgetTotals,
  closePlan,
  createPlan,
  getPlan,
  listPlans,
  publishReport,
  recordPlanAdoption,
  submitPlanForConsent,
  updateGoal,
} from "./plans.server";

const NOW = Date.parse("2026-11-25T10:00:00Z");

async function setting() {
  const stuurgroep = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS" });
  const themagroep = makeBody({ kind: "themagroep", name: "Themagroep Mensenhandel" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [stuurgroep.id, themagroep.id] });
  const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
  const member = await makeViewer({ role: "lid", memberBodyIds: [themagroep.id] });
  const outsider = await makeViewer({ role: "lid" });
  const { id: meetingId } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: stuurgroep.id,
      date: "2026-12-10",
      startTime: "13:30",
      endTime: "15:30",
      location: "x",
      isPublic: true,
    },
  });
  publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
  return { stuurgroep, themagroep, secretary, kwartiermaker, member, outsider, meetingId };
}

type Setting = Awaited<ReturnType<typeof setting>>;

function draft(s: Setting, year = 2027) {
  const { id } = createPlan({
    viewer: s.kwartiermaker,
    input: { bodyId: s.themagroep.id, year, title: `Jaarplan ${year} Mensenhandel`, copyOpenGoals: false },
    now: NOW,
  });
  addChapter({
    viewer: s.kwartiermaker,
    planId: id,
    input: { title: "Inleiding", bodyMarkdown: "De **rode draad**." },
  });
  addGoal({
    viewer: s.kwartiermaker,
    planId: id,
    input: { title: "Nulmeting", ownerName: "Ahmed Bouzid", quarter: 2, status: "gepland", progressNote: "" },
  });
  addGoal({
    viewer: s.kwartiermaker,
    planId: id,
    input: { title: "Signalenkaart", ownerName: null, quarter: 3, status: "gepland", progressNote: "" },
  });
  return id;
}

const version = (s: Setting, id: number) => getPlan({ viewer: s.kwartiermaker, id, now: NOW })!.plan.version;

const decide = (s: Setting, agendaItemId: number, outcome: DecisionInput["outcome"]) =>
  recordDecision({
    viewer: s.secretary,
    agendaItemId,
    input: { outcome, textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
    now: NOW,
  });

describe("the plan workflow", () => {
  it("concept → ter instemming on the stuurgroep's agenda → vastgesteld by its decision", async () => {
    const s = await setting();
    const id = draft(s);
    expect(getPlan({ viewer: null, id, now: NOW })).toBeNull();
    expect(getPlan({ viewer: s.outsider, id, now: NOW })).toBeNull();
    expect(getPlan({ viewer: s.member, id, now: NOW })!.plan.status).toBe("concept");

    const { agendaItemId } = submitPlanForConsent({
      viewer: s.kwartiermaker,
      id,
      expectedVersion: version(s, id),
      meetingId: s.meetingId,
      agendaItemId: null,
      now: NOW,
    });
    const item = getMeeting({ viewer: s.secretary, id: s.meetingId })!
      .sections.flatMap((x) => x.items)
      .find((i) => i.id === agendaItemId)!;
    expect(item).toMatchObject({ number: "B1", subject: "Jaarplan 2027 Mensenhandel" });
    expect(getPlan({ viewer: s.member, id, now: NOW })).toMatchObject({
      plan: { status: "ter_instemming" },
      editable: false,
    });
    // Once submitted, the text the stuurgroep reads no longer changes.
    expect(() =>
      addChapter({ viewer: s.kwartiermaker, planId: id, input: { title: "Later", bodyMarkdown: "" } }),
    ).toThrow(/ter instemming/);

    const { reference } = decide(s, agendaItemId, "ingestemd");
    const adopted = getPlan({ viewer: null, id, now: NOW })!;
    expect(adopted.plan.status).toBe("vastgesteld");
    // The decision is on a concept besluitenlijst: the public reads its reference once the list is vastgesteld.
    expect(adopted.decision).toBeNull();
    expect(getPlan({ viewer: s.secretary, id, now: NOW })!.decision!.reference).toBe(reference);
    expect(listPlans({ viewer: null }).map((p) => p.id)).toContain(id);
    const audit = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(["plan.submit", "plan.adopt", "agenda-item.add-by-workflow"]));

    // After adoption only status and progress move; what, who and when stay as agreed.
    const goal = adopted.goals[0]!;
    updateGoal({
      viewer: s.kwartiermaker,
      id: goal.id,
      expectedVersion: goal.version,
      input: {
        title: goal.title,
        ownerName: goal.ownerName,
        quarter: goal.quarter,
        status: "loopt",
        progressNote: "Via het RIEC.",
      },
    });
    expect(() =>
      updateGoal({
        viewer: s.kwartiermaker,
        id: goal.id,
        expectedVersion: goal.version + 1,
        input: {
          title: "Iets anders",
          ownerName: goal.ownerName,
          quarter: goal.quarter,
          status: "loopt",
          progressNote: "",
        },
      }),
    ).toThrow(/vastgesteld/);
  });

  it("links to an item the secretariaat already planned; verworpen sends it back, a removed decision reopens consent", async () => {
    const s = await setting();
    const planned = addAgendaItem({
      viewer: s.secretary,
      meetingId: s.meetingId,
      input: {
        section: "B",
        subject: "Jaarplannen 2027 van de themagroepen",
        proposalMarkdown: "",
        isConfidential: false,
      },
    });
    const id = draft(s);
    submitPlanForConsent({
      viewer: s.kwartiermaker,
      id,
      expectedVersion: version(s, id),
      meetingId: null,
      agendaItemId: planned.id,
      now: NOW,
    });
    decide(s, planned.id, "verworpen");
    expect(getPlan({ viewer: s.member, id, now: NOW })!.plan).toMatchObject({ status: "concept", agendaItemId: null });

    submitPlanForConsent({
      viewer: s.kwartiermaker,
      id,
      expectedVersion: version(s, id),
      meetingId: null,
      agendaItemId: planned.id,
      now: NOW,
    });
    const { id: decisionId } = decide(s, planned.id, "conform");
    expect(getPlan({ viewer: s.member, id, now: NOW })!.plan.status).toBe("vastgesteld");
    removeDecision({ viewer: s.secretary, id: decisionId });
    expect(getPlan({ viewer: s.member, id, now: NOW })!.plan.status).toBe("ter_instemming");
  });

  it("refuses a plan without goals, a meeting that is not a coming stuurgroep, and an outsider", async () => {
    const s = await setting();
    const { id: empty } = createPlan({
      viewer: s.kwartiermaker,
      input: { bodyId: s.themagroep.id, year: 2028, title: "Leeg", copyOpenGoals: false },
    });
    expect(() =>
      submitPlanForConsent({
        viewer: s.kwartiermaker,
        id: empty,
        expectedVersion: 1,
        meetingId: s.meetingId,
        agendaItemId: null,
        now: NOW,
      }),
    ).toThrow(/zonder doelen/);
    const id = draft(s);
    const { id: themaMeeting } = createMeeting({
      viewer: s.secretary,
      input: {
        bodyId: s.themagroep.id,
        date: "2026-12-15",
        startTime: "10:00",
        endTime: "11:00",
        location: "x",
        isPublic: false,
      },
    });
    expect(() =>
      submitPlanForConsent({
        viewer: s.kwartiermaker,
        id,
        expectedVersion: version(s, id),
        meetingId: themaMeeting,
        agendaItemId: null,
        now: NOW,
      }),
    ).toThrow(RuleError);
    expect(() =>
      submitPlanForConsent({
        viewer: s.outsider,
        id,
        expectedVersion: version(s, id),
        meetingId: s.meetingId,
        agendaItemId: null,
        now: NOW,
      }),
    ).toThrow(Forbidden);
  });

  it("records a plan adopted before Gremium kept the decisions: by the kwartiermaker, with a past date", async () => {
    const s = await setting();
    const id = draft(s, 2026);
    const earlier = (viewer: Setting["kwartiermaker"], adoptedOn: string) =>
      recordPlanAdoption({ viewer, id, expectedVersion: version(s, id), adoptedOn, now: NOW });
    expect(() => earlier(s.secretary, "2026-01-22")).toThrow(Forbidden);
    expect(() => earlier(s.kwartiermaker, "2026-12-10")).toThrow(
      expect.objectContaining({ fieldErrors: { adoptedOn: [expect.stringMatching(/via de stuurgroep/)] } }),
    );
    earlier(s.kwartiermaker, "2026-01-22");
    const { plan } = getPlan({ viewer: s.outsider, id, now: NOW })!;
    expect(plan).toMatchObject({ status: "vastgesteld", adoptedAt: Date.parse("2026-01-22T11:00:00Z") });
    expect(() => earlier(s.kwartiermaker, "2026-01-22")).toThrow(RuleError);
    const audit = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries;
    expect(audit[0]).toMatchObject({ action: "plan.adopt-earlier", actorName: expect.any(String) });
  });
});

describe("closing the year", () => {
  it("drafts a jaarverslag per goal with the year's decisions and closed actions, leaving out besloten ones", async () => {
    const s = await setting();
    const id = draft(s, 2026);
    const { agendaItemId } = submitPlanForConsent({
      viewer: s.kwartiermaker,
      id,
      expectedVersion: version(s, id),
      meetingId: s.meetingId,
      agendaItemId: null,
      now: NOW,
    });
    decide(s, agendaItemId, "ingestemd");
    const [nulmeting, kaart] = getPlan({ viewer: s.member, id, now: NOW })!.goals;
    updateGoal({
      viewer: s.kwartiermaker,
      id: nulmeting!.id,
      expectedVersion: nulmeting!.version,
      input: {
        title: "Nulmeting",
        ownerName: "Ahmed Bouzid",
        quarter: 2,
        status: "afgerond",
        progressNote: "Klaar in juni.",
      },
    });
    // Linked: a public decision, a besloten one, and a closed action.
    const item = (subject: string, isConfidential: boolean) =>
      addAgendaItem({
        viewer: s.secretary,
        meetingId: s.meetingId,
        input: { section: "B", subject, proposalMarkdown: "", isConfidential },
      });
    const open = decide(s, item("Signalenkaart vaststellen", false).id, "conform");
    const { id: promiseId } = recordDecision({
      viewer: s.secretary,
      agendaItemId: item("Kaart verspreiden", false).id,
      input: {
        outcome: "conform",
        textMarkdown: "",
        discussionMarkdown: "",
        isConfidential: false,
        commitments: [{ description: "Kaart drukken", dueOn: "2026-12-31" }],
      },
      now: NOW,
    });
    const closedDoor = decide(s, item("Casus", true).id, "kennisgenomen");
    // The list must be vastgesteld before a decision goes into a public report.
    const { id: next } = createMeeting({
      viewer: s.secretary,
      input: {
        bodyId: s.stuurgroep.id,
        date: "2026-12-20",
        startTime: "10:00",
        endTime: "11:00",
        location: "x",
        isPublic: true,
      },
    });
    publishAgenda({ viewer: s.secretary, id: next, expectedVersion: 1 });
    const a1 = getMeeting({ viewer: s.secretary, id: next })!
      .sections.flatMap((x) => x.items)
      .find((i) => i.adoptsMeetingId)!;
    decide(s, a1.id, "conform");
    for (const decisionId of [open.id, closedDoor.id])
      setGoalLinks({
        viewer: s.kwartiermaker,
        target: { kind: "decision", id: decisionId },
        objectiveIds: [],
        planGoalIds: [kaart!.id],
      });
    // A toezegging of the public decision is public once its list is vastgesteld; an action the
    // secretariaat set for the body alone is not, so the published report leaves it out.
    const actionId = getDb().select({ id: actions.id }).from(actions).where(eq(actions.decisionId, promiseId)).get()!
      .id;
    const { id: internalId } = createAction({
      viewer: s.secretary,
      input: {
        bodyId: s.themagroep.id,
        description: "Interne afspraak",
        ownerPersonId: null,
        organisationId: null,
        dueOn: null,
      },
      now: NOW,
    });
    for (const id of [actionId, internalId]) {
      completeAction({ viewer: s.secretary, id, expectedVersion: 1, note: "Gedaan.", now: NOW });
      setGoalLinks({
        viewer: s.kwartiermaker,
        target: { kind: "action", id },
        objectiveIds: [],
        planGoalIds: [kaart!.id],
      });
    }

    closePlan({ viewer: s.kwartiermaker, id, expectedVersion: version(s, id), now: NOW });
    const closed = getPlan({ viewer: s.member, id, now: NOW })!.plan;
    expect(closed.status).toBe("afgesloten");
    expect(closed.reportMarkdown).toContain("## Nulmeting\n\nStatus: afgerond. Klaar in juni.");
    expect(closed.reportMarkdown).toContain(`- ${open.reference}: Signalenkaart vaststellen`);
    expect(closed.reportMarkdown).not.toContain(closedDoor.reference);
    expect(closed.reportMarkdown).toContain("- Kaart drukken (afgerond 25 november 2026)");
    expect(closed.reportMarkdown).not.toContain("Interne afspraak");
    expect(closed.reportPublishedAt).toBeNull();
    publishReport({ viewer: s.kwartiermaker, id, expectedVersion: closed.version, now: NOW });
    expect(getPlan({ viewer: null, id, now: NOW })!.plan.reportPublishedAt).toBe(NOW);
  });

  it("a new year can start from last year's open goals, with the objectives they served", async () => {
    const s = await setting();
    const id = draft(s, 2026);
    const [first] = getPlan({ viewer: s.member, id, now: NOW })!.goals;
    updateGoal({
      viewer: s.kwartiermaker,
      id: first!.id,
      expectedVersion: first!.version,
      input: { title: "Nulmeting", ownerName: "Ahmed Bouzid", quarter: 2, status: "afgerond", progressNote: "" },
    });
    const { id: next } = createPlan({
      viewer: s.kwartiermaker,
      input: { bodyId: s.themagroep.id, year: 2027, title: "Jaarplan 2027", copyOpenGoals: true },
    });
    expect(getPlan({ viewer: s.member, id: next, now: NOW })!.goals.map((g) => [g.title, g.status])).toEqual([
      ["Signalenkaart", "gepland"],
    ]);
    expect(() =>
      createPlan({
        viewer: s.kwartiermaker,
        input: { bodyId: s.themagroep.id, year: 2027, title: "Dubbel", copyOpenGoals: false },
      }),
    ).toThrow(/al een jaarplan/);
  });
});

describe("the budget", () => {
  it("keeps whole cents and computes the totals and the balance", async () => {
    const s = await setting();
    const id = draft(s);
    addBudgetLine({
      viewer: s.kwartiermaker,
      planId: id,
      input: { kind: "baten", description: "Rijksbijdrage", amountCents: 63_700_000 },
    });
    addBudgetLine({
      viewer: s.kwartiermaker,
      planId: id,
      input: { kind: "baten", description: "Gemeenten", amountCents: 26_000_000 },
    });
    addBudgetLine({
      viewer: s.kwartiermaker,
      planId: id,
      input: { kind: "lasten", description: "Personeel", amountCents: 71_200_050 },
    });
    expect(getPlan({ viewer: s.member, id, now: NOW })!.totals).toEqual({
      baten: 89_700_000,
      lasten: 71_200_050,
      saldo: 18_499_950,
    });
    expect(budgetTotals([])).toEqual({ baten: 0, lasten: 0, saldo: 0 });
  });
});
