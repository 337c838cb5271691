import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { and, asc, desc, eq, inArray, isNotNull, isNull, max, sql } from "drizzle-orm";
import { agendaItems, bodies, documentVersions, documents, meetings } from "../../db/schema";
import type { Viewer } from "~/auth/viewer";
import { getDb, type Tx } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { checkUpload, contentTypeOf } from "~/lib/file-types";
import { readPaper } from "~/lib/text-extraction.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { change } from "./access/change.server";
import { managesBody } from "./access/grants";
import { visibleDocuments } from "./access/scopes.server";
import { NotFound, RuleError } from "./errors";
import {
  byManager,
  meetingForChange,
  momentForMeeting,
  requireManager,
  requireOpenMeeting,
  type MeetingForChange,
} from "./meetings.server";
import { actorOf } from "./access/viewer";

/** Files live under data/documents/, named by their SHA-256, so the same file is stored once. */
/** A file with a text version to read (empty: read, but it had no text). */
const hasTextVersion = sql<boolean>`coalesce(${documentVersions.textHtml}, '') <> ''`.mapWith(Boolean);

export function documentsDir() {
  return resolve(dirname(resolve(env().DATABASE_URL)), "documents");
}

export function storagePath(sha256: string) {
  return join(documentsDir(), sha256.slice(0, 2), sha256);
}

/** Stores bytes once under their SHA-256 beside the database; returns the hash. */
export function store(bytes: Uint8Array) {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const path = storagePath(sha256);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  return sha256;
}

export type NewVersion =
  | {
      fileName: string;
      bytes: Uint8Array;
      /** What readPaper read from the file on upload: its text, a text version, its accessibility. */
      extractedText?: string;
      textHtml?: string | null;
      accessibilityProblems?: string[] | null;
    }
  | { markdown: string };

function versionValues(input: NewVersion, field: string) {
  if ("bytes" in input) {
    const check = checkUpload(input.fileName, input.bytes);
    if (!check.ok) throw new RuleError({ [field]: [check.message] });
    return {
      fileName: input.fileName.replace(/[\\/]/g, "_").slice(-200),
      contentType: check.contentType,
      sizeBytes: input.bytes.byteLength,
      sha256: store(input.bytes),
      extractedText: input.extractedText || null,
      textHtml: input.textHtml ?? null,
      accessibilityProblems: input.accessibilityProblems ?? null,
    };
  }
  return { noteMarkdown: input.markdown, noteHtml: renderMarkdown(input.markdown) };
}

/** The item a document hangs on, with its meeting, as a change reads them. */
function itemForChange(agendaItemId: number) {
  const item = getDb()
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, subject: agendaItems.subject })
    .from(agendaItems)
    .where(eq(agendaItems.id, agendaItemId))
    .get();
  if (!item) return undefined;
  const meeting = meetingForChange(getDb(), item.meetingId)!;
  return { item, meeting, bodyId: meeting.bodyId };
}

/** A document with its item and meeting, as a change reads them. */
function documentForChange(documentId: number) {
  const document = getDb().select().from(documents).where(eq(documents.id, documentId)).get();
  if (!document) return undefined;
  return { ...itemForChange(document.agendaItemId)!, document, version: document.version };
}

/** Marks the item as changed when its meeting's agenda was already published (not for history entered later). */
function markChanged(tx: Tx, itemId: number, meeting: MeetingForChange, now: number) {
  if (meeting.publishedAt !== null && meeting.recordedAfterwardsAt === null)
    tx.update(agendaItems).set({ changedAfterPublishAt: now }).where(eq(agendaItems.id, itemId)).run();
}

