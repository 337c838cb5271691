import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { env } from "~/lib/env.server";
import { formatTimestamp } from "~/lib/format";
import { listOutbox } from "~/lib/mail.server";
import { pageRoute } from "~/lib/responses.server";
import { DataTable } from "~/components/data-table";

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
        <DataTable
          caption="Bewaarde berichten, nieuwste eerst"
          captionHidden
          stacked
          rows={messages}
          rowKey={(message) => message.file}
          columns={[
            { header: "Wanneer", cell: (message) => formatTimestamp(message.writtenAt) },
            { header: "Aan", cell: (message) => message.to },
            {
              header: "Onderwerp",
              cell: (message) => (
                <a className="nl-link" href={`/beheer/uitgaande-post/${message.file}`} download>
                  {message.subject}
                </a>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
