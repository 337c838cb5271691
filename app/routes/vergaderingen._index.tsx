import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { MeetingList } from "~/components/meeting-list";
import { getViewer } from "~/auth/session.server";
import { listBodiesForSelect, listManageableBodies } from "~/models/bodies.server";
import { listMeetings, listMeetingYears } from "~/models/meetings.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Vergaderingen · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const url = new URL(request.url);
  const bodies = listBodiesForSelect({ viewer });
  const body = bodies.find((b) => String(b.id) === url.searchParams.get("gremium"));
  const yearParam = Number(url.searchParams.get("jaar"));
  const year = Number.isInteger(yearParam) && yearParam > 1900 ? yearParam : undefined;
  return {
    ...listMeetings({ viewer, bodyId: body?.id, year }),
    bodies: bodies.map((b) => ({ id: b.id, name: b.name })),
    years: listMeetingYears({ viewer }),
    selectedBody: body?.id ?? null,
    selectedYear: year ?? null,
    canPlan: listManageableBodies({ viewer }).length > 0,
    signedIn: viewer !== null,
  };
});

export default function Meetings() {
  const { upcoming, past, bodies, years, selectedBody, selectedYear, canPlan, signedIn } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Vergaderingen</h1>
      {signedIn ? null : (
        <p className="nl-paragraph">
          U ziet de openbare vergaderingen. Wanneer de andere gremia vergaderen, staat in het{" "}
          <Link className="nl-link" to="/vergaderschema">
            vergaderschema
          </Link>
          ; hun agenda’s en stukken ziet u als lid na{" "}
          <Link className="nl-link" to="/inloggen?redirectTo=%2Fvergaderingen">
            inloggen
          </Link>
          .
        </p>
      )}
      {canPlan ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to="/vergaderingen/nieuw">
            Nieuwe vergadering plannen
          </Link>
        </p>
      ) : null}
      <Form method="get" className="gremium-filters" aria-label="Vergaderingen filteren">
        <FilterSelect
          name="gremium"
          label="Gremium"
          allLabel="Alle gremia"
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          value={selectedBody}
        />
        <FilterSelect
          name="jaar"
          label="Jaar"
          allLabel="Alle jaren"
          options={years.map((y) => ({ value: y, label: String(y) }))}
          value={selectedYear}
        />
        <button type="submit" className="nl-button">
          <span className="nl-button__label">Filteren</span>
        </button>
      </Form>

      <h2 className="nl-heading nl-heading--level-2">Komende vergaderingen</h2>
      {upcoming.length > 0 ? (
        <MeetingList meetings={upcoming} />
      ) : (
        <p className="nl-paragraph">
          Er zijn geen komende vergaderingen{selectedBody || selectedYear ? " die aan het filter voldoen" : ""}.
        </p>
      )}
      <h2 className="nl-heading nl-heading--level-2">Eerdere vergaderingen</h2>
      {past.length > 0 ? (
        <MeetingList meetings={past} />
      ) : (
        <p className="nl-paragraph">
          Er zijn geen eerdere vergaderingen{selectedBody || selectedYear ? " die aan het filter voldoen" : ""}.
        </p>
      )}
    </>
  );
}
