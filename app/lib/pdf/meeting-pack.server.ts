import { CONFIDENTIAL_MARK, CONFIDENTIAL_NOTICE } from "../confidential";
import { readFile } from "node:fs/promises";
import { PDFDocument, type PDFPage } from "pdf-lib";
import { proposalLines } from "../docx.server";
import { formatDay, formatTime } from "../format";
import { CONTENT_WIDTH, Flow, INK, MUTED, PAGE } from "./flow.server";
import { addLink, setBookmarks, type Bookmark } from "./navigation.server";
import { embedFonts, fitText, toEncodable, wrapRuns, type Fonts } from "./text.server";

// The "board book": one PDF per meeting that a member reads on a tablet. The agenda is the cover,
// with page numbers and links; then per item a page with its proposal and the list of its papers,
// followed by the papers themselves: uploaded PDFs merged in page for page, Markdown notes set as
// pages, other files (Word, Excel) named with a download link. Bookmarks lead to every item and paper,
// and every page names the meeting and item in its header. What goes in is already filtered for the
// reader; this module only lays it out.

export type PackDocument = { title: string; isConfidential: boolean; url: string } & (
  | { kind: "pdf"; path: string; fileName: string }
  | { kind: "image"; path: string; format: "png" | "jpeg"; fileName: string }
  | { kind: "note"; markdown: string }
  | { kind: "file"; fileName: string; typeLabel: string }
);

export type PackItem = {
  number: string;
  /** Null for an item this reader may not see: it keeps its number on the cover, nothing more. */
  subject: string | null;
  presenter: string | null;
  proposalHtml: string | null;
  isConfidential: boolean;
  documents: PackDocument[];
};

export type PackInput = {
  meeting: {
    bodyName: string;
    startsAt: number;
    endsAt: number;
    location: string;
    registrationNumber: string | null;
    url: string;
  };
  /** True when the reader may see besloten content: the pack says so on every page. */
  forMembers: boolean;
  items: PackItem[];
};

export type PackProgress = (done: number, total: number) => void;

type Placed = { page: PDFPage | null; note?: string };

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Opens an uploaded PDF; a protected or damaged file is named on the item page instead. */
async function openPdf(path: string) {
  try {
    const source = await PDFDocument.load(await readFile(path), { updateMetadata: false });
    return source.getPageCount() > 0 ? source : null;
  } catch {
    return null;
  }
}

