import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button } from "~/components/form";
import { assertSameOrigin } from "~/auth/csrf.server";
import { notFound, requireIdParam } from "~/auth/guards";
import { refuseClosedRecord } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import type { RouteHandle } from "~/root";
import { formatDay } from "~/lib/format";
import { publicUrl } from "~/lib/env.server";
import { requestMeetingPack, retryMeetingPack } from "~/models/meeting-packs.server";

// The progress page brings itself up to date with JavaScript, for visitors as well.
export const handle: RouteHandle = { scriptsForVisitors: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Vergaderstukken ${data.meeting.bodyName}, ${formatDay(data.meeting.startsAt)} · Gremium`
      : "Vergaderstukken · Gremium",
  },
];

/** The pack asked for: the reader's own, or with ?weergave=publiek the public one. */
function packRequest(request: Request, id: number) {
  return {
    viewer: getViewer(request),
    meetingId: id,
    baseUrl: publicUrl(),
    asPublic: new URL(request.url).searchParams.get("weergave") === "publiek",
  };
}

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const id = requireIdParam(params.id);
  const pack = await requestMeetingPack(packRequest(request, id));
  if (!pack)
    refuseClosedRecord(
      request,
      getViewer(request),
      { kind: "meeting", id },
      "Deze vergadering bestaat niet of is (nog) niet openbaar.",
    );
  const query = new URL(request.url).search;
  return pack.status === "klaar"
    ? { meeting: pack.meeting, status: pack.status, fileName: pack.fileName, query }
    : { ...pack, query };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const id = requireIdParam(params.id);
  if (!retryMeetingPack(packRequest(request, id))) notFound();
  return redirect(`/vergaderingen/${id}/stukken${new URL(request.url).search}`, 303);
});

/** Where a large pack is followed while it is built; it refreshes itself when JavaScript runs. */
export default function MeetingPack() {
  const data = useLoaderData<typeof loader>();
  const { meeting } = data;
  const revalidator = useRevalidator();
  const building = data.status === "wachtrij" || data.status === "bezig";
  useEffect(() => {
    if (!building) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1500);
    return () => clearInterval(timer);
  }, [building, revalidator]);
  const pdfUrl = `/vergaderingen/${meeting.id}/stukken.pdf${data.query}`;
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: `${meeting.bodyName}, ${formatDay(meeting.startsAt)}` },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Vergaderstukken als één PDF</h1>
      <p className="nl-paragraph">
        De agenda met paginanummers, en per agendapunt de stukken: PDF&apos;s samengevoegd, notities als pagina&apos;s
        en andere bestanden met een downloadlink. Met bladwijzers per agendapunt.{" "}
        {meeting.forMembers
          ? "Dit pakket bevat ook de besloten stukken die u mag zien; stuur het niet door."
          : "Dit is het openbare pakket: besloten agendapunten en stukken zitten er niet in."}
      </p>
      <div role="status" aria-live="polite">
        {data.status === "klaar" ? (
          <p className="nl-paragraph">
            Het pakket is klaar.{" "}
            <a className="nl-link" href={pdfUrl}>
              Open de vergaderstukken (PDF)
            </a>
          </p>
        ) : data.status === "mislukt" ? null : (
          <>
            <p className="nl-paragraph">
              {data.status === "wachtrij"
                ? "Het pakket staat in de wachtrij en wordt zo gemaakt."
                : `Het pakket wordt gemaakt: ${data.done} van ${data.total} stappen klaar.`}
            </p>
            <progress max={data.total} value={data.done} aria-label="Voortgang van het pakket">
              {data.done} van {data.total}
            </progress>
          </>
        )}
      </div>
      {data.status === "mislukt" ? (
        <>
          <Alert type="error">{data.message}</Alert>
          <Form method="post">
            <Button type="submit">Opnieuw proberen</Button>
          </Form>
        </>
      ) : null}
      {building ? (
        <p className="nl-paragraph">
          U kunt deze pagina open laten; zonder JavaScript ziet u de stand met{" "}
          <Link className="nl-link" to={`/vergaderingen/${meeting.id}/stukken${data.query}`} reloadDocument>
            Stand bijwerken
          </Link>
          .
        </p>
      ) : null}
    </>
  );
}
