import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards";
import { requireRole } from "~/auth/permissions.server";
import { readOutboxMessage } from "~/lib/mail.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { resourceRoute } from "~/lib/responses.server";

export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  requireRole(request, ["beheerder"]);
  const message = readOutboxMessage(params.file ?? "");
  if (!message) notFound("Dit bericht bestaat niet.");
  const headers = applySecurityHeaders(
    new Headers({ "Content-Type": "message/rfc822", "Content-Disposition": `attachment; filename="${params.file}"` }),
  );
  return new Response(new Uint8Array(message), { headers });
});
