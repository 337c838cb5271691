import type { Viewer } from "~/auth/viewer";
import type { Tx } from "~/lib/db.server";
import { anyone, change } from "./access/change.server";

export type SecurityEvent = {
  /** e.g. "user.sign-in-refused", "user.totp-enrol". */
  action: string;
  /** The account it concerns; null when the typed address matches no account. */
  userId: number | null;
  summary: string;
};

/**
 * Writes an event of the sign-in machinery (a refused attempt, a second step, an SSO sign-in) to the
 * audit log through the one door. Typed secrets never go in: a summary says what happened, not what
 * was typed (people type their password into the address field).
 */
export function recordSecurityEvent(
  event: SecurityEvent,
  { viewer = null, tx, now }: { viewer?: Viewer; tx?: Tx; now?: number } = {},
) {
  change({
    // The actor: whoever is signed in, none for an attempt before sign-in.
    viewer,
    tx,
    now,
    load: () => event,
    missing: "",
    allow: anyone,
    write: () => undefined,
    audit: () => ({
      action: event.action,
      entityType: "user",
      entityId: event.userId,
      summary: event.summary,
    }),
  });
}
