import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { MeetingList } from "~/components/meeting-list";
import { listBodiesGrouped } from "~/models/bodies.server";
import { listUpcomingMeetings } from "~/models/meetings.server";
import { bodyKindLabels } from "~/lib/vocabulary";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Gremium · Zorg, Veiligheid en Straf Twente" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const groups = listBodiesGrouped({ viewer });
  return {
    meetings: listUpcomingMeetings({ viewer }),
    bodies: [
      ...groups.steering.map((b) => ({ ...b, themeGroups: 0 })),
      ...groups.expert.map((b) => ({ ...b, themeGroups: b.children.length })),
      ...groups.themeWithoutExpert.map((b) => ({ ...b, themeGroups: 0 })),
      ...groups.other.map((b) => ({ ...b, themeGroups: 0 })),
    ].map(({ slug, name, kind, themeGroups }) => ({ slug, name, kind, themeGroups })),
  };
});

export default function Home() {
  const { bodies, meetings } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="gremium-hero">
        <h1 className="nl-heading nl-heading--level-1">Zorg, Veiligheid en Straf Twente</h1>
        <p className="nl-paragraph nl-paragraph--lead">
          Veertien Twentse gemeenten werken samen met politie, Openbaar Ministerie, Veilig Thuis, reclassering, GGZ, de
          Dienst Justitiële Inrichtingen en het Zorg- en Veiligheidshuis. Samen zorgen zij voor passende hulp en
          veiligheid voor mensen bij wie zorg en veiligheid elkaar raken.
        </p>
        <p className="nl-paragraph">
          Op Gremium vindt u de gremia van het netwerk, wie erin zitten en waar zij aan werken. Leden loggen in voor de
          besloten stukken.
        </p>
      </div>

      <h2 className="nl-heading nl-heading--level-2">Gremia</h2>
      <ul className="gremium-cards">
        {bodies.map((body) => (
          <li key={body.slug} className="gremium-card">
            <h3>
              <Link className="nl-link" to={`/gremia/${body.slug}`}>
                {body.name}
              </Link>
            </h3>
            <p>
              {bodyKindLabels[body.kind]}
              {body.themeGroups > 0 ? ` · ${body.themeGroups} themagroepen` : ""}
            </p>
          </li>
        ))}
      </ul>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/gremia">
          Alle gremia, ook opgeheven groepen
        </Link>
      </p>

      <h2 className="nl-heading nl-heading--level-2">Komende vergaderingen</h2>
      {meetings.length > 0 ? (
        <MeetingList meetings={meetings} />
      ) : (
        <p className="nl-paragraph">Er zijn geen komende vergaderingen.</p>
      )}
      <p className="nl-paragraph">
        <Link className="nl-link" to="/vergaderingen">
          Alle vergaderingen
        </Link>
      </p>
    </>
  );
}
