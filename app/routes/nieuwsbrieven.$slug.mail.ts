import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { MAIL_PREVIEW_POLICY } from "~/lib/security-headers.server";
import { publicUrl } from "~/lib/env.server";
import { previewEditionMail } from "~/models/newsletters.server";
import { resourceRoute } from "~/lib/responses.server";

/** The edition exactly as the mail's HTML part, in a sandbox; ?breedte=smal shows it at phone width. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const mail = previewEditionMail({ viewer, slug: params.slug ?? "", baseUrl: publicUrl() });
  if (!mail) notFound("Deze nieuwsbrief bestaat niet.");
  const narrow = new URL(request.url).searchParams.get("breedte") === "smal";
  const html = narrow
    ? mail.html
        .replace(/<body([^>]*)>/, '<body$1><div style="max-width:360px;margin:0 auto;border:1px solid #d5dae1;">')
        .replace("</body>", "</div></body>")
    : mail.html;
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": MAIL_PREVIEW_POLICY,
      "Cache-Control": "private, no-store",
    },
  });
});
