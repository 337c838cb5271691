import { expectedOrigin } from "~/auth/csrf.server";
import { env } from "./env.server";

/** The site's own address for links in mail and calendars: PUBLIC_URL, or the request's origin. */
export function siteUrl(request: Request) {
  return (env().PUBLIC_URL ?? expectedOrigin(request)).replace(/\/$/, "");
}
