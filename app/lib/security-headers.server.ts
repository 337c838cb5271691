// Security headers for every response Remix produces (documents, data and resource routes).
// Scripts need the per-response nonce: no inline script runs without it (no 'unsafe-inline').

export function contentSecurityPolicy(nonce: string, { dev = false } = {}) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // Vite injects CSS through <style> tags while developing; the built site links CSS files.
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws:" : "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ];
  return directives.join("; ");
}

/**
 * A response that shows foreign-styled HTML (the newsletter as e-mail) runs in a sandbox with inline
 * styles and nothing else; it keeps that policy.
 */
export const MAIL_PREVIEW_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:";

const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * What the server adds to any response that lacks it (static files, an answer from outside Remix):
 * the common headers, and a policy that lets such a file run or load nothing.
 */
export function baselineSecurityHeaders(): Record<string, string> {
  return {
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'",
    ...COMMON_HEADERS,
  };
}

export function applySecurityHeaders(headers: Headers, nonce = "") {
  if (headers.get("Content-Security-Policy") !== MAIL_PREVIEW_POLICY)
    headers.set(
      "Content-Security-Policy",
      contentSecurityPolicy(nonce || "none", { dev: process.env.NODE_ENV === "development" }),
    );
  for (const [name, value] of Object.entries(COMMON_HEADERS)) headers.set(name, value);
  return headers;
}
