import { describe, expect, it } from "vitest";
import { FAILURE_WINDOW_MS, LOCK_MS, lockedUntil, recordFailure, type ThrottleState } from "./throttle";

const minute = 60_000;

function fail(times: number, start = 0, step = minute) {
  let state: ThrottleState | null = null;
  for (let i = 0; i < times; i++) state = recordFailure(state, start + i * step);
  return state!;
}

describe("sign-in throttling", () => {
  it("does not lock after four failures", () => {
    const state = fail(4);
    expect(lockedUntil(state, 4 * minute)).toBeNull();
  });

  it("locks for 15 minutes after the fifth failure within 15 minutes", () => {
    const state = fail(5);
    const fifthAt = 4 * minute;
    expect(lockedUntil(state, fifthAt + 1)).toBe(fifthAt + LOCK_MS);
    expect(lockedUntil(state, fifthAt + LOCK_MS - 1)).toBe(fifthAt + LOCK_MS);
    expect(lockedUntil(state, fifthAt + LOCK_MS)).toBeNull();
  });

  it("does not lock when the failures are spread over more than 15 minutes", () => {
    const state = fail(5, 0, 4 * minute);
    expect(state.failures).toBeLessThan(5);
    expect(lockedUntil(state, 16 * minute)).toBeNull();
  });

  it("starts counting afresh once the window has passed", () => {
    const state = recordFailure(fail(4), FAILURE_WINDOW_MS + 4 * minute);
    expect(state.failures).toBe(1);
  });

  it("starts counting afresh after a lock has expired", () => {
    const locked = fail(5);
    const after = recordFailure(locked, 4 * minute + LOCK_MS + 1);
    expect(after.failures).toBe(1);
    expect(lockedUntil(after, 4 * minute + LOCK_MS + 2)).toBeNull();
  });
});
