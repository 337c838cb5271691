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
import { currentRequestId, log } from "~/lib/log.server";
import { applySecurityHeaders } from "~/lib/security-headers.server";
import { ErrorReferenceContext, NonceContext } from "~/lib/render-context";

// Gremium's own server (server.js) takes these from the build, so that the server, the background
// work and the routes share one copy of every module.
export { runServer } from "~/server/run.server";

export const streamTimeout = 5_000;

// The log line of an unexpected error carries the request's id, which the 500 page shows as its
// reference.
const failedRequests = new WeakSet<Request>();

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  failedRequests.add(request);
  log.error("onverwachte fout", { method: request.method, path: new URL(request.url).pathname, error });
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
  const reference = failedRequests.has(request) ? (currentRequestId() ?? null) : null;
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
          if (shellRendered) log.error("fout tijdens het renderen", { error });
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
