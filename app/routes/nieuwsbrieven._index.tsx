import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { canManageProgrammes } from "~/auth/permissions";
import { getViewer } from "~/auth/session.server";
import { formatDay } from "~/lib/format";
import { listEditions } from "~/models/newsletters.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [
  { title: "Nieuwsbrieven · Gremium" },
  {
    tagName: "link",
    rel: "alternate",
    type: "application/atom+xml",
    title: "Nieuwsbrief ZVS",
    href: "/nieuwsbrieven/feed.xml",
  },
];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  return { editions: listEditions({ viewer }), canManage: canManageProgrammes(viewer) };
});

export default function Newsletters() {
  const { editions, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Nieuwsbrieven</h1>
      <p className="nl-paragraph">
        Na elke vergadering van de stuurgroep verschijnt de nieuwsbrief van het samenwerkingsverband Zorg, Veiligheid en
        Straf Twente.{" "}
        <Link className="nl-link" to="/nieuwsbrief/aanmelden">
          Aanmelden voor de nieuwsbrief
        </Link>{" "}
        ·{" "}
        <Link className="nl-link" to="/volgen">
          Volgen met een feedlezer
        </Link>
      </p>
      {canManage ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to="/nieuwsbrieven/nieuw">
            Nieuwe editie
          </Link>{" "}
          ·{" "}
          <Link className="nl-link" to="/nieuwsbrief/abonnees">
            Abonnees
          </Link>
        </p>
      ) : null}
      {editions.length === 0 ? <p className="nl-paragraph">Er zijn nog geen nieuwsbrieven verschenen.</p> : null}
      <ul className="gremium-meetings">
        {editions.map((e) => (
          <li key={e.id}>
            <Link
              className="nl-link gremium-meetings__date"
              to={e.status === "concept" ? `/nieuwsbrieven/${e.slug}/bewerken` : `/nieuwsbrieven/${e.slug}`}
            >
              {e.title}
            </Link>
            <span>
              {e.status === "concept" ? <StatusBadge tone="warning">concept</StatusBadge> : null}
              {e.period}
              {e.publishedAt ? ` · verschenen ${formatDay(e.publishedAt)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
