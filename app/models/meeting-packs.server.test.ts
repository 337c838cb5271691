import { existsSync, readFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { log } from "~/lib/log.server";
import * as packBuilder from "~/lib/pdf/meeting-pack.server";
import { makeBody, makeViewer } from "../../tests/factories";
import { addAgendaItem, getAgendaItemForEdit, updateAgendaItem } from "./agenda.server";
import { addDocument } from "./documents.server";
import { buildQueuedPacks, requestMeetingPack, retryMeetingPack } from "./meeting-packs.server";
import { createMeeting, publishAgenda } from "./meetings.server";

const BASE = "https://gremium.example";

// The site builds packs in its background process; here the test process plays that part.
let builder: ReturnType<typeof setInterval>;
beforeEach(() => {
  builder = setInterval(() => void buildQueuedPacks(), 20);
});
afterEach(() => clearInterval(builder));

async function pdfWith(...pages: string[]) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 60, y: 700, size: 12, font });
  return await doc.save();
}

async function meetingWithPapers() {
  const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
  const outsider = await makeViewer({ role: "lid" });
  const { id: meetingId } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: body.id,
      date: "2027-03-11",
      startTime: "10:00",
      endTime: "12:00",
      location: "Twentehuis",
      isPublic: true,
    },
  });
  const item = (subject: string, isConfidential = false) =>
    addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject, proposalMarkdown: "Instemmen.", isConfidential },
    }).id;
  const open = item("Jaarplan 2027");
  const closed = item("Casus Oldenzaal persoonsgericht", true);
  const file = (agendaItemId: number, title: string, text: string, isConfidential = false) =>
    pdfWith(text, `${text} vervolg`).then((bytes) =>
      addDocument({
        viewer: secretary,
        agendaItemId,
        title,
        isConfidential,
        content: { fileName: `${title}.pdf`, bytes },
      }),
    );
  await file(open, "Jaarplan", "Openbare jaarplantekst");
  await file(open, "Vertrouwelijke bijlage", "GEHEIM-BIJLAGE-4711", true);
  await file(closed, "Casusoverzicht", "GEHEIM-CASUS-0815");
  addDocument({
    viewer: secretary,
    agendaItemId: open,
    title: "Toelichting",
    isConfidential: false,
    content: { markdown: "De **kern**: één aanpak." },
  });
  publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
  return { body, secretary, member, outsider, meetingId, open };
}

async function readyPack(viewer: Parameters<typeof requestMeetingPack>[0]["viewer"], meetingId: number) {
  const result = await requestMeetingPack({ viewer, meetingId, baseUrl: BASE, waitMs: 10_000 });
  if (result?.status !== "klaar") throw new Error(`pakket niet klaar: ${JSON.stringify(result)}`);
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(result.path)));
  const { text } = await extractText(pdf, { mergePages: true });
  return { ...result, pdf, text: text as unknown as string, outline: (await pdf.getOutline()) ?? [] };
}

