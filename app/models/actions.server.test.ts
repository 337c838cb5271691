import { describe, expect, it } from "vitest";
import { getDb } from "~/lib/db.server";
import { makeBody, makeOrganisation, makeViewer } from "../../tests/factories";
import { STALE_ACTION_FLAGS } from "../../tests/invariants";
import { addAgendaItem } from "./agenda.server";
import {
  actionSteps,
  completeAction,
  createAction,
  dropAction,
  extendAction,
  getAction,
  listActions,
  listBodyActions,
  listMyActions,
  postActionUpdate,
  reopenAction,
  startAction,
  stepAction,
  summariseActions,
  updateActionDetails,
} from "./actions.server";
import { listAuditEntries } from "./audit.server";
import { recordDecision, type DecisionInput } from "./decisions.server";
import { ConflictError, Forbidden, RuleError } from "./errors";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";

const NOW = Date.parse("2026-11-25T10:00:00Z");
const at = (now = NOW) => ({ now });

async function network() {
  const police = makeOrganisation({ name: "Politie Oost-Nederland", kind: "partner" });
  const town = makeOrganisation({ name: "Gemeente Hengelo" });
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
  const owner = await makeViewer({ role: "lid", name: "Gerrit Koster", organisationId: police.id });
  const outsider = await makeViewer({ role: "lid" });
  return { police, town, body, secretary, member, owner, outsider };
}

type Network = Awaited<ReturnType<typeof network>>;

function newAction(n: Network, overrides: Partial<Parameters<typeof createAction>[0]["input"]> = {}) {
  return createAction({
    viewer: n.secretary,
    input: {
      bodyId: n.body.id,
      description: "Werkwijze opnemen in de politie-instructie",
      ownerPersonId: n.owner.personId,
      organisationId: null,
      dueOn: "2026-12-15",
      ...overrides,
    },
    ...at(),
  });
}

const version = (viewer: Network["secretary"], id: number) => getAction({ viewer, id, ...at() })!.version;

