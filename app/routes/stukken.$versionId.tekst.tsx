import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { requireIdParam } from "~/auth/guards";
import { refuseClosedRecord } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { formatDay } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { getPaperTextVersion } from "~/models/documents.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Tekstversie: ${data.paper.title} · Gremium` : "Tekstversie · Gremium" },
];

/** The text of an uploaded paper as a web page, for a screen reader or a small screen. */
export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const versionId = requireIdParam(params.versionId);
  const paper = getPaperTextVersion({ viewer, versionId });
  if (!paper)
    refuseClosedRecord(request, viewer, { kind: "version", id: versionId }, "Van dit stuk is geen tekstversie.");
  return {
    paper: {
      versionId: paper.versionId,
      title: paper.title,
      fileName: paper.fileName,
      isConfidential: paper.isConfidential,
      meeting: paper.meeting,
      textHtml: paper.textHtml,
    },
  };
});

export default function PaperTextPage() {
  const { paper } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          {
            to: `/vergaderingen/${paper.meeting.id}`,
            label: `${paper.meeting.bodyName}, ${formatDay(paper.meeting.startsAt)}`,
          },
          { to: `/stukken/${paper.versionId}`, label: paper.title },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">{paper.title}</h1>
      <p className="nl-paragraph gremium-muted">
        Tekstversie van{" "}
        <a className="nl-link" href={`/stukken/${paper.versionId}/bestand`}>
          {paper.fileName}
        </a>
        , gemaakt uit de tekst van het bestand. Tabellen, afbeeldingen en opmaak kunnen ontbreken: bij twijfel geldt het
        bestand.{" "}
        <Link className="nl-link" to={`/stukken/${paper.versionId}`}>
          Terug naar het stuk
        </Link>
      </p>
      <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: paper.textHtml }} />
    </>
  );
}
