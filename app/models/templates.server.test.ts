import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../../tests/factories";
import { addTemplateItem, changeTemplateItem, getTemplate } from "./templates.server";
import { createMeeting, getMeeting } from "./meetings.server";
import { Forbidden } from "./errors";

const subjects = (sections: { items: { number: string; subject: string | null }[] }[]) =>
  sections.flatMap((s) => s.items.map((i) => `${i.number} ${i.subject}`));

describe("agenda templates", () => {
  it("shows the default template until the first change makes it the body's own", async () => {
    const body = makeBody();
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    expect(getTemplate({ viewer: secretary, bodyId: body.id }).isDefault).toBe(true);
    const rondvraag = getTemplate({ viewer: secretary, bodyId: body.id }).sections.find((s) => s.section === "A")!
      .items[1];
    changeTemplateItem({ viewer: secretary, bodyId: body.id, itemId: rondvraag.id, change: "up" });
    const own = getTemplate({ viewer: secretary, bodyId: body.id });
    expect(own.isDefault).toBe(false);
    expect(subjects(own.sections)).toEqual([
      "1 Opening",
      "2 Vaststellen agenda",
      "3 Mededelingen",
      "A1 Actielijst",
      "A2 Besluitenlijst vorige vergadering",
      "D1 Rondvraag en sluiting",
    ]);
  });

  it("a new meeting starts from the edited template", async () => {
    const body = makeBody();
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    addTemplateItem({
      viewer: secretary,
      bodyId: body.id,
      input: { section: "B", subject: "Voortgang versterkingsagenda", proposalMarkdown: "" },
    });
    const mededelingen = getTemplate({ viewer: secretary, bodyId: body.id }).sections[0].items[2];
    changeTemplateItem({ viewer: secretary, bodyId: body.id, itemId: mededelingen.id, change: "remove" });
    const { id } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2027-02-01",
        startTime: "10:00",
        endTime: "11:00",
        location: "Hengelo",
        isPublic: false,
      },
    });
    expect(subjects(getMeeting({ viewer: secretary, id })!.sections)).toEqual([
      "1 Opening",
      "2 Vaststellen agenda",
      "A1 Besluitenlijst vorige vergadering",
      "A2 Actielijst",
      "B1 Voortgang versterkingsagenda",
      "D1 Rondvraag en sluiting",
    ]);
  });

  it("only the body's secretariaat edits its template", async () => {
    const body = makeBody();
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    expect(() => getTemplate({ viewer: member, bodyId: body.id })).toThrow(Forbidden);
  });
});
