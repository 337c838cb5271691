import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../factories";
import { reloadEnv } from "../../app/lib/env.server";
import { MAX_UPLOAD_BYTES } from "../../app/lib/file-types";
import { addAgendaItem } from "../../app/models/agenda.server";
import {
  addDocument,
  documentsDir,
  getDocumentVersion,
  listDocumentsForItem,
  listDocumentsForMeeting,
  replaceDocument,
} from "../../app/models/documents.server";
import { Forbidden, RuleError } from "../../app/models/errors";
import { addNoteFromWordPaper } from "../../app/models/word-notes.server";
import { addUploadedPapers } from "../../app/lib/paper-upload.server";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { createMeeting, getMeeting, publishAgenda } from "../../app/models/meetings.server";

let dir: string;
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "gremium-docs-"));
  process.env.DATABASE_URL = join(dir, "gremium.db");
  reloadEnv();
});
afterEach(() => {
  process.env = { ...saved };
  reloadEnv();
  rmSync(dir, { recursive: true, force: true });
});

const pdf = (text: string) => new Uint8Array(Buffer.from(`%PDF-1.7\n${text}\n%%EOF`));

async function setUp() {
  const body = makeBody();
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
  const { id: meetingId } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: body.id,
      date: "2026-12-10",
      startTime: "10:00",
      endTime: "12:00",
      location: "Hengelo",
      isPublic: true,
    },
  });
  const open = addAgendaItem({
    viewer: secretary,
    meetingId,
    input: { section: "B", subject: "Jaarplan", proposalMarkdown: "", isConfidential: false },
  });
  const closed = addAgendaItem({
    viewer: secretary,
    meetingId,
    input: { section: "B", subject: "Casus", proposalMarkdown: "", isConfidential: true },
  });
  return { body, secretary, member, meetingId, open: open.id, closed: closed.id };
}