describe("the status of an action", () => {
  it("runs open → in uitvoering → afgerond, with a log line and an audit entry for each step", async () => {
    const n = await network();
    const { id } = newAction(n);
    const created = getAction({ viewer: n.owner, id, ...at() })!;
    // The organisation defaults to the one the owner acts for.
    expect(created).toMatchObject({ status: "open", organisationName: "Politie Oost-Nederland", canUpdate: true });

    startAction({ viewer: n.owner, id, expectedVersion: created.version, note: "", ...at() });
    postActionUpdate({
      viewer: n.owner,
      id,
      expectedVersion: version(n.owner, id),
      note: "Tekst ligt bij OI.",
      ...at(),
    });
    completeAction({
      viewer: n.owner,
      id,
      expectedVersion: version(n.owner, id),
      note: "Opgenomen per 1 december.",
      ...at(NOW + 1000),
    });

    const done = getAction({ viewer: n.member, id, ...at() })!;
    expect(done).toMatchObject({ status: "afgerond", closingNote: "Opgenomen per 1 december.", closedAt: NOW + 1000 });
    expect(done.updates.map((u) => [u.statusFrom, u.statusTo, u.note])).toEqual([
      ["in_uitvoering", "afgerond", "Opgenomen per 1 december."],
      [null, null, "Tekst ligt bij OI."],
      ["open", "in_uitvoering", ""],
    ]);
    expect(done.updates[0].authorName).toBe("Gerrit Koster");
    const audit = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries.map((e) => e.action);
    expect(audit.slice(0, 4)).toEqual(["action.complete", "action.update", "action.start", "action.create"]);
  });

  it("cannot be closed or dropped without a note; a closed action reopens only with a reason", async () => {
    const n = await network();
    const { id } = newAction(n);
    expect(() => completeAction({ viewer: n.owner, id, expectedVersion: 1, note: "  ", ...at() })).toThrow(RuleError);
    expect(() => dropAction({ viewer: n.owner, id, expectedVersion: 1, note: "", ...at() })).toThrow(/waarom/);
    dropAction({ viewer: n.secretary, id, expectedVersion: 1, note: "Landelijk opgepakt.", ...at() });
    expect(getAction({ viewer: n.member, id, ...at() })).toMatchObject({
      status: "vervallen",
      closingNote: "Landelijk opgepakt.",
    });
    expect(() => completeAction({ viewer: n.owner, id, expectedVersion: 2, note: "x", ...at() })).toThrow(
      /al vervallen/,
    );

    expect(() => reopenAction({ viewer: n.owner, id, expectedVersion: 2, note: "", ...at() })).toThrow(RuleError);
    reopenAction({ viewer: n.owner, id, expectedVersion: 2, note: "Landelijk toch niet.", ...at() });
    expect(getAction({ viewer: n.member, id, ...at() })).toMatchObject({
      status: "open",
      closedAt: null,
      closingNote: null,
    });
  });

  it("takes a new due date only from today on, and refuses a past one when created", async () => {
    const n = await network();
    expect(() => newAction(n, { dueOn: "2026-11-24" })).toThrow(
      expect.objectContaining({ fieldErrors: { dueOn: [expect.stringMatching(/vanaf vandaag/)] } }),
    );
    const { id } = newAction(n);
    expect(() =>
      extendAction({ viewer: n.owner, id, expectedVersion: 1, note: "", dueOn: "2026-11-01", ...at() }),
    ).toThrow(/vanaf vandaag/);
    extendAction({ viewer: n.owner, id, expectedVersion: 1, note: "Wacht op OI.", dueOn: "2027-02-01", ...at() });
    const action = getAction({ viewer: n.owner, id, ...at() })!;
    expect(action.dueOn).toBe("2027-02-01");
    expect(action.updates[0]).toMatchObject({ dueOnFrom: "2026-12-15", dueOnTo: "2027-02-01" });
  });

  it("is overdue once its due date has passed while it runs", async () => {
    const n = await network();
    const { id } = newAction(n, { dueOn: "2026-11-30" });
    expect(getAction({ viewer: n.owner, id, ...at() })!.overdue).toBe(false);
    expect(getAction({ viewer: n.owner, id, now: Date.parse("2026-12-01T10:00:00Z") })!.overdue).toBe(true);
  });

  it("detects a concurrent change instead of overwriting it", async () => {
    const n = await network();
    const { id } = newAction(n);
    postActionUpdate({ viewer: n.owner, id, expectedVersion: 1, note: "Eerste stand.", ...at() });
    expect(() => completeAction({ viewer: n.secretary, id, expectedVersion: 1, note: "Klaar.", ...at() })).toThrow(
      ConflictError,
    );
    expect(() =>
      updateActionDetails({
        viewer: n.secretary,
        id,
        expectedVersion: 1,
        input: { description: "Anders", ownerPersonId: n.owner.personId, organisationId: null, dueOn: "2026-12-15" },
        ...at(),
      }),
    ).toThrow(ConflictError);
    expect(getAction({ viewer: n.member, id, ...at() })!.status).toBe("open");
  });

  it("is updated by its owner or the secretariaat only; only the secretariaat creates and edits", async () => {
    const n = await network();
    const { id } = newAction(n);
    expect(() => postActionUpdate({ viewer: n.member, id, expectedVersion: 1, note: "x", ...at() })).toThrow(Forbidden);
    expect(() =>
      updateActionDetails({
        viewer: n.owner,
        id,
        expectedVersion: 1,
        input: { description: "x", ownerPersonId: null, organisationId: n.town.id, dueOn: null },
        ...at(),
      }),
    ).toThrow(Forbidden);
    expect(() =>
      createAction({
        viewer: n.member,
        input: { bodyId: n.body.id, description: "x", ownerPersonId: null, organisationId: n.town.id, dueOn: null },
        ...at(),
      }),
    ).toThrow(Forbidden);
  });

  it("progress reported by someone else is recorded in their name, and only by the secretariaat", async () => {
    const n = await network();
    const { id } = newAction(n);
    const reported = (viewer: Network["secretary"]) =>
      stepAction({
        viewer,
        id,
        expectedVersion: 1,
        step: actionSteps.update,
        options: { note: "Per mail: tekst ligt bij OI.", now: NOW, reportedBy: "Gerrit Koster (per mail)" },
      });
    // The owner writes under their own name; putting words in someone else's mouth is the secretariaat's.
    expect(() => reported(n.owner)).toThrow(Forbidden);
    reported(n.secretary);
    expect(getAction({ viewer: n.member, id, ...at() })!.updates[0]).toMatchObject({
      authorName: "Gerrit Koster (per mail)",
      note: "Per mail: tekst ligt bij OI.",
    });
  });
});

