import { and, asc, eq, gte } from "drizzle-orm";
import { agendaItems, documents, meetings, personalNotes, bodies, users, people } from "../../db/schema";
import type { Viewer } from "~/auth/viewer";
import { itemNumbersOf } from "./agenda-numbers.server";
import { getDb } from "~/lib/db.server";
import { formatDay } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown.server";
import { change, signedIn } from "./access/change.server";
import { seesInside } from "./access/grants";
import { readable, visibleDocuments, visibleItems, visibleNotes } from "./access/scopes.server";
import { RuleError } from "./errors";

// Personal notes on agenda items and papers (docs/decisions/030): private to their author; shared
// only with the members of the item's body when the author says so. The access layer's visibleNotes
// is the one rule; the beheerder reads no one's notes. The audit log records that a note was written,
// never what it says.

const NOTE_GONE = "Deze notitie bestaat niet (meer).";
const ONLY_AUTHOR = "Alleen wie de notitie schreef, kan haar wijzigen.";

export type NoteInput = { textMarkdown: string; isShared: boolean };

/** The notes the viewer may read on a meeting's items and papers, own ones first. */
export function listNotesForMeeting({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  const scope = visibleNotes(viewer);
  return getDb()
    .select({
      id: personalNotes.id,
      agendaItemId: personalNotes.agendaItemId,
      documentId: personalNotes.documentId,
      textMarkdown: personalNotes.textMarkdown,
      textHtml: personalNotes.textHtml,
      isShared: personalNotes.isShared,
      own: scope.own,
      authorName: people.name,
      updatedAt: personalNotes.updatedAt,
      version: personalNotes.version,
    })
    .from(personalNotes)
    .innerJoin(scope, eq(scope.id, personalNotes.id))
    .innerJoin(agendaItems, eq(agendaItems.id, personalNotes.agendaItemId))
    .innerJoin(users, eq(users.id, personalNotes.authorUserId))
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(personalNotes.createdAt))
    .all()
    .sort((a, b) => Number(b.own) - Number(a.own));
}

/** The notes on one paper, as the viewer may read them (for the paper's page). */
export function listNotesForPaper({ viewer, documentId }: { viewer: Viewer; documentId: number }) {
  const item = getDb()
    .select({ meetingId: agendaItems.meetingId })
    .from(documents)
    .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
    .where(eq(documents.id, documentId))
    .get();
  if (!item) return [];
  return listNotesForMeeting({ viewer, meetingId: item.meetingId }).filter((note) => note.documentId === documentId);
}

/** The viewer's own notes on a meeting, item by item, for their meeting pack. */
export function listOwnNotesForMeeting({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  return listNotesForMeeting({ viewer, meetingId }).filter((note) => note.own);
}

/**
 * The viewer's own notes on meetings still to come (or today's), for the start page: per meeting,
 * how many and on which items.
 */
export function listOwnNotesForComingMeetings({ viewer, now = Date.now() }: { viewer: Viewer; now?: number }) {
  if (!viewer) return [];
  const scope = visibleNotes(viewer);
  const rows = getDb()
    .select({
      id: personalNotes.id,
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      bodyName: bodies.name,
      agendaItemId: personalNotes.agendaItemId,
      subject: agendaItems.subject,
      textHtml: personalNotes.textHtml,
      isShared: personalNotes.isShared,
      onPaper: personalNotes.documentId,
    })
    .from(personalNotes)
    .innerJoin(scope, eq(scope.id, personalNotes.id))
    .innerJoin(agendaItems, eq(agendaItems.id, personalNotes.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(personalNotes.authorUserId, viewer.userId), gte(meetings.endsAt, now)))
    .orderBy(asc(meetings.startsAt), asc(personalNotes.createdAt))
    .all();
  const numbers = itemNumbersOf(getDb(), [...new Set(rows.map((r) => r.meetingId))]);
  const byMeeting = new Map<
    number,
    {
      meetingId: number;
      label: string;
      notes: { id: number; item: string; textHtml: string; isShared: boolean; onPaper: boolean }[];
    }
  >();
  for (const row of rows) {
    const entry = byMeeting.get(row.meetingId) ?? {
      meetingId: row.meetingId,
      label: `${row.bodyName}, ${formatDay(row.startsAt)}`,
      notes: [],
    };
    entry.notes.push({
      id: row.id,
      item: `${numbers.get(row.agendaItemId) ?? ""}. ${row.subject}`,
      textHtml: row.textHtml,
      isShared: row.isShared,
      onPaper: row.onPaper !== null,
    });
    byMeeting.set(row.meetingId, entry);
  }
  return [...byMeeting.values()];
}

/** The item (and paper) a new note goes on, when the viewer may read it; with its body. */
function targetFor(viewer: Viewer, agendaItemId: number, documentId: number | null) {
  const db = getDb();
  const items = visibleItems(viewer);
  const item = db
    .select({ id: agendaItems.id, subject: agendaItems.subject, bodyId: meetings.bodyId })
    .from(agendaItems)
    .innerJoin(items, eq(items.id, agendaItems.id))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.id, agendaItemId), readable(items)))
    .get();
  if (!item) return undefined;
  if (documentId === null) return { ...item, documentTitle: null };
  const papers = visibleDocuments(viewer);
  const paper = db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .innerJoin(papers, eq(papers.id, documents.id))
    .where(and(eq(documents.id, documentId), eq(documents.agendaItemId, agendaItemId)))
    .get();
  return paper ? { ...item, documentTitle: paper.title } : undefined;
}

