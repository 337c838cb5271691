import { securityContacts, publicUrl } from "~/lib/env.server";
import { resourceRoute } from "~/lib/responses.server";

const DAY = 24 * 60 * 60_000;

/**
 * security.txt (RFC 9116): where to report a vulnerability, and the policy page. Its expiry moves
 * along a fixed half year ahead, so the file never goes stale while the site runs.
 */
export const loader = resourceRoute(async () => {
  const site = publicUrl();
  const expires = new Date(Math.ceil(Date.now() / DAY) * DAY + 182 * DAY).toISOString().replace(/\.\d{3}Z$/, "Z");
  const lines = [
    ...securityContacts().map((contact) => `Contact: ${contact}`),
    `Expires: ${expires}`,
    `Policy: ${site}/kwetsbaarheid-melden`,
    "Preferred-Languages: nl, en",
    `Canonical: ${site}/.well-known/security.txt`,
  ];
  return new Response(`${lines.join("\n")}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
});
