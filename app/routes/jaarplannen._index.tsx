import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { getViewer } from "~/auth/session.server";
import { planStatusLabels } from "~/lib/vocabulary";
import { listPlanBodies, listPlans } from "~/models/plans.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Jaarplannen · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  return { plans: listPlans({ viewer }), canCreate: viewer !== null && listPlanBodies({ viewer }).length > 0 };
});

export default function Plans() {
  const { plans, canCreate } = useLoaderData<typeof loader>();
  const years = [...new Set(plans.map((p) => p.year))];
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Jaarplannen</h1>
      <p className="nl-paragraph">
        Elk gremium werkt met een jaarplan dat de stuurgroep vaststelt; aan het eind van het jaar volgt een jaarverslag.
        Concepten zijn alleen zichtbaar voor de leden van het gremium.
      </p>
      {canCreate ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to="/jaarplannen/nieuw">
            Nieuw jaarplan
          </Link>
        </p>
      ) : null}
      {plans.length === 0 ? <p className="nl-paragraph">Er zijn nog geen jaarplannen.</p> : null}
      {years.map((year) => (
        <section key={year} aria-labelledby={`jaar-${year}`}>
          <h2 className="nl-heading nl-heading--level-2" id={`jaar-${year}`}>
            {year}
          </h2>
          <ul className="gremium-meetings">
            {plans
              .filter((p) => p.year === year)
              .map((p) => (
                <li key={p.id}>
                  <Link className="nl-link gremium-meetings__date" to={`/jaarplannen/${p.id}`}>
                    {p.title}
                  </Link>
                  <span>
                    <StatusBadge tone={p.status === "concept" ? "warning" : "safe"}>
                      {planStatusLabels[p.status].toLowerCase()}
                    </StatusBadge>
                    {p.bodyName} · {p.goals} doelen{p.reportPublishedAt ? " · jaarverslag gepubliceerd" : ""}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
