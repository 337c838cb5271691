import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { resourceRoute } from "~/lib/responses.server";

/** Longer than any text Gremium stores; a preview of more is cut off rather than rendered. */
const MAX_PREVIEW = 100_000;

/**
 * The live preview beside a Markdown text box: the text rendered and sanitised exactly as it will be
 * when saved. Only for people signed in (everything that has such a box is); it stores nothing.
 */
export const action = resourceRoute(async ({ request }: ActionFunctionArgs) => {
  requireUser(request);
  const markdown = String((await request.formData()).get("markdown") ?? "").slice(0, MAX_PREVIEW);
  return Response.json({ html: renderMarkdown(markdown) }, { headers: { "Cache-Control": "no-store" } });
});
