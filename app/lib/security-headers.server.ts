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

export function applySecurityHeaders(headers: Headers, nonce = "") {
  if (headers.get("Content-Security-Policy") !== MAIL_PREVIEW_POLICY)
    headers.set(
      "Content-Security-Policy",
      contentSecurityPolicy(nonce || "none", { dev: process.env.NODE_ENV === "development" }),
    );
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  return headers;
}
