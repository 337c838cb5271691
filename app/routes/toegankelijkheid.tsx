import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { formatDay } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { accessibilityStatusLabels } from "~/lib/vocabulary";
import { getStatement } from "~/models/site-settings.server";

export const meta: MetaFunction = () => [
  { title: "Toegankelijkheidsverklaring · Gremium" },
  {
    name: "description",
    content: "Hoe toegankelijk Gremium is, wat nog niet goed werkt en waar u terechtkunt als iets niet lukt.",
  },
];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) =>
  getStatement({ viewer: getViewer(request), kind: "toegankelijkheid" }),
);

// The statement in the model of digitoegankelijk.nl: its status, what we do, what does not comply yet,
// whom to ask. The beheerder keeps the text (/beheer/instellingen); Gremium's own stands until then.
export default function Accessibility() {
  const { html, accessibilityStatus, changedAt } = useLoaderData<typeof loader>();
  return (
    <article className="gremium-prose">
      <h1 className="nl-heading nl-heading--level-1">Toegankelijkheidsverklaring</h1>
      <p className="nl-paragraph">
        Status: <strong>{accessibilityStatusLabels[accessibilityStatus].replace(/^[A-D]: /, "")}</strong> (
        {accessibilityStatus}){changedAt ? `; bijgewerkt op ${formatDay(changedAt)}` : ""}.
      </p>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
