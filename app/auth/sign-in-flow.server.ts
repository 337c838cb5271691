import type { AppLoadContext } from "@remix-run/node";
import { publicUrl } from "~/lib/env.server";
import { log } from "~/lib/log.server";
import { redirect } from "~/lib/responses.server";
import type { SecondStep, SignInMethod } from "~/lib/vocabulary";
import { recordSignIn, sendNewDeviceNotice } from "~/models/devices.server";
import { completeEnrolmentInPlace, completeSecondStep } from "~/models/sessions.server";
import {
  isHttps,
  readCookie,
  readSessionToken,
  safeRedirect,
  sessionCookie,
  type PendingSignIn,
} from "./session.server";

// The steps of signing in as the routes take them: password (or organisation sign-in), then the second
// step or enrolling one where it is required, then the page that was asked for.

export const DEVICE_COOKIE = "gremium_apparaat";
const DEVICE_COOKIE_DAYS = 400;

function deviceCookie(request: Request, id: string) {
  const parts = [
    `${DEVICE_COOKIE}=${id}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${DEVICE_COOKIE_DAYS * 86400}`,
  ];
  if (isHttps(request)) parts.push("Secure");
  return parts.join("; ");
}

export type OpenedSession = {
  token: string;
  expiresAt: number;
  userId: number;
  secondStep: SecondStep | null;
  method: SignInMethod;
};

/** The page of a second step that is due, keeping where the person was going. */
export function secondStepPath(step: SecondStep, redirectTo: string) {
  const back = encodeURIComponent(safeRedirect(redirectTo));
  return step === "verificatie"
    ? `/inloggen/verificatie?redirectTo=${back}`
    : `/account/tweestapsverificatie?redirectTo=${back}`;
}

/** After a right password: on to the second step that is due, or into the site. */
export function continueSignIn(
  request: Request,
  context: AppLoadContext,
  session: OpenedSession,
  redirectTo: string | null | undefined,
): Response {
  if (session.secondStep) {
    return redirect(secondStepPath(session.secondStep, safeRedirect(redirectTo)), {
      headers: { "Set-Cookie": sessionCookie(request, session.token, session.expiresAt) },
    });
  }
  return enterSite(request, context, session, redirectTo);
}

/** After the second step: the half-way session is replaced by a full one, and in. */
export function finishSecondStep(
  request: Request,
  context: AppLoadContext,
  pending: PendingSignIn,
  factor: "app" | "herstelcode" | "passkey",
  redirectTo: string | null | undefined,
): Response {
  return redirect(safeRedirect(redirectTo), { headers: secondStepCookies(request, context, pending, factor) });
}

/** The cookies of the full session that replaces a half-way one (for a page that shows something first). */
export function secondStepCookies(
  request: Request,
  context: AppLoadContext,
  pending: PendingSignIn,
  factor: "app" | "herstelcode" | "passkey",
): Headers {
  const { token, session } = completeSecondStep({ sessionId: pending.sessionId, userId: pending.userId, factor });
  return sessionCookies(request, context, { token, ...session });
}

/** After enrolling a second factor half-way a sign-in: the same session becomes whole. */
export function enrolmentCookies(
  request: Request,
  context: AppLoadContext,
  pending: PendingSignIn,
  factor: "app" | "passkey",
): Headers {
  const { expiresAt, method } = completeEnrolmentInPlace({ sessionId: pending.sessionId, factor });
  const token = readSessionToken(request)!;
  return sessionCookies(request, context, { token, expiresAt, userId: pending.userId, method });
}

/** Sets the session cookie, notes the device (a new one gets a notice mail) and goes where asked. */
export function enterSite(
  request: Request,
  context: AppLoadContext,
  session: CompletedSession,
  redirectTo: string | null | undefined,
): Response {
  return redirect(safeRedirect(redirectTo), { headers: sessionCookies(request, context, session) });
}

type CompletedSession = { token: string; expiresAt: number; userId: number; method: SignInMethod };

function sessionCookies(request: Request, context: AppLoadContext, session: CompletedSession): Headers {
  const { deviceId, notice } = recordSignIn({
    userId: session.userId,
    method: session.method,
    deviceId: readCookie(request, DEVICE_COOKIE),
    userAgent: request.headers.get("user-agent"),
    clientAddress: context.clientAddress ?? null,
  });
  // Not awaited: the answer does not wait for the mail server, and a failure does not stop the sign-in.
  if (notice)
    sendNewDeviceNotice(notice, publicUrl()).catch((error: unknown) =>
      log.error("melding nieuw apparaat niet verstuurd", { error }),
    );
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(request, session.token, session.expiresAt));
  headers.append("Set-Cookie", deviceCookie(request, deviceId));
  return headers;
}
