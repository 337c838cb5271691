import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/permissions.server";
import { resourceRoute } from "~/lib/responses.server";
import { writeZip } from "~/lib/zip.server";
import { buildArchivePackage, recordArchiveExport } from "~/models/archive.server";
import { getSelectielijst } from "~/models/site-settings.server";

/** The archive package of ?jaar= as one zip, for the beheerder; the download is in the audit log. */
export const loader = resourceRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const year = Number(new URL(request.url).searchParams.get("jaar"));
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    return new Response("Kies een jaar, bijvoorbeeld ?jaar=2026.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const { files } = buildArchivePackage({ viewer, year, selectielijst: getSelectielijst({ viewer }) });
  recordArchiveExport({ viewer, year, fileCount: files.length });
  const zip = writeZip(files.map((file) => ({ path: `gremium-archief-${year}/${file.path}`, bytes: file.bytes })));
  return new Response(Buffer.from(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="gremium-archief-${year}.zip"`,
      "Cache-Control": "no-store",
    },
  });
});
