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
  publishAgenda,
} from "./meetings.server";
import { changeSeries, listSeries, previewSeriesChange } from "./meeting-series.server";
import { ConflictError, Forbidden } from "./errors";

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

  it("keeps the local time across the change to summer time", async () => {
    const body = makeBody();
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    // Summer time runs from 28 March to 31 October 2027: 10:00 in Hengelo is 08:00 UTC then, 09:00 otherwise.
    const ids = createMeetingSeries({
      viewer: secretary,
      bodyId: body.id,
      dates: ["2027-03-25", "2027-04-01", "2027-11-04"],
      startTime: "10:00",
      endTime: "12:00",
      location: "Hengelo",
      isPublic: false,
    });
    const starts = ids.map((id) => new Date(getMeeting({ viewer: secretary, id })!.startsAt).toISOString());
    expect(starts).toEqual(["2027-03-25T09:00:00.000Z", "2027-04-01T08:00:00.000Z", "2027-11-04T09:00:00.000Z"]);
  });

  it("is all or nothing, for the body's secretariaat only", async () => {
    const body = makeBody({ activeUntil: "2030-06-30" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    const input = { bodyId: body.id, startTime: "10:00", endTime: "12:00", location: "x", isPublic: false };
    expect(() => createMeetingSeries({ viewer: member, dates: ["2030-03-14"], ...input })).toThrow(Forbidden);
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
      dates: ["2030-03-14", "2030-06-13", "2030-05-30"],
      startTime: "10:00",
      endTime: "12:00",
    });
    expect(proposals).toEqual([
      {
        date: "2030-03-14",
        clashes: [expect.objectContaining({ bodyName: "Themagroep B", sharedPeople: 1 })],
        warnings: [],
      },
      { date: "2030-06-13", clashes: [], warnings: [] },
      // A holiday is not refused; the preview, which is the step before creating, says so.
      { date: "2030-05-30", clashes: [], warnings: ["30 mei 2030 is Hemelvaartsdag."] },
    ]);
  });

  it("changes time and place for the series' coming concept meetings, published ones only when ticked", async () => {
    const body = makeBody({ kind: "themagroep", name: "Themagroep Mensenhandel" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const ids = createMeetingSeries({
      viewer: secretary,
      bodyId: body.id,
      dates: ["2030-03-14", "2030-06-13", "2030-09-12", "2030-12-12"],
      startTime: "10:00",
      endTime: "12:00",
      location: "Twentehuis",
      isPublic: true,
      summary: "elk kwartaal, de 2e donderdag",
    });
    const [held, published, concept, cancelled] = ids as [number, number, number, number];
    publishAgenda({ viewer: secretary, id: published, expectedVersion: 1 });
    cancelMeeting({ viewer: secretary, id: cancelled, expectedVersion: 1, reason: "Geen onderwerpen" });
    const [series] = listSeries({ viewer: secretary, bodyId: body.id });
    expect(series).toMatchObject({ summary: "elk kwartaal, de 2e donderdag", location: "Twentehuis" });
    expect(series!.meetings.map((m) => m.id)).toEqual(ids);

    // "Now" is after the first meeting: the past stays as it was.
    const now = Date.parse("2030-04-01T08:00:00Z");
    const change = { startTime: "13:30", endTime: "15:30", location: "Stadhuis Hengelo" };
    const preview = previewSeriesChange({ viewer: secretary, seriesId: series!.id, change, now });
    expect(preview.concept.map((m) => m.id)).toEqual([concept]);
    expect(preview.published.map((m) => m.id)).toEqual([published]);

    const result = changeSeries({
      viewer: secretary,
      seriesId: series!.id,
      expectedVersion: 1,
      change,
      includePublished: [],
      now,
    });
    expect(result).toEqual({ changed: [concept], leftAlone: [published] });
    const at = (id: number) => getMeeting({ viewer: secretary, id })!;
    expect(at(concept)).toMatchObject({ location: "Stadhuis Hengelo", startsAt: Date.parse("2030-09-12T11:30:00Z") });
    expect(at(published)).toMatchObject({ location: "Twentehuis", startsAt: Date.parse("2030-06-13T08:00:00Z") });
    expect(at(held).location).toBe("Twentehuis");
    expect(at(cancelled).location).toBe("Twentehuis");

    expect(() =>
      changeSeries({ viewer: secretary, seriesId: series!.id, expectedVersion: 1, change, includePublished: [], now }),
    ).toThrow(ConflictError);
    // Ticked, the published meeting moves too, and says where it came from.
    changeSeries({
      viewer: secretary,
      seriesId: series!.id,
      expectedVersion: 2,
      change,
      includePublished: [published],
      now,
    });
    expect(at(published)).toMatchObject({
      location: "Stadhuis Hengelo",
      startsAt: Date.parse("2030-06-13T11:30:00Z"),
      previousStartsAt: Date.parse("2030-06-13T08:00:00Z"),
    });
    const audit = listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries.map((e) => e.action);
    expect(audit).toContain("meeting-series.change");
    expect(audit).toContain("meeting.move");
  });

  it("checks the new time and place, and is for the body's secretariaat only", async () => {
    const body = makeBody();
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    createMeetingSeries({
      viewer: secretary,
      bodyId: body.id,
      dates: ["2030-03-14"],
      startTime: "10:00",
      endTime: "12:00",
      location: "x",
      isPublic: false,
    });
    const [series] = listSeries({ viewer: secretary, bodyId: body.id });
    expect(() =>
      previewSeriesChange({
        viewer: secretary,
        seriesId: series!.id,
        change: { startTime: "12:00", endTime: "11:00", location: " " },
      }),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: { endTime: ["De eindtijd ligt na de begintijd."], location: ["Vul de plaats in."] },
      }),
    );
    expect(() => listSeries({ viewer: member, bodyId: body.id })).toThrow(Forbidden);
  });
});
