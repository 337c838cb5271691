// Sign-in throttling per e-mail address: 5 failures within 15 minutes lock the address for
// 15 minutes. Pure functions over a small state so the rule is tested without a database.

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export type ThrottleState = {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
};

/** The instant until which sign-in is refused, or null when it is allowed now. */
export function lockedUntil(state: ThrottleState | null | undefined, now: number): number | null {
  if (!state?.lockedUntil || state.lockedUntil <= now) return null;
  return state.lockedUntil;
}

export function recordFailure(state: ThrottleState | null | undefined, now: number): ThrottleState {
  const windowOpen = state && now - state.windowStartedAt < FAILURE_WINDOW_MS && !state.lockedUntil;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  return {
    failures,
    windowStartedAt,
    lockedUntil: failures >= MAX_FAILURES ? now + LOCK_MS : null,
  };
}
