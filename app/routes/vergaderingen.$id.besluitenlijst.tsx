import { commitmentLabel } from "~/lib/commitment-owner";
import { readDecisionList } from "~/lib/meeting-route.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { Alert, ConfidentialNotice } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { StatusBadge } from "~/components/status-badge";
import { amsterdamDateAndTime, formatDate, formatDay } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { CONFIDENTIAL_MARK } from "~/lib/confidential";
import { composeDecisionList, type DecisionListDocument } from "~/models/decision-list-document.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Besluitenlijst ${data.meeting.bodyName}, ${formatDay(data.meeting.startsAt)} · Gremium`
      : "Besluitenlijst · Gremium",
  },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { viewer, list } = readDecisionList(request, params);
  const meeting = { id: list.meeting.id, bodyName: list.meeting.bodyName, startsAt: list.meeting.startsAt };
  return { meeting, document: list.visible ? composeDecisionList({ viewer, list }) : null };
});

export default function DecisionList() {
  const { meeting, document } = useLoaderData<typeof loader>();
  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
        ]}
      />
      {!document ? (
        <>
          <h1 className="nl-heading nl-heading--level-1">
            Concept besluitenlijst {meeting.bodyName} van {formatDate(amsterdamDateAndTime(meeting.startsAt).date)}
          </h1>
          <p className="nl-paragraph">
            De besluitenlijst van deze vergadering is nog niet vastgesteld. Zodra dat is gebeurd, staat zij hier.
          </p>
        </>
      ) : (
        <DecisionListBody document={document} />
      )}
    </>
  );
}

function DecisionListBody({ document }: { document: DecisionListDocument }) {
  return (
    <>
      {document.containsConfidential ? <ConfidentialNotice /> : null}
      <h1 className="nl-heading nl-heading--level-1">{document.title}</h1>
      <p className="nl-paragraph">
        <StatusBadge tone={document.status === "vastgesteld" ? "safe" : "warning"}>{document.status}</StatusBadge>{" "}
        {document.adoptedBy ? (
          <>
            Vastgesteld in de{" "}
            <Link className="nl-link" to={`/vergaderingen/${document.adoptedBy.id}`}>
              vergadering van {formatDay(document.adoptedBy.startsAt)}
            </Link>
            .
          </>
        ) : (
          document.adoption
        )}
      </p>
      <ul className="gremium-pager gremium-no-print">
        <li>
          <a className="nl-link" href={`/vergaderingen/${document.meetingId}/besluitenlijst.pdf`}>
            Besluitenlijst als PDF
          </a>
        </li>
        <li>
          <a className="nl-link" href={`/vergaderingen/${document.meetingId}/besluitenlijst.docx`} download>
            Besluitenlijst als Word-bestand
          </a>
        </li>
        <li>Afdrukken: kies ‘Afdrukken’ in uw browser; de pagina is daarop ingericht.</li>
      </ul>
      <dl className="gremium-meta">
        {document.facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {document.hiddenNote ? (
        <Alert type="info">
          <p className="nl-paragraph">{document.hiddenNote}</p>
        </Alert>
      ) : null}
      <div className="gremium-table-wrap">
        <table className="utrecht-table utrecht-table--html-table gremium-agenda gremium-table-stack">
          <caption className="utrecht-table__caption gremium-visually-hidden">Besluiten per agendapunt</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell gremium-agenda__nr">
                Nr.
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Onderwerp
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Voorstel/advies
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                Besluit
              </th>
            </tr>
          </thead>
          {document.sections.map(({ section, label, items }) => (
            <tbody key={section} className="utrecht-table__body">
              {label ? (
                <tr className="utrecht-table__row gremium-agenda__section">
                  <th scope="rowgroup" colSpan={4} className="utrecht-table__header-cell">
                    {label}
                  </th>
                </tr>
              ) : null}
              {items.map((item) => (
                <tr key={item.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell gremium-agenda__nr">{item.number}</td>
                  <td className="utrecht-table__cell">
                    {item.subject ?? <em>Besloten agendapunt</em>}
                    {item.isConfidential ? (
                      <>
                        {" "}
                        <StatusBadge tone="warning">{CONFIDENTIAL_MARK}</StatusBadge>
                      </>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell" data-label="Voorstel/advies">
                    {item.proposalHtml ? (
                      <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: item.proposalHtml }} />
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell" data-label="Besluit">
                    {item.decisions.map((d) => (
                      <div key={d.id} className="gremium-decision" id={d.reference}>
                        <p className="nl-paragraph">
                          <Link className="nl-link" to={`/besluiten/${d.reference}`}>
                            {d.reference}
                          </Link>
                          : <strong>{d.outcomeLabel}</strong>{" "}
                          {d.isConfidential ? <StatusBadge tone="warning">{CONFIDENTIAL_MARK}</StatusBadge> : null}
                        </p>
                        {d.textHtml ? (
                          <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: d.textHtml }} />
                        ) : null}
                        {d.discussionHtml ? (
                          <div className="gremium-verslag">
                            <p className="nl-paragraph">
                              <strong>Verslag</strong>
                            </p>
                            <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: d.discussionHtml }} />
                          </div>
                        ) : null}
                        {d.commitments.length > 0 ? (
                          <ul>
                            {d.commitments.map((c) => (
                              <li key={c.actionId}>
                                {commitmentLabel(c.who)}:{" "}
                                <Link className="nl-link" to={`/acties/${c.actionId}`}>
                                  {c.description}
                                </Link>
                                {c.due ? ` (${c.due})` : ""}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {d.history.map((previous, i) => (
                          <p key={i} className="nl-paragraph gremium-muted">
                            Gewijzigd bij vaststelling; oorspronkelijke tekst: <del>{previous}</del>
                          </p>
                        ))}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {document.written.length ? (
        <section aria-labelledby="schriftelijk">
          <h2 id="schriftelijk" className="nl-heading nl-heading--level-2">
            Schriftelijk besloten
          </h2>
          <p className="nl-paragraph">
            Besloten in een schriftelijke ronde sinds de vorige vergadering; vastgesteld met deze lijst.
          </p>
          {document.written.map((w) => (
            <div key={w.id} className="gremium-decision" id={w.reference}>
              <h3 className="nl-heading nl-heading--level-3">
                {w.reference}: {w.title}
              </h3>
              <p className="nl-paragraph">
                <strong>{w.outcomeLabel}</strong>{" "}
                {w.isConfidential ? <StatusBadge tone="warning">{CONFIDENTIAL_MARK}</StatusBadge> : null} Gesloten op{" "}
                {w.closedOn}. {w.tally}.
              </p>
              <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: w.proposalHtml }} />
              {w.answers.length ? (
                <ul>
                  {w.answers.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
      {document.actionList && (document.actionList.reviews.length > 0 || document.actionList.canProcess) ? (
        <section aria-labelledby="actielijst">
          <h2 id="actielijst" className="nl-heading nl-heading--level-2">
            Actielijst
          </h2>
          {document.actionList.reviews.length === 0 ? (
            <p className="nl-paragraph">De actielijst is in deze vergadering nog niet verwerkt.</p>
          ) : (
            <ul>
              {document.actionList.reviews.map((r) => (
                <li key={r.actionId}>
                  <Link className="nl-link" to={`/acties/${r.actionId}`}>
                    {r.description}
                  </Link>{" "}
                  ({r.outcome})
                </li>
              ))}
            </ul>
          )}
          {document.actionList.canProcess ? (
            <p className="nl-paragraph gremium-no-print">
              <Link className="nl-link" to={`/vergaderingen/${document.meetingId}/actielijst`}>
                Actielijst verwerken
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
