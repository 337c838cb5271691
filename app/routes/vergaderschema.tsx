import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { FilterSelect } from "~/components/filter-select";
import { StatusBadge } from "~/components/status-badge";
import { getViewer } from "~/auth/session.server";
import { amsterdamDateAndTime, formatDay, formatMonth, formatTime, instantFromAmsterdam, todayIso } from "~/lib/format";
import { listBodiesForSelect } from "~/models/bodies.server";
import { listMeetings } from "~/models/meetings.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Vergaderschema · Gremium" }];

/** The meetings of all bodies the visitor may see from today to the end of next year, per month. */
export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const url = new URL(request.url);
  const bodies = listBodiesForSelect({ viewer });
  const body = bodies.find((b) => String(b.id) === url.searchParams.get("gremium"));
  const now = Date.now();
  const until = instantFromAmsterdam(`${Number(todayIso(now).slice(0, 4)) + 1}-12-31`, "23:59");
  const meetings = listMeetings({ viewer, bodyId: body?.id, now }).upcoming.filter((m) => m.startsAt <= until);
  return {
    meetings,
    bodies: bodies.filter((b) => !b.activeUntil).map((b) => ({ value: b.id, label: b.name })),
    bodyId: body?.id ?? "",
  };
});

export default function Schedule() {
  const { meetings, bodies, bodyId } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const planned = Number(searchParams.get("gepland"));
  const months = [...new Set(meetings.map((m) => amsterdamDateAndTime(m.startsAt).date.slice(0, 7)))];
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Vergaderschema</h1>
      {planned ? <Alert type="ok">{planned} vergaderingen zijn gepland als concept.</Alert> : null}
      <p className="nl-paragraph">
        De vergaderingen van alle gremia, van vandaag tot het eind van volgend jaar.{" "}
        <Link className="nl-link" to="/volgen">
          Zet ze in uw eigen agenda
        </Link>
        .
      </p>
      <Form method="get" className="gremium-filters" aria-label="Vergaderschema filteren">
        <FilterSelect name="gremium" label="Gremium" allLabel="Alle gremia" options={bodies} value={bodyId} />
        <button type="submit" className="nl-button">
          <span className="nl-button__label">Filteren</span>
        </button>
      </Form>
      {meetings.length === 0 ? <p className="nl-paragraph">Er zijn geen vergaderingen gepland.</p> : null}
      {months.map((month) => (
        <section key={month} aria-labelledby={`maand-${month}`}>
          <h2 className="nl-heading nl-heading--level-2" id={`maand-${month}`}>
            {formatMonth(month)}
          </h2>
          <ul className="gremium-meetings">
            {meetings
              .filter((m) => amsterdamDateAndTime(m.startsAt).date.startsWith(month))
              .map((m) => (
                <li key={m.id}>
                  <Link className="nl-link gremium-meetings__date" to={`/vergaderingen/${m.id}`}>
                    {formatDay(m.startsAt)}, {formatTime(m.startsAt)} uur
                  </Link>
                  <span>
                    {m.bodyName} · {m.location}{" "}
                    {m.status === "concept" ? <StatusBadge tone="warning">concept</StatusBadge> : null}
                    {m.status === "geannuleerd" ? <StatusBadge tone="danger">geannuleerd</StatusBadge> : null}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
