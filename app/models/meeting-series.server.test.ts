import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makePerson, makeViewer } from "../../tests/factories";
import { listAuditEntries } from "./audit.server";
import {
  cancelMeeting,
  createMeeting,
  createMeetingSeries,
  getMeeting,
  listMeetings,
  previewMeetingSeries,
} from "./meetings.server";

describe("a series of meetings", () => {
  it("plans a year at once from the template, all independent afterwards", async () => {
    const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const dates = ["2030-03-14", "2030-06-13", "2030-09-12", "2030-12-12"];
    const ids = createMeetingSeries({
      viewer: secretary,
      bodyId: body.id,
      dates,
      startTime: "10:00",
      endTime: "12:00",
      location: "Twentehuis",
      isPublic: true,
    });
    expect(ids).toHaveLength(4);
    const planned = listMeetings({ viewer: secretary, bodyId: body.id, now: Date.parse("2030-01-01") }).upcoming;
    expect(planned.map((m) => m.status)).toEqual(["concept", "concept", "concept", "concept"]);
    // Each has the template, and from the second on the hamerstuk adopts the previous list.
    const second = getMeeting({ viewer: secretary, id: ids[1]! })!;
    expect(second.sections.flatMap((s) => s.items).find((i) => i.adoptsMeetingId)?.adoptsMeetingId).toBe(ids[0]);
    cancelMeeting({ viewer: secretary, id: ids[1]!, expectedVersion: 1, reason: "Geen onderwerpen" });
    expect(getMeeting({ viewer: secretary, id: ids[2]! })!.status).toBe("concept");
    const audit = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries.map((e) => e.action);
    expect(audit).toContain("meeting.series");
  });

  it("is all or nothing, for the body's secretariaat only", async () => {
    const body = makeBody({ activeUntil: "2030-06-30" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    const input = { bodyId: body.id, startTime: "10:00", endTime: "12:00", location: "x", isPublic: false };
    expect(() => createMeetingSeries({ viewer: member, dates: ["2030-03-14"], ...input })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    // The second date lies after the body is retired: nothing is planned.
    expect(() => createMeetingSeries({ viewer: secretary, dates: ["2030-03-14", "2030-09-12"], ...input })).toThrow(
      /opgeheven/,
    );
    expect(listMeetings({ viewer: secretary, bodyId: body.id, now: Date.parse("2030-01-01") }).upcoming).toEqual([]);
  });

  it("flags a clash with another body's meeting that shares people", async () => {
    const a = makeBody({ name: "Themagroep A" });
    const b = makeBody({ name: "Themagroep B" });
    const shared = makePerson({ name: "Gedeeld Lid" });
    makeMembership({ bodyId: a.id, personId: shared.id });
    makeMembership({ bodyId: b.id, personId: shared.id });
    makeMembership({ bodyId: b.id, personId: makePerson().id });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [a.id, b.id] });
    createMeeting({
      viewer: secretary,
      input: { bodyId: b.id, date: "2030-03-14", startTime: "11:00", endTime: "12:30", location: "y", isPublic: false },
    });
    const proposals = previewMeetingSeries({
      viewer: secretary,
      bodyId: a.id,
      dates: ["2030-03-14", "2030-06-13"],
      startTime: "10:00",
      endTime: "12:00",
    });
    expect(proposals).toEqual([
      { date: "2030-03-14", clashes: [expect.objectContaining({ bodyName: "Themagroep B", sharedPeople: 1 })] },
      { date: "2030-06-13", clashes: [] },
    ]);
  });
});