describe("documents", () => {
  it("adds several uploaded files at once, each titled by its name; one refused file stores none", async () => {
    const { secretary, open } = await setUp();
    const file = (name: string, bytes: Uint8Array) => new File([new Uint8Array(bytes)], name);
    await expect(
      addUploadedPapers({
        viewer: secretary,
        agendaItemId: open,
        files: [
          file("begroting-2027.pdf", pdf("begroting")),
          file("programma.pdf", new Uint8Array(Buffer.from("MZ\x90\x00"))),
        ],
        isConfidential: false,
      }),
    ).rejects.toMatchObject({ fieldErrors: { file: [expect.stringMatching(/^programma\.pdf: /)] } });
    expect(listDocumentsForItem({ viewer: secretary, agendaItemId: open }).documents).toHaveLength(0);

    const titles = await addUploadedPapers({
      viewer: secretary,
      agendaItemId: open,
      files: [file("begroting-2027.pdf", pdf("begroting")), file("jaarplan_mensenhandel.pdf", pdf("jaarplan"))],
      title: "Wordt niet gebruikt bij twee bestanden",
      isConfidential: true,
    });
    expect(titles).toEqual(["Begroting 2027", "Jaarplan mensenhandel"]);
    const papers = listDocumentsForItem({ viewer: secretary, agendaItemId: open }).documents;
    expect(papers.map((p) => [p.title, p.isConfidential])).toEqual(
      expect.arrayContaining([
        ["Begroting 2027", true],
        ["Jaarplan mensenhandel", true],
      ]),
    );
    // One file keeps the title typed for it.
    const [single] = await addUploadedPapers({
      viewer: secretary,
      agendaItemId: open,
      files: [file("scan0001.pdf", pdf("advies"))],
      title: "Advies expertgroep",
      isConfidential: false,
    });
    expect(single).toBe("Advies expertgroep");
  });

  it("turns an uploaded Word adviesnota into a written note beside it, headings kept a level lower", async () => {
    const { secretary, open } = await setUp();
    const word = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: "Adviesnota toetsingskader", heading: HeadingLevel.HEADING_1 }),
              new Paragraph("Het kader geldt voor alle gemeenten."),
              new Paragraph({ text: "Beoogd effect", heading: HeadingLevel.HEADING_2 }),
              new Paragraph({ text: "Eén werkwijze in de regio", bullet: { level: 0 } }),
            ],
          },
        ],
      }),
    );
    const { id: documentId } = addDocument({
      viewer: secretary,
      agendaItemId: open,
      title: "Adviesnota",
      isConfidential: true,
      content: { fileName: "adviesnota.docx", bytes: new Uint8Array(word) },
    });
    const { title } = await addNoteFromWordPaper({ viewer: secretary, agendaItemId: open, documentId });
    expect(title).toBe("Adviesnota (tekst)");
    const papers = listDocumentsForItem({ viewer: secretary, agendaItemId: open }).documents;
    const note = papers.find((d) => d.title === "Adviesnota (tekst)")!;
    expect(note.kind).toBe("note");
    // The Word file stays; the note is as besloten as the paper it came from.
    expect(papers.map((d) => d.title)).toContain("Adviesnota");
    expect(note.isConfidential).toBe(true);
    expect(note.versions[0]!.noteMarkdown).toBe(
      "## Adviesnota toetsingskader\n\nHet kader geldt voor alle gemeenten.\n\n### Beoogd effect\n\n- Eén werkwijze in de regio",
    );
    await expect(addNoteFromWordPaper({ viewer: secretary, agendaItemId: open, documentId: note.id })).rejects.toThrow(
      RuleError,
    );
  });

  it("stores an upload under its checksum in the data directory and keeps every version", async () => {
    const { secretary, meetingId, open } = await setUp();
    const first = pdf("versie een");
    const { id } = addDocument({
      viewer: secretary,
      agendaItemId: open,
      title: "Adviesnota",
      isConfidential: false,
      content: { fileName: "adviesnota.pdf", bytes: first },
    });
    const sha = createHash("sha256").update(first).digest("hex");
    expect(documentsDir()).toBe(join(dir, "documents"));
    expect(readFileSync(join(dir, "documents", sha.slice(0, 2), sha))).toEqual(Buffer.from(first));

    replaceDocument({
      viewer: secretary,
      documentId: id,
      expectedVersion: 1,
      content: { fileName: "adviesnota-v2.pdf", bytes: pdf("versie twee") },
    });
    const [entry] = listDocumentsForMeeting({ viewer: secretary, meetingId });
    expect(entry.current).toMatchObject({ number: 2, fileName: "adviesnota-v2.pdf" });
    expect(entry.earlier.map((v) => v.number)).toEqual([1]);
    const old = getDocumentVersion({ viewer: secretary, versionId: entry.earlier[0].versionId })!;
    expect(readFileSync(old.path!).toString()).toContain("versie een");
    expect(old.versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it("refuses a stale replacement", async () => {
    const { secretary, open } = await setUp();
    const { id } = addDocument({
      viewer: secretary,
      agendaItemId: open,
      title: "Nota",
      isConfidential: false,
      content: { markdown: "## Voorstel" },
    });
    replaceDocument({
      viewer: secretary,
      documentId: id,
      expectedVersion: 1,
      content: { markdown: "## Voorstel\n\nNieuw" },
    });
    expect(() =>
      replaceDocument({ viewer: secretary, documentId: id, expectedVersion: 1, content: { markdown: "ander" } }),
    ).toThrow(/intussen gewijzigd/);
  });

  it("refuses an .exe renamed to .pdf, a file over 25 MB and a wrong name, next to the file field, storing nothing", async () => {
    const { secretary, open } = await setUp();
    const attempt = (fileName: string, bytes: Uint8Array) => () =>
      addDocument({
        viewer: secretary,
        agendaItemId: open,
        title: "Stuk",
        isConfidential: false,
        content: { fileName, bytes },
      });
    const exe = new Uint8Array(Buffer.from("MZ\x90\x00 This program cannot be run in DOS mode", "latin1"));
    expect(attempt("nota.pdf", exe)).toThrow(
      new RuleError({ file: ["Dit bestand is een programma en wordt niet aangenomen, wat de naam ook zegt."] }),
    );
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 10);
    big.set(pdf("groot"));
    expect(attempt("groot.pdf", big)).toThrow(/maximum is 25 MB/);
    expect(attempt("nota.docx", pdf("x"))).toThrow(/de inhoud is PDF/);
    expect(existsSync(join(dir, "documents"))).toBe(false);
  });

  it("besloten documents and every document of a besloten item stay hidden from others", async () => {
    const { secretary, member, meetingId, open, closed } = await setUp();
    addDocument({
      viewer: secretary,
      agendaItemId: open,
      title: "Openbare nota",
      isConfidential: false,
      content: { markdown: "Openbaar" },
    });
    addDocument({
      viewer: secretary,
      agendaItemId: open,
      title: "Vertrouwelijke bijlage",
      isConfidential: true,
      content: { markdown: "Geheim" },
    });
    addDocument({
      viewer: secretary,
      agendaItemId: closed,
      title: "Casusbeschrijving",
      isConfidential: false,
      content: { markdown: "Casus" },
    });
    publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
    const meeting = getMeeting({ viewer: null, id: meetingId })!;
    const titles = (viewer: Parameters<typeof listDocumentsForMeeting>[0]["viewer"]) =>
      listDocumentsForMeeting({ viewer, meetingId: meeting.id }).map((d) => d.current.title);
    expect(titles(member)).toEqual(["Openbare nota", "Vertrouwelijke bijlage", "Casusbeschrijving"]);
    const outsider = await makeViewer();
    expect(titles(null)).toEqual(["Openbare nota"]);
    expect(titles(outsider)).toEqual(["Openbare nota"]);
    const hidden = listDocumentsForMeeting({ viewer: member, meetingId: meeting.id }).filter(
      (d) => d.current.title !== "Openbare nota",
    );
    for (const doc of hidden) {
      expect(getDocumentVersion({ viewer: null, versionId: doc.current.versionId })).toBeNull();
      expect(getDocumentVersion({ viewer: member, versionId: doc.current.versionId })).not.toBeNull();
    }
  });

  it("a document added after publication marks its item as changed", async () => {
    const { secretary, meetingId, open } = await setUp();
    publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
    addDocument({
      viewer: secretary,
      agendaItemId: open,
      title: "Late nota",
      isConfidential: false,
      content: { markdown: "x" },
    });
    expect(getMeeting({ viewer: null, id: meetingId })!.changedItems.map((i) => i.subject)).toEqual(["Jaarplan"]);
  });

  it("members cannot add documents", async () => {
    const { member, open } = await setUp();
    expect(() =>
      addDocument({
        viewer: member,
        agendaItemId: open,
        title: "x",
        isConfidential: false,
        content: { markdown: "x" },
      }),
    ).toThrow(Forbidden);
  });
});
