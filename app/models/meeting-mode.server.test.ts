import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makeViewer } from "../../tests/factories";
import { carryOutMeetingMode } from "~/lib/meeting-mode-actions.server";
import { addAgendaItem } from "./agenda.server";
import { listAuditEntries } from "./audit.server";
import { getDecisionList } from "./decisions.server";
import { RuleError } from "./errors";
import { getLiveView } from "./live.server";
import { checkInInvitee, closeMeeting, getMeetingMode, startItem } from "./meeting-mode.server";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";

async function meeting({ isPublic = true } = {}) {
  const body = makeBody({ kind: "stuurgroep", code: "SG" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", name: "Anna Lid", memberBodyIds: [body.id] });
  makeMembership({ bodyId: body.id, personId: member.personId });
  const { id } = createMeeting({
    viewer: secretary,
    input: { bodyId: body.id, date: "2026-12-10", startTime: "10:00", endTime: "12:00", location: "Almelo", isPublic },
  });
  const open = addAgendaItem({
    viewer: secretary,
    meetingId: id,
    input: {
      section: "B",
      subject: "Zorg en veiligheid",
      proposalMarkdown: "Instemmen.",
      isConfidential: false,
      plannedMinutes: 20,
    },
  });
  const closed = addAgendaItem({
    viewer: secretary,
    meetingId: id,
    input: { section: "B", subject: "Geheim dossier", proposalMarkdown: "Besloten.", isConfidential: true },
  });
  publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
  return { body, secretary, member, id, open, closed };
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

describe("meeting mode", () => {
  it("puts an item under discussion, which the live view of every reader follows; a besloten one by number only", async () => {
    const { secretary, member, id, open, closed } = await meeting();
    startItem({ viewer: secretary, meetingId: id, itemId: open.id, now: 1_000 });
    expect(getLiveView({ viewer: null, meetingId: id })?.current).toEqual({
      number: "B1",
      subject: "Zorg en veiligheid",
      since: 1_000,
    });
    startItem({ viewer: secretary, meetingId: id, itemId: closed.id });
    expect(getLiveView({ viewer: null, meetingId: id })?.current?.subject).toBeNull();
    expect(getLiveView({ viewer: member, meetingId: id })?.current?.subject).toBe("Geheim dossier");
    expect(getMeetingMode({ viewer: secretary, meetingId: id })?.item?.id).toBe(closed.id);
    expect(() => startItem({ viewer: member, meetingId: id, itemId: open.id })).toThrow(/secretariaat/);
    const audit = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries;
    expect(audit.filter((e) => e.action === "meeting.start-item")).toHaveLength(2);
  });

  it("captures decision, verslag and toezegging straight into the concept besluitenlijst", async () => {
    const { secretary, member, id, open } = await meeting();
    const recorded = carryOutMeetingMode({
      viewer: secretary,
      meetingId: id,
      formData: form({
        intent: "decision",
        itemId: String(open.id),
        outcome: "conform",
        textMarkdown: "De stuurgroep stemt in.",
        discussionMarkdown: "Burgemeester vroeg naar de kosten.",
      }),
    });
    expect(recorded).toMatchObject({ ok: true, version: 1 });
    const decisionId = recorded.ok ? recorded.decisionId! : 0;
    // Typed on: saved again over the version the form holds.
    const saved = carryOutMeetingMode({
      viewer: secretary,
      meetingId: id,
      formData: form({
        intent: "decision",
        itemId: String(open.id),
        decisionId: String(decisionId),
        version: "1",
        outcome: "gewijzigd",
        textMarkdown: "De stuurgroep stemt in, met de kanttekening.",
        discussionMarkdown: "Burgemeester vroeg naar de kosten; de voorzitter zegt een notitie toe.",
      }),
    });
    expect(saved).toMatchObject({ ok: true, version: 2 });
    // A second screen still holding version 1 is told, not silently overwritten.
    const stale = carryOutMeetingMode({
      viewer: secretary,
      meetingId: id,
      formData: form({
        intent: "decision",
        itemId: String(open.id),
        decisionId: String(decisionId),
        version: "1",
        outcome: "conform",
      }),
    });
    expect(stale).toMatchObject({ ok: false, status: 409, saved: { version: 2, outcome: "gewijzigd" } });
    const commitment = carryOutMeetingMode({
      viewer: secretary,
      meetingId: id,
      formData: form({
        intent: "commitment",
        decisionId: String(decisionId),
        description: "Notitie over de kosten",
        personId: String(member.personId),
      }),
    });
    expect(commitment).toMatchObject({ ok: true });
    const missing = carryOutMeetingMode({
      viewer: secretary,
      meetingId: id,
      formData: form({ intent: "commitment", decisionId: String(decisionId), description: "" }),
    });
    expect(missing).toMatchObject({ ok: false, fieldErrors: { description: ["Beschrijf wat er is toegezegd."] } });
    const list = getDecisionList({ viewer: member, meetingId: id })!;
    if (!list.visible) throw new Error("lijst niet zichtbaar");
    expect(list.decisions).toEqual([
      expect.objectContaining({
        outcome: "gewijzigd",
        discussionMarkdown: "Burgemeester vroeg naar de kosten; de voorzitter zegt een notitie toe.",
        commitments: [expect.objectContaining({ description: "Notitie over de kosten", personName: "Anna Lid" })],
      }),
    ]);
  });

  it("shows a public meeting's decisions live to everyone as concept, but never a besloten one; a closed meeting only to members", async () => {
    const { secretary, member, id, open, closed } = await meeting();
    for (const [item, isConfidential] of [
      [open, false],
      [closed, false],
      [open, true],
    ] as const)
      carryOutMeetingMode({
        viewer: secretary,
        meetingId: id,
        formData: form({
          intent: "decision",
          itemId: String(item.id),
          outcome: "conform",
          textMarkdown: `Besluit ${item.id} ${isConfidential}`,
          ...(isConfidential ? { isConfidential: "on" } : {}),
        }),
      });
    const visitor = getLiveView({ viewer: null, meetingId: id })!;
    expect(visitor.concept).toBe(true);
    expect(visitor.decisions.map((d) => d.textHtml)).toEqual([`<p>Besluit ${open.id} false</p>`]);
    expect(getLiveView({ viewer: member, meetingId: id })!.decisions).toHaveLength(3);
    // The list itself stays for members until it is adopted.
    expect(getDecisionList({ viewer: null, meetingId: id })).toMatchObject({ visible: false });

    const closedMeeting = await meeting({ isPublic: false });
    expect(getLiveView({ viewer: null, meetingId: closedMeeting.id })).toBeNull();
    expect(getLiveView({ viewer: await makeViewer({ role: "lid" }), meetingId: closedMeeting.id })).toBeNull();
    expect(getLiveView({ viewer: closedMeeting.member, meetingId: closedMeeting.id })).not.toBeNull();
  });

  it("checks invitees in with one tap and closes the meeting: vergaderd, nothing under discussion", async () => {
    const { secretary, member, id, open } = await meeting();
    const invitee = getMeetingMode({ viewer: secretary, meetingId: id })!.invitees.find(
      (i) => i.personId === member.personId,
    )!;
    checkInInvitee({ viewer: secretary, meetingId: id, inviteeId: invitee.id });
    expect(
      getMeetingMode({ viewer: secretary, meetingId: id })!.invitees.find((i) => i.id === invitee.id)?.attendance,
    ).toBe("aanwezig");
    startItem({ viewer: secretary, meetingId: id, itemId: open.id });
    closeMeeting({ viewer: secretary, meetingId: id });
    expect(getMeeting({ viewer: secretary, id })?.status).toBe("vergaderd");
    expect(getLiveView({ viewer: null, meetingId: id })?.current).toBeNull();
    expect(getMeetingMode({ viewer: member, meetingId: id })).toBeNull();
  });

  it("refuses to run a meeting whose agenda is not published", async () => {
    const body = makeBody();
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const { id } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2026-12-10",
        startTime: "10:00",
        endTime: "11:00",
        location: "Enschede",
        isPublic: true,
      },
    });
    const item = addAgendaItem({
      viewer: secretary,
      meetingId: id,
      input: { section: "B", subject: "Punt", proposalMarkdown: "", isConfidential: false },
    });
    expect(() => startItem({ viewer: secretary, meetingId: id, itemId: item.id })).toThrow(RuleError);
  });
});