/** Attaches a file or a note to an agenda item. The file's content is checked before anything is stored. */
export function addDocument({
  viewer,
  agendaItemId,
  title,
  isConfidential,
  isAdvice = false,
  content,
  now = Date.now(),
}: {
  viewer: Viewer;
  agendaItemId: number;
  title: string;
  isConfidential: boolean;
  /** An advice: published in the Woo category adviezen (docs/decisions/025). */
  isAdvice?: boolean;
  content: NewVersion;
  now?: number;
}) {
  const values = versionValues(content, "bytes" in content ? "file" : "noteMarkdown");
  return change({
    viewer,
    load: () => itemForChange(agendaItemId),
    missing: "Dit agendapunt bestaat niet meer.",
    allow: byManager(),
    check: ({ meeting }) => requireOpenMeeting(meeting),
    write: (tx, { item, meeting }, signedIn) => {
      const document = tx
        .insert(documents)
        .values({ agendaItemId, title, kind: "bytes" in content ? "file" : "note", isConfidential, isAdvice })
        .returning({ id: documents.id })
        .get();
      tx.insert(documentVersions)
        .values({
          documentId: document.id,
          number: 1,
          ...values,
          createdByUserId: actorOf(signedIn),
          // A paper of a meeting entered as history is dated with that meeting, not with the typing.
          createdAt: momentForMeeting(meeting, now),
        })
        .run();
      markChanged(tx, item.id, meeting, now);
      return document;
    },
    audit: ({ item, meeting }, document) => ({
      action: meeting.publishedAt ? "document.add-after-publish" : "document.add",
      entityType: "document",
      entityId: document.id,
      summary: `Stuk ‘${title}’ toegevoegd aan agendapunt ‘${item.subject}’ — ${meeting.bodyName}`,
      after: {
        title,
        isConfidential,
        ...("sha256" in values ? { fileName: values.fileName, sha256: values.sha256 } : {}),
      },
    }),
    now,
  });
}

/** Replaces a document with a new version; earlier versions stay downloadable for those allowed. */
export function replaceDocument({
  viewer,
  documentId,
  expectedVersion,
  content,
  now = Date.now(),
}: {
  viewer: Viewer;
  documentId: number;
  expectedVersion: number;
  content: NewVersion;
  now?: number;
}) {
  const existing = getDb().select().from(documents).where(eq(documents.id, documentId)).get();
  if (!existing) throw new NotFound("Dit stuk bestaat niet meer.");
  const field = existing.kind === "file" ? "file" : "noteMarkdown";
  if ((existing.kind === "file") !== "bytes" in content) {
    throw new RuleError({ [field]: [existing.kind === "file" ? "Kies een bestand." : "Schrijf de notitie."] });
  }
  const values = versionValues(content, field);
  return change({
    viewer,
    load: () => documentForChange(documentId),
    missing: "Dit stuk bestaat niet meer.",
    allow: byManager(),
    expectedVersion,
    check: ({ meeting }) => requireOpenMeeting(meeting),
    write: (tx, { item, meeting }, signedIn) => {
      const last = tx
        .select({ number: max(documentVersions.number) })
        .from(documentVersions)
        .where(eq(documentVersions.documentId, documentId))
        .get();
      const number = (last?.number ?? 0) + 1;
      tx.insert(documentVersions)
        .values({
          documentId,
          number,
          ...values,
          createdByUserId: actorOf(signedIn),
          createdAt: momentForMeeting(meeting, now),
        })
        .run();
      markChanged(tx, item.id, meeting, now);
      return { number };
    },
    touch: { table: documents, id: () => documentId },
    audit: ({ meeting, document }, { number }) => ({
      action: meeting.publishedAt ? "document.replace-after-publish" : "document.replace",
      entityType: "document",
      entityId: documentId,
      summary: `Nieuwe versie ${number} van ‘${document.title}’ — ${meeting.bodyName}`,
      after: { number, ...("sha256" in values ? { fileName: values.fileName, sha256: values.sha256 } : {}) },
    }),
    now,
  });
}

