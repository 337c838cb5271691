import { notFound } from "~/auth/guards";
import { pageRoute } from "~/lib/responses.server";

// Every unknown URL lands here, so the 404 page renders inside the site layout.
export const loader = pageRoute(async () => {
  notFound();
});

export const action = pageRoute(async () => {
  // Cross-site by design: a post to an address that does not exist changes nothing; it gets the 404.
  notFound();
});

export default function NotFound() {
  return null;
}
