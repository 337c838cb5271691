import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { formatDay } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { getStatement } from "~/models/site-settings.server";

export const meta: MetaFunction = () => [
  { title: "Privacyverklaring · Gremium" },
  {
    name: "description",
    content: "Welke persoonsgegevens Gremium verwerkt, waarom, hoe lang, en wat uw rechten zijn.",
  },
];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) =>
  getStatement({ viewer: getViewer(request), kind: "privacy" }),
);

/** Which personal data, why, how long, whom to ask: as the beheerder keeps it, or Gremium's own text. */
export default function Privacy() {
  const { html, changedAt } = useLoaderData<typeof loader>();
  return (
    <article className="gremium-prose">
      <h1 className="nl-heading nl-heading--level-1">Privacyverklaring</h1>
      <div dangerouslySetInnerHTML={{ __html: html }} />
      {changedAt ? <p className="nl-paragraph">Bijgewerkt op {formatDay(changedAt)}.</p> : null}
    </article>
  );
}