export function removeDocument({
  viewer,
  documentId,
  now = Date.now(),
}: {
  viewer: Viewer;
  documentId: number;
  now?: number;
}) {
  change({
    viewer,
    load: () => documentForChange(documentId),
    missing: "Dit stuk bestaat niet meer.",
    allow: byManager(),
    check: ({ meeting }) => requireOpenMeeting(meeting),
    write: (tx, { item, meeting }) => {
      tx.delete(documents).where(eq(documents.id, documentId)).run();
      markChanged(tx, item.id, meeting, now);
    },
    audit: ({ item, meeting, document }) => ({
      action: "document.remove",
      entityType: "document",
      entityId: documentId,
      summary: `Stuk ‘${document.title}’ verwijderd van agendapunt ‘${item.subject}’ — ${meeting.bodyName}`,
    }),
    now,
  });
}

/** The current version of each document the viewer may see on a meeting, with what is needed to read it. */
export function listCurrentVersionsForMeeting({
  viewer,
  meetingId,
  asPublic = false,
}: {
  viewer: Viewer;
  meetingId: number;
  /** As an anonymous visitor would see them (the secretariaat's preview). */
  asPublic?: boolean;
}) {
  const scope = visibleDocuments(viewer, asPublic ? null : viewer);
  return getDb()
    .select({
      agendaItemId: documents.agendaItemId,
      documentId: documents.id,
      title: documents.title,
      kind: documents.kind,
      isConfidential: scope.confidential,
      versionId: documentVersions.id,
      fileName: documentVersions.fileName,
      contentType: documentVersions.contentType,
      sha256: documentVersions.sha256,
      noteMarkdown: documentVersions.noteMarkdown,
      noteHtml: documentVersions.noteHtml,
    })
    .from(documents)
    .innerJoin(scope, eq(scope.id, documents.id))
    .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .where(
      and(
        eq(agendaItems.meetingId, meetingId),
        eq(
          documentVersions.number,
          sql`(select max(latest.number) from document_versions latest where latest.document_id = ${documents.id})`,
        ),
      ),
    )
    .orderBy(asc(documents.id))
    .all();
}

/**
 * The documents the viewer may see on a meeting's items, newest version first per document.
 * Besloten documents, and all documents of a besloten item, are left out by the query itself for
 * a viewer who may not see them.
 */
export function listDocumentsForMeeting({
  viewer,
  meetingId,
  asPublic = false,
}: {
  viewer: Viewer;
  meetingId: number;
  asPublic?: boolean;
}) {
  const scope = visibleDocuments(viewer, asPublic ? null : viewer);
  const rows = getDb()
    .select({
      id: documents.id,
      agendaItemId: documents.agendaItemId,
      title: documents.title,
      kind: documents.kind,
      isConfidential: scope.confidential,
      version: documents.version,
      versionId: documentVersions.id,
      number: documentVersions.number,
      fileName: documentVersions.fileName,
      sizeBytes: documentVersions.sizeBytes,
      createdAt: documentVersions.createdAt,
      hasTextVersion: hasTextVersion,
      accessibilityProblems: documentVersions.accessibilityProblems,
    })
    .from(documents)
    .innerJoin(scope, eq(scope.id, documents.id))
    .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(documents.id), desc(documentVersions.number))
    .all();
  const byDocument = new Map<number, { current: (typeof rows)[number]; earlier: (typeof rows)[number][] }>();
  for (const row of rows) {
    const entry = byDocument.get(row.id);
    if (entry) entry.earlier.push(row);
    else byDocument.set(row.id, { current: row, earlier: [] });
  }
  return [...byDocument.values()];
}

/**
 * The text version of an uploaded file (an HTML rendering of its text, made on upload) for reading with
 * a screen reader, if the viewer may see the document.
 */
export function getPaperTextVersion({ viewer, versionId }: { viewer: Viewer; versionId: number }) {
  const version = getDocumentVersion({ viewer, versionId });
  if (!version || !version.hasTextVersion) return null;
  const scope = visibleDocuments(viewer);
  const row = getDb()
    .select({ textHtml: documentVersions.textHtml })
    .from(documentVersions)
    .innerJoin(scope, eq(scope.id, documentVersions.documentId))
    .where(eq(documentVersions.id, versionId))
    .get();
  return row?.textHtml ? { ...version, textHtml: row.textHtml } : null;
}

