import { readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makePerson, makeViewer } from "../factories";
import { mailToOutbox } from "../mail-env";
import { startSmtp } from "../smtp";
import { meetingsCalendar } from "../../app/lib/ics.server";
import { listOutbox, outboxDir, sendMail } from "../../app/lib/mail.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { mailAgendaToInvitees } from "../../app/models/meeting-mail.server";
import { createMeeting, listMeetingsForCalendar, publishAgenda } from "../../app/models/meetings.server";

const outboxParent = mailToOutbox();

async function publishedMeetingWithBeslotenItem() {
  const body = makeBody({ name: "Stuurgroep Test" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  makeMembership({ bodyId: body.id, personId: makePerson({ name: "Burgemeester A", email: "a@gemeente.example" }).id });
  makeMembership({ bodyId: body.id, personId: makePerson({ name: "Directeur B", email: "b@partner.example" }).id });
  makeMembership({ bodyId: body.id, personId: makePerson({ name: "Zonder Adres", email: null }).id });
  const { id } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: body.id,
      date: "2026-12-10",
      startTime: "13:30",
      endTime: "15:30",
      location: "Stadhuis Hengelo",
      isPublic: true,
    },
  });
  addAgendaItem({
    viewer: secretary,
    meetingId: id,
    input: {
      section: "B",
      subject: "Geheime casus Borne",
      proposalMarkdown: "Vertrouwelijk voorstel",
      isConfidential: true,
    },
  });
  addAgendaItem({
    viewer: secretary,
    meetingId: id,
    input: { section: "B", subject: "Jaarplan 2027", proposalMarkdown: "1. Vast te stellen.", isConfidential: false },
  });
  publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
  return { secretary, id, body };
}

describe("mail over real SMTP", () => {
  it("mails the published agenda to each invitee with an address, with an .ics invitation, and nothing besloten", async () => {
    const smtp = await startSmtp();
    try {
      const { secretary, id } = await publishedMeetingWithBeslotenItem();
      const result = await mailAgendaToInvitees({
        viewer: secretary,
        meetingId: id,
        kind: "gepubliceerd",
        baseUrl: "https://gremium.example",
      });
      expect(result.delivered).toBe(2);
      expect(smtp.received).toHaveLength(2);
      const recipients = smtp.received
        .map((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address)
        .sort();
      expect(recipients).toEqual(["a@gemeente.example", "b@partner.example"]);
      const mail = smtp.received[0];
      expect(mail.subject).toBe("Agenda Stuurgroep Test, donderdag 10 december 2026");
      expect(mail.text).toContain("B2   Jaarplan 2027");
      expect(mail.text).toContain("B1   Besloten agendapunt");
      expect(mail.text).toContain("https://gremium.example/vergaderingen/");
      for (const part of [mail.text, mail.html || "", ...mail.attachments.map((a) => a.content.toString())]) {
        expect(part).not.toContain("Geheime casus");
        expect(part).not.toContain("Vertrouwelijk voorstel");
      }
      const invitation = mail.attachments.find((a) => a.filename === "uitnodiging.ics")!;
      const calendar = new ICAL.Component(ICAL.parse(invitation.content.toString()));
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
      expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-10T12:30:00.000Z");
      expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-10T14:30:00.000Z");
      expect(event.location).toBe("Stadhuis Hengelo");
      expect(event.summary).toBe("Vergadering Stuurgroep Test");
    } finally {
      await smtp.close();
    }
  });
});

describe("mail without a mail server", () => {
  it("writes each message as an .eml file to the outbox beside the database, listed for the beheerder", async () => {
    const result = await sendMail({
      to: [{ name: "Lid Één", address: "lid@gremium.example" }],
      subject: "Gewijzigde agenda: één punt erbij",
      text: "Zie Gremium.",
    });
    expect(result).toEqual({ delivered: 1, via: "outbox" });
    expect(outboxDir()).toBe(join(outboxParent(), "outbox"));
    const [message] = listOutbox();
    expect(message).toMatchObject({
      to: "Lid Één <lid@gremium.example>",
      subject: "Gewijzigde agenda: één punt erbij",
    });
    const parsed = await simpleParser(readFileSync(join(outboxParent(), "outbox", message.file)));
    expect(parsed.subject).toBe("Gewijzigde agenda: één punt erbij");
    expect(parsed.text?.trim()).toBe("Zie Gremium.");
  });
});

describe("calendar feeds", () => {
  it("the public feed holds published public meetings only, read back with an independent parser", async () => {
    const { id, body, secretary } = await publishedMeetingWithBeslotenItem();
    const closed = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2026-12-17",
        startTime: "10:00",
        endTime: "11:00",
        location: "Besloten zaal",
        isPublic: false,
      },
    });
    publishAgenda({ viewer: secretary, id: closed.id, expectedVersion: 1 });
    createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2026-12-24",
        startTime: "10:00",
        endTime: "11:00",
        location: "Concept",
        isPublic: true,
      },
    });
    const ics = meetingsCalendar({
      name: "Openbaar",
      meetings: listMeetingsForCalendar({ viewer: null }),
      baseUrl: "https://gremium.example",
    });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual([`vergadering-${id}@gremium`]);
    expect(ics).not.toContain("Geheime casus");
    expect(ics).not.toContain("Besloten zaal");

    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    const own = listMeetingsForCalendar({ viewer: member, ownBodiesOnly: true });
    expect(own.map((m) => m.location)).toEqual(["Stadhuis Hengelo", "Besloten zaal"]);
  });
});
