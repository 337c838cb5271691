import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { ConflictError, RuleError, TooManyAttempts } from "~/models/errors";

/**
 * Turns a refused model call into a form reply: the typed values stay, the Dutch message sits
 * next to its field (or above the form for a conflict). Anything else is a real failure.
 */
export function replyToModelError<T>(
  submission: Submission<T>,
  error: unknown,
  options: { hideFields?: string[] } = {},
) {
  if (error instanceof ConflictError) {
    return data(submission.reply({ formErrors: [error.message], hideFields: options.hideFields }), { status: 409 });
  }
  if (error instanceof TooManyAttempts) {
    const seconds = Math.max(1, Math.ceil((error.until - Date.now()) / 1000));
    return data(submission.reply({ fieldErrors: error.fieldErrors, hideFields: options.hideFields }), {
      status: 429,
      headers: { "Retry-After": String(seconds) },
    });
  }
  if (error instanceof RuleError) {
    return data(submission.reply({ fieldErrors: error.fieldErrors, hideFields: options.hideFields }), { status: 400 });
  }
  throw error;
}

/**
 * The status of an answer to an unfinished submission. A refused submit is a 400; a check while
 * typing or on leaving a field (conform's validate intent) is an ordinary answer, so the browser
 * console stays free of errors that are none.
 */
export function unfinishedStatus(submission: { status?: "success" | "error" }) {
  return { status: submission.status === "error" ? 400 : 200 };
}
