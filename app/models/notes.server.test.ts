import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makeViewer } from "../../tests/factories";
import { addAgendaItem } from "./agenda.server";
import { addDocument } from "./documents.server";
import { RuleError } from "./errors";
import { getPackContents } from "./meeting-packs.server";
import { createMeeting, publishAgenda } from "./meetings.server";
import {
  addNote,
  listNotesForMeeting,
  listNotesForPaper,
  listOwnNotesForComingMeetings,
  removeNote,
  updateNote,
} from "./notes.server";
import { search } from "./search.server";

async function setting() {
  const body = makeBody();
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const author = await makeViewer({ role: "lid", name: "Auteur", memberBodyIds: [body.id] });
  const colleague = await makeViewer({ role: "lid", name: "Collega", memberBodyIds: [body.id] });
  const outsider = await makeViewer({ role: "lid", name: "Buitenstaander" });
  const beheerder = await makeViewer({ role: "beheerder" });
  for (const viewer of [author, colleague]) makeMembership({ bodyId: body.id, personId: viewer.personId });
  const { id: meetingId } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: body.id,
      date: "2027-02-10",
      startTime: "10:00",
      endTime: "12:00",
      location: "Hengelo",
      isPublic: true,
    },
  });
  const item = addAgendaItem({
    viewer: secretary,
    meetingId,
    input: { section: "B", subject: "Jeugdhulp", proposalMarkdown: "Bespreken.", isConfidential: false },
  });
  const paper = addDocument({
    viewer: secretary,
    agendaItemId: item.id,
    title: "Notitie jeugdhulp",
    isConfidential: false,
    content: { markdown: "De cijfers." },
  });
  publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
  return { body, author, colleague, outsider, beheerder, meetingId, item, paper };
}

describe("personal notes", () => {
  it("are private to their author: not for colleagues, outsiders, the beheerder or the public, in page or search", async () => {
    const { author, colleague, outsider, beheerder, meetingId, item, paper } = await setting();
    addNote({
      viewer: author,
      agendaItemId: item.id,
      input: { textMarkdown: "Vragen over zwaluwstaart", isShared: false },
    });
    addNote({
      viewer: author,
      agendaItemId: item.id,
      documentId: paper.id,
      input: { textMarkdown: "Cijfers kloppen niet zwaluwstaart", isShared: false },
    });
    expect(listNotesForMeeting({ viewer: author, meetingId })).toHaveLength(2);
    expect(listNotesForPaper({ viewer: author, documentId: paper.id }).map((n) => n.textMarkdown)).toEqual([
      "Cijfers kloppen niet zwaluwstaart",
    ]);
    for (const reader of [colleague, outsider, beheerder, null]) {
      expect(listNotesForMeeting({ viewer: reader, meetingId })).toEqual([]);
      expect(search({ viewer: reader, query: "zwaluwstaart" }).results).toEqual([]);
    }
    const found = search({ viewer: author, query: "zwaluwstaart" }).results;
    expect(found.map((r) => r.group)).toEqual(["note", "note"]);
    expect(found[0]!.href).toMatch(new RegExp(`^/vergaderingen/${meetingId}/notities#notitie-`));
  });

  it("once shared, are read by the body's members only; an outsider cannot share", async () => {
    const { author, colleague, outsider, meetingId, item } = await setting();
    const { id } = addNote({
      viewer: author,
      agendaItemId: item.id,
      input: { textMarkdown: "Gedeeld zeepbel", isShared: false },
    });
    updateNote({ viewer: author, id, expectedVersion: 1, input: { textMarkdown: "Gedeeld zeepbel", isShared: true } });
    expect(listNotesForMeeting({ viewer: colleague, meetingId }).map((n) => [n.authorName, n.own])).toEqual([
      ["Auteur", false],
    ]);
    expect(search({ viewer: colleague, query: "zeepbel" }).results).toHaveLength(1);
    expect(search({ viewer: outsider, query: "zeepbel" }).results).toEqual([]);
    expect(() =>
      addNote({ viewer: outsider, agendaItemId: item.id, input: { textMarkdown: "Van buiten", isShared: true } }),
    ).toThrow(RuleError);
    // Only the author changes or removes it, and a colleague cannot even tell it is there.
    expect(() =>
      updateNote({ viewer: colleague, id, expectedVersion: 2, input: { textMarkdown: "Weg", isShared: true } }),
    ).toThrow(/bestaat niet/);
    expect(() =>
      updateNote({ viewer: author, id, expectedVersion: 1, input: { textMarkdown: "Oud", isShared: true } }),
    ).toThrow(/intussen/);
    removeNote({ viewer: author, id });
    expect(listNotesForMeeting({ viewer: colleague, meetingId })).toEqual([]);
  });

  it("go into the author's own meeting pack only, and onto their start page for the coming meeting", async () => {
    const { author, colleague, meetingId, item } = await setting();
    const before = getPackContents({ viewer: author, meetingId, baseUrl: "https://gremium.test" })!;
    addNote({
      viewer: author,
      agendaItemId: item.id,
      input: { textMarkdown: "Vragen voor de voorzitter", isShared: true },
    });
    const own = getPackContents({ viewer: author, meetingId, baseUrl: "https://gremium.test" })!;
    const other = getPackContents({ viewer: colleague, meetingId, baseUrl: "https://gremium.test" })!;
    const notesIn = (pack: typeof own) =>
      pack.input.items.flatMap((i) => i.documents).filter((d) => d.title.startsWith("Mijn notitie"));
    expect(notesIn(own)).toEqual([expect.objectContaining({ kind: "note", html: "<p>Vragen voor de voorzitter</p>" })]);
    expect(own.fingerprint).not.toBe(before.fingerprint);
    expect(own.fileName).toMatch(/met-mijn-notities\.pdf$/);
    // Shared or not, a note is never in anyone else's pack.
    expect(notesIn(other)).toEqual([]);
    expect(
      getPackContents({ viewer: author, meetingId, baseUrl: "https://gremium.test", asPublic: true })!.fingerprint,
    ).not.toBe(own.fingerprint);
    const coming = listOwnNotesForComingMeetings({ viewer: author, now: Date.parse("2027-02-01T00:00:00Z") });
    expect(coming).toEqual([
      expect.objectContaining({ meetingId, notes: [expect.objectContaining({ item: "B1. Jeugdhulp" })] }),
    ]);
    expect(listOwnNotesForComingMeetings({ viewer: colleague, now: Date.parse("2027-02-01T00:00:00Z") })).toEqual([]);
    expect(listOwnNotesForComingMeetings({ viewer: author, now: Date.parse("2027-03-01T00:00:00Z") })).toEqual([]);
  });
});
