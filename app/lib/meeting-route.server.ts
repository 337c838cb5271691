import type { Params } from "@remix-run/react";
import { requireIdParam } from "~/auth/guards";
import { refuseClosedRecord } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { getDecisionList } from "~/models/decisions.server";
import { getMeeting } from "~/models/meetings.server";

// The pages and files of one meeting (/vergaderingen/:id/…) start the same way: the meeting as the
// reader may see it, or the answer for one they may not (sign in first, or whom to ask).

const GONE = "Deze vergadering bestaat niet of is (nog) niet openbaar.";

/** The meeting of the URL for this reader; `asPublic` reads it as a visitor would (the preview). */
export function readMeeting(request: Request, params: Params, { asPublic = false } = {}) {
  const viewer = getViewer(request);
  const id = requireIdParam(params.id);
  const meeting = getMeeting({ viewer, id, asPublic });
  if (!meeting) refuseClosedRecord(request, viewer, { kind: "meeting", id }, GONE);
  return { viewer, meeting };
}

/** The besluitenlijst of the URL's meeting for this reader. */
export function readDecisionList(request: Request, params: Params) {
  const viewer = getViewer(request);
  const meetingId = requireIdParam(params.id);
  const list = getDecisionList({ viewer, meetingId });
  if (!list) refuseClosedRecord(request, viewer, { kind: "meeting", id: meetingId }, GONE);
  return { viewer, list };
}