/** A published public meeting with a public and a besloten decision, each with a toezegging. */
async function decidedMeeting(n: Network, date = "2026-09-17") {
  const { id: meetingId } = createMeeting({
    viewer: n.secretary,
    input: { bodyId: n.body.id, date, startTime: "13:30", endTime: "15:30", location: "Hengelo", isPublic: true },
  });
  publishAgenda({ viewer: n.secretary, id: meetingId, expectedVersion: 1 });
  const add = (subject: string, isConfidential = false) =>
    addAgendaItem({
      viewer: n.secretary,
      meetingId,
      input: { section: "B", subject, proposalMarkdown: "", isConfidential },
    });
  const decide = (agendaItemId: number, description: string, overrides: Partial<DecisionInput> = {}) =>
    recordDecision({
      viewer: n.secretary,
      agendaItemId,
      input: {
        outcome: "conform",
        textMarkdown: "Vastgesteld.",
        discussionMarkdown: "",
        isConfidential: false,
        commitments: [{ description, personId: n.owner.personId, dueOn: "2026-12-31" }],
        ...overrides,
      },
      now: Date.parse(`${date}T15:00:00Z`),
    });
  decide(add("Werkwijze op- en afschalen").id, "Invoering per gemeente volgen");
  decide(add("Casus in Twenterand", true).id, "Gesprek met de directie voeren");
  decide(add("Personele zaken").id, "Vervanging regelen", { isConfidential: true });
  return meetingId;
}

function adopt(n: Network, meetingId: number) {
  const { id: next } = createMeeting({
    viewer: n.secretary,
    input: {
      bodyId: n.body.id,
      date: "2026-12-10",
      startTime: "13:30",
      endTime: "15:30",
      location: "Hengelo",
      isPublic: true,
    },
  });
  publishAgenda({ viewer: n.secretary, id: next, expectedVersion: 1 });
  const a1 = getMeeting({ viewer: n.secretary, id: next })!
    .sections.flatMap((s) => s.items)
    .find((i) => i.adoptsMeetingId === meetingId)!;
  recordDecision({
    viewer: n.secretary,
    agendaItemId: a1.id,
    input: { outcome: "conform", textMarkdown: "", discussionMarkdown: "", isConfidential: false, commitments: [] },
  });
}

describe("who sees which action", () => {
  it("members of the body see all its actions with names; others nothing while the list is a concept", async () => {
    const n = await network();
    await decidedMeeting(n);
    const descriptions = (viewer: Network["member"] | null) =>
      listActions({ viewer, ...at() })
        .actions.map((a) => a.description)
        .sort();
    expect(descriptions(n.member)).toEqual([
      "Gesprek met de directie voeren",
      "Invoering per gemeente volgen",
      "Vervanging regelen",
    ]);
    expect(listActions({ viewer: n.member, ...at() }).actions[0].ownerName).toBe("Gerrit Koster");
    expect(descriptions(n.outsider)).toEqual([]);
    expect(descriptions(null)).toEqual([]);
    // The owner sees their own actions, besloten ones included: they made the promise.
    expect(descriptions(n.owner)).toHaveLength(3);
  });

  it("the public sees actions of public decisions once the list is vastgesteld: no names, notes or log", async () => {
    const n = await network();
    const meetingId = await decidedMeeting(n);
    const [publicAction] = listActions({ viewer: n.member, ...at() }).actions.filter(
      (a) => a.description === "Invoering per gemeente volgen",
    );
    postActionUpdate({
      viewer: n.owner,
      id: publicAction.id,
      expectedVersion: 1,
      note: "Negen gemeenten klaar.",
      ...at(),
    });
    adopt(n, meetingId);

    for (const viewer of [null, n.outsider]) {
      const { actions } = listActions({ viewer, ...at() });
      expect(actions.map((a) => a.description)).toEqual(["Invoering per gemeente volgen"]);
      expect(actions[0]).toMatchObject({
        ownerName: null,
        lastUpdate: null,
        organisationName: "Politie Oost-Nederland",
        status: "open",
        dueOn: "2026-12-31",
      });
      const page = getAction({ viewer, id: publicAction.id, ...at() })!;
      expect(page).toMatchObject({ ownerName: null, updates: [], canUpdate: false });
      // Filtering by owner must not reveal who owns what.
      expect(listActions({ viewer, filters: { ownerPersonId: n.owner.personId }, ...at() }).actions).toEqual([]);
    }
    const hidden = listActions({ viewer: n.member, ...at() }).actions.find(
      (a) => a.description === "Vervanging regelen",
    )!;
    expect(getAction({ viewer: null, id: hidden.id, ...at() })).toBeNull();
  });

  it("an organisation's contact sees its actions, except those from besloten content", async () => {
    const n = await network();
    await decidedMeeting(n);
    const contact = await makeViewer({ role: "lid", organisationId: n.police.id, isOrganisationContact: true });
    const colleague = await makeViewer({ role: "lid", organisationId: n.police.id });
    expect(listActions({ viewer: contact, ...at() }).actions.map((a) => a.description)).toEqual([
      "Invoering per gemeente volgen",
    ]);
    expect(listActions({ viewer: contact, ...at() }).actions[0].ownerName).toBe("Gerrit Koster");
    expect(listActions({ viewer: colleague, ...at() }).actions).toEqual([]);
  });
});

