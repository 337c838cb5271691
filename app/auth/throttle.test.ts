import { describe, expect, it } from "vitest";
import {
  blockedUntil,
  forgiveOne,
  PASSWORD_PER_ACCOUNT_AND_CLIENT as rule,
  recordFailure,
  type ThrottleState,
} from "./throttle";

const second = 1000;
const minute = 60 * second;

function fail(times: number, start = 0, step = second) {
  let state: ThrottleState | null = null;
  for (let i = 0; i < times; i++) state = recordFailure(state, rule, start + i * step);
  return state!;
}

describe("throttling by growing delays", () => {
  it("lets five mistakes pass without any wait", () => {
    expect(blockedUntil(fail(5), 5 * second)).toBeNull();
  });

  it("makes the sixth failure cost half a minute, and each next one twice as much", () => {
    const sixth = fail(6);
    expect(blockedUntil(sixth, 5 * second)).toBe(5 * second + 30 * second);
    let state = sixth;
    let at = 5 * second + 30 * second;
    for (const wait of [60, 120, 240, 480, 900, 900]) {
      state = recordFailure(state, rule, at);
      expect(blockedUntil(state, at)).toBe(at + wait * second);
      at += wait * second;
    }
  });

  it("never blocks past the delay: the right answer gets through once it is over", () => {
    const state = fail(12);
    const until = blockedUntil(state, 11 * second)!;
    expect(blockedUntil(state, until)).toBeNull();
  });

  it("starts again from zero an hour after the last failure", () => {
    const state = fail(8);
    const later = recordFailure(state, rule, 7 * second + 60 * minute);
    expect(later.failures).toBe(1);
    expect(blockedUntil(later, 7 * second + 60 * minute)).toBeNull();
  });

  it("takes back a provisional failure without lifting a running wait", () => {
    const state = fail(6);
    const forgiven = forgiveOne(state);
    expect(forgiven.failures).toBe(5);
    expect(forgiven.blockedUntil).toBe(state.blockedUntil);
  });
});
