import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { notFound } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { formatDay } from "~/lib/format";
import { publicUrl } from "~/lib/env.server";
import { getEdition } from "~/models/newsletters.server";
import type { RouteHandle } from "~/root";
import { pageRoute } from "~/lib/responses.server";

export const handle: RouteHandle = { ownDescription: true };

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.edition.title} · Gremium` },
        { name: "description", content: data.summary },
        { property: "og:type", content: "article" },
        { property: "og:title", content: data.edition.title },
        { property: "og:description", content: data.summary },
        { property: "og:url", content: data.url },
        { property: "og:site_name", content: "Gremium · Zorg, Veiligheid en Straf Twente" },
      ]
    : [{ title: "Nieuwsbrief niet gevonden · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const found = getEdition({ viewer: getViewer(request), slug: params.slug ?? "" });
  if (!found) notFound("Deze nieuwsbrief bestaat niet, of is nog niet verschenen.");
  const first = found.sections.find((s) => s.bodyMarkdown.trim());
  return {
    ...found,
    url: `${publicUrl()}/nieuwsbrieven/${found.edition.slug}`,
    summary: (first?.bodyMarkdown ?? found.edition.title).replace(/[*#[\]()]/g, "").slice(0, 200),
  };
});

export default function Edition() {
  const { edition, sections, canManage } = useLoaderData<typeof loader>();
  return (
    <article>
      <Breadcrumb items={[{ to: "/nieuwsbrieven", label: "Nieuwsbrieven" }]} />
      <h1 className="nl-heading nl-heading--level-1">{edition.title}</h1>
      <p className="nl-paragraph gremium-muted">
        {edition.period}
        {edition.publishedAt ? ` · verschenen ${formatDay(edition.publishedAt)}` : " · concept"}
      </p>
      {canManage ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to={`/nieuwsbrieven/${edition.slug}/bewerken`}>
            {edition.status === "concept" ? "Bewerken" : "Verzending en controle"}
          </Link>
        </p>
      ) : null}
      {sections
        .filter((s) => s.bodyMarkdown.trim())
        .map((s) => (
          <section key={s.id} aria-labelledby={`blok-${s.id}`}>
            <h2 className="nl-heading nl-heading--level-2" id={`blok-${s.id}`}>
              {s.title}
            </h2>
            <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: s.bodyHtml }} />
          </section>
        ))}
      <p className="nl-paragraph">
        <Link className="nl-link" to="/nieuwsbrief/aanmelden">
          Ontvang de nieuwsbrief per e-mail
        </Link>
      </p>
    </article>
  );
}
