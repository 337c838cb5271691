import { readDecisionList } from "~/lib/meeting-route.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { StatusBadge } from "~/components/status-badge";
import { amsterdamDateAndTime, formatDate, formatDateTime, formatDay } from "~/lib/format";
import { actionReviewResultLabels, agendaSectionLabels, decisionOutcomeLabels } from "~/lib/vocabulary";
import { listAttendance } from "~/models/attendance.server";
import { getMeetingActionList } from "~/models/action-lists.server";
import { pageRoute } from "~/lib/responses.server";
import { MeetingFacts } from "~/components/meeting-facts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Besluitenlijst ${data.list.meeting.bodyName}, ${formatDay(data.list.meeting.startsAt)} · Gremium`
      : "Besluitenlijst · Gremium",
  },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { viewer, list } = readDecisionList(request, params);
  // The actielijst as discussed is for the members of the body only.
  const actionList = list.visible ? getMeetingActionList({ viewer, meetingId: list.meeting.id }) : null;
  return {
    list,
    attendance: list.visible ? listAttendance({ viewer, meetingId: list.meeting.id }) : null,
    actionList: actionList ? { reviews: actionList.reviews, canProcess: actionList.canProcess } : null,
  };
});

export default function DecisionList() {
  const { list, attendance, actionList } = useLoaderData<typeof loader>();
  const meeting = list.meeting;
  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  const present = attendance?.invitees.filter((i) => i.attendance && i.attendance !== "afwezig") ?? [];
  const absent = attendance?.invitees.filter((i) => i.attendance === "afwezig") ?? [];
  const note = (i: (typeof present)[number]) =>
    i.attendance === "later"
      ? ` (later, ${i.attendanceNote})`
      : i.attendance === "eerder-weg"
        ? ` (eerder weg, ${i.attendanceNote})`
        : i.attendance === "vervangen"
          ? ` (vervangen door ${i.attendanceNote})`
          : "";
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">
        {list.status === "concept" ? "Concept besluitenlijst" : "Besluitenlijst"} {meeting.bodyName} van{" "}
        {formatDate(amsterdamDateAndTime(meeting.startsAt).date)}
      </h1>
      {!list.visible ? (
        <p className="nl-paragraph">
          De besluitenlijst van deze vergadering is nog niet vastgesteld. Zodra dat is gebeurd, staat zij hier.
        </p>
      ) : (
        <>
          <p className="nl-paragraph">
            {list.status === "vastgesteld" ? (
              <>
                <StatusBadge tone="safe">vastgesteld</StatusBadge>{" "}
                {list.adoptedBy ? (
                  <>
                    in de{" "}
                    <Link className="nl-link" to={`/vergaderingen/${list.adoptedBy.id}`}>
                      vergadering van {formatDay(list.adoptedBy.startsAt)}
                    </Link>
                  </>
                ) : null}
                {list.adoptedAt ? ` (${formatDateTime(list.adoptedAt)})` : null}
              </>
            ) : (
              <>
                <StatusBadge tone="warning">concept</StatusBadge> Wordt vastgesteld in de volgende vergadering.
              </>
            )}
          </p>
          <ul className="gremium-pager gremium-no-print">
            <li>
              <a className="nl-link" href={`/vergaderingen/${meeting.id}/besluitenlijst.docx`} download>
                Besluitenlijst als Word-bestand
              </a>
            </li>
            <li>Afdrukken of PDF: kies ‘Afdrukken’ in uw browser; de pagina is daarop ingericht.</li>
          </ul>
          <MeetingFacts meeting={{ ...meeting, secretaryName: null }}>
            {present.length > 0 ? (
              <>
                <dt>Aanwezig</dt>
                <dd>
                  {present
                    .map((i) => `${i.name}${i.organisationName ? ` (${i.organisationName})` : ""}${note(i)}`)
                    .join("; ")}
                </dd>
              </>
            ) : null}
            {absent.length > 0 ? (
              <>
                <dt>Afwezig</dt>
                <dd>{absent.map((i) => i.name).join("; ")}</dd>
              </>
            ) : null}
          </MeetingFacts>
          {list.hiddenCount > 0 ? (
            <Alert type="info">
              <p className="nl-paragraph">Het besloten deel is alleen voor leden beschikbaar.</p>
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
              {meeting.sections.map(({ section, items }) =>
                items.length === 0 ? null : (
                  <tbody key={section} className="utrecht-table__body">
                    {section === "opening" ? null : (
                      <tr className="utrecht-table__row gremium-agenda__section">
                        <th scope="rowgroup" colSpan={4} className="utrecht-table__header-cell">
                          {agendaSectionLabels[section]}
                        </th>
                      </tr>
                    )}
                    {items.map((item) => {
                      const decided = list.decisions.filter((d) => d.agendaItemId === item.id);
                      return (
                        <tr key={item.id} className="utrecht-table__row">
                          <td className="utrecht-table__cell gremium-agenda__nr">{item.number}</td>
                          <td className="utrecht-table__cell">{item.subject ?? <em>Besloten agendapunt</em>}</td>
                          <td className="utrecht-table__cell" data-label="Voorstel/advies">
                            {item.proposalHtml ? (
                              <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: item.proposalHtml }} />
                            ) : null}
                          </td>
                          <td className="utrecht-table__cell" data-label="Besluit">
                            {decided.map((d) => (
                              <div key={d.id} className="gremium-decision" id={d.reference}>
                                <p className="nl-paragraph">
                                  <Link className="nl-link" to={`/besluiten/${d.reference}`}>
                                    {d.reference}
                                  </Link>
                                  : <strong>{decisionOutcomeLabels[d.outcome]}</strong>{" "}
                                  {d.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
                                </p>
                                {d.textHtml ? (
                                  <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: d.textHtml }} />
                                ) : null}
                                {d.discussionHtml ? (
                                  <div
                                    className="gremium-prose gremium-muted"
                                    dangerouslySetInnerHTML={{ __html: d.discussionHtml }}
                                  />
                                ) : null}
                                {d.commitments.length > 0 ? (
                                  <ul>
                                    {d.commitments.map((c, i) => (
                                      <li key={i}>
                                        Toezegging {[c.personName, c.organisationName].filter(Boolean).join(", ")}:{" "}
                                        <Link className="nl-link" to={`/acties/${c.actionId}`}>
                                          {c.description}
                                        </Link>
                                        {c.dueOn ? ` (uiterlijk ${formatDate(c.dueOn)})` : ""}
                                      </li>
                                    ))}
                                  </ul>
                                ) : null}
                                {d.history.map((h, i) => (
                                  <p key={i} className="nl-paragraph gremium-muted">
                                    Gewijzigd bij vaststelling; oorspronkelijke tekst:{" "}
                                    <del>{h.previousTextMarkdown}</del>
                                  </p>
                                ))}
                              </div>
                            ))}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                ),
              )}
            </table>
          </div>
          {actionList && (actionList.reviews.length > 0 || actionList.canProcess) ? (
            <section aria-labelledby="actielijst">
              <h2 id="actielijst" className="nl-heading nl-heading--level-2">
                Actielijst
              </h2>
              {actionList.reviews.length === 0 ? (
                <p className="nl-paragraph">De actielijst is in deze vergadering nog niet verwerkt.</p>
              ) : (
                <ul>
                  {actionList.reviews.map((r) => (
                    <li key={r.actionId}>
                      <Link className="nl-link" to={`/acties/${r.actionId}`}>
                        {r.description}
                      </Link>{" "}
                      ({[r.ownerName, r.organisationName].filter(Boolean).join(", ") || "geen eigenaar"}):{" "}
                      {actionReviewResultLabels[r.result].toLowerCase()}
                      {r.newDueOn ? ` tot ${formatDate(r.newDueOn)}` : ""}
                      {r.note ? ` — ${r.note}` : ""}
                    </li>
                  ))}
                </ul>
              )}
              {actionList.canProcess ? (
                <p className="nl-paragraph">
                  <Link className="nl-link" to={`/vergaderingen/${meeting.id}/actielijst`}>
                    Actielijst verwerken
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
