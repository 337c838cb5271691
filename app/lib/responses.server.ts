import { redirect as remixRedirect } from "@remix-run/node";
import { ConflictError, Forbidden, NotFound, RuleError } from "~/models/errors";
import { applySecurityHeaders } from "./security-headers.server";

// Remix passes documents and data requests through entry.server, which sets the security headers,
// but answers resource routes and loader redirects directly. These helpers give those responses the
// same headers, so every route answers with them (checked over every route by the leak audit).
// Models throw domain errors, never HTTP responses; the wrappers below turn them into answers, so
// every loader and action is wrapped by pageRoute or resourceRoute (tests/architecture).

/** A redirect with the security headers. */
export function redirect(url: string, init?: number | ResponseInit) {
  const response = remixRedirect(url, init);
  applySecurityHeaders(response.headers);
  return response;
}

/** The HTTP answer a model's refusal stands for, with its Dutch message; null for any other error. */
export function refusalResponse(error: unknown): Response | null {
  const answer = (status: number, statusText: string, message: string) =>
    new Response(message, { status, statusText, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (error instanceof NotFound) return answer(404, "Not Found", error.message);
  if (error instanceof Forbidden) return answer(403, "Forbidden", error.message);
  if (error instanceof ConflictError) return answer(409, "Conflict", error.message);
  if (error instanceof RuleError) return answer(400, "Bad Request", error.message);
  return null;
}

// Loaders and actions take one argument; the wrappers keep the handler's exact type, so
// useLoaderData<typeof loader>() still knows what a page receives.
type Handler = (args: any) => unknown;

/** Wraps a page's loader or action: a refusal thrown by a model becomes the Dutch 403/404/409/400 page. */
export function pageRoute<H extends Handler>(handler: H): H {
  return (async (args: Parameters<H>[0]) => {
    try {
      return await handler(args);
    } catch (thrown) {
      throw refusalResponse(thrown) ?? thrown;
    }
  }) as H;
}

/**
 * Wraps a resource route's loader or action: what it returns or throws as a Response gets the
 * security headers (an explicit Content-Security-Policy, such as the mail preview's sandbox, is kept),
 * and a refusal thrown by a model becomes its answer.
 */
export function resourceRoute<Args>(handler: (args: Args) => Promise<Response> | Response) {
  return async (args: Args) => {
    try {
      return secure(await handler(args));
    } catch (thrown) {
      const refusal = refusalResponse(thrown);
      if (refusal) throw secure(refusal);
      if (thrown instanceof Response) throw secure(thrown);
      throw thrown;
    }
  };
}

function secure(response: Response) {
  applySecurityHeaders(response.headers);
  return response;
}

/**
 * A route's `headers` export that passes on a Retry-After its action set (a throttled form): Remix
 * sends a document only the headers a route's `headers` export returns, besides cookies.
 */
export function retryAfterHeaders({ actionHeaders }: { actionHeaders: Headers }) {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
}

/** A JSON answer for a page's own script (passkeys): private, never cached. */
export function privateJson(body: unknown, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "private, no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}
