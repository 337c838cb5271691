import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { env } from "~/lib/env.server";
import { formatTimestamp } from "~/lib/format";
import { listOutbox } from "~/lib/mail.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Uitgaande post · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  requireRole(request, ["beheerder"]);
  return { messages: listOutbox(), viaSmtp: Boolean(env().SMTP_URL) };
});

export default function Outbox() {
  const { messages, viaSmtp } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Uitgaande post</h1>
      <p className="nl-paragraph">
        {viaSmtp
          ? "Gremium verstuurt e-mail via de ingestelde mailserver (SMTP_URL). Hieronder staan alleen berichten van vóór die instelling."
          : "Er is geen mailserver ingesteld (SMTP_URL). Elk bericht wordt daarom als .eml-bestand bewaard; u kunt het hier openen of doorsturen."}
      </p>
      {messages.length === 0 ? (
        <p className="nl-paragraph">Er zijn nog geen berichten.</p>
      ) : (
        <div className="gremium-table-wrap">
          <table className="utrecht-table utrecht-table--html-table gremium-table-stack">
            <caption className="utrecht-table__caption gremium-visually-hidden">
              Bewaarde berichten, nieuwste eerst
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Wanneer
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Aan
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Onderwerp
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {messages.map((message) => (
                <tr key={message.file} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{formatTimestamp(message.writtenAt)}</td>
                  <td className="utrecht-table__cell" data-label="Aan">
                    {message.to}
                  </td>
                  <td className="utrecht-table__cell" data-label="Onderwerp">
                    <a className="nl-link" href={`/beheer/uitgaande-post/${message.file}`} download>
                      {message.subject}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
