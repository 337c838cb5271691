import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { requireIdParam } from "~/auth/guards";
import { refuseClosedRecord } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { formatDateTime, formatDay } from "~/lib/format";
import { getDocumentVersion } from "~/models/documents.server";
import { listNotesForPaper } from "~/models/notes.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.document.title} · Gremium` : "Stuk · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const versionId = requireIdParam(params.versionId);
  const document = getDocumentVersion({ viewer, versionId });
  if (!document) refuseClosedRecord(request, viewer, { kind: "version", id: versionId }, "Dit stuk bestaat niet.");
  const { path: _path, sha256: _sha, ...visible } = document;
  return {
    document: visible,
    notes: viewer
      ? listNotesForPaper({ viewer, documentId: document.documentId }).map((note) => ({
          id: note.id,
          own: note.own,
          authorName: note.authorName,
          isShared: note.isShared,
          textHtml: note.textHtml,
        }))
      : null,
  };
});

export default function DocumentPage() {
  const { document, notes } = useLoaderData<typeof loader>();
  const latest = document.versions[0];
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          {
            to: `/vergaderingen/${document.meeting.id}`,
            label: `${document.meeting.bodyName}, ${formatDay(document.meeting.startsAt)}`,
          },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">{document.title}</h1>
      <p className="nl-paragraph">
        Versie {document.number} van {formatDateTime(document.createdAt)}
        {latest && latest.number !== document.number ? (
          <>
            {" "}
            — er is een nieuwere versie:{" "}
            <Link className="nl-link" to={`/stukken/${latest.id}`}>
              versie {latest.number}
            </Link>
          </>
        ) : null}
      </p>
      {document.kind === "file" ? (
        <p className="nl-paragraph">
          <a className="nl-link" href={`/stukken/${document.versionId}/bestand`}>
            {document.fileName} downloaden
          </a>
          {document.hasTextVersion ? (
            <>
              {" · "}
              <Link className="nl-link" to={`/stukken/${document.versionId}/tekst`}>
                Tekstversie lezen
              </Link>
            </>
          ) : null}
        </p>
      ) : (
        <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: document.noteHtml ?? "" }} />
      )}
      {notes ? (
        <section aria-labelledby="notities">
          <h2 id="notities" className="nl-heading nl-heading--level-2">
            Notities bij dit stuk
          </h2>
          {notes.length ? (
            <ul className="gremium-plain-list">
              {notes.map((note) => (
                <li key={note.id}>
                  <p className="nl-paragraph gremium-muted">
                    {note.own
                      ? note.isShared
                        ? "Van u, gedeeld met de leden"
                        : "Van u, privé"
                      : `Van ${note.authorName}, gedeeld`}
                  </p>
                  <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: note.textHtml }} />
                </li>
              ))}
            </ul>
          ) : null}
          <p className="nl-paragraph">
            <Link className="nl-link" to={`/vergaderingen/${document.meeting.id}/notities`}>
              {notes.length ? "Notities bewerken of toevoegen" : "Een notitie maken bij dit stuk"}
            </Link>
          </p>
        </section>
      ) : null}
      {document.versions.length > 1 ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Alle versies</h2>
          <ul className="gremium-versions">
            {document.versions.map((version) => (
              <li key={version.id}>
                <Link
                  className="nl-link"
                  to={`/stukken/${version.id}`}
                  aria-current={version.id === document.versionId ? "page" : undefined}
                >
                  Versie {version.number}
                  {version.fileName ? `: ${version.fileName}` : ""}
                </Link>{" "}
                <span className="gremium-muted">{formatDateTime(version.createdAt)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
