import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BodyLink } from "~/components/body-link";
import { Breadcrumb } from "~/components/breadcrumb";
import { Alert } from "~/components/alert";
import { notFound } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { formatDate } from "~/lib/format";
import { bodyKindLabels, membershipRoleLabels } from "~/lib/vocabulary";
import { MeetingList } from "~/components/meeting-list";
import { getBodyBySlug } from "~/models/bodies.server";
import { listMeetings } from "~/models/meetings.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.body.name} · Gremium` : "Gremium niet gevonden · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const body = getBodyBySlug({ viewer, slug: params.slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  return {
    body,
    signedIn: viewer !== null,
    isMember: body.viewerIsInsider,
    canPlan: !body.retired && body.viewerManages,
    meetings: listMeetings({ viewer, bodyId: body.id }),
  };
});

export default function BodyPage() {
  const { body, signedIn, isMember, canPlan, meetings } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/", label: "Home" },
          { to: "/gremia", label: "Gremia" },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">{body.name}</h1>
      {body.retired ? (
        <Alert type="warning">
          <p className="nl-paragraph">
            Dit gremium is opgeheven per {formatDate(body.activeUntil!)}. De gegevens blijven in het archief te lezen.
          </p>
        </Alert>
      ) : null}
      {isMember ? (
        <Alert type="info">
          <p className="nl-paragraph">U bent lid van dit gremium en ziet ook de besloten stukken.</p>
        </Alert>
      ) : null}

      <dl className="gremium-meta">
        <dt>Soort</dt>
        <dd>{bodyKindLabels[body.kind]}</dd>
        {body.parent ? (
          <>
            <dt>Valt onder</dt>
            <dd>
              <BodyLink body={body.parent} />
            </dd>
          </>
        ) : null}
        {body.meetingFrequency ? (
          <>
            <dt>Vergadert</dt>
            <dd>{body.meetingFrequency}</dd>
          </>
        ) : null}
        <dt>Actief sinds</dt>
        <dd>{formatDate(body.activeFrom)}</dd>
      </dl>

      <h2 className="nl-heading nl-heading--level-2">Doel</h2>
      {body.purposeHtml ? (
        <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: body.purposeHtml }} />
      ) : (
        <p className="nl-paragraph gremium-muted">Het doel van dit gremium is nog niet beschreven.</p>
      )}

      {body.children.length > 0 ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Onderliggende gremia</h2>
          <ul className="gremium-tree">
            {body.children.map((child) => (
              <li key={child.id}>
                <BodyLink body={child} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <p className="nl-paragraph">
        <Link className="nl-link" to={`/gremia/${body.slug}/acties`}>
          Actielijst van {body.name}
        </Link>{" "}
        ·{" "}
        <Link className="nl-link" to={`/gremia/${body.slug}/planning`}>
          Bestuursagenda
        </Link>{" "}
        ·{" "}
        <Link className="nl-link" to={`/gremia/${body.slug}/schriftelijk`}>
          Schriftelijke rondes
        </Link>
      </p>

      <h2 className="nl-heading nl-heading--level-2">Vergaderingen</h2>
      {canPlan ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to={`/vergaderingen/nieuw?gremium=${body.id}`}>
            Nieuwe vergadering plannen
          </Link>{" "}
          ·{" "}
          <Link className="nl-link" to={`/gremia/${body.slug}/vergaderschema`}>
            Vergaderschema voor een jaar plannen
          </Link>{" "}
          ·{" "}
          <Link className="nl-link" to={`/gremia/${body.slug}/sjabloon`}>
            Vaste agendapunten (sjabloon)
          </Link>
        </p>
      ) : null}
      {meetings.upcoming.length > 0 ? (
        <>
          <h3 className="nl-heading nl-heading--level-3">Komend</h3>
          <MeetingList meetings={meetings.upcoming} showBody={false} />
        </>
      ) : (
        <p className="nl-paragraph">Er zijn geen komende vergaderingen.</p>
      )}
      {meetings.past.length > 0 ? (
        <>
          <h3 className="nl-heading nl-heading--level-3">Eerder</h3>
          <MeetingList meetings={meetings.past} showBody={false} />
        </>
      ) : null}

      <h2 className="nl-heading nl-heading--level-2">Leden</h2>
      {body.members.length === 0 ? (
        <p className="nl-paragraph">Dit gremium heeft op dit moment geen leden.</p>
      ) : (
        <div className="gremium-table-wrap">
          <table className="utrecht-table utrecht-table--html-table gremium-table-stack">
            <caption className="utrecht-table__caption gremium-visually-hidden">Huidige leden van {body.name}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Naam
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Rol
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Organisatie
                </th>
                {signedIn ? (
                  <th scope="col" className="utrecht-table__header-cell">
                    E-mail
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {body.members.map((member) => (
                <tr key={member.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    {member.personName}
                    {member.jobTitle ? <div className="gremium-muted">{member.jobTitle}</div> : null}
                  </td>
                  <td className="utrecht-table__cell" data-label="Rol">
                    {membershipRoleLabels[member.role]}
                  </td>
                  <td className="utrecht-table__cell" data-label="Organisatie">
                    {member.organisationName ?? "—"}
                  </td>
                  {signedIn ? (
                    <td className="utrecht-table__cell" data-label="E-mail">
                      {member.email ? (
                        <a className="nl-link" href={`mailto:${member.email}`}>
                          {member.email}
                        </a>
                      ) : (
                        "—"
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!signedIn ? (
        <p className="nl-paragraph gremium-muted">E-mailadressen van leden zijn zichtbaar na inloggen.</p>
      ) : null}
    </>
  );
}
