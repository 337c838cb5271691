// The Woo deadlines of article 3.3 as the secretariaat sees them on /woo.
import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../../tests/factories";
import { addDaysIso, instantFromAmsterdam, todayIso } from "~/lib/format";
import { addAgendaItem } from "./agenda.server";
import { recordDecision } from "./decisions.server";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";
import { listWooDeadlines } from "./woo-deadlines.server";

const DAY = 86_400_000;
const decided = {
  outcome: "conform" as const,
  textMarkdown: "De aanpak wordt vastgesteld.",
  discussionMarkdown: "",
  isConfidential: false,
  commitments: [],
};

async function bodyWith(footing: "algemeen-bestuur" | "dagelijks-bestuur" | "artikel-3-1") {
  const body = makeBody({ kind: "bestuur", name: `Bestuur ${footing}`, wooFooting: footing, activeFrom: "2020-01-01" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const meeting = (daysFromToday: number, isPublic = true) => {
    const date = addDaysIso(todayIso(), daysFromToday);
    const { id } = createMeeting({
      viewer: secretary,
      input: { bodyId: body.id, date, startTime: "10:00", endTime: "12:00", location: "Almelo", isPublic },
    });
    return { id, startsAt: instantFromAmsterdam(date, "10:00") };
  };
  // Published a week ahead, as the secretariaat does.
  const publish = (m: { id: number; startsAt: number }) =>
    publishAgenda({ viewer: secretary, id: m.id, expectedVersion: 1, now: m.startsAt - 7 * DAY });
  return { secretary, meeting, publish };
}

const of = (deadlines: ReturnType<typeof listWooDeadlines>["deadlines"], meetingId: number) =>
  Object.fromEntries(deadlines.filter((d) => d.meetingId === meetingId).map((d) => [d.kind, d.status]));

describe("Woo deadlines", () => {
  it("follow an algemeen bestuur's agenda before the meeting and its list from open to met when adopted", async () => {
    const { secretary, meeting, publish } = await bodyWith("algemeen-bestuur");
    const held = meeting(-20);
    const item = addAgendaItem({
      viewer: secretary,
      meetingId: held.id,
      input: { section: "B", subject: "Regionale aanpak", proposalMarkdown: "", isConfidential: false },
    });
    publish(held);
    recordDecision({ viewer: secretary, agendaItemId: item.id, input: decided });
    // The next meeting carries the hamerstuk that adopts the held meeting's list.
    const next = meeting(-6);
    publish(next);
    const coming = meeting(10);
    const forgotten = meeting(-3);

    let deadlines = listWooDeadlines({ viewer: secretary }).deadlines;
    expect(of(deadlines, held.id)).toEqual({ agenda: "gehaald", besluitenlijst: "open" });
    expect(of(deadlines, coming.id)).toEqual({ agenda: "open" });
    expect(of(deadlines, forgotten.id)).toEqual({ agenda: "verstreken", besluitenlijst: "open" });
    expect(deadlines[0]).toMatchObject({ meetingId: forgotten.id, kind: "agenda", status: "verstreken" });

    // The next meeting adopts the list: public at once, so within the two weeks.
    const hamerstuk = getMeeting({ viewer: secretary, id: next.id })!
      .sections.flatMap((s) => s.items)
      .find((item) => item.adoptsMeetingId === held.id)!;
    recordDecision({
      viewer: secretary,
      agendaItemId: hamerstuk.id,
      input: decided,
    });
    deadlines = listWooDeadlines({ viewer: secretary }).deadlines;
    expect(of(deadlines, held.id)).toEqual({ agenda: "gehaald", besluitenlijst: "gehaald" });
    const counts = listWooDeadlines({ viewer: secretary });
    expect([counts.missed, counts.open]).toEqual([1, 3]);
  });

  it("count a dagelijks bestuur's besloten meeting as on time once its agenda is published, and ask nothing under article 3.1", async () => {
    const daily = await bodyWith("dagelijks-bestuur");
    const closed = daily.meeting(5, false);
    expect(listWooDeadlines({ viewer: daily.secretary }).deadlines).toEqual([
      expect.objectContaining({ meetingId: closed.id, kind: "agenda", status: "open", publicAt: null }),
    ]);
    daily.publish(closed);
    // Published, its agenda is public though the meeting is besloten: no deadline for its papers.
    expect(listWooDeadlines({ viewer: daily.secretary }).deadlines).toEqual([
      expect.objectContaining({
        meetingId: closed.id,
        kind: "agenda",
        status: "gehaald",
        publicAt: closed.startsAt - 7 * DAY,
        note: expect.stringMatching(/de stukken niet/),
      }),
    ]);
    const other = await bodyWith("artikel-3-1");
    other.meeting(-10);
    expect(listWooDeadlines({ viewer: other.secretary }).deadlines).toEqual([]);
  });
});
