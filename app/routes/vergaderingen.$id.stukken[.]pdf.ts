import { createReadStream, statSync } from "node:fs";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "~/lib/responses.server";
import { requireIdParam } from "~/auth/guards";
import { refuseClosedRecord } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { publicUrl } from "~/lib/env.server";
import { requestMeetingPack } from "~/models/meeting-packs.server";
import { resourceRoute } from "~/lib/responses.server";

/** How long a request waits for a pack being built before it shows the progress page instead. */
const WAIT_MS = 4000;

/**
 * All papers of a meeting as one PDF, holding only what the requester may see. A small pack comes
 * back at once; a large one carries on in the background while its progress page is shown.
 */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const id = requireIdParam(params.id);
  const { search } = new URL(request.url);
  const pack = await requestMeetingPack({
    viewer: getViewer(request),
    meetingId: id,
    baseUrl: publicUrl(),
    asPublic: new URLSearchParams(search).get("weergave") === "publiek",
    waitMs: WAIT_MS,
  });
  if (!pack)
    refuseClosedRecord(
      request,
      getViewer(request),
      { kind: "meeting", id },
      "Deze vergadering bestaat niet of is (nog) niet openbaar.",
    );
  if (pack.status !== "klaar") throw redirect(`/vergaderingen/${id}/stukken${search}`, 303);
  const headers = applySecurityHeaders(
    new Headers({
      "Content-Type": "application/pdf",
      "Content-Length": String(statSync(pack.path).size),
      // Inline, so a tablet opens it in its reader; the name is used when it is saved.
      "Content-Disposition": `inline; filename="${pack.fileName}"`,
      "Cache-Control": "private, no-store",
    }),
  );
  return new Response(createReadableStreamFromReadable(createReadStream(pack.path)), { headers });
});
