import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { MeetingList } from "~/components/meeting-list";
import { formatDay } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { bodyKindLabels, decisionOutcomeLabels } from "~/lib/vocabulary";
import { listBodiesGrouped } from "~/models/bodies.server";
import { listDecisions } from "~/models/decisions.server";
import { listUpcomingMeetings } from "~/models/meetings.server";
import { listEditions } from "~/models/newsletters.server";

export const meta: MetaFunction = () => [{ title: "Gremium · Zorg, Veiligheid en Straf Twente" }];

// The public home: what the network decided lately, what it meets about next, its latest newsletter.
// It reads as the public for everyone; a member's own overview is /mijn.
export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const groups = listBodiesGrouped({ viewer: null });
  const latestEdition = listEditions({ viewer: null })[0] ?? null;
  return {
    signedIn: viewer !== null,
    decisions: listDecisions({ viewer: null, pageSize: 5 }).decisions.map((d) => ({
      reference: d.reference,
      subject: d.subject,
      outcome: d.outcome,
      bodyName: d.bodyName,
      startsAt: d.startsAt,
    })),
    meetings: listUpcomingMeetings({ viewer: null }),
    edition: latestEdition && {
      slug: latestEdition.slug,
      title: latestEdition.title,
      period: latestEdition.period,
      publishedAt: latestEdition.publishedAt,
    },
    bodies: [
      ...groups.steering.map((b) => ({ ...b, themeGroups: 0 })),
      ...groups.expert.map((b) => ({ ...b, themeGroups: b.children.length })),
      ...groups.themeWithoutExpert.map((b) => ({ ...b, themeGroups: 0 })),
      ...groups.other.map((b) => ({ ...b, themeGroups: 0 })),
    ].map(({ slug, name, kind, themeGroups }) => ({ slug, name, kind, themeGroups })),
  };
});

function SubscribeForm() {
  // Posts to the sign-up page, which answers with its own page (and its messages at the fields).
  return (
    <form method="post" action="/nieuwsbrief/aanmelden" className="gremium-inline-form" aria-label="Aanmelden">
      <div className="utrecht-form-field utrecht-form-field--text">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="home-aanmelden-email">
            Uw e-mailadres
          </label>
        </div>
        <div className="utrecht-form-field__input">
          <input
            id="home-aanmelden-email"
            name="email"
            type="email"
            required
            autoComplete="email"
            inputMode="email"
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
      </div>
      <button type="submit" className="nl-button nl-button--primary">
        <span className="nl-button__label">Aanmelden voor de nieuwsbrief</span>
      </button>
    </form>
  );
}

export default function Home() {
  const { bodies, meetings, decisions, edition, signedIn } = useLoaderData<typeof loader>();
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
          {signedIn ? (
            <>
              Dit is wat iedereen ziet. Uw eigen vergaderingen, stukken en acties staan op{" "}
              <Link className="nl-link" to="/mijn">
                Mijn Gremium
              </Link>
              .
            </>
          ) : (
            <>
              Hier vindt u wat het netwerk openbaar besluit en bespreekt. Leden{" "}
              <Link className="nl-link" to="/inloggen">
                loggen in
              </Link>{" "}
              voor de stukken en besluiten van hun eigen gremia.
            </>
          )}
        </p>
      </div>

      <section aria-labelledby="recente-besluiten">
        <h2 id="recente-besluiten" className="nl-heading nl-heading--level-2">
          Recente besluiten
        </h2>
        {decisions.length === 0 ? (
          <p className="nl-paragraph">Er zijn nog geen vastgestelde openbare besluiten.</p>
        ) : (
          <ul className="gremium-meetings">
            {decisions.map((d) => (
              <li key={d.reference}>
                <Link className="nl-link gremium-meetings__date" to={`/besluiten/${d.reference}`}>
                  {d.subject}
                </Link>
                <span className="gremium-muted">
                  {decisionOutcomeLabels[d.outcome]} · {d.bodyName}, {formatDay(d.startsAt)} · {d.reference}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="nl-paragraph">
          <Link className="nl-link" to="/besluiten">
            Alle besluiten
          </Link>
        </p>
      </section>

      <section aria-labelledby="komende-vergaderingen">
        <h2 id="komende-vergaderingen" className="nl-heading nl-heading--level-2">
          Komende openbare vergaderingen
        </h2>
        {meetings.length > 0 ? (
          <MeetingList meetings={meetings} />
        ) : (
          <p className="nl-paragraph">Er zijn geen openbare vergaderingen gepland.</p>
        )}
        <p className="nl-paragraph">
          <Link className="nl-link" to="/vergaderingen">
            Alle vergaderingen
          </Link>{" "}
          ·{" "}
          <Link className="nl-link" to="/vergaderschema">
            Vergaderschema van alle gremia
          </Link>
        </p>
      </section>

      <section aria-labelledby="nieuwsbrief">
        <h2 id="nieuwsbrief" className="nl-heading nl-heading--level-2">
          Nieuwsbrief
        </h2>
        {edition ? (
          <p className="nl-paragraph">
            Laatst verschenen:{" "}
            <Link className="nl-link" to={`/nieuwsbrieven/${edition.slug}`}>
              {edition.title}
            </Link>
            {edition.publishedAt ? ` (${formatDay(edition.publishedAt)})` : ""}.
          </p>
        ) : null}
        <p className="nl-paragraph">Ongeveer vier keer per jaar, na de stuurgroep. Afmelden kan met één klik.</p>
        <SubscribeForm />
      </section>

      <section aria-labelledby="gremia">
        <h2 id="gremia" className="nl-heading nl-heading--level-2">
          Gremia
        </h2>
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
      </section>
    </>
  );
}
