import { formatTimeOfDay } from "./format";

type Invitee = {
  name: string;
  organisationName: string | null;
  attendance: string | null;
  attendanceNote: string | null;
};
type Guest = { name: string; organisation: string | null };

const withOrganisation = (name: string, organisation: string | null) =>
  organisation ? `${name} (${organisation})` : name;

/**
 * Who was there, as the besluitenlijst page, its Word file and the meeting page all say it: a
 * substitute is present on behalf of the member (who is then not listed as present), a late arrival
 * or early departure carries its time, guests stand apart.
 */
export function describeAttendance({ invitees, guests }: { invitees: Invitee[]; guests: Guest[] }) {
  const present: string[] = [];
  const absent: string[] = [];
  for (const invitee of invitees) {
    const who = withOrganisation(invitee.name, invitee.organisationName);
    const time = invitee.attendanceNote ? formatTimeOfDay(invitee.attendanceNote) : "";
    if (invitee.attendance === "aanwezig") present.push(who);
    else if (invitee.attendance === "later") present.push(`${who}, vanaf ${time}`);
    else if (invitee.attendance === "eerder-weg") present.push(`${who}, tot ${time}`);
    else if (invitee.attendance === "vervangen") present.push(`${invitee.attendanceNote}, namens ${who}`);
    else if (invitee.attendance === "afwezig") absent.push(who);
  }
  return { present, absent, guests: guests.map((g) => withOrganisation(g.name, g.organisation)) };
}
