import { redirect } from "~/lib/responses.server";
import type { UserRole } from "~/lib/vocabulary";
import { assertSameOrigin } from "./csrf.server";
import { forbidden } from "./guards";
import { hasRole } from "./permissions";
import { getViewer } from "./session.server";
import type { SignedInViewer } from "./viewer";

/**
 * The signed-in viewer, or a redirect to /inloggen that comes back here afterwards.
 * On a state-changing request it also refuses cross-site posts.
 */
export function requireUser(request: Request): SignedInViewer {
  assertSameOrigin(request);
  const viewer = getViewer(request);
  if (!viewer) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? `${url.pathname}${url.search}` : url.pathname;
    throw redirect(`/inloggen?redirectTo=${encodeURIComponent(back)}`);
  }
  return viewer;
}

/** The signed-in viewer if their role is one of `roles`; a 403 otherwise. */
export function requireRole(request: Request, roles: readonly UserRole[]): SignedInViewer {
  const viewer = requireUser(request);
  if (!hasRole(viewer, roles)) forbidden();
  return viewer;
}