export async function buildMeetingPack(input: PackInput, onProgress: PackProgress = () => {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const when = `${formatDay(input.meeting.startsAt)}`;
  const meetingLine = `${input.meeting.bodyName}, ${when}`;
  const total = input.items.reduce((sum, item) => sum + item.documents.length, 0) + 1;
  let done = 0;
  onProgress(done, total);

  let header = "Agenda";
  const openContentPage = () => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    drawHeader(page, fonts, meetingLine, header);
    return page;
  };
  const flow = new Flow(doc, fonts, openContentPage);

  const toc: { item: PackItem; start: Placed; documents: Placed[] }[] = [];
  for (const item of input.items) {
    // An item without papers is listed on the cover only.
    if (item.subject === null || item.documents.length === 0) {
      toc.push({ item, start: { page: null }, documents: [] });
      continue;
    }
    header = `Agendapunt ${item.number}: ${item.subject}`;
    const sources = await Promise.all(
      item.documents.map((document) => (document.kind === "pdf" ? openPdf(document.path) : null)),
    );
    const start = flow.newPage();
    flow.heading(`${item.number}. ${item.subject}`, 1);
    if (item.isConfidential) flow.text([{ text: CONFIDENTIAL_MARK, style: "bold" }]);
    if (item.presenter) flow.text([{ text: "Toelichting door: ", style: "bold" }, { text: item.presenter }]);
    const proposal = proposalLines(item.proposalHtml);
    if (proposal.length) {
      flow.heading("Voorstel / advies", 3);
      for (const line of proposal) flow.text([{ text: line }]);
    }
    if (item.documents.length) {
      flow.heading("Stukken", 3);
      item.documents.forEach((document, index) => {
        const label = document.isConfidential ? `${document.title} (${CONFIDENTIAL_MARK})` : document.title;
        const where =
          document.kind === "note"
            ? "notitie, volgt hierna"
            : document.kind === "image"
              ? "afbeelding, volgt hierna"
              : document.kind === "pdf" && sources[index]
                ? "PDF, volgt hierna"
                : document.kind === "pdf"
                  ? "PDF die niet kon worden samengevoegd (beveiligd of beschadigd); download het bestand los"
                  : `${document.typeLabel}, niet in dit pakket; download het bestand`;
        flow.text(
          [{ text: label, style: "bold" }, { text: ` — ${where}: ` }, { text: document.url, href: document.url }],
          {
            indent: 16,
            bullet: "•",
            after: 3,
          },
        );
      });
    }

    const placed: Placed[] = [];
    for (const [index, document] of item.documents.entries()) {
      const source = sources[index];
      if (document.kind === "pdf" && source) {
        const pages = await doc.copyPages(source, source.getPageIndices());
        pages.forEach((page) => {
          doc.addPage(page);
          // Wrapping the original content in save/restore keeps its graphics state from moving our header.
          page.translateContent(0, 0);
          drawHeader(page, fonts, meetingLine, `${header} — ${document.title}`);
        });
        placed.push({ page: pages[0] });
      } else if (document.kind === "image") {
        header = `Agendapunt ${item.number}: ${item.subject} — ${document.title}`;
        const page = flow.newPage();
        header = `Agendapunt ${item.number}: ${item.subject}`;
        flow.heading(document.title, 2);
        await drawImage(doc, page, document, flow.y);
        placed.push({ page });
      } else if (document.kind === "note") {
        header = `Agendapunt ${item.number}: ${item.subject} — ${document.title}`;
        const first = flow.newPage();
        flow.heading(document.title, 2);
        flow.markdown(document.markdown);
        header = `Agendapunt ${item.number}: ${item.subject}`;
        placed.push({ page: first });
      } else {
        placed.push({ page: null, note: document.kind === "pdf" ? "los te downloaden" : "los bestand" });
      }
      onProgress(++done, total);
      await yieldToEventLoop();
    }
    toc.push({ item, start: { page: start }, documents: placed });
  }

  // The cover's length decides every page number, so it is set once on a scratch file to count it.
  const scratch = await PDFDocument.create();
  const scratchFonts = await embedFonts(scratch);
  const coverPages = writeCover(scratch, scratchFonts, () => scratch.addPage([PAGE.width, PAGE.height]), input, toc, {
    pageNumber: () => 0,
    withLinks: false,
  });
  let inserted = 0;
  writeCover(
    doc,
    fonts,
    () => {
      const page = doc.insertPage(inserted++, [PAGE.width, PAGE.height]);
      drawHeader(page, fonts, meetingLine, "Agenda");
      return page;
    },
    input,
    toc,
    { pageNumber: (page) => doc.getPages().indexOf(page) + 1 + coverPages - inserted, withLinks: true },
  );

  const pages = doc.getPages();
  // The same warning as on the Word files and printed pages, on every page of a pack with besloten content.
  const confidential = input.items.some(
    (item) => (item.isConfidential && item.subject !== null) || item.documents.some((d) => d.isConfidential),
  );
  const audience = confidential ? CONFIDENTIAL_NOTICE : input.forMembers ? "Voor de leden" : "Openbare stukken";
  pages.forEach((page, index) => drawFooter(page, fonts, audience, `Pagina ${index + 1} van ${pages.length}`));

  setBookmarks(doc, [
    { title: "Agenda", page: pages[0] },
    ...toc
      .filter((entry) => entry.start.page)
      .map((entry): Bookmark => ({
        title: `${entry.item.number}. ${entry.item.subject}`,
        page: entry.start.page!,
        children: entry.item.documents.flatMap((document, index) => {
          const page = entry.documents[index]?.page;
          return page ? [{ title: document.title, page }] : [];
        }),
      })),
  ]);
  doc.setTitle(`Vergaderstukken ${meetingLine}`, { showInWindowTitleBar: true });
  doc.setLanguage("nl-NL");
  doc.setCreator("Gremium");
  doc.setProducer("Gremium");
  const bytes = await doc.save({ useObjectStreams: true });
  onProgress(++done, total);
  return bytes;
}

/**
 * The cover: meeting details, then the agenda with a page number and an internal link per item and
 * per paper. Returns how many pages it took.
 */
