import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BodyLink } from "~/components/body-link";
import { getViewer } from "~/auth/session.server";
import { formatDate } from "~/lib/format";
import { listBodiesGrouped } from "~/models/bodies.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Gremia · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  return listBodiesGrouped({ viewer: getViewer(request) });
});

export default function Bodies() {
  const { steering, expert, themeWithoutExpert, other, retired } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Gremia</h1>
      <p className="nl-paragraph nl-paragraph--lead">
        De stuurgroep bepaalt de koers, de expertgroep bereidt voor en de themagroepen doen het werk op hun onderwerp.
      </p>

      {steering.length > 0 ? (
        <section aria-labelledby="stuurgroep">
          <h2 id="stuurgroep" className="nl-heading nl-heading--level-2">
            Stuurgroep
          </h2>
          <ul className="gremium-tree">
            {steering.map((body) => (
              <li key={body.id}>
                <BodyLink body={body} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {expert.length > 0 || themeWithoutExpert.length > 0 ? (
        <section aria-labelledby="expertgroep">
          <h2 id="expertgroep" className="nl-heading nl-heading--level-2">
            Expertgroep en themagroepen
          </h2>
          <ul className="gremium-tree">
            {expert.map((body) => (
              <li key={body.id}>
                <BodyLink body={body} />
                {body.children.length > 0 ? (
                  <ul aria-label={`Themagroepen onder ${body.name}`}>
                    {body.children.map((child) => (
                      <li key={child.id}>
                        <BodyLink body={child} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
            {themeWithoutExpert.map((body) => (
              <li key={body.id}>
                <BodyLink body={body} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {other.length > 0 ? (
        <section aria-labelledby="overige">
          <h2 id="overige" className="nl-heading nl-heading--level-2">
            Overige gremia
          </h2>
          <ul className="gremium-tree">
            {other.map((body) => (
              <li key={body.id}>
                <BodyLink body={body} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {retired.length > 0 ? (
        <section aria-labelledby="archief">
          <h2 id="archief" className="nl-heading nl-heading--level-2">
            Archief: opgeheven gremia
          </h2>
          <ul className="gremium-tree">
            {retired.map((body) => (
              <li key={body.id}>
                <BodyLink body={body} />{" "}
                <span className="gremium-muted">(opgeheven per {formatDate(body.activeUntil!)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
