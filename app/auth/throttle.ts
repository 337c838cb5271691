// Throttling of guesses (passwords, second-step codes) by growing delays. Each rule counts failures
// under a key; past its free failures every further failure makes the next try wait twice as long,
// up to a ceiling. There is no lock that the right answer cannot pass once the delay is over, and the
// keys pair an account with the client that guesses: a stranger elsewhere cannot lock a member out.
// Pure functions over a small state, so the rules are tested without a database.

export type ThrottleRule = {
  /** Failures that cost nothing; people mistype. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further one doubles it. */
  firstDelayMs: number;
  longestDelayMs: number;
  /** A key whose last failure is this old starts again from zero. */
  forgetAfterMs: number;
};

export type ThrottleState = {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number | null;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Passwords for one account from one client: a person who mistypes five times waits half a minute. */
export const PASSWORD_PER_ACCOUNT_AND_CLIENT: ThrottleRule = {
  freeFailures: 5,
  firstDelayMs: 30_000,
  longestDelayMs: 15 * MINUTE,
  forgetAfterMs: HOUR,
};

/** Passwords from one client over all accounts: an office shares an address, a sprayer is slowed. */
export const PASSWORD_PER_CLIENT: ThrottleRule = {
  freeFailures: 20,
  firstDelayMs: 30_000,
  longestDelayMs: 15 * MINUTE,
  forgetAfterMs: HOUR,
};

/** Second-step codes for one account, from anywhere: whoever guesses here already has the password. */
export const CODE_PER_ACCOUNT: ThrottleRule = {
  freeFailures: 10,
  firstDelayMs: 30_000,
  longestDelayMs: 15 * MINUTE,
  forgetAfterMs: HOUR,
};

/** The current password asked before a change on /account, per account. */
export const CURRENT_PASSWORD_PER_ACCOUNT: ThrottleRule = {
  freeFailures: 3,
  firstDelayMs: 30_000,
  longestDelayMs: 15 * MINUTE,
  forgetAfterMs: HOUR,
};

export const LONGEST_FORGET_MS = HOUR;

/** The instant until which a try is refused, or null when it may be tried now. */
export function blockedUntil(state: ThrottleState | null | undefined, now: number): number | null {
  if (!state?.blockedUntil || state.blockedUntil <= now) return null;
  return state.blockedUntil;
}

export function delayAfter(failures: number, rule: ThrottleRule): number {
  const past = failures - rule.freeFailures;
  if (past <= 0) return 0;
  return Math.min(rule.longestDelayMs, rule.firstDelayMs * 2 ** Math.min(past - 1, 30));
}

export function recordFailure(state: ThrottleState | null | undefined, rule: ThrottleRule, now: number): ThrottleState {
  const remembered = state && now - state.lastFailureAt < rule.forgetAfterMs ? state.failures : 0;
  const failures = remembered + 1;
  const delay = delayAfter(failures, rule);
  return { failures, lastFailureAt: now, blockedUntil: delay > 0 ? now + delay : null };
}

/**
 * Takes back one failure that was counted before the answer was checked, when the answer was right.
 * A wait already running stays: a right answer from a client does not buy another's guesses.
 */
export function forgiveOne(state: ThrottleState): ThrottleState {
  return { ...state, failures: Math.max(0, state.failures - 1) };
}

/** "30 seconden", "2 minuten": how long a refused try must wait, rounded up, in Dutch. */
export function describeWait(until: number, now: number): string {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  if (seconds < 90) return `${seconds} ${seconds === 1 ? "seconde" : "seconden"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minuten`;
}