function writeCover(
  doc: PDFDocument,
  fonts: Fonts,
  openPage: () => PDFPage,
  input: PackInput,
  toc: { item: PackItem; start: Placed; documents: Placed[] }[],
  { pageNumber, withLinks }: { pageNumber: (page: PDFPage) => number; withLinks: boolean },
) {
  let count = 0;
  const flow = new Flow(
    doc,
    fonts,
    () => {
      count++;
      return openPage();
    },
    withLinks,
  );
  const { meeting } = input;
  flow.newPage();
  flow.text([{ text: "Vergaderstukken", style: "bold" }], { size: 22, after: 4 });
  flow.text([{ text: meeting.bodyName, style: "bold" }], { size: 14, after: 10 });
  flow.text([{ text: "Datum: ", style: "bold" }, { text: formatDay(meeting.startsAt) }], { after: 1 });
  flow.text(
    [{ text: "Tijd: ", style: "bold" }, { text: `${formatTime(meeting.startsAt)}–${formatTime(meeting.endsAt)} uur` }],
    { after: 1 },
  );
  flow.text([{ text: "Plaats: ", style: "bold" }, { text: meeting.location }], { after: 1 });
  if (meeting.registrationNumber)
    flow.text([{ text: "Registratienummer: ", style: "bold" }, { text: meeting.registrationNumber }], { after: 1 });
  flow.text(
    [
      { text: "Online: ", style: "bold" },
      { text: meeting.url, href: meeting.url },
    ],
    { after: 8 },
  );
  flow.text(
    [
      {
        text: input.forMembers
          ? "Dit pakket bevat besloten stukken en is alleen bestemd voor de leden. Niet doorsturen."
          : "Openbare versie: besloten agendapunten en stukken zijn niet opgenomen.",
        style: "italic",
      },
    ],
    { after: 12 },
  );
  flow.heading("Agenda", 2);

  const numberWidth = 34;
  const pageWidth = 40;
  const line = (number: string, label: string, target: PDFPage | null, level: 0 | 1, note?: string) => {
    const size = level === 0 ? 10.5 : 9.5;
    const font = level === 0 ? fonts.bold : fonts.regular;
    const indent = numberWidth + (level ? 12 : 0);
    const lines = wrapRuns(
      fonts,
      [{ text: label, style: level === 0 ? "bold" : "regular" }],
      size,
      CONTENT_WIDTH - indent - pageWidth,
    );
    const leading = size * 1.4;
    lines.forEach((words, index) => {
      const page = flow.room(leading);
      const baseline = flow.y - size;
      if (index === 0 && number)
        page.drawText(toEncodable(fonts, number), { x: PAGE.left, y: baseline, size, font, color: INK });
      for (const word of words)
        page.drawText(word.text, {
          x: PAGE.left + indent + word.x,
          y: baseline,
          size,
          font: word.font,
          color: level ? MUTED : INK,
        });
      if (index === lines.length - 1) {
        const right = target ? String(pageNumber(target)) : (note ?? "");
        const rightFont = target ? font : fonts.italic;
        const width = rightFont.widthOfTextAtSize(right, size);
        page.drawText(right, { x: PAGE.width - PAGE.right - width, y: baseline, size, font: rightFont, color: INK });
      }
      if (target && withLinks)
        addLink(doc, page, { x: PAGE.left, y: baseline - 4, width: CONTENT_WIDTH, height: leading }, { page: target });
      flow.y -= leading;
    });
    flow.y -= level === 0 ? 3 : 1;
  };

  for (const entry of toc) {
    line(
      entry.item.number,
      entry.item.subject === null
        ? "Besloten agendapunt"
        : `${entry.item.subject}${entry.item.isConfidential ? ` (${CONFIDENTIAL_MARK})` : ""}`,
      entry.start.page,
      0,
      entry.item.subject === null ? "" : undefined,
    );
    entry.item.documents.forEach((document, index) => {
      const placed = entry.documents[index];
      const title = document.isConfidential ? `${document.title} (${CONFIDENTIAL_MARK})` : document.title;
      line("", title, placed?.page ?? null, 1, placed?.note);
    });
  }
  return count;
}

/** An uploaded picture scaled to fit the rest of the page; one that cannot be read is named instead. */
async function drawImage(
  doc: PDFDocument,
  page: PDFPage,
  document: { path: string; format: "png" | "jpeg" },
  top: number,
) {
  try {
    const bytes = await readFile(document.path);
    const image = document.format === "png" ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
    const scaled = image.scaleToFit(CONTENT_WIDTH, top - PAGE.bottom);
    page.drawImage(image, { x: PAGE.left, y: top - scaled.height, width: scaled.width, height: scaled.height });
  } catch {
    page.drawText("Deze afbeelding kon niet worden gelezen; download het bestand los.", {
      x: PAGE.left,
      y: top - 14,
      size: 10.5,
    });
  }
}

function drawHeader(page: PDFPage, fonts: Fonts, meetingLine: string, context: string) {
  const box = page.getCropBox();
  // A page turned in its file (landscape scans) would get a header along its side; those go without.
  if (page.getRotation().angle % 360 !== 0) return;
  const size = 8;
  const width = Math.max(100, box.width - 2 * 40);
  const text = fitText(fonts, fonts.regular, `${meetingLine} · ${context}`, size, width);
  page.drawText(text, { x: box.x + 40, y: box.y + box.height - 24, size, font: fonts.regular, color: MUTED });
}

function drawFooter(page: PDFPage, fonts: Fonts, audience: string, pageLabel: string) {
  const box = page.getCropBox();
  if (page.getRotation().angle % 360 !== 0) return;
  const size = 8;
  const labelWidth = fonts.regular.widthOfTextAtSize(pageLabel, size);
  page.drawText(toEncodable(fonts, audience), { x: box.x + 40, y: box.y + 22, size, font: fonts.bold, color: MUTED });
  page.drawText(pageLabel, {
    x: box.x + box.width - 40 - labelWidth,
    y: box.y + 22,
    size,
    font: fonts.regular,
    color: MUTED,
  });
}
