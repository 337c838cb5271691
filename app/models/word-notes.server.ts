import { readFileSync } from "node:fs";
import mammoth from "mammoth";
import type { Viewer } from "~/auth/viewer";
import { htmlToMarkdown } from "~/lib/paste-to-markdown";
import { addDocument, getDocumentVersion, listDocumentsForItem } from "./documents.server";
import { NotFound, RuleError } from "./errors";

/**
 * Turns an uploaded Word paper (an adviesnota, mostly) into a written note beside it, on request: its
 * text with headings, lists and tables as Markdown, so members read it on the page and search finds it.
 * The Word file stays. Headings move one level down, since a note's page has its own title above them.
 */
export async function addNoteFromWordPaper({
  viewer,
  agendaItemId,
  documentId,
  now = Date.now(),
}: {
  viewer: Viewer;
  agendaItemId: number;
  documentId: number;
  now?: number;
}) {
  const paper = listDocumentsForItem({ viewer, agendaItemId }).documents.find((d) => d.id === documentId);
  if (!paper) throw new NotFound("Dit stuk bestaat niet meer.");
  const current = paper.versions[0];
  const version = current ? getDocumentVersion({ viewer, versionId: current.id }) : null;
  if (paper.kind !== "file" || !version?.path || !/\.docx$/i.test(version.fileName ?? ""))
    throw new RuleError({ "": ["Alleen een Word-bestand (.docx) kan een geschreven notitie worden."] });
  const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(version.path) });
  const markdown = htmlToMarkdown(
    html.replace(/<(\/?)h([1-5])\b/g, (_tag, close: string, level: string) => `<${close}h${Number(level) + 1}`),
  );
  if (!markdown.trim()) throw new RuleError({ "": ["Er staat geen tekst in dit Word-bestand."] });
  const title = `${paper.title} (tekst)`;
  addDocument({
    viewer,
    agendaItemId,
    title,
    isConfidential: paper.isConfidential,
    content: { markdown },
    now,
  });
  return { title };
}
