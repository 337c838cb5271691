import { readFile } from "node:fs/promises";
import { PDFArray, PDFDocument, PDFName, type PDFPage } from "pdf-lib";
import { CONFIDENTIAL_MARK, CONFIDENTIAL_NOTICE } from "../confidential";
import { footnotesAsText } from "../docx.server";
import { formatDay, formatTime } from "../format";
import { htmlToBlocks } from "./html-blocks.server";
import { setBookmarks, type Bookmark } from "./navigation.server";
import { compileTypstWithPlaces } from "./typst.server";
import packTemplate from "./typst/pack.typ?raw";

// The "board book": one PDF per meeting that a member reads on a tablet. Its own pages are set by
// Typst as PDF/UA (docs/decisions/029): the agenda as cover with page numbers and links, then per
// item a page with its proposal and the list of its papers, written notes and pictures as pages of
// their own. An uploaded PDF cannot bring its tags into another file, so its pages are drawn as they
// came, each under the pack's header and footer, on pages Typst reserved at the right size; the cover
// and the item page list it, and it stays downloadable on its own. Other files (Word, Excel) are
// named with a download link. Bookmarks lead to every item and paper. What goes in is already
// filtered for the reader; this module only lays it out.

export type PackDocument = { title: string; isConfidential: boolean; url: string } & (
  | { kind: "pdf"; path: string; fileName: string }
  | { kind: "image"; path: string; format: "png" | "jpeg"; fileName: string }
  | { kind: "note"; html: string }
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
  const { meeting } = input;
  const meetingLine = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  const total = input.items.reduce((sum, item) => sum + item.documents.length, 0) + 1;
  let done = 0;
  onProgress(done, total);

  // Read what goes in first: the pages an uploaded PDF takes decide every page number after it.
  const files: Record<string, Uint8Array> = {};
  const sources = new Map<string, PDFDocument>();
  const items = [];
  for (const [itemIndex, item] of input.items.entries()) {
    const papers = [];
    for (const [index, document] of item.documents.entries()) {
      const key = `${itemIndex}-${index}`;
      const base = {
        key,
        header: headerLine(meetingLine, `Agendapunt ${item.number}: ${item.subject ?? ""} — ${document.title}`),
        title: document.title,
        confidential: document.isConfidential,
        url: document.url,
        kind: document.kind,
      };
      if (document.kind === "pdf") {
        const source = await openPdf(document.path);
        if (source) sources.set(key, source);
        papers.push({
          ...base,
          placed: source !== null,
          where: source
            ? "PDF, volgt hierna"
            : "PDF die niet kon worden samengevoegd (beveiligd of beschadigd); download het bestand los",
          sizes: source ? source.getPages().map(sizeOf) : [],
        });
      } else if (document.kind === "image") {
        const path = `/stuk-${key}.${document.format === "png" ? "png" : "jpg"}`;
        const bytes = await readFile(document.path).catch(() => null);
        if (bytes) files[path] = new Uint8Array(bytes);
        papers.push({
          ...base,
          placed: bytes !== null,
          where: bytes ? "afbeelding, volgt hierna" : "afbeelding die niet kon worden gelezen; download het bestand",
          path,
          alt: `Afbeelding: ${document.title}`,
        });
      } else if (document.kind === "note") {
        papers.push({
          ...base,
          placed: true,
          where: "notitie, volgt hierna",
          blocks: htmlToBlocks(footnotesAsText(document.html), { underLevel: 3, base: baseOf(meeting.url) }),
        });
      } else {
        papers.push({
          ...base,
          placed: false,
          where: `${document.typeLabel}, niet in dit pakket; download het bestand`,
        });
      }
      onProgress(++done, total);
      await yieldToEventLoop();
    }
    const itemLine = headerLine(meetingLine, `Agendapunt ${item.number}: ${item.subject ?? ""}`);
    items.push({
      id: itemIndex,
      header: itemLine,
      number: item.number,
      subject: item.subject,
      confidential: item.isConfidential && item.subject !== null,
      presenter: item.presenter,
      // An item without papers is listed on the cover only.
      pages: item.subject !== null && item.documents.length > 0,
      proposal: htmlToBlocks(footnotesAsText(item.proposalHtml ?? ""), { underLevel: 3, base: baseOf(meeting.url) }),
      papers: item.subject === null ? [] : papers,
    });
  }

  const confidential = input.items.some(
    (item) => (item.isConfidential && item.subject !== null) || item.documents.some((d) => d.isConfidential),
  );
  const { pdf, places } = compileTypstWithPlaces({
    template: packTemplate,
    files,
    data: {
      title: `Vergaderstukken ${meetingLine}`,
      subject: `Agenda en stukken van de vergadering van ${formatDay(meeting.startsAt)}`,
      author: meeting.bodyName,
      header: meetingLine,
      // The same warning as on the Word files and printed pages, on every page of a pack with besloten content.
      footer: confidential ? CONFIDENTIAL_NOTICE : input.forMembers ? "Voor de leden" : "Openbare stukken",
      mark: CONFIDENTIAL_MARK,
      facts: [
        ["Datum", formatDay(meeting.startsAt)],
        ["Tijd", `${formatTime(meeting.startsAt)}–${formatTime(meeting.endsAt)} uur`],
        ["Plaats", meeting.location],
        ...(meeting.registrationNumber ? [["Registratienummer", meeting.registrationNumber]] : []),
        ["Online", meeting.url],
      ],
      note: input.forMembers
        ? "Dit pakket bevat besloten stukken en is alleen bestemd voor de leden. Niet doorsturen."
        : "Openbare versie: besloten agendapunten en stukken zijn niet opgenomen.",
      items,
    },
  });

  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = (key: string) => {
    const place = places.find((p) => p.key === key);
    return place ? doc.getPage(place.page - 1) : null;
  };
  // Each uploaded page drawn under the header and footer Typst set on the page reserved for it.
  for (const [key, source] of sources) {
    const first = places.find((p) => p.key === `stuk-${key}`);
    if (!first) continue;
    const embedded = await doc.embedPages(source.getPages());
    embedded.forEach((page, index) => {
      const target = doc.getPage(first.page - 1 + index);
      const rotation = source.getPage(index).getRotation().angle;
      if (rotation % 360 !== 0) target.setRotation(source.getPage(index).getRotation());
      target.drawPage(page, { x: 0, y: 0 });
      underneath(target);
    });
  }

  setBookmarks(doc, [
    { title: "Agenda", page: doc.getPage(0) },
    ...items
      .filter((item) => item.pages)
      .flatMap((item): Bookmark[] => {
        const page = pageOf(`punt-${item.id}`);
        if (!page) return [];
        return [
          {
            title: `${item.number}. ${item.subject}`,
            page,
            children: item.papers.flatMap((paper) => {
              const paperPage = paper.placed ? pageOf(`stuk-${paper.key}`) : null;
              return paperPage ? [{ title: paper.title, page: paperPage }] : [];
            }),
          },
        ];
      }),
  ]);
  const bytes = await doc.save({ useObjectStreams: true });
  onProgress(++done, total);
  return bytes;
}

/** A page's size in points as Typst takes it, and whether it is turned (then it gets no header). */
function sizeOf(page: PDFPage): [number, number, boolean] {
  const { width, height } = page.getSize();
  return [round(width), round(height), page.getRotation().angle % 360 !== 0];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A page header on one line (about 110 characters fit at its size): the meeting and where in it, or
 * where in it alone when both do not fit, shortened if even that is too long.
 */
function headerLine(meetingLine: string, where: string, max = 110) {
  const full = `${meetingLine} · ${where}`;
  if (full.length <= max) return full;
  return where.length <= max ? where : `${where.slice(0, max - 1).trimEnd()}…`;
}

const baseOf = (url: string) => new URL(url).origin;

/** Moves the content stream drawn last to the front, so the pack's header and footer stay on top. */
function underneath(page: PDFPage) {
  const contents = page.node.normalizedEntries().Contents;
  if (!(contents instanceof PDFArray) || contents.size() < 2) return;
  const last = contents.get(contents.size() - 1);
  contents.remove(contents.size() - 1);
  contents.insert(0, last);
  page.node.set(PDFName.of("Contents"), contents);
}
