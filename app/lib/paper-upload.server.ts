import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { Viewer } from "~/auth/viewer";
import { addDocument } from "~/models/documents.server";
import { RuleError } from "~/models/errors";
import { checkUpload, MAX_UPLOAD_BYTES } from "./file-types";
import { titleFromFileName } from "./paper-title";
import { readPaper } from "./text-extraction.server";

/** Reads a form that may carry files; a file larger than the limit (25 MB) is stopped while it streams in. */
export async function readUploadForm(request: Request, maxBytes = MAX_UPLOAD_BYTES) {
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data"))
    return { formData: await request.formData(), tooLarge: false };
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
    );
    return { formData, tooLarge: false };
  } catch (error) {
    if (error instanceof Error && error.name === "MaxPartSizeExceededError")
      return { formData: new FormData(), tooLarge: true };
    // A body no browser form produces (malformed parts, found by the fuzz tests) is refused, not a 500.
    throw new Response("Het formulier kwam onleesbaar aan. Laad de pagina opnieuw en probeer het nog eens.", {
      status: 400,
      statusText: "Bad Request",
    });
  }
}

/**
 * Adds uploaded files to an agenda item as papers, each its own paper with its own log entry. One file
 * takes the title typed for it; several take their file names. Every file is checked before any is
 * stored, so a refused file leaves the others unstored too and the message names it. The text of each
 * is read here, before the model stores it, so search finds what is in it.
 */
export async function addUploadedPapers({
  viewer,
  agendaItemId,
  files,
  title,
  isConfidential,
  isAdvice = false,
}: {
  viewer: Viewer;
  agendaItemId: number;
  files: File[];
  title?: string;
  isConfidential: boolean;
  isAdvice?: boolean;
}) {
  const read = await Promise.all(
    files.map(async (file) => ({ file, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  const refused = read.flatMap(({ file, bytes }) => {
    const check = checkUpload(file.name, bytes);
    return check.ok ? [] : [files.length > 1 ? `${file.name}: ${check.message}` : check.message];
  });
  if (refused.length) throw new RuleError({ file: refused });
  const titles: string[] = [];
  for (const { file, bytes } of read) {
    const paperTitle = files.length === 1 && title ? title : titleFromFileName(file.name);
    addDocument({
      viewer,
      agendaItemId,
      title: paperTitle,
      isConfidential,
      isAdvice,
      content: { fileName: file.name, bytes, ...(await readPaper(bytes)) },
    });
    titles.push(paperTitle);
  }
  return titles;
}
