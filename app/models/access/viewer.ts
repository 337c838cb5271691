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
