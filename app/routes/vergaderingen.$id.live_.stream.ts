import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireIdParam } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { trackEventStream } from "~/lib/event-streams.server";
import { resourceRoute } from "~/lib/responses.server";
import { NotFound } from "~/models/errors";
import { log } from "~/lib/log.server";
import { getLiveView } from "~/models/live.server";
import { isSessionActive } from "~/models/sessions.server";

// Server-sent events for a meeting's live view. Each connection reads the live state for its own
// reader through the access layer every two seconds and sends it when it changed, so a web process
// needs no message from the process where the change was made, and no reader gets what they may not
// see. A connection ends after a few minutes; the browser reconnects by itself (and so signs in anew).

const POLL_MS = 2_000;
const HEARTBEAT_MS = 20_000;
const LIFETIME_MS = 5 * 60_000;

export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const meetingId = requireIdParam(params.id);
  if (!getLiveView({ viewer, meetingId })) throw new NotFound("Deze vergadering is niet live te volgen.");
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = "";
      let closed = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const tick = () => {
        let view: ReturnType<typeof getLiveView>;
        try {
          // Signed out meanwhile, or access withdrawn (the meeting hidden, made closed): the stream ends
          // with nothing more; the browser reconnects and is then served as who it is now.
          view = viewer && !isSessionActive({ viewer }) ? null : getLiveView({ viewer, meetingId });
        } catch (error) {
          log.error("live-stroom gestopt", { meetingId, error });
          view = null;
        }
        if (!view) return stop();
        const json = JSON.stringify(view);
        if (json === last) return;
        last = json;
        write(`event: live\ndata: ${json}\n\n`);
      };
      write("retry: 3000\n\n");
      const poll = setInterval(tick, POLL_MS);
      const heartbeat = setInterval(() => write(": wachten\n\n"), HEARTBEAT_MS);
      const end = setTimeout(() => stop(), LIFETIME_MS);
      const untrack = trackEventStream(() => stop());
      stop = () => {
        if (closed) return;
        closed = true;
        untrack();
        clearInterval(poll);
        clearInterval(heartbeat);
        clearTimeout(end);
        request.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // Already cancelled by the reader that went away: nothing left to close.
        }
      };
      request.signal.addEventListener("abort", stop);
      tick();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Accel-Buffering": "no",
    },
  });
});
