import { countAppliedMigrations, getDb } from "~/lib/db.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { resourceRoute } from "~/lib/responses.server";

export const loader = resourceRoute(async () => {
  const headers = applySecurityHeaders(new Headers({ "Cache-Control": "no-store" }));
  try {
    const migrations = countAppliedMigrations(getDb());
    return Response.json({ status: "ok", database: "ok", migrations }, { headers });
  } catch (error) {
    console.error("healthz: database niet leesbaar", error);
    return Response.json({ status: "error", database: "error" }, { status: 503, headers });
  }
});