describe("the meeting pack", () => {
  it("gives a member the besloten papers and the public none of them", async () => {
    const c = await meetingWithPapers();
    const members = await readyPack(c.member, c.meetingId);
    // Cover, two item pages, 2+2+2 merged pages, one note page.
    expect(members.pdf.numPages).toBe(10);
    expect(members.text).toContain("GEHEIM-BIJLAGE-4711");
    expect(members.text).toContain("GEHEIM-CASUS-0815");
    expect(members.text).toContain("Casus Oldenzaal persoonsgericht");
    expect(members.outline.map((entry) => entry.title)).toEqual([
      "Agenda",
      "B1. Jaarplan 2027",
      "B2. Casus Oldenzaal persoonsgericht",
    ]);
    expect(members.outline[1].items.map((entry) => entry.title)).toEqual([
      "Jaarplan",
      "Vertrouwelijke bijlage",
      "Toelichting",
    ]);
    expect(members.fileName).toBe(`stukken-${c.body.slug}-2027-03-11.pdf`);

    for (const reader of [null, c.outsider]) {
      const pack = await readyPack(reader, c.meetingId);
      expect(pack.pdf.numPages).toBe(5);
      expect(pack.text).toContain("Openbare jaarplantekst");
      expect(pack.text).not.toContain("GEHEIM");
      expect(pack.text).not.toContain("Vertrouwelijke bijlage");
      expect(pack.text).not.toContain("Casus Oldenzaal");
      expect(pack.text).toContain("Besloten agendapunt");
      expect(pack.outline[1].items.map((entry) => entry.title)).toEqual(["Jaarplan", "Toelichting"]);
      expect(pack.path).not.toBe(members.path);
    }
  });

  it("is reused until something in the meeting changes", async () => {
    const c = await meetingWithPapers();
    const first = await readyPack(c.member, c.meetingId);
    const again = await requestMeetingPack({ viewer: c.member, meetingId: c.meetingId, baseUrl: BASE });
    expect(again).toMatchObject({ status: "klaar", path: first.path });

    const item = getAgendaItemForEdit({ viewer: c.secretary, meetingId: c.meetingId, id: c.open })!;
    updateAgendaItem({
      viewer: c.secretary,
      id: c.open,
      expectedVersion: item.version,
      input: {
        section: "B",
        subject: "Jaarplan 2027 (gewijzigd)",
        proposalMarkdown: "Instemmen.",
        isConfidential: false,
      },
    });
    const changed = await readyPack(c.member, c.meetingId);
    expect(changed.path).not.toBe(first.path);
    expect(changed.text).toContain("Jaarplan 2027 (gewijzigd)");
  });

  it("builds in the background and reports its progress", async () => {
    const c = await meetingWithPapers();
    const started = await requestMeetingPack({ viewer: c.member, meetingId: c.meetingId, baseUrl: BASE });
    expect(started).toMatchObject({ status: expect.stringMatching(/^(wachtrij|bezig)$/) });
    const finished = await requestMeetingPack({
      viewer: c.member,
      meetingId: c.meetingId,
      baseUrl: BASE,
      waitMs: 10_000,
    });
    expect(finished?.status).toBe("klaar");
    expect(existsSync((finished as { path: string }).path)).toBe(true);
  });

  it("reports a failed build, does not retry by itself, and builds again after a retry", async () => {
    const c = await meetingWithPapers();
    const request = { viewer: c.member, meetingId: c.meetingId, baseUrl: BASE };
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    const broken = vi.spyOn(packBuilder, "buildMeetingPack").mockRejectedValueOnce(new Error("schijf vol"));
    const failed = await requestMeetingPack({ ...request, waitMs: 10_000 });
    expect(failed).toMatchObject({
      status: "mislukt",
      message: "Het pakket kon niet worden gemaakt. Probeer het opnieuw.",
    });
    expect(logged).toHaveBeenCalledWith(
      "vergaderpakket niet gemaakt",
      expect.objectContaining({ meetingId: c.meetingId, error: expect.any(Error) }),
    );
    // Asking again shows the failure rather than starting build after build on every refresh.
    expect((await requestMeetingPack({ ...request, waitMs: 1_000 }))?.status).toBe("mislukt");
    expect(broken).toHaveBeenCalledTimes(1);

    expect(retryMeetingPack(request)).toBe(true);
    const rebuilt = await readyPack(c.member, c.meetingId);
    expect(rebuilt.text).toContain("GEHEIM-CASUS-0815");
    expect(broken).toHaveBeenCalledTimes(2);
    // The queue goes on after a failure: another reader's pack builds too.
    expect((await readyPack(null, c.meetingId)).text).not.toContain("GEHEIM");
    broken.mockRestore();
    logged.mockRestore();
  });

  it("is refused for a meeting the reader may not see", async () => {
    const body = makeBody();
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const { id } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2027-03-11",
        startTime: "10:00",
        endTime: "12:00",
        location: "Hengelo",
        isPublic: true,
      },
    });
    expect(await requestMeetingPack({ viewer: null, meetingId: id, baseUrl: BASE })).toBeNull();
    expect(await requestMeetingPack({ viewer: secretary, meetingId: id, baseUrl: BASE, waitMs: 10_000 })).toMatchObject(
      {
        status: "klaar",
      },
    );
  });
});
