import { redirect } from "~/lib/responses.server";
import type { UserRole } from "~/lib/vocabulary";
import { assertSameOrigin } from "./csrf.server";
import { describeClosedRecord, type RecordLink } from "~/models/closed-records.server";
import { forbidden, notFound } from "./guards";
import { hasRole } from "./permissions";
import { getViewer } from "./session.server";
import type { SignedInViewer, Viewer } from "./viewer";

/**
 * The signed-in viewer, or a redirect to /inloggen that comes back here afterwards.
 * On a state-changing request it also refuses cross-site posts.
 */
export function requireUser(request: Request): SignedInViewer {
  assertSameOrigin(request);
  const viewer = getViewer(request);
  if (!viewer) throw signInRedirect(request);
  return viewer;
}

/** To the sign-in page, which comes back to this page (to its path only after a post). */
function signInRedirect(request: Request) {
  const url = new URL(request.url);
  const back = request.method === "GET" ? `${url.pathname}${url.search}` : url.pathname;
  return redirect(`/inloggen?redirectTo=${encodeURIComponent(back)}`);
}

/** The signed-in viewer if their role is one of `roles`; a 403 otherwise. */
export function requireRole(request: Request, roles: readonly UserRole[]): SignedInViewer {
  const viewer = requireUser(request);
  if (!hasRole(viewer, roles)) forbidden();
  return viewer;
}

const recordNames: Record<RecordLink["kind"], string> = {
  meeting: "Deze vergadering",
  decision: "Dit besluit",
  version: "Dit stuk",
  action: "Deze actie",
};

/**
 * Answers a link to a record the viewer may not see. Signed out: the sign-in page, then back here
 * (the link in an invitation mail must work). Signed in: 403 saying whose record it is and whom to ask,
 * or 404 when there is no such record.
 */
export function refuseClosedRecord(request: Request, viewer: Viewer, link: RecordLink, notFoundMessage: string): never {
  if (!viewer) throw signInRedirect(request);
  const closed = describeClosedRecord({ viewer, link });
  if (!closed) notFound(notFoundMessage);
  const ask = closed.managers.length
    ? `het secretariaat: ${closed.managers.map((m) => `${m.name} (${m.email})`).join(", ")}`
    : "de beheerder van Gremium";
  forbidden(
    closed.viewerIsMember
      ? `${recordNames[link.kind]} van ${closed.body.name} is nog niet gepubliceerd. Vragen hierover stelt u aan ${ask}.`
      : `${recordNames[link.kind]} is van ${closed.body.name} en alleen voor de leden daarvan. Toegang vraagt u aan bij ${ask}.`,
  );
}
