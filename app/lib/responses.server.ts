import { redirect as remixRedirect } from "@remix-run/node";
import { applySecurityHeaders } from "./security-headers.server";

// Remix passes documents and data requests through entry.server, which sets the security headers,
// but answers resource routes and loader redirects directly. These two helpers give those responses
// the same headers, so every route answers with them (checked over every route by the leak audit).

/** A redirect with the security headers. */
export function redirect(url: string, init?: number | ResponseInit) {
  const response = remixRedirect(url, init);
  applySecurityHeaders(response.headers);
  return response;
}

/**
 * Wraps a resource route's loader or action: what it returns or throws as a Response gets the
 * security headers (an explicit Content-Security-Policy, such as the mail preview's sandbox, is kept).
 */
export function resourceRoute<Args>(handler: (args: Args) => Promise<Response> | Response) {
  return async (args: Args) => {
    try {
      return secure(await handler(args));
    } catch (thrown) {
      if (thrown instanceof Response) throw secure(thrown);
      throw thrown;
    }
  };
}

function secure(response: Response) {
  applySecurityHeaders(response.headers);
  return response;
}
