import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ActionList } from "~/components/action-list";
import { Breadcrumb } from "~/components/breadcrumb";
import { requireUser } from "~/auth/permissions.server";
import { listMyActions } from "~/models/actions.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Mijn acties · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  return listMyActions({ viewer });
});

export default function MyActions() {
  const { running, closed } = useLoaderData<typeof loader>();
  const overdue = running.filter((a) => a.overdue).length;
  return (
    <>
      <Breadcrumb items={[{ to: "/acties", label: "Acties" }]} />
      <h1 className="nl-heading nl-heading--level-1">Mijn acties</h1>
      <p className="nl-paragraph">
        {running.length === 0
          ? "U heeft geen lopende acties."
          : `U heeft ${running.length} lopende ${running.length === 1 ? "actie" : "acties"}${overdue ? `, waarvan ${overdue} over de termijn` : ""}. Open een actie om de stand bij te werken of haar af te ronden.`}
      </p>
      <h2 className="nl-heading nl-heading--level-2">Lopend</h2>
      <ActionList actions={running} emptyText="Geen lopende acties." />
      <h2 className="nl-heading nl-heading--level-2">Onlangs afgerond of vervallen</h2>
      <ActionList actions={closed} emptyText="Nog geen afgeronde acties." />
    </>
  );
}
