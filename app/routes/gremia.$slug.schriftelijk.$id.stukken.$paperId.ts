import { readFileSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireIdParam } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { resourceRoute } from "~/lib/responses.server";
import { getWrittenPaper } from "~/models/written-procedures.server";

/**
 * Downloads a paper of a written procedure, always as an attachment: for those who may see the
 * procedure, or with the personal link's key (`?sleutel=`, from the answer page) while it is unused.
 */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const paper = getWrittenPaper({
    viewer: getViewer(request),
    procedureId: requireIdParam(params.id),
    paperId: requireIdParam(params.paperId),
    token: new URL(request.url).searchParams.get("sleutel"),
  });
  if (!paper) notFound("Dit stuk bestaat niet, of is niet voor u te zien. Meld u aan als lid van het gremium.");
  const name = paper.fileName.replace(/["\r\n]/g, "_");
  const headers = applySecurityHeaders(
    new Headers({
      "Content-Type": paper.contentType,
      "Content-Disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    }),
  );
  return new Response(new Uint8Array(readFileSync(paper.path)), { headers });
});
