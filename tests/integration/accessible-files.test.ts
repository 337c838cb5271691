import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { annualPlans, bodies, meetings } from "../../db/schema";
import { importDemoCorpus } from "../../app/content/import.server";
import { getDb } from "../../app/lib/db.server";
import { buildMeetingPack } from "../../app/lib/pdf/meeting-pack.server";
import { getPackContents } from "../../app/models/meeting-packs.server";
import { loader as agendaPdf } from "../../app/routes/vergaderingen.$id.agenda[.]pdf";
import { loader as decisionListPdf } from "../../app/routes/vergaderingen.$id.besluitenlijst[.]pdf";
import { loader as agendaDocx } from "../../app/routes/vergaderingen.$id.agenda[.]docx";
import { loader as decisionListDocx } from "../../app/routes/vergaderingen.$id.besluitenlijst[.]docx";
import { loader as planDocx } from "../../app/routes/jaarplannen.$id[.]docx";
import { loader as planningDocx } from "../../app/routes/gremia.$slug.planning[.]docx";
import { readZip } from "../zip";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { addAgendaItem } from "../../app/models/agenda.server";
import { addDocument, completePaperReadings, listDocumentsForMeeting } from "../../app/models/documents.server";
import { createMeeting } from "../../app/models/meetings.server";
import { makeBody } from "../factories";
import { makeViewer } from "../factories";
import { accessibilityProblems, pdfInfo, pdfStructure } from "../pdfinfo";

const get = async (loader: typeof agendaPdf, path: string, id: number | string, param = "id") => {
  try {
    return await loader({
      request: new Request(`http://localhost${path}`),
      params: { [param]: String(id) },
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

describe("every file Gremium makes of the demo", () => {
  it("is tagged PDF/UA with a title, Dutch, headings in order and tables with header cells", async () => {
    await importDemoCorpus(getDb(), { contentDir: resolve("content"), demoPassword: "x-x-x-x-x-x" });
    const member = await makeViewer({ role: "beheerder" });
    let checked = 0;
    for (const { id } of getDb().select({ id: meetings.id }).from(meetings).all()) {
      // As a visitor reads them: the public agenda and list, where the meeting is public.
      const agenda = await get(agendaPdf, `/vergaderingen/${id}/agenda.pdf`, id);
      if (agenda.status === 200) {
        const bytes = new Uint8Array(await agenda.arrayBuffer());
        expect(agenda.headers.get("content-type")).toBe("application/pdf");
        expect(accessibilityProblems(bytes), `agenda ${id}`).toEqual([]);
        expect(pdfInfo(bytes).Title, `agenda ${id}`).toMatch(/^Agenda /);
        checked++;
      }
      const list = await get(decisionListPdf, `/vergaderingen/${id}/besluitenlijst.pdf`, id);
      if (list.status === 200) {
        const bytes = new Uint8Array(await list.arrayBuffer());
        expect(accessibilityProblems(bytes), `besluitenlijst ${id}`).toEqual([]);
        checked++;
      }
      // The pack, the public one and the members' one.
      for (const asPublic of [true, false]) {
        const contents = getPackContents({
          viewer: member,
          meetingId: id,
          baseUrl: "https://gremium.example",
          asPublic,
        });
        const pack = await buildMeetingPack(contents!.input);
        expect(accessibilityProblems(pack), `pakket ${id}${asPublic ? " openbaar" : ""}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  }, 240_000);

  it("shows a table with header cells in the structure of a public pack", async () => {
    await importDemoCorpus(getDb(), { contentDir: resolve("content"), demoPassword: "x-x-x-x-x-x" });
    const beheerder = await makeViewer({ role: "beheerder" });
    const [first] = getDb().select({ id: meetings.id }).from(meetings).all();
    const contents = getPackContents({
      viewer: beheerder,
      meetingId: first!.id,
      baseUrl: "https://g.example",
      asPublic: true,
    });
    const structure = pdfStructure(await buildMeetingPack(contents!.input));
    expect(structure).toMatch(/^\s*Table\b/m);
    expect(structure).toMatch(/^\s*TH\b/m);
    expect(structure).toMatch(/^\s*H1 "Vergaderstukken /m);
  }, 120_000);

  it("every Word file has heading styles, repeated header rows, a title and Dutch set", async () => {
    await importDemoCorpus(getDb(), { contentDir: resolve("content"), demoPassword: "x-x-x-x-x-x" });
    const files: [string, Response][] = [];
    for (const { id } of getDb().select({ id: meetings.id }).from(meetings).all()) {
      files.push([`agenda ${id}`, await get(agendaDocx, `/vergaderingen/${id}/agenda.docx`, id)]);
      files.push([`besluitenlijst ${id}`, await get(decisionListDocx, `/vergaderingen/${id}/besluitenlijst.docx`, id)]);
    }
    for (const { id } of getDb().select({ id: annualPlans.id }).from(annualPlans).all())
      files.push([`jaarplan ${id}`, await get(planDocx as never, `/jaarplannen/${id}.docx`, id)]);
    for (const { slug } of getDb().select({ slug: bodies.slug }).from(bodies).all())
      files.push([
        `planning ${slug}`,
        await get(planningDocx as never, `/gremia/${slug}/planning.docx?jaar=2027`, slug, "slug"),
      ]);
    const read = files.filter(([, response]) => response.status === 200);
    expect(read.length).toBeGreaterThan(10);
    const kinds = new Set(read.map(([name]) => name.split(" ")[0]));
    expect([...kinds].sort()).toEqual(["agenda", "besluitenlijst", "jaarplan", "planning"]);
    for (const [name, response] of read) {
      const zip = readZip(Buffer.from(await response.arrayBuffer()));
      const document = zip.get("word/document.xml")!;
      expect(document, name).toMatch(/<w:pStyle w:val="Heading1"\/>/);
      if (document.includes("<w:tbl>")) expect(document, name).toContain("<w:tblHeader/>");
      expect(zip.get("docProps/core.xml"), name).toMatch(/<dc:title>[^<]+<\/dc:title>/);
      expect(zip.get("word/styles.xml"), name).toContain('<w:lang w:val="nl-NL"/>');
    }
  }, 120_000);

  it("reads papers stored before the check once, in the background, and then tells what they miss", async () => {
    const body = makeBody();
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const { id: meetingId } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2027-01-20",
        startTime: "10:00",
        endTime: "11:00",
        location: "Hengelo",
        isPublic: true,
      },
    });
    const agendaItemId = addAgendaItem({
      viewer: secretary,
      meetingId,
      input: { section: "B", subject: "Cijfers", proposalMarkdown: "", isConfidential: false },
    }).id;
    const pdf = await PDFDocument.create();
    pdf
      .addPage()
      .drawText("Oude bijlage.", { x: 60, y: 700, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
    // As uploaded before: the file and its text, nothing more.
    addDocument({
      viewer: secretary,
      agendaItemId,
      title: "Oude bijlage",
      isConfidential: false,
      content: { fileName: "oud.pdf", bytes: await pdf.save(), extractedText: "Oude bijlage." },
    });
    const paper = () => listDocumentsForMeeting({ viewer: secretary, meetingId })[0]!.current;
    expect(paper()).toMatchObject({ hasTextVersion: false, accessibilityProblems: null });
    expect(await completePaperReadings({ stopping: () => false })).toBe(1);
    expect(paper()).toMatchObject({
      hasTextVersion: true,
      accessibilityProblems: ["geen tags (structuur)", "geen documenttitel", "geen taal ingesteld"],
    });
    // Read once: the next round has nothing to do.
    expect(await completePaperReadings({ stopping: () => false })).toBe(0);
  });
});
