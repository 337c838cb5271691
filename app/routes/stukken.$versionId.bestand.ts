import { readFileSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireIdParam } from "~/auth/guards";
import { refuseClosedRecord } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { getDocumentVersion } from "~/models/documents.server";
import { resourceRoute } from "~/lib/responses.server";

/** Downloads one version of a file, for those who may see it. Always as an attachment. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const versionId = requireIdParam(params.versionId);
  const document = getDocumentVersion({ viewer, versionId });
  if (!document) refuseClosedRecord(request, viewer, { kind: "version", id: versionId }, "Dit bestand bestaat niet.");
  if (!document.path || !document.fileName) notFound("Dit stuk heeft geen bestand.");
  const name = document.fileName.replace(/["\r\n]/g, "_");
  const headers = applySecurityHeaders(
    new Headers({
      "Content-Type": document.contentType ?? "application/octet-stream",
      "Content-Disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    }),
  );
  return new Response(new Uint8Array(readFileSync(document.path)), { headers });
});
