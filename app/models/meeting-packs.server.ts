import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { packBuilds } from "../../db/schema";
import type { Viewer } from "~/auth/viewer";
import { wakeBackgroundWork } from "~/lib/background-wake.server";
import { getDb } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { log } from "~/lib/log.server";
import { kindLabels, kindOfContentType } from "~/lib/file-types";
import { buildMeetingPack, type PackDocument, type PackInput } from "~/lib/pdf/meeting-pack.server";
import { listCurrentVersionsForMeeting, storagePath } from "./documents.server";
import { getMeeting } from "./meetings.server";
import { listOwnNotesForMeeting } from "./notes.server";

// A meeting's papers as one PDF. What goes in is read through the same rules as the meeting page
// (getMeeting, the document query), so a reader's pack holds exactly what that reader may see. The
// fingerprint of that content names the file: a member's and the public pack differ, and any change to
// the meeting, an item or a paper gives a new fingerprint, so a stored pack is reused exactly as long
// as nothing in it changed. Builds run one at a time in the one process that does background work;
// they wait, with their progress, in pack_builds (docs/decisions/016).

/** Raised when the layout of the pack changes, so packs built by older code are not served. */
const PACK_FORMAT = 3;
/**
 * Packs kept per meeting (the members', the public, a concept variant or two, and the personal packs of
 * members with notes); older ones go, and are built again when asked for.
 */
const KEEP_PER_MEETING = 8;

export type PackStatus =
  | { status: "klaar"; path: string; fileName: string }
  | { status: "wachtrij" | "bezig"; done: number; total: number }
  | { status: "mislukt"; message: string };

/** How often a waiting request looks whether its pack is ready. */
const POLL_MS = 100;

export function packsDir() {
  return resolve(dirname(resolve(env().DATABASE_URL)), "packs");
}

function fileTypeLabel(contentType: string | null) {
  const kind = kindOfContentType(contentType);
  if (!kind) return "bestand";
  return ["word", "excel", "powerpoint"].includes(kind) ? `${kindLabels[kind]}-bestand` : kindLabels[kind];
}

/** `asPublic` gives the secretariaat the public pack of a meeting it manages, as a check before sharing. */
type PackRequest = { viewer: Viewer; meetingId: number; baseUrl: string; asPublic?: boolean };

/** What the viewer's pack holds, or null when the meeting is not theirs to see. */
export function getPackContents({ viewer, meetingId, baseUrl, asPublic = false }: PackRequest) {
  const meeting = getMeeting({ viewer, id: meetingId, asPublic });
  if (!meeting) return null;
  const versions = listCurrentVersionsForMeeting({ viewer, meetingId, asPublic });
  const document = (version: (typeof versions)[number]): PackDocument => {
    const base = {
      title: version.title,
      isConfidential: version.isConfidential,
      url:
        version.kind === "note"
          ? `${baseUrl}/stukken/${version.versionId}`
          : `${baseUrl}/stukken/${version.versionId}/bestand`,
    };
    if (version.kind === "note") return { ...base, kind: "note", html: version.noteHtml ?? "" };
    const fileKind = kindOfContentType(version.contentType);
    const path = storagePath(version.sha256!);
    const fileName = version.fileName ?? "bestand";
    if (fileKind === "pdf") return { ...base, kind: "pdf", path, fileName };
    if (fileKind === "png" || fileKind === "jpeg") return { ...base, kind: "image", path, format: fileKind, fileName };
    return { ...base, kind: "file", fileName, typeLabel: fileTypeLabel(version.contentType) };
  };
  // The reader's own notes go into their own pack only: the fingerprint then differs from everyone's.
  const notes = asPublic ? [] : listOwnNotesForMeeting({ viewer, meetingId });
  const noteDocument = (note: (typeof notes)[number]): PackDocument => {
    const paper = note.documentId ? versions.find((v) => v.documentId === note.documentId) : undefined;
    return {
      kind: "note",
      title: paper ? `Mijn notitie bij ‘${paper.title}’` : "Mijn notitie",
      isConfidential: false,
      url: `${baseUrl}/vergaderingen/${meetingId}/notities#notitie-${note.id}`,
      html: note.textHtml,
    };
  };
  const input: PackInput = {
    meeting: {
      bodyName: meeting.bodyName,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      location: meeting.location,
      registrationNumber: meeting.registrationNumber,
      url: `${baseUrl}/vergaderingen/${meeting.id}`,
    },
    forMembers: meeting.seesConfidential,
    items: meeting.sections
      .flatMap((section) => section.items)
      .map((item) => ({
        number: item.number,
        subject: item.subject,
        presenter: item.presenter,
        proposalHtml: item.proposalHtml,
        isConfidential: item.isConfidential,
        documents: [
          ...versions.filter((version) => version.agendaItemId === item.id).map(document),
          ...notes.filter((note) => note.agendaItemId === item.id).map(noteDocument),
        ],
      })),
  };
  // Version ids stand for the file contents: a new version is a new id.
  const fingerprint = createHash("sha256")
    .update(JSON.stringify({ PACK_FORMAT, input, versions: versions.map((v) => v.versionId) }))
    .digest("hex");
  const date = new Date(meeting.startsAt).toISOString().slice(0, 10);
  return {
    meeting: {
      id: meeting.id,
      bodyName: meeting.bodyName,
      startsAt: meeting.startsAt,
      forMembers: meeting.seesConfidential,
    },
    input,
    fingerprint,
    fileName: `stukken-${meeting.bodySlug}-${date}${meeting.seesConfidential ? "" : "-openbaar"}${notes.length ? "-met-mijn-notities" : ""}.pdf`,
    documentCount: versions.length,
  };
}

