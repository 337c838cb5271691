import type { UserRole } from "~/lib/vocabulary";

/**
 * The signed-in person on whose behalf a request runs; null for an anonymous visitor. Built only by
 * the access layer (`viewerOf`), which also reads what it grants.
 */
export type SignedInViewer = {
  userId: number;
  personId: number;
  name: string;
  email: string;
  role: UserRole;
  sessionId: string;
  /** Bodies of which the person is a member today: what opens their inside (see grants.ts). */
  memberBodyIds: readonly number[];
};

export type Viewer = SignedInViewer | null;

/**
 * The system itself, acting as the beheerder where no person does: the import of the demo corpus. It
 * has no account (`userId` 0), so what it makes names no user and the audit log says "Systeem".
 */
export const systemViewer: SignedInViewer = Object.freeze({
  userId: 0,
  personId: 0,
  name: "Systeem",
  email: "",
  role: "beheerder",
  sessionId: "systeem",
  memberBodyIds: [],
});

/** The user to record as having made a change: none for the system. */
export function actorOf(viewer: Viewer): number | null {
  return viewer && viewer.userId > 0 ? viewer.userId : null;
}
