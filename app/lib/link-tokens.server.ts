import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

// Tokens that travel in a link (confirming a subscription, writing a newsletter block, setting a
// password): 160 random bits as 32 lower-case letters and digits, which the log shortens (pathForLog).
// Only their SHA-256 is stored.

export function newToken() {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export const hashText = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
