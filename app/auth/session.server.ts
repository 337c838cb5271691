import { publicUrl } from "~/lib/env.server";
import { START_PAGE } from "./start-page";
import { redirect } from "~/lib/responses.server";
import { invalidateSession, rotateSession, validateSessionToken } from "~/models/sessions.server";
import type { SecondStep } from "~/lib/vocabulary";
import type { SignedInViewer, Viewer } from "./viewer";

export const SESSION_COOKIE = "gremium_sessie";

/**
 * Secure cookies when the request came over https (behind a trusted proxy: its X-Forwarded-Proto,
 * as the server established it) or the site is published over https.
 */
export function isHttps(request: Request) {
  return new URL(request.url).protocol === "https:" || publicUrl().startsWith("https:");
}

export function sessionCookie(request: Request, token: string, expiresAt: number): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${new Date(expiresAt).toUTCString()}`,
  ];
  if (isHttps(request)) parts.push("Secure");
  return parts.join("; ");
}

export function blankSessionCookie(request: Request): string {
  const parts = [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (isHttps(request)) parts.push("Secure");
  return parts.join("; ");
}

export function readCookie(request: Request, cookieName: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const pair of header.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === cookieName) return rest.join("=") || null;
  }
  return null;
}

export function readSessionToken(request: Request): string | null {
  return readCookie(request, SESSION_COOKIE);
}

/** Someone whose password (or organisation sign-in) was right but whose second step is still due. */
export type PendingSignIn = {
  sessionId: string;
  userId: number;
  name: string;
  email: string;
  role: SignedInViewer["role"];
  step: SecondStep;
};

type SessionOfRequest = { viewer: Viewer; pending: PendingSignIn | null; setCookie: string | null };

/**
 * The viewer of a request, and a Set-Cookie value when the session was renewed (sliding
 * expiry) or turned out to be invalid (the stale cookie is cleared). A session half-way its second
 * step has no viewer: it sees what a visitor sees, and only the step's own pages read `pending`.
 */
export function getSession(request: Request): SessionOfRequest {
  // The root and the page loader both ask for the viewer of the same request: look it up once.
  const known = sessionsOfRequests.get(request);
  if (known) return known;
  const session = lookUpSession(request);
  sessionsOfRequests.set(request, session);
  return session;
}

const sessionsOfRequests = new WeakMap<Request, SessionOfRequest>();

function lookUpSession(request: Request): SessionOfRequest {
  const token = readSessionToken(request);
  if (!token) return { viewer: null, pending: null, setCookie: null };
  const validated = validateSessionToken({ token });
  if (!validated) return { viewer: null, pending: null, setCookie: blankSessionCookie(request) };
  if (validated.secondStep) {
    const { sessionId, userId, name, email, role } = validated.viewer;
    return {
      viewer: null,
      pending: { sessionId, userId, name, email, role, step: validated.secondStep },
      setCookie: null,
    };
  }
  return {
    viewer: validated.viewer,
    pending: null,
    setCookie: validated.renewed ? sessionCookie(request, token, validated.expiresAt) : null,
  };
}

export function getPendingSignIn(request: Request): PendingSignIn | null {
  return getSession(request).pending;
}

export function getViewer(request: Request): Viewer {
  return getSession(request).viewer;
}

export function signOut(request: Request, viewer: Viewer | PendingSignIn, redirectTo = "/") {
  if (viewer) invalidateSession({ sessionId: viewer.sessionId });
  return redirect(redirectTo, { headers: { "Set-Cookie": blankSessionCookie(request) } });
}

/** After a password change: the old session ends, a new one is handed out. */
export function rotateViewerSession(request: Request, viewer: NonNullable<Viewer>): string {
  const { token, session } = rotateSession({ sessionId: viewer.sessionId, userId: viewer.userId });
  return sessionCookie(request, token, session.expiresAt);
}

/** Only relative paths inside the site, so a sign-in link cannot send someone elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = START_PAGE) {
  // Only a path on this site comes back. Browsers drop tabs and line breaks from a URL and read a
  // backslash as a slash, so "/\t/evil.example" or "/\\evil.example" would leave the site: the
  // address is resolved as a browser would, and refused when that lands elsewhere or it holds
  // characters no link of this site has.
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const here = "http://gremium.invalid";
  let url: URL;
  try {
    url = new URL(to, here);
  } catch {
    return fallback;
  }
  if (url.origin !== here) return fallback;
  // Rebuilt from the parsed parts: percent-encoded, so any other character is safe in a Location header.
  return `${url.pathname}${url.search}${url.hash}`;
}