describe("the stored visibility of an action", () => {
  it("follows every change to its decision, item, meeting and list", async () => {
    const n = await network();
    const meetingId = await decidedMeeting(n);
    adopt(n, meetingId);
    const sqlite = getDb().$client;
    const run = (sql: string, ...args: unknown[]) => sqlite.prepare(sql).run(...args);
    const publicIds = () =>
      (
        sqlite.prepare("select id from actions where body_id = ? and public_origin = 1 order by id").all(n.body.id) as {
          id: number;
        }[]
      ).map((r) => r.id);
    const stale = () => sqlite.prepare(STALE_ACTION_FLAGS).all();
    const [shown] = listActions({ viewer: null, ...at() }).actions.filter((a) => a.bodyId === n.body.id);
    expect(publicIds()).toEqual([shown.id]);
    const { decisionId, agendaItemId } = sqlite
      .prepare("select decision_id as decisionId, agenda_item_id as agendaItemId from actions where id = ?")
      .get(shown.id) as { decisionId: number; agendaItemId: number };

    // Each step hides the action from the public, and undoing it shows it again.
    const steps: [string, string, unknown[]][] = [
      [
        "update decisions set is_confidential = 1 where id = ?",
        "update decisions set is_confidential = 0 where id = ?",
        [decisionId],
      ],
      [
        "update agenda_items set is_confidential = 1 where id = ?",
        "update agenda_items set is_confidential = 0 where id = ?",
        [agendaItemId],
      ],
      ["update meetings set is_public = 0 where id = ?", "update meetings set is_public = 1 where id = ?", [meetingId]],
      [
        "update meetings set published_at = null where id = ?",
        "update meetings set published_at = 1 where id = ?",
        [meetingId],
      ],
      [
        "update decision_lists set status = 'concept' where meeting_id = ?",
        "update decision_lists set status = 'vastgesteld' where meeting_id = ?",
        [meetingId],
      ],
      [
        "update actions set decision_id = null where id = ?",
        `update actions set decision_id = ${decisionId} where id = ?`,
        [shown.id],
      ],
    ];
    for (const [hide, show, args] of steps) {
      run(hide, ...args);
      expect(publicIds(), hide).toEqual([]);
      expect(listActions({ viewer: null, ...at() }).actions.filter((a) => a.bodyId === n.body.id)).toEqual([]);
      expect(stale()).toEqual([]);
      run(show, ...args);
      expect(publicIds(), show).toEqual([shown.id]);
      expect(stale()).toEqual([]);
    }
    const list = sqlite.prepare("select * from decision_lists where meeting_id = ?").get(meetingId) as Record<
      string,
      unknown
    >;
    run("delete from decision_lists where meeting_id = ?", meetingId);
    expect(publicIds()).toEqual([]);
    const columns = Object.keys(list);
    run(
      `insert into decision_lists (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`,
      ...Object.values(list),
    );
    expect(publicIds()).toEqual([shown.id]);

    // Moving an item to a besloten meeting or a decision to a besloten item carries the action along.
    const besloten = sqlite
      .prepare("select id from agenda_items where meeting_id = ? and is_confidential = 1")
      .get(meetingId) as { id: number };
    run("update decisions set agenda_item_id = ? where id = ?", besloten.id, decisionId);
    expect(publicIds()).toEqual([]);
    expect(sqlite.prepare("select confidential_origin as c from actions where id = ?").get(shown.id)).toEqual({ c: 1 });
    run("update decisions set agenda_item_id = ? where id = ?", agendaItemId, decisionId);
    expect(publicIds()).toEqual([shown.id]);
    expect(stale()).toEqual([]);
  });
});

