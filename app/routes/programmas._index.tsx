import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { canManageProgrammes } from "~/auth/permissions";
import { getViewer } from "~/auth/session.server";
import { formatDate } from "~/lib/format";
import { listProgrammes } from "~/models/programmes.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Programma's · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  return { programmes: listProgrammes({ viewer }), canManage: canManageProgrammes(viewer) };
});

export default function Programmes() {
  const { programmes, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Programma&apos;s</h1>
      <p className="nl-paragraph">
        De strategische agenda van het netwerk: programma&apos;s met genummerde opgaven of ambities. Per opgave ziet u
        de besluiten, acties en plandoelen die eraan bijdragen. Zie ook de{" "}
        <Link className="nl-link" to="/jaarplannen">
          jaarplannen
        </Link>
        .
      </p>
      {canManage ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to="/programmas/nieuw">
            Nieuw programma
          </Link>
        </p>
      ) : null}
      <ul className="gremium-meetings">
        {programmes.map((p) => (
          <li key={p.id}>
            <Link className="nl-link gremium-meetings__date" to={`/programmas/${p.slug}`}>
              {p.title}
            </Link>
            <span>
              {p.current ? <StatusBadge tone="safe">lopend</StatusBadge> : null}
              {formatDate(p.startsOn)} – {p.endsOn ? formatDate(p.endsOn) : "doorlopend"} · {p.objectiveCount} opgaven ·
              eigenaar {p.ownerBodyName}
            </span>
            {p.successor ? <span className="gremium-muted">Opgevolgd door {p.successor.title}</span> : null}
            {p.predecessor ? <span className="gremium-muted">Volgt op {p.predecessor.title}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
