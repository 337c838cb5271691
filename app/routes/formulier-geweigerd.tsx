import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, notFound } from "~/auth/guards";
import { CROSS_SITE_MESSAGE } from "~/auth/csrf.server";
import { pageRoute } from "~/lib/responses.server";

// The server sends a form post from another site here, as a GET, instead of to its action: the
// visitor gets the Dutch 403 page in the site's layout. Visited directly, the address does not exist.
export const loader = pageRoute(async ({ context }: LoaderFunctionArgs) => {
  if (context.crossSiteRefused) forbidden(CROSS_SITE_MESSAGE);
  notFound();
});

export default function CrossSiteRefused() {
  return null;
}
