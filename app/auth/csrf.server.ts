import { Forbidden } from "~/models/errors";
import { env } from "~/lib/env.server";

// Cross-site request forgery defence: a state-changing request must come from a page of this
// site. Browsers send Origin on every POST; the SameSite=Lax cookie is the second line
// (docs/decisions/003-csrf.md). The server refuses a cross-site post before Remix sees it (with the
// Dutch 403 page); routes check again, so an action is safe however it is reached.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_MESSAGE = "Dit formulier kwam niet van deze site en is daarom geweigerd.";

/**
 * The origins this site's pages are served from: the address the request came to, as the server
 * established it (forwarded host and protocol count only from a trusted proxy), and PUBLIC_URL.
 */
export function ownOrigins(requestUrl: string): string[] {
  const origins = [new URL(requestUrl).origin];
  const publicUrl = env().PUBLIC_URL;
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  return origins;
}

export function isSameOrigin({
  method,
  origin,
  referer,
  own,
}: {
  method: string;
  origin: string | null | undefined;
  referer: string | null | undefined;
  own: string[];
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (origin && origin !== "null") return own.includes(origin);
  if (!referer) return false;
  try {
    return own.includes(new URL(referer).origin);
  } catch {
    return false;
  }
}

export function isSameOriginRequest(request: Request): boolean {
  return isSameOrigin({
    method: request.method,
    origin: request.headers.get("origin"),
    referer: request.headers.get("referer"),
    own: ownOrigins(request.url),
  });
}

/** Refuses a cross-site state-changing request (the Dutch 403 page). */
export function assertSameOrigin(request: Request) {
  if (!isSameOriginRequest(request)) throw new Forbidden(CROSS_SITE_MESSAGE);
}