describe("lists, counts and the chart", () => {
  it("filters by status, overdue and due within N days; my actions come overdue first", async () => {
    const n = await network();
    const late = newAction(n, { description: "Te laat", dueOn: "2026-11-26" });
    newAction(n, { description: "Binnenkort", dueOn: "2026-12-05" });
    newAction(n, { description: "Later", dueOn: "2027-06-01" });
    const closed = newAction(n, { description: "Klaar", dueOn: "2026-12-01" });
    completeAction({ viewer: n.owner, id: closed.id, expectedVersion: 1, note: "Gedaan.", ...at() });
    const nextWeek = Date.parse("2026-11-28T10:00:00Z");
    const names = (filters: Parameters<typeof listActions>[0]["filters"]) =>
      listActions({ viewer: n.member, filters, now: nextWeek }).actions.map((a) => a.description);
    expect(names({})).toEqual(["Te laat", "Binnenkort", "Later"]);
    expect(names({ overdue: true })).toEqual(["Te laat"]);
    expect(names({ dueWithinDays: 14 })).toEqual(["Binnenkort"]);
    expect(names({ status: "afgerond" })).toEqual(["Klaar"]);
    expect(names({ status: "alle" })).toEqual(["Te laat", "Binnenkort", "Later", "Klaar"]);
    expect(names({ organisationId: n.town.id })).toEqual([]);

    const mine = listMyActions({ viewer: n.owner, now: nextWeek });
    expect(mine.running.map((a) => [a.description, a.overdue])).toEqual([
      ["Te laat", true],
      ["Binnenkort", false],
      ["Later", false],
    ]);
    expect(mine.closed.map((a) => a.description)).toEqual(["Klaar"]);
    expect(late.id).toBeGreaterThan(0);
  });

  it("counts running, overdue and afgerond this quarter per body and per organisation", async () => {
    const n = await network();
    newAction(n, { dueOn: "2026-11-26" });
    newAction(n, { dueOn: "2027-01-10", ownerPersonId: null, organisationId: n.town.id });
    const closed = newAction(n, { dueOn: "2026-12-01" });
    completeAction({ viewer: n.owner, id: closed.id, expectedVersion: 1, note: "Gedaan.", ...at() });
    const { perBody, perOrganisation } = summariseActions({
      viewer: n.member,
      now: Date.parse("2026-12-02T10:00:00Z"),
    }).counts;
    expect(perBody).toEqual([
      expect.objectContaining({ name: "Stuurgroep ZVS", open: 2, overdue: 1, closedThisQuarter: 1 }),
    ]);
    expect(perOrganisation).toEqual([
      expect.objectContaining({ name: "Gemeente Hengelo", open: 1, overdue: 0, closedThisQuarter: 0 }),
      expect.objectContaining({ name: "Politie Oost-Nederland", open: 1, overdue: 1, closedThisQuarter: 1 }),
    ]);
    // A new quarter starts the closed count again.
    expect(
      summariseActions({ viewer: n.member, now: Date.parse("2027-01-05T10:00:00Z") }).counts.perBody[0]
        .closedThisQuarter,
    ).toBe(0);
    expect(summariseActions({ viewer: null, ...at() }).counts.perBody).toEqual([]);
  });

  it("charts 24 months of running and afgerond actions", async () => {
    const n = await network();
    newAction(n);
    const closed = newAction(n);
    completeAction({ viewer: n.owner, id: closed.id, expectedVersion: 1, note: "Gedaan.", ...at() });
    const { chart } = summariseActions({ viewer: n.member, ...at() });
    expect(chart).toHaveLength(24);
    expect(chart[0].month).toBe("2024-12");
    expect(chart[23]).toEqual({ month: "2026-11", open: 1, closed: 1 });
    expect(chart[22]).toEqual({ month: "2026-10", open: 0, closed: 0 });
  });

  it("the body's actielijst shows running actions with their last update", async () => {
    const n = await network();
    const { id } = newAction(n);
    postActionUpdate({ viewer: n.owner, id, expectedVersion: 1, note: "Tekst ligt bij OI.", ...at() });
    const { running, closed } = listBodyActions({ viewer: n.member, bodyId: n.body.id, ...at() });
    expect(running.map((a) => [a.description, a.lastUpdate])).toEqual([
      ["Werkwijze opnemen in de politie-instructie", "Tekst ligt bij OI."],
    ]);
    expect(closed).toEqual([]);
  });
});
