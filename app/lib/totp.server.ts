import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { renderSVG } from "uqr";

// Authenticator apps (RFC 6238): six digits for a 30-second step from a 160-bit secret, the defaults
// every app knows. A code one step early or late is accepted for phones whose clock drifts a little.

export const STEP_SECONDS = 30;
export const DIGITS = 6;
const DRIFT_STEPS = 1;

export function newTotpSecret(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32UpperCaseNoPadding(bytes);
}

export function stepAt(now: number): number {
  return Math.floor(now / 1000 / STEP_SECONDS);
}

/** The code for a step; also what the tests type, as an app would show it. */
export function totpCode(secret: string, now: number, offsetSteps = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(stepAt(now) + offsetSteps), DIGITS);
}

/**
 * The step whose code this is, or null. A step at or before `lastUsedStep` is never accepted again:
 * each code works once. Every candidate is compared in constant time.
 */
export function matchTotp(secret: string, code: string, now: number, lastUsedStep: number | null): number | null {
  const typed = new TextEncoder().encode(code.replace(/\s/g, ""));
  const key = decodeBase32IgnorePadding(secret);
  let matched: number | null = null;
  for (let offset = -DRIFT_STEPS; offset <= DRIFT_STEPS; offset++) {
    const step = stepAt(now) + offset;
    if (step < 0) continue;
    const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), DIGITS));
    const equal = typed.length === expected.length && constantTimeEqual(typed, expected);
    if (equal && (lastUsedStep === null || step > lastUsedStep)) matched = step;
  }
  return matched;
}

export function totpUri(secret: string, accountName: string): string {
  return createTOTPKeyURI("Gremium", accountName, decodeBase32IgnorePadding(secret), STEP_SECONDS, DIGITS);
}

/** The secret in groups of four, for typing it over by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)!.join(" ");
}

/** The URI as a QR code, an SVG drawn on the server. */
export function qrCodeSvg(text: string): string {
  return renderSVG(text, { ecc: "M", border: 2, pixelSize: 6 });
}
