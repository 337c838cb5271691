import { PassThrough } from "node:stream";
import {
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import "~/lib/zod-nl";
import { ensureStarted } from "~/lib/startup.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { ErrorReferenceContext, NonceContext } from "~/lib/render-context";

// Migrate (and seed a new demo database) before the server answers its first request.
await ensureStarted();

export const streamTimeout = 5_000;

// The reference of an unexpected error, keyed by request, so the 500 page can show the same
// reference that the server log has.
const errorReferences = new WeakMap<Request, string>();

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  const reference = `GRM-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  errorReferences.set(request, reference);
  console.error(`[${reference}] ${request.method} ${new URL(request.url).pathname}`, error);
};

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers);
  return response;
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = crypto.randomUUID().replaceAll("-", "");
  const reference = errorReferences.get(request) ?? null;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <ErrorReferenceContext.Provider value={reference}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </ErrorReferenceContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        // Pages are small: wait for everything, so crawlers and no-JS visitors get whole pages.
        onAllReady() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          applySecurityHeaders(responseHeaders, nonce);
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
