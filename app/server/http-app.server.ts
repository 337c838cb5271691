import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ViteDevServer } from "vite";
import { CROSS_SITE_MESSAGE, isSameOrigin } from "~/auth/csrf.server";
import { SESSION_COOKIE } from "~/auth/session.server";
import { env } from "~/lib/env.server";
import { currentRequestId, inRequestScope, log, newRequestId, pathForLog } from "~/lib/log.server";
import { baselineSecurityHeaders } from "~/lib/security-headers.server";

// Gremium's own HTTP layer in front of Remix: what every response needs whatever produced it
// (security headers, a request id, caching rules, compression), the static files, and the answers
// that must come before Remix (forwarded headers from trusted proxies only, the cross-site refusal).

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address: the connection's, or from X-Forwarded-For of a trusted proxy. */
    clientAddress?: string;
    /** Set when the server refused a cross-site form post and asks for the 403 page. */
    crossSiteRefused?: boolean;
  }
}

/** Where the server sends a refused cross-site post, as a GET; the route answers with the 403 page. */
export const CROSS_SITE_REFUSAL_PATH = "/formulier-geweigerd";

const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded"];

function hasSessionCookie(req: Request) {
  return (req.headers.cookie ?? "").split(";").some((pair) => pair.trim().startsWith(`${SESSION_COOKIE}=`));
}

/**
 * Request id, the log line, and the headers every response needs, set just before they are sent so
 * that Remix's own headers (a page's CSP with its nonce) stand and only what is missing is added.
 */
function everyResponse(req: Request, res: Response, next: NextFunction) {
  const requestId = newRequestId();
  const started = process.hrtime.bigint();
  // As asked: a refused cross-site post is logged as the post it was, not as the page it became.
  const { method, originalUrl } = req;
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    for (const [name, value] of Object.entries(baselineSecurityHeaders()))
      if (!this.hasHeader(name)) this.setHeader(name, value);
    this.setHeader("X-Request-Id", requestId);
    if (req.secure) this.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // Pages and data for a signed-in person (or the answer that signs them in) stay out of shared and
    // back-button caches: besloten content must not outlive the session there.
    if (!res.locals.staticFile && (hasSessionCookie(req) || this.hasHeader("Set-Cookie")))
      this.setHeader("Cache-Control", "private, no-store");
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  res.on("finish", () =>
    inRequestScope(requestId, () =>
      log.info("verzoek", {
        method,
        path: pathForLog(originalUrl),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      }),
    ),
  );
  inRequestScope(requestId, next);
}

/**
 * Forwarded headers count only from a trusted proxy (Express's `trust proxy`, from TRUST_PROXY);
 * from anyone else they are removed, so nothing further on (Remix included) can read them.
 */
function forwardedHeadersFromTrustedProxies(req: Request, _res: Response, next: NextFunction) {
  const trust = req.app.get("trust proxy fn") as (address: string, hop: number) => boolean;
  if (!trust(req.socket.remoteAddress ?? "", 0)) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  next();
}

/** The origin this request came to, as the server established it (host and protocol). */
function requestOrigin(req: Request) {
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host") || "localhost";
  return `${req.protocol}://${host}`;
}

/**
 * Addresses that take posts from anywhere by design: the one-click unsubscribe a mail program sends
 * (RFC 8058) from its own servers. The token in the address is the credential, and it can only
 * unsubscribe.
 */
const CROSS_SITE_POSTS_ALLOWED = [/^\/nieuwsbrief\/afmelden\/[^/]+(\.data)?$/];

/**
 * A form post from another site is answered with Gremium's Dutch 403 page. Remix would refuse it
 * too, but with an empty 500; so it is turned into a request for the refusal page before Remix.
 */
function refuseCrossSitePosts(req: Request, res: Response, next: NextFunction) {
  if (CROSS_SITE_POSTS_ALLOWED.some((pattern) => pattern.test(req.path))) {
    // Remix would still refuse a browser's post with another site's Origin; here that origin is fine.
    delete req.headers.origin;
    return next();
  }
  const own = [requestOrigin(req)];
  const publicUrl = env().PUBLIC_URL;
  if (publicUrl) own.push(new URL(publicUrl).origin);
  if (isSameOrigin({ method: req.method, origin: req.get("origin"), referer: req.get("referer"), own })) return next();
  log.warn("formulier van een andere site geweigerd", { path: pathForLog(req.originalUrl), origin: req.get("origin") });
  res.locals.crossSiteRefused = true;
  req.method = "GET";
  req.url = req.path.endsWith(".data") ? `${CROSS_SITE_REFUSAL_PATH}.data` : CROSS_SITE_REFUSAL_PATH;
  // The Remix adapter builds the request's URL from originalUrl.
  req.originalUrl = req.url;
  delete req.headers["content-type"];
  delete req.headers["content-length"];
  // The body is not read; the connection is closed after the answer, so it is not mistaken for the next request.
  res.setHeader("Connection", "close");
  next();
}

/** Files of build/client: fingerprinted assets cached for a year, the rest (favicon) for an hour. */
function staticFiles(clientDir: string) {
  const router = express.Router();
  const markStatic = (res: Response) => (res.locals.staticFile = true);
  const assets = join(clientDir, "assets");
  if (existsSync(assets))
    router.use(
      "/assets",
      express.static(assets, { immutable: true, maxAge: "1y", index: false, redirect: false, setHeaders: markStatic }),
    );
  // Only the names that exist are looked up, so a page request costs no file-system call.
  for (const name of existsSync(clientDir) ? readdirSync(clientDir) : []) {
    if (name === "assets") continue;
    const path = join(clientDir, name);
    if (statSync(path).isDirectory())
      router.use(
        `/${name}`,
        express.static(path, { maxAge: "1h", index: false, redirect: false, setHeaders: markStatic }),
      );
    else
      router.get(`/${name}`, (_req, res, next) => {
        markStatic(res);
        res.sendFile(path, { maxAge: "1h" }, (error) => error && next(error));
      });
  }
  return router;
}

/** The last resort: an error outside Remix (a malformed request) gets a plain Dutch answer with its reference. */
function lastResort(error: unknown, req: Request, res: Response, _next: NextFunction) {
  const status = (error as { status?: number }).status ?? 500;
  if (status >= 500) log.error("onverwachte fout buiten Remix", { error, path: pathForLog(req.originalUrl) });
  if (res.headersSent) return res.end();
  res
    .status(status)
    .type("text/plain; charset=utf-8")
    .send(
      status >= 500
        ? `Er ging iets mis. Noem deze referentie aan de beheerder: ${currentRequestId() ?? ""}`
        : "Het verzoek kon niet worden verwerkt.",
    );
}

export function createHttpApp({
  build,
  vite,
  clientDir = resolve("build/client"),
}: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  vite?: ViteDevServer;
  clientDir?: string;
}) {
  const config = env();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY.length > 0 ? config.TRUST_PROXY : false);
  app.use(everyResponse);
  app.use(forwardedHeadersFromTrustedProxies);
  // An event stream (a meeting's live view) goes out event by event; compression would hold it back.
  app.use(
    compression({
      filter: (request, response) =>
        !String(response.getHeader("Content-Type") ?? "").startsWith("text/event-stream") &&
        compression.filter(request, response),
    }),
  );
  if (vite) app.use(vite.middlewares);
  else app.use(staticFiles(clientDir));
  app.use(refuseCrossSitePosts);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: vite ? "development" : "production",
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "onbekend",
        crossSiteRefused: res.locals.crossSiteRefused === true,
      }),
    }),
  );
  app.use(lastResort);
  return app;
}

export { CROSS_SITE_MESSAGE };
