import { readFileSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireIdParam } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { getEditionImage } from "~/models/newsletters.server";
import { resourceRoute } from "~/lib/responses.server";

/** An image of a nieuwsbrief; public (and cacheable) once its edition is published. */
export const loader = resourceRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const image = getEditionImage({ viewer: getViewer(request), id: requireIdParam(params.id) });
  if (!image) notFound("Deze afbeelding bestaat niet.");
  return new Response(new Uint8Array(readFileSync(image.path)), {
    headers: {
      "Content-Type": image.contentType,
      "Cache-Control": image.isPublic ? "public, max-age=86400" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
