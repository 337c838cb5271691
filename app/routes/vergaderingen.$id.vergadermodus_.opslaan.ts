import type { ActionFunctionArgs } from "@remix-run/node";
import { requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { carryOutMeetingMode } from "~/lib/meeting-mode-actions.server";
import { privateJson, redirect, resourceRoute } from "~/lib/responses.server";

/**
 * The meeting mode's forms, posted in the background by the page's script: the same work as the
 * page's own action (which forms post to without JavaScript), answered in JSON so the page stays.
 */
export const action = resourceRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const reply = carryOutMeetingMode({
    viewer,
    meetingId: requireIdParam(params.id),
    formData: await request.formData(),
  });
  return privateJson(reply, { status: reply.ok ? 200 : reply.status });
});

/** Opened in a browser: the meeting mode itself is the page to go to. */
export const loader = resourceRoute(({ params }: ActionFunctionArgs) =>
  redirect(`/vergaderingen/${requireIdParam(params.id)}/vergadermodus`, 303),
);