function packPath(meetingId: number, fingerprint: string) {
  return join(packsDir(), String(meetingId), `${fingerprint}.pdf`);
}

function prune(meetingId: number) {
  const dir = join(packsDir(), String(meetingId));
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".pdf"))
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const file of files.slice(KEEP_PER_MEETING)) rmSync(file.path, { force: true });
}

/**
 * Builds the packs that are waiting, one at a time, oldest first: the work of the one process that
 * does background work (app/lib/background.server.ts). Returns how many it built or failed.
 */
export async function buildQueuedPacks({ stopping = () => false }: { stopping?: () => boolean } = {}) {
  const db = getDb();
  let handled = 0;
  while (!stopping()) {
    const next = db
      .select()
      .from(packBuilds)
      .where(eq(packBuilds.status, "wachtrij"))
      .orderBy(asc(packBuilds.requestedAt))
      .limit(1)
      .get();
    if (!next) break;
    const claimed = db
      .update(packBuilds)
      .set({ status: "bezig" })
      .where(and(eq(packBuilds.fingerprint, next.fingerprint), eq(packBuilds.status, "wachtrij")))
      .run();
    if (claimed.changes === 0) continue;
    const path = packPath(next.meetingId, next.fingerprint);
    try {
      const bytes = await buildMeetingPack(JSON.parse(next.inputJson) as PackInput, (done, total) => {
        db.update(packBuilds).set({ done, total }).where(eq(packBuilds.fingerprint, next.fingerprint)).run();
      });
      mkdirSync(dirname(path), { recursive: true });
      // Written aside and renamed, so a half-written pack is never served.
      writeFileSync(`${path}.tmp`, bytes);
      renameSync(`${path}.tmp`, path);
      prune(next.meetingId);
      db.delete(packBuilds).where(eq(packBuilds.fingerprint, next.fingerprint)).run();
    } catch (error) {
      log.error("vergaderpakket niet gemaakt", { meetingId: next.meetingId, error });
      db.update(packBuilds).set({ status: "mislukt" }).where(eq(packBuilds.fingerprint, next.fingerprint)).run();
    }
    handled++;
  }
  return handled;
}

/** A build that a stopped process left half done waits again; returns how many. */
export function requeueInterruptedPackBuilds() {
  return getDb().update(packBuilds).set({ status: "wachtrij", done: 0 }).where(eq(packBuilds.status, "bezig")).run()
    .changes;
}

/**
 * The viewer's pack: ready from the store, or being built. A build is started when none is stored
 * or running; `waitMs` lets a small pack be served in the same request while a large one carries on
 * in the background.
 */
export async function requestMeetingPack({
  waitMs = 0,
  ...request
}: PackRequest & { waitMs?: number }): Promise<
  (PackStatus & { meeting: { id: number; bodyName: string; startsAt: number; forMembers: boolean } }) | null
> {
  const contents = getPackContents(request);
  if (!contents) return null;
  const { meeting, fingerprint, fileName, input } = contents;
  const path = packPath(meeting.id, fingerprint);
  const db = getDb();
  const build = () => db.select().from(packBuilds).where(eq(packBuilds.fingerprint, fingerprint)).get();
  if (existsSync(path)) return { status: "klaar", path, fileName, meeting };
  if (!build()) {
    db.insert(packBuilds)
      .values({ fingerprint, meetingId: meeting.id, inputJson: JSON.stringify(input), requestedAt: Date.now() })
      .onConflictDoNothing()
      .run();
    wakeBackgroundWork("pakketten");
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (existsSync(path)) return { status: "klaar", path, fileName, meeting };
    const state = build();
    if (state?.status === "mislukt")
      return { status: "mislukt", message: "Het pakket kon niet worden gemaakt. Probeer het opnieuw.", meeting };
    if (Date.now() >= deadline || !state)
      return state
        ? { status: state.status, done: state.done, total: state.total, meeting }
        : // Built and stored between the two looks: the file is there now.
          existsSync(path)
          ? { status: "klaar", path, fileName, meeting }
          : { status: "wachtrij", done: 0, total: 1, meeting };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Forgets a failed build so the next request tries again. */
export function retryMeetingPack(request: PackRequest) {
  const contents = getPackContents(request);
  if (!contents) return false;
  getDb()
    .delete(packBuilds)
    .where(and(eq(packBuilds.fingerprint, contents.fingerprint), eq(packBuilds.status, "mislukt")))
    .run();
  return true;
}
