import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionList } from "~/components/action-list";
import { Breadcrumb } from "~/components/breadcrumb";
import { notFound } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { formatDay } from "~/lib/format";
import { listProcessedActionLists } from "~/models/action-lists.server";
import { listBodyActions } from "~/models/actions.server";
import { getBodyBySlug } from "~/models/bodies.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Actielijst ${data.body.name} · Gremium` : "Gremium niet gevonden · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const body = getBodyBySlug({ viewer, slug: params.slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  return {
    body: { id: body.id, name: body.name, slug: body.slug },
    canCreate: !body.retired && body.viewerManages,
    ...listBodyActions({ viewer, bodyId: body.id }),
    processed: listProcessedActionLists({ viewer, bodyId: body.id }),
    signedIn: viewer !== null,
  };
});

export default function BodyActions() {
  const { body, canCreate, running, closed, processed, signedIn } = useLoaderData<typeof loader>();
  const overdue = running.filter((a) => a.overdue).length;
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/gremia", label: "Gremia" },
          { to: `/gremia/${body.slug}`, label: body.name },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Actielijst {body.name}</h1>
      <p className="nl-paragraph">
        {running.length === 0
          ? "Er staan geen acties open."
          : `${running.length} lopende ${running.length === 1 ? "actie" : "acties"}${overdue ? `, waarvan ${overdue} over de termijn` : ""}. Open acties schuiven door naar de volgende vergadering tot zij zijn afgerond.`}
        {signedIn ? null : " Zonder inloggen ziet u alleen acties uit openbare, vastgestelde besluiten."}
      </p>
      {canCreate ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to={`/acties/nieuw?gremium=${body.slug}`}>
            Nieuwe actie voor dit gremium
          </Link>
        </p>
      ) : null}
      <h2 className="nl-heading nl-heading--level-2">Lopende acties</h2>
      <ActionList actions={running} showBody={false} emptyText="Geen lopende acties." />
      <h2 className="nl-heading nl-heading--level-2">Onlangs afgerond of vervallen</h2>
      <ActionList actions={closed} showBody={false} emptyText="Nog geen afgeronde acties." />
      {processed.length > 0 ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Actielijst per vergadering</h2>
          <ul className="gremium-meetings">
            {processed.map((p) => (
              <li key={p.meetingId}>
                <Link className="nl-link gremium-meetings__date" to={`/vergaderingen/${p.meetingId}/actielijst`}>
                  {formatDay(p.startsAt)}
                </Link>
                <span>
                  {p.discussed} besproken, {p.closed} afgedaan of vervallen
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