/**
 * Papers stored before Gremium made text versions and checked accessibility on upload (PDF, Word and
 * text files) are read once, a few at a time, by the background work. Derived data only, like the
 * search index: no one's change, nothing in the audit log. An empty text version marks a file read
 * that had no text.
 */
export async function completePaperReadings({ stopping, limit = 20 }: { stopping: () => boolean; limit?: number }) {
  const db = getDb();
  const pending = db
    .select({ id: documentVersions.id, sha256: documentVersions.sha256, contentType: documentVersions.contentType })
    .from(documentVersions)
    .where(
      and(
        isNotNull(documentVersions.sha256),
        isNull(documentVersions.textHtml),
        isNull(documentVersions.accessibilityProblems),
        inArray(documentVersions.contentType, [contentTypeOf("pdf"), contentTypeOf("word"), contentTypeOf("text")]),
      ),
    )
    .limit(limit)
    .all();
  let read = 0;
  for (const version of pending) {
    if (stopping()) break;
    const path = storagePath(version.sha256!);
    const reading = existsSync(path)
      ? await readPaper(new Uint8Array(readFileSync(path)))
      : { textHtml: null, accessibilityProblems: null };
    db.update(documentVersions)
      .set({ textHtml: reading.textHtml ?? "", accessibilityProblems: reading.accessibilityProblems })
      .where(eq(documentVersions.id, version.id))
      .run();
    read++;
  }
  return read;
}

/** One version for download or reading, if the viewer may see its document (and so its item and meeting). */
export function getDocumentVersion({ viewer, versionId }: { viewer: Viewer; versionId: number }) {
  const db = getDb();
  const scope = visibleDocuments(viewer);
  const row = db
    .select({
      versionId: documentVersions.id,
      number: documentVersions.number,
      fileName: documentVersions.fileName,
      contentType: documentVersions.contentType,
      sha256: documentVersions.sha256,
      noteHtml: documentVersions.noteHtml,
      hasTextVersion: hasTextVersion,
      createdAt: documentVersions.createdAt,
      documentId: documents.id,
      title: documents.title,
      kind: documents.kind,
      isConfidential: scope.confidential,
      meetingId: meetings.id,
      bodyId: meetings.bodyId,
      bodyName: bodies.name,
      startsAt: meetings.startsAt,
    })
    .from(documentVersions)
    .innerJoin(scope, eq(scope.id, documentVersions.documentId))
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(documentVersions.id, versionId))
    .get();
  if (!row) return null;
  const versions = db
    .select({
      id: documentVersions.id,
      number: documentVersions.number,
      fileName: documentVersions.fileName,
      createdAt: documentVersions.createdAt,
    })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, row.documentId))
    .orderBy(desc(documentVersions.number))
    .all();
  const { bodyId, bodyName, startsAt, meetingId, ...version } = row;
  return {
    ...version,
    meetingId,
    path: row.sha256 ? storagePath(row.sha256) : null,
    meeting: { id: meetingId, bodyName, startsAt, canManage: managesBody(viewer, bodyId) },
    versions,
  };
}

/** The documents of one item for its manager, with every version. */
export function listDocumentsForItem({ viewer, agendaItemId }: { viewer: Viewer; agendaItemId: number }) {
  const db = getDb();
  const found = itemForChange(agendaItemId);
  if (!found) throw new NotFound("Dit agendapunt bestaat niet meer.");
  requireManager(viewer, found.bodyId);
  requireOpenMeeting(found.meeting);
  const meeting = found.meeting;
  const docs = db
    .select()
    .from(documents)
    .where(eq(documents.agendaItemId, agendaItemId))
    .orderBy(asc(documents.id))
    .all();
  const versions = docs.length
    ? db
        .select()
        .from(documentVersions)
        .where(
          inArray(
            documentVersions.documentId,
            docs.map((d) => d.id),
          ),
        )
        .orderBy(desc(documentVersions.number))
        .all()
    : [];
  return {
    meeting,
    documents: docs.map((doc) => ({ ...doc, versions: versions.filter((v) => v.documentId === doc.id) })),
  };
}
