import { and, asc, eq } from "drizzle-orm";
import { meetingGuests, meetingInvitees, meetings, organisations, people } from "../../db/schema";
import type { Viewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { parseTime, formatDateTime } from "~/lib/format";
import type { AttendanceStatus } from "~/lib/vocabulary";
import { change } from "./access/change.server";
import { visibleMeetings } from "./access/scopes.server";
import { RuleError } from "./errors";
import { byManager, meetingForChange, requireOpenMeeting } from "./meetings.server";

/** Who was invited and who came, as far as the viewer may see the meeting; null when they may not. */
export function listAttendance({ viewer, meetingId }: { viewer: Viewer; meetingId: number }) {
  const db = getDb();
  const scope = visibleMeetings(viewer);
  const meeting = db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .where(eq(meetings.id, meetingId))
    .get();
  if (!meeting) return null;
  const invitees = db
    .select({
      id: meetingInvitees.id,
      name: people.name,
      organisationName: organisations.name,
      attendance: meetingInvitees.attendance,
      attendanceNote: meetingInvitees.attendanceNote,
    })
    .from(meetingInvitees)
    .innerJoin(people, eq(people.id, meetingInvitees.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(meetingInvitees.meetingId, meetingId))
    .orderBy(asc(people.name))
    .all();
  const guests = db
    .select({ id: meetingGuests.id, name: meetingGuests.name, organisation: meetingGuests.organisation })
    .from(meetingGuests)
    .where(eq(meetingGuests.meetingId, meetingId))
    .orderBy(asc(meetingGuests.id))
    .all();
  return { invitees, guests };
}

export type AttendanceEntry = { inviteeId: number; status: AttendanceStatus; note?: string | null };

/**
 * Records attendance at or after the meeting, adds a guest if one is given, and moves a published
 * meeting to "vergaderd". Later/eerder weg need a time, vervangen needs the substitute's name.
 */
export function recordAttendance({
  viewer,
  meetingId,
  expectedVersion,
  entries,
  guest,
  now = Date.now(),
}: {
  viewer: Viewer;
  meetingId: number;
  expectedVersion: number;
  entries: AttendanceEntry[];
  guest?: { name: string; organisation?: string | null } | null;
  now?: number;
}) {
  change({
    viewer,
    load: () => meetingForChange(getDb(), meetingId),
    missing: "Deze vergadering bestaat niet meer.",
    allow: byManager(),
    expectedVersion,
    check: (meeting) => {
      requireOpenMeeting(meeting);
      if (meeting.status === "concept")
        throw new RuleError({ "": ["Publiceer eerst de agenda; daarna legt u de aanwezigheid vast."] });
      if (now < meeting.startsAt)
        throw new RuleError({ "": [`De vergadering begint pas ${formatDateTime(meeting.startsAt)}.`] });
      const fieldErrors: Record<string, string[]> = {};
      entries.forEach((entry, index) => {
        const note = entry.note?.trim() || null;
        if ((entry.status === "later" || entry.status === "eerder-weg") && !(note && parseTime(note))) {
          fieldErrors[`entries[${index}].note`] = ["Vul de tijd in, bijvoorbeeld 10.30."];
        }
        if (entry.status === "vervangen" && !note) fieldErrors[`entries[${index}].note`] = ["Vul in door wie."];
      });
      if (Object.keys(fieldErrors).length > 0) throw new RuleError(fieldErrors);
    },
    write: (tx) => {
      for (const entry of entries) {
        const note = entry.note?.trim() || null;
        // A time is stored as 10:30 however it was typed (10.30, 1030); a substitute's name as typed.
        const attendanceNote =
          entry.status === "vervangen"
            ? note
            : entry.status === "later" || entry.status === "eerder-weg"
              ? (parseTime(note ?? "") ?? null)
              : null;
        tx.update(meetingInvitees)
          .set({ attendance: entry.status, attendanceNote })
          .where(and(eq(meetingInvitees.id, entry.inviteeId), eq(meetingInvitees.meetingId, meetingId)))
          .run();
      }
      if (guest?.name) {
        tx.insert(meetingGuests)
          .values({ meetingId, name: guest.name, organisation: guest.organisation || null })
          .run();
      }
      tx.update(meetings).set({ status: "vergaderd" }).where(eq(meetings.id, meetingId)).run();
    },
    touch: { table: meetings, id: () => meetingId },
    audit: (meeting) => ({
      action: "meeting.record-attendance",
      entityType: "meeting",
      entityId: meetingId,
      summary: `Aanwezigheid vastgelegd: ${meeting.bodyName}, ${formatDateTime(meeting.startsAt)}`,
      before: { status: meeting.status },
      after: { status: "vergaderd", entries: entries.length, guest: guest?.name ?? null },
    }),
    now,
  });
}

export function removeGuest({ viewer, meetingId, guestId }: { viewer: Viewer; meetingId: number; guestId: number }) {
  change({
    viewer,
    load: () => {
      const meeting = meetingForChange(getDb(), meetingId);
      const guest = getDb()
        .select()
        .from(meetingGuests)
        .where(and(eq(meetingGuests.id, guestId), eq(meetingGuests.meetingId, meetingId)))
        .get();
      return meeting && guest ? { ...meeting, guest } : undefined;
    },
    missing: "Deze gast staat niet (meer) bij de vergadering.",
    allow: byManager(),
    check: requireOpenMeeting,
    write: (tx) => tx.delete(meetingGuests).where(eq(meetingGuests.id, guestId)).run(),
    audit: (meeting) => ({
      action: "meeting.remove-guest",
      entityType: "meeting",
      entityId: meetingId,
      summary: `Gast ${meeting.guest.name} verwijderd: ${meeting.bodyName}, ${formatDateTime(meeting.startsAt)}`,
      before: { name: meeting.guest.name, organisation: meeting.guest.organisation },
    }),
  });
}
