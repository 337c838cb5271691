// Cross-site request forgery defence: a state-changing request must come from a page of this
// site. Browsers send Origin on every POST; the SameSite=Lax cookie is the second line
// (docs/decisions/003-csrf.md).

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function expectedOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

export function isSameOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") return origin === expectedOrigin(request);
  const referer = request.headers.get("referer");
  if (!referer) return false;
  try {
    return new URL(referer).origin === expectedOrigin(request);
  } catch {
    return false;
  }
}

/** Throws a 403 for a cross-site state-changing request. */
export function assertSameOrigin(request: Request) {
  if (!isSameOriginRequest(request)) {
    throw new Response("Dit formulier kwam niet van deze site en is daarom geweigerd.", {
      status: 403,
      statusText: "Forbidden",
    });
  }
}
