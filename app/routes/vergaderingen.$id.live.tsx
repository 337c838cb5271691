import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Breadcrumb } from "~/components/breadcrumb";
import { notFound, requireIdParam } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { formatDay, formatTime } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { decisionOutcomeLabels } from "~/lib/vocabulary";
import { getLiveView, type LiveView } from "~/models/live.server";
import { getMeeting } from "~/models/meetings.server";
import type { RouteHandle } from "~/root";

export const meta: MetaFunction = () => [{ title: "Live meekijken · Gremium" }];

// Visitors follow a public meeting too, so the page brings its script for them.
export const handle: RouteHandle = { scriptsForVisitors: true };

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const meetingId = requireIdParam(params.id);
  const live = getLiveView({ viewer, meetingId });
  const meeting = live ? getMeeting({ viewer, id: meetingId }) : null;
  if (!live || !meeting)
    notFound(
      viewer
        ? "Deze vergadering is niet live te volgen: ze bestaat niet, is nog niet gepubliceerd of is besloten."
        : "Deze vergadering is niet live te volgen. Is ze besloten, meld u dan aan als lid.",
    );
  return { live, meeting: { id: meeting.id, bodyName: meeting.bodyName, startsAt: meeting.startsAt } };
});

/** What a screen reader hears when the state changes: the new item, or the new decisions. */
function announcementOf(before: LiveView, after: LiveView) {
  const parts: string[] = [];
  if (after.current && after.current.number !== before.current?.number)
    parts.push(
      `Nu aan de orde: punt ${after.current.number}${after.current.subject ? `, ${after.current.subject}` : ""}.`,
    );
  if (!after.current && before.current) parts.push("Er is geen agendapunt meer in bespreking.");
  const known = new Set(before.decisions.map((d) => d.id));
  for (const decision of after.decisions.filter((d) => !known.has(d.id)))
    parts.push(`Besluit vastgelegd bij punt ${decision.number}: ${decisionOutcomeLabels[decision.outcome]}.`);
  return parts.join(" ");
}

export default function Live() {
  const { live: initial, meeting } = useLoaderData<typeof loader>();
  const [live, setLive] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const [connected, setConnected] = useState<boolean | null>(null);
  const current = useRef(initial);

  useEffect(() => {
    const source = new EventSource(`/vergaderingen/${meeting.id}/live/stream`);
    source.addEventListener("open", () => setConnected(true));
    source.addEventListener("error", () => setConnected(false));
    source.addEventListener("live", (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as LiveView;
      const said = announcementOf(current.current, next);
      current.current = next;
      setLive(next);
      if (said) setAnnouncement(said);
    });
    return () => source.close();
  }, [meeting.id]);

  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  return (
    <>
      {/* Without JavaScript the page looks again every 30 seconds. */}
      <noscript>
        <meta httpEquiv="refresh" content="30" />
      </noscript>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Live: {meetingLabel}</h1>
      <div role="status" aria-live="polite" className="gremium-live-announcement" data-live-announcement>
        {announcement}
      </div>
      <p className="nl-paragraph gremium-muted">
        {connected === false
          ? "De verbinding is even weg; de pagina probeert het opnieuw."
          : connected
            ? "Deze pagina werkt zichzelf bij."
            : "Deze pagina wordt elke 30 seconden ververst."}
      </p>
      <section aria-labelledby="nu">
        <h2 id="nu" className="nl-heading nl-heading--level-2">
          Nu aan de orde
        </h2>
        {live.current ? (
          <p className="nl-paragraph" data-live-current>
            Punt {live.current.number}: {live.current.subject ?? "besloten agendapunt"}
            {live.current.since ? ` (sinds ${formatTime(live.current.since)})` : ""}
          </p>
        ) : (
          <p className="nl-paragraph" data-live-current>
            {live.status === "vergaderd"
              ? "De vergadering is afgelopen."
              : "De vergadering is nog niet begonnen of er is geen punt in bespreking."}
          </p>
        )}
      </section>
      <section aria-labelledby="besluiten">
        <h2 id="besluiten" className="nl-heading nl-heading--level-2">
          Besluiten tot nu toe
        </h2>
        {live.concept && live.decisions.length ? (
          <p className="nl-paragraph">
            Concept: de besluitenlijst wordt in een volgende vergadering vastgesteld en kan nog wijzigen.
          </p>
        ) : null}
        {live.decisions.length ? (
          <ul className="gremium-plain-list" data-live-decisions>
            {live.decisions.map((decision) => (
              <li key={decision.id}>
                <h3 className="nl-heading nl-heading--level-3">
                  Punt {decision.number}: {decision.subject} — {decisionOutcomeLabels[decision.outcome]}
                </h3>
                <p className="nl-paragraph gremium-muted">{decision.reference}</p>
                {decision.textHtml ? (
                  <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: decision.textHtml }} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="nl-paragraph">Nog geen besluiten.</p>
        )}
      </section>
      <p className="nl-paragraph">
        <Link className="nl-link" to={`/vergaderingen/${meeting.id}`}>
          Naar de vergadering en de agenda
        </Link>
      </p>
    </>
  );
}
