import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { MeetingList } from "~/components/meeting-list";
import { getViewer } from "~/auth/session.server";
import { listBodiesForSelect, listManageableBodies } from "~/models/bodies.server";
import { listMeetings, listMeetingYears } from "~/models/meetings.server";

export const meta: MetaFunction = () => [{ title: "Vergaderingen · Gremium" }];

export async function loader({ request }: LoaderFunctionArgs) {
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
  };
}

export default function Meetings() {
  const { upcoming, past, bodies, years, selectedBody, selectedYear, canPlan } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Vergaderingen</h1>
      {canPlan ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to="/vergaderingen/nieuw">
            Nieuwe vergadering plannen
          </Link>
        </p>
      ) : null}
      <Form method="get" className="gremium-filters" aria-label="Vergaderingen filteren">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="gremium">
            Gremium
          </label>
          <select
            id="gremium"
            name="gremium"
            className="utrecht-select utrecht-select--html-select"
            defaultValue={selectedBody ?? ""}
          >
            <option value="">Alle gremia</option>
            {bodies.map((body) => (
              <option key={body.id} value={body.id}>
                {body.name}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="jaar">
            Jaar
          </label>
          <select
            id="jaar"
            name="jaar"
            className="utrecht-select utrecht-select--html-select"
            defaultValue={selectedYear ?? ""}
          >
            <option value="">Alle jaren</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
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
