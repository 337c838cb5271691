import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makePerson, makeViewer } from "../../tests/factories";
import { instantFromAmsterdam } from "~/lib/format";
import { listAuditEntries } from "./audit.server";
import { listAttendance, recordAttendance } from "./attendance.server";
import { Forbidden, RuleError } from "./errors";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";

async function publishedMeeting() {
  const body = makeBody();
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  for (const name of ["Anna", "Bert", "Cees", "Dora"])
    makeMembership({ bodyId: body.id, personId: makePerson({ name }).id });
  const { id } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: body.id,
      date: "2026-06-10",
      startTime: "10:00",
      endTime: "11:00",
      location: "Twentehuis",
      isPublic: true,
    },
  });
  publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
  const invitees = listAttendance({ viewer: secretary, meetingId: id })!.invitees;
  return { secretary, id, invitees, during: instantFromAmsterdam("2026-06-10", "10:30") };
}

describe("attendance", () => {
  it("records per invitee with times and substitutes, adds a guest, and moves the meeting to vergaderd", async () => {
    const { secretary, id, invitees, during } = await publishedMeeting();
    const [anna, bert, cees, dora] = invitees;
    recordAttendance({
      viewer: secretary,
      meetingId: id,
      expectedVersion: 2,
      now: during,
      entries: [
        { inviteeId: anna.id, status: "aanwezig" },
        { inviteeId: bert.id, status: "later", note: "1030" },
        { inviteeId: cees.id, status: "vervangen", note: "E. Vries" },
        { inviteeId: dora.id, status: "afwezig", note: "wordt genegeerd" },
      ],
      guest: { name: "Gast Spreker", organisation: "VNG" },
    });
    const { invitees: after, guests } = listAttendance({ viewer: secretary, meetingId: id })!;
    expect(after.map((i) => [i.name, i.attendance, i.attendanceNote])).toEqual([
      ["Anna", "aanwezig", null],
      ["Bert", "later", "10:30"],
      ["Cees", "vervangen", "E. Vries"],
      ["Dora", "afwezig", null],
    ]);
    expect(guests).toEqual([expect.objectContaining({ name: "Gast Spreker", organisation: "VNG" })]);
    expect(getMeeting({ viewer: secretary, id })?.status).toBe("vergaderd");
    expect(listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries[0].action).toBe(
      "meeting.record-attendance",
    );
  });

  it("asks for the time or the substitute next to the right person", async () => {
    const { secretary, id, invitees, during } = await publishedMeeting();
    try {
      recordAttendance({
        viewer: secretary,
        meetingId: id,
        expectedVersion: 2,
        now: during,
        entries: [
          { inviteeId: invitees[0].id, status: "eerder-weg" },
          { inviteeId: invitees[1].id, status: "vervangen", note: " " },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect((error as RuleError).fieldErrors).toEqual({
        "entries[0].note": ["Vul de tijd in, bijvoorbeeld 10.30."],
        "entries[1].note": ["Vul in door wie."],
      });
    }
    expect(getMeeting({ viewer: secretary, id })?.status).toBe("gepubliceerd");
  });

  it("cannot be recorded before the meeting has begun", async () => {
    const { secretary, id, invitees } = await publishedMeeting();
    expect(() =>
      recordAttendance({
        viewer: secretary,
        meetingId: id,
        expectedVersion: 2,
        now: instantFromAmsterdam("2026-06-09", "12:00"),
        entries: [{ inviteeId: invitees[0].id, status: "aanwezig" }],
      }),
    ).toThrow(/begint pas/);
  });

  it("is for the secretariaat of the body only", async () => {
    const { id, invitees, during } = await publishedMeeting();
    const member = await makeViewer({ role: "lid" });
    expect(() =>
      recordAttendance({
        viewer: member,
        meetingId: id,
        expectedVersion: 2,
        now: during,
        entries: [{ inviteeId: invitees[0].id, status: "aanwezig" }],
      }),
    ).toThrow(Forbidden);
  });
});
