import { readMeeting } from "~/lib/meeting-route.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgendaTable } from "~/components/agenda-table";
import { formatDay } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { MeetingFacts } from "~/components/meeting-facts";
import { ConfidentialNotice } from "~/components/alert";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Agenda ${data.meeting.bodyName}, ${formatDay(data.meeting.startsAt)} (afdrukversie)`
      : "Afdrukversie",
  },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { meeting } = readMeeting(request, params);
  return { meeting };
});

/** The agenda on paper or as PDF: the browser's print dialog ("Opslaan als PDF") does the rest. */
export default function PrintAgenda() {
  const { meeting } = useLoaderData<typeof loader>();
  const confidential = meeting.sections.some(({ items }) =>
    items.some((item) => item.isConfidential && item.subject !== null),
  );
  return (
    <article className="gremium-print">
      {confidential ? <ConfidentialNotice /> : null}
      <p className="nl-paragraph gremium-no-print">
        Kies ‘Afdrukken’ in uw browser (Ctrl+P); met ‘Opslaan als PDF’ maakt u er een PDF van.{" "}
        <Link className="nl-link" to={`/vergaderingen/${meeting.id}`}>
          Terug naar de vergadering
        </Link>
      </p>
      <MeetingFacts meeting={meeting}>
        <dt>Genodigden</dt>
        <dd>
          {meeting.inviteesNote ?? (meeting.invitees.map((p) => p.name).join(", ") || "De leden van het gremium")}
        </dd>
      </MeetingFacts>
      <p className="nl-paragraph">
        <em>{meeting.isPublic ? "De vergadering is openbaar." : "De vergadering is besloten."}</em>
      </p>
      <h1 className="nl-heading nl-heading--level-1">
        Agenda {meeting.bodyName} van {formatDay(meeting.startsAt).replace(/^\S+ /, "")}
        {meeting.registrationNumber ? ` (reg.nr. ${meeting.registrationNumber})` : ""}
      </h1>
      <AgendaTable sections={meeting.sections} caption={`Agenda van ${meeting.bodyName}`} />
    </article>
  );
}
