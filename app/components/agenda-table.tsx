import { CONFIDENTIAL_MARK } from "~/lib/confidential";
import { formatDateTime } from "~/lib/format";
import { isActionListItem } from "~/lib/standing-items";
import { agendaSectionLabels, type AgendaSection } from "~/lib/vocabulary";
import { StatusBadge } from "./status-badge";

export type AgendaRow = {
  id: number;
  number: string;
  isConfidential: boolean;
  subject: string | null;
  proposalHtml: string | null;
  presenter: string | null;
  plannedMinutes: number | null;
  changedAfterPublishAt: number | null;
  adoptsMeetingId?: number | null;
};

/**
 * The agenda as the seed documents lay it out: NR / ONDERWERP / VOORSTEL/ADVIES, the opening block
 * first, then sections A to D. A besloten item the reader may not see keeps its number only.
 */
export type AgendaDocument = {
  agendaItemId: number;
  title: string;
  versionId: number;
  number: number;
  isConfidential: boolean;
  /** An HTML version of the file's text exists, for reading with a screen reader. */
  hasTextVersion?: boolean;
  /** For those who prepare the meeting: what makes an uploaded PDF hard to read with a screen reader. */
  accessibilityProblems?: string[] | null;
};

export type AgendaHandoff = {
  fromAgendaItemId: number;
  toBodyName: string;
  status: string;
  decisions: { reference: string }[];
};

export function AgendaTable({
  sections,
  caption,
  documents = [],
  handoffs = [],
  actionList = null,
}: {
  sections: { section: AgendaSection; items: AgendaRow[] }[];
  caption: string;
  documents?: AgendaDocument[];
  handoffs?: AgendaHandoff[];
  /** For members: the body's running actions, shown at the standing "Actielijst" item. */
  actionList?: { href: string; running: number; overdue: number } | null;
}) {
  return (
    <div className="gremium-table-wrap">
      <table className="utrecht-table utrecht-table--html-table gremium-agenda gremium-table-stack">
        <caption className="utrecht-table__caption gremium-visually-hidden">{caption}</caption>
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
          </tr>
        </thead>
        {sections.map(({ section, items }) =>
          section === "opening" && items.length === 0 ? null : (
            <tbody key={section} className="utrecht-table__body">
              {section === "opening" ? null : (
                <tr className="utrecht-table__row gremium-agenda__section">
                  <th scope="rowgroup" colSpan={3} className="utrecht-table__header-cell">
                    {agendaSectionLabels[section]}
                  </th>
                </tr>
              )}
              {items.map((item) => (
                <tr key={item.id} className="utrecht-table__row" id={`punt-${item.number}`}>
                  <td className="utrecht-table__cell gremium-agenda__nr">{item.number}</td>
                  <td className="utrecht-table__cell">
                    {item.subject === null ? (
                      <em>Besloten agendapunt</em>
                    ) : (
                      <>
                        <strong>{item.subject}</strong>
                        {item.presenter ? (
                          <div className="gremium-muted">Toelichting door: {item.presenter}</div>
                        ) : null}
                        {item.plannedMinutes ? (
                          <div className="gremium-muted">{item.plannedMinutes} minuten</div>
                        ) : null}
                      </>
                    )}
                    {documents.some((d) => d.agendaItemId === item.id) ? (
                      <ul className="gremium-item-documents" aria-label={`Stukken bij ${item.number}`}>
                        {documents
                          .filter((d) => d.agendaItemId === item.id)
                          .map((d) => (
                            <li key={d.versionId}>
                              <a className="nl-link" href={`/stukken/${d.versionId}`}>
                                {d.title}
                              </a>
                              {d.number > 1 ? <span className="gremium-muted"> (versie {d.number})</span> : null}
                              {d.isConfidential ? <span className="gremium-muted"> ({CONFIDENTIAL_MARK})</span> : null}
                              {d.hasTextVersion ? (
                                <>
                                  {" "}
                                  <a
                                    className="nl-link gremium-muted"
                                    href={`/stukken/${d.versionId}/tekst`}
                                    aria-label={`Tekstversie van ${d.title}`}
                                  >
                                    (tekstversie)
                                  </a>
                                </>
                              ) : null}
                              {d.accessibilityProblems?.length ? (
                                <div className="gremium-accessibility-warning">
                                  Niet toegankelijk: {d.accessibilityProblems.join(", ")}
                                </div>
                              ) : null}
                            </li>
                          ))}
                      </ul>
                    ) : null}
                    {handoffs
                      .filter((h) => h.fromAgendaItemId === item.id)
                      .map((h) => (
                        <div key={h.toBodyName} className="gremium-muted">
                          Doorgezet naar {h.toBodyName}
                          {h.decisions.map((d) => (
                            <span key={d.reference}>
                              {" "}
                              — besluit{" "}
                              <a className="nl-link" href={`/besluiten/${d.reference}`}>
                                {d.reference}
                              </a>
                            </span>
                          ))}
                        </div>
                      ))}
                    {actionList && isActionListItem(item.subject) ? (
                      <div>
                        <a className="nl-link" href={actionList.href}>
                          Bekijk de actielijst
                        </a>{" "}
                        <span className="gremium-muted">
                          ({actionList.running} lopend
                          {actionList.overdue ? `, ${actionList.overdue} over de termijn` : ""})
                        </span>
                      </div>
                    ) : null}
                    {item.adoptsMeetingId ? (
                      <div>
                        <a className="nl-link" href={`/vergaderingen/${item.adoptsMeetingId}/besluitenlijst`}>
                          Bekijk de besluitenlijst die wordt vastgesteld
                        </a>
                      </div>
                    ) : null}
                    {item.isConfidential && item.subject !== null ? (
                      <div>
                        <StatusBadge tone="warning">{CONFIDENTIAL_MARK}</StatusBadge>
                      </div>
                    ) : null}
                    {item.changedAfterPublishAt ? (
                      <div>
                        <StatusBadge tone="warning">gewijzigd na publicatie</StatusBadge>{" "}
                        <span className="gremium-muted">{formatDateTime(item.changedAfterPublishAt)}</span>
                      </div>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell" data-label="Voorstel/advies">
                    {item.proposalHtml ? (
                      <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: item.proposalHtml }} />
                    ) : null}
                  </td>
                </tr>
              ))}
              {items.length === 0 ? (
                <tr className="utrecht-table__row">
                  <td className="utrecht-table__cell" colSpan={3}>
                    <span className="gremium-muted">Geen punten in deze rubriek.</span>
                  </td>
                </tr>
              ) : null}
            </tbody>
          ),
        )}
      </table>
    </div>
  );
}