function requireText(input: NoteInput) {
  if (!input.textMarkdown.trim()) throw new RuleError({ textMarkdown: ["Schrijf uw notitie."] });
}

function requireShareable(viewer: Viewer, bodyId: number, input: NoteInput) {
  if (input.isShared && !seesInside(viewer, bodyId))
    throw new RuleError({ isShared: ["Alleen leden van dit gremium kunnen een notitie met de leden delen."] });
}

/** Writes a note on an item, or on one of its papers; private unless shared with the body's members. */
export function addNote({
  viewer,
  agendaItemId,
  documentId = null,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  agendaItemId: number;
  documentId?: number | null;
  input: NoteInput;
  now?: number;
}) {
  return change({
    viewer,
    load: () => targetFor(viewer, agendaItemId, documentId),
    missing: "Dit agendapunt of stuk bestaat niet, of is niet voor u te zien.",
    allow: (viewer) => signedIn(viewer, "Meld u aan om notities te maken."),
    check: (target) => {
      requireText(input);
      requireShareable(viewer, target.bodyId, input);
    },
    write: (tx, _target, author) =>
      tx
        .insert(personalNotes)
        .values({
          authorUserId: author.userId,
          agendaItemId,
          documentId,
          textMarkdown: input.textMarkdown.trim(),
          textHtml: renderMarkdown(input.textMarkdown.trim()),
          isShared: input.isShared,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: personalNotes.id })
        .get(),
    audit: (target, { id }) => ({
      action: "note.add",
      entityType: "note",
      entityId: id,
      summary: `Notitie geschreven bij ${target.documentTitle ? `stuk ‘${target.documentTitle}’` : `agendapunt ‘${target.subject}’`}${input.isShared ? ", gedeeld met de leden" : ""}`,
    }),
    now,
  });
}

function ownNote(viewer: Viewer, id: number) {
  const note = getDb()
    .select({
      id: personalNotes.id,
      authorUserId: personalNotes.authorUserId,
      isShared: personalNotes.isShared,
      version: personalNotes.version,
      bodyId: meetings.bodyId,
    })
    .from(personalNotes)
    .innerJoin(agendaItems, eq(agendaItems.id, personalNotes.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(personalNotes.id, id))
    .get();
  // Someone else's note does not exist for this viewer, shared or not: no hint that it is there.
  return note && viewer && note.authorUserId === viewer.userId ? note : undefined;
}

/** Changes the viewer's own note: its text, and whether the body's members may read it. */
export function updateNote({
  viewer,
  id,
  expectedVersion,
  input,
  now = Date.now(),
}: {
  viewer: Viewer;
  id: number;
  expectedVersion: number;
  input: NoteInput;
  now?: number;
}) {
  change({
    viewer,
    load: () => ownNote(viewer, id),
    missing: NOTE_GONE,
    allow: (viewer) => signedIn(viewer, ONLY_AUTHOR),
    expectedVersion,
    conflictMessage:
      "U hebt deze notitie intussen elders gewijzigd. Wat u typte staat hieronder nog; sla opnieuw op om het te bewaren.",
    check: (note) => {
      requireText(input);
      requireShareable(viewer, note.bodyId, input);
    },
    write: (tx) =>
      tx
        .update(personalNotes)
        .set({
          textMarkdown: input.textMarkdown.trim(),
          textHtml: renderMarkdown(input.textMarkdown.trim()),
          isShared: input.isShared,
        })
        .where(eq(personalNotes.id, id))
        .run(),
    touch: { table: personalNotes, id: () => id },
    audit: (note) => ({
      action: "note.update",
      entityType: "note",
      entityId: id,
      summary: `Notitie gewijzigd${note.isShared !== input.isShared ? (input.isShared ? ", nu gedeeld met de leden" : ", nu weer privé") : ""}`,
      before: { isShared: note.isShared },
      after: { isShared: input.isShared },
    }),
    now,
  });
}

/** Removes the viewer's own note. */
export function removeNote({ viewer, id, now = Date.now() }: { viewer: Viewer; id: number; now?: number }) {
  change({
    viewer,
    load: () => ownNote(viewer, id),
    missing: NOTE_GONE,
    allow: (viewer) => signedIn(viewer, ONLY_AUTHOR),
    write: (tx) => tx.delete(personalNotes).where(eq(personalNotes.id, id)).run(),
    audit: () => ({ action: "note.remove", entityType: "note", entityId: id, summary: "Notitie verwijderd" }),
    now,
  });
}

/** How many notes the viewer may read on a meeting, for the link on its page. */
export function countNotesForMeeting({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  if (!viewer) return 0;
  return listNotesForMeeting({ viewer, meetingId }).length;
}
