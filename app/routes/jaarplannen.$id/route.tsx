import { ScrollRegion } from "~/components/scroll-region";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { pageRoute } from "~/lib/responses.server";
import { Alert, SavedStatus } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { StatusBadge } from "~/components/status-badge";
import { formatDay, formatEuro } from "~/lib/format";
import {
  budgetKindLabels,
  budgetKinds,
  decisionOutcomeLabels,
  planGoalStatusLabels,
  planStatusLabels,
} from "~/lib/vocabulary";
import { loadPlanPage, planAction, type Reply } from "./data.server";
import { BudgetForm, ChapterForm, GoalForm, GoalObjectivesForm, ReportForm, StepButton, SubmitForm } from "./forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title} · Gremium` : "Jaarplan niet gevonden · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const found = loadPlanPage(getViewer(request), requireIdParam(params.id));
  if (!found) notFound("Dit jaarplan bestaat niet, of is (nog) niet openbaar.");
  return found;
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  return planAction(viewer, requireIdParam(params.id), await request.formData());
});

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const doneMessages: Record<string, string> = {
  "chapter-add": "Het hoofdstuk is toegevoegd.",
  "chapter-edit": "Het hoofdstuk is opgeslagen.",
  "chapter-remove": "Het hoofdstuk is verwijderd.",
  "goal-add": "Het doel is toegevoegd.",
  "goal-edit": "Het doel is bijgewerkt.",
  "goal-remove": "Het doel is verwijderd.",
  "budget-add": "De begrotingsregel is toegevoegd.",
  "budget-remove": "De begrotingsregel is verwijderd.",
  submit: "Het jaarplan ligt ter instemming bij de stuurgroep.",
  close: "Het jaar is afgesloten; het concept-jaarverslag staat klaar.",
  "report-save": "Het jaarverslag is opgeslagen.",
  "report-publish": "Het jaarverslag is gepubliceerd.",
};

const stepIntents = ["close", "report-publish", "chapter-remove", "goal-remove", "budget-remove", "onbekend"];

export default function PlanPage() {
  const loaded = useLoaderData<typeof loader>();
  const {
    plan,
    chapters,
    goals,
    budget,
    totals,
    consentItem,
    decision,
    canManage,
    editable,
    progressEditable,
    consentMeetings,
  } = loaded;
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [searchParams] = useSearchParams();
  const done = doneMessages[searchParams.get("gedaan") ?? ""];
  // Buttons without a form of their own (close, publish, remove) report above the plan.
  const stepError =
    reply && stepIntents.includes(reply.formKey) ? Object.values(reply.result.error ?? {}).flat() : null;
  return (
    <>
      <Breadcrumb items={[{ to: "/jaarplannen", label: "Jaarplannen" }]} />
      <h1 className="nl-heading nl-heading--level-1">{plan.title}</h1>
      <SavedStatus message={done} />
      {searchParams.get("gekoppeld") ? <Alert type="ok">De koppelingen zijn opgeslagen.</Alert> : null}
      {stepError?.length ? <Alert type="error">{stepError.join(" ")}</Alert> : null}
      <dl className="gremium-meta">
        <dt>Status</dt>
        <dd>
          <StatusBadge
            tone={plan.status === "concept" ? "warning" : plan.status === "ter_instemming" ? "neutral" : "safe"}
          >
            {planStatusLabels[plan.status].toLowerCase()}
          </StatusBadge>
        </dd>
        <dt>Gremium</dt>
        <dd>
          <Link className="nl-link" to={`/gremia/${plan.bodySlug}`}>
            {plan.bodyName}
          </Link>
        </dd>
        <dt>Jaar</dt>
        <dd>{plan.year}</dd>
        {consentItem ? (
          <>
            <dt>Ter instemming</dt>
            <dd>
              <Link className="nl-link" to={`/vergaderingen/${consentItem.meetingId}`}>
                {consentItem.bodyName}, {formatDay(consentItem.startsAt)}
              </Link>
              : {consentItem.subject}
            </dd>
          </>
        ) : null}
        {decision ? (
          <>
            <dt>Besluit</dt>
            <dd>
              <Link className="nl-link" to={`/besluiten/${decision.reference}`}>
                {decision.reference}
              </Link>{" "}
              ({decisionOutcomeLabels[decision.outcome].toLowerCase()})
            </dd>
          </>
        ) : null}
      </dl>
      <p className="nl-paragraph">
        <a className="nl-link" href={`/jaarplannen/${plan.id}.docx`} download>
          Jaarplan als Word-bestand
        </a>
      </p>

      {canManage ? (
        <section aria-labelledby="werkwijze">
          <h2 className="nl-heading nl-heading--level-2" id="werkwijze">
            Verder met dit plan
          </h2>
          {plan.status === "concept" ? <SubmitForm plan={plan} meetings={consentMeetings} reply={reply} /> : null}
          {plan.status === "ter_instemming" ? (
            <p className="nl-paragraph">
              Het plan ligt ter instemming bij de stuurgroep. Het is vastgesteld zodra het secretariaat het besluit van
              de stuurgroep bij dat agendapunt vastlegt.
            </p>
          ) : null}
          {plan.status === "vastgesteld" ? (
            <>
              <p className="nl-paragraph">
                Aan het eind van het jaar sluit u het plan af. Gremium maakt dan een concept-jaarverslag met per doel de
                status en de besluiten en afgeronde acties van dat jaar.
              </p>
              <StepButton intent="close" version={plan.version} label="Jaar afsluiten en jaarverslag maken" />
            </>
          ) : null}
          {plan.status === "afgesloten" ? (
            <>
              <ReportForm plan={plan} reply={reply} />
              {plan.reportPublishedAt ? (
                <p className="nl-paragraph">Gepubliceerd op {formatDay(plan.reportPublishedAt)}.</p>
              ) : (
                <StepButton intent="report-publish" version={plan.version} label="Jaarverslag publiceren" />
              )}
            </>
          ) : null}
        </section>
      ) : null}

      {plan.status === "afgesloten" && (plan.reportPublishedAt || canManage) && plan.reportHtml ? (
        <section aria-labelledby="jaarverslag">
          <h2 className="nl-heading nl-heading--level-2" id="jaarverslag">
            Jaarverslag {plan.reportPublishedAt ? null : <StatusBadge tone="warning">concept</StatusBadge>}
          </h2>
          <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: plan.reportHtml }} />
        </section>
      ) : null}

      <h2 className="nl-heading nl-heading--level-2">Hoofdstukken</h2>
      {chapters.length === 0 ? <p className="nl-paragraph">Nog geen hoofdstukken.</p> : null}
      {chapters.map((chapter, index) => (
        <section key={chapter.id} aria-labelledby={`hoofdstuk-${chapter.id}`}>
          <h3 className="nl-heading nl-heading--level-3" id={`hoofdstuk-${chapter.id}`}>
            {index + 1}. {chapter.title}
          </h3>
          <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: chapter.bodyHtml }} />
          {editable ? (
            <>
              <ChapterForm chapter={chapter} reply={reply} />
              <StepButton intent="chapter-remove" targetId={chapter.id} label="Hoofdstuk verwijderen" danger />
            </>
          ) : null}
        </section>
      ))}
      {editable ? <ChapterForm reply={reply} /> : null}

      <h2 className="nl-heading nl-heading--level-2">Doelen en activiteiten</h2>
      {goals.length === 0 ? (
        <p className="nl-paragraph">Nog geen doelen.</p>
      ) : (
        <ol className="gremium-objectives">
          {goals.map((goal) => (
            <li key={goal.id} aria-labelledby={`doel-${goal.id}`}>
              <h3 className="nl-heading nl-heading--level-3" id={`doel-${goal.id}`}>
                {goal.title}
              </h3>
              <p className="nl-paragraph">
                <StatusBadge
                  tone={goal.status === "afgerond" ? "safe" : goal.status === "uitgesteld" ? "danger" : "neutral"}
                >
                  {planGoalStatusLabels[goal.status].toLowerCase()}
                </StatusBadge>{" "}
                {[goal.ownerName, goal.quarter ? `kwartaal ${goal.quarter}` : null].filter(Boolean).join(" · ")}
              </p>
              {goal.progressNote ? <p className="nl-paragraph">{goal.progressNote}</p> : null}
              {goal.objectives.length > 0 ? (
                <p className="nl-paragraph">
                  Draagt bij aan:{" "}
                  {goal.objectives.map((o, i) => (
                    <span key={o.objectiveId}>
                      {i > 0 ? ", " : ""}
                      <Link className="nl-link" to={`/programmas/${o.programmeSlug}/${o.number}`}>
                        {o.number}. {o.title}
                      </Link>
                    </span>
                  ))}
                </p>
              ) : null}
              {progressEditable ? <GoalForm goal={goal} reply={reply} fullEdit={editable} /> : null}
              {loaded.objectiveOptions.length > 0 ? (
                <GoalObjectivesForm
                  goalId={goal.id}
                  options={loaded.objectiveOptions}
                  linked={(loaded.goalLinks as Record<string, { objectiveIds: number[] }>)[goal.id]?.objectiveIds ?? []}
                />
              ) : null}
              {editable ? <StepButton intent="goal-remove" targetId={goal.id} label="Doel verwijderen" danger /> : null}
            </li>
          ))}
        </ol>
      )}
      {editable ? <GoalForm reply={reply} fullEdit /> : null}

      <h2 className="nl-heading nl-heading--level-2">Begroting</h2>
      {budget.length === 0 ? (
        <p className="nl-paragraph">Nog geen begroting.</p>
      ) : (
        <ScrollRegion label={`Begroting ${plan.year}`}>
          <table className="utrecht-table utrecht-table--html-table gremium-budget">
            <caption className="gremium-visually-hidden">Begroting {plan.year}</caption>
            {budgetKinds.map((kind) => (
              <tbody key={kind} className="utrecht-table__body">
                <tr className="utrecht-table__row">
                  <th scope="rowgroup" colSpan={editable ? 3 : 2} className="utrecht-table__header-cell">
                    {budgetKindLabels[kind]}
                  </th>
                </tr>
                {budget
                  .filter((line) => line.kind === kind)
                  .map((line) => (
                    <tr key={line.id} className="utrecht-table__row">
                      <td className="utrecht-table__cell">{line.description}</td>
                      <td className="utrecht-table__cell gremium-amount">{formatEuro(line.amountCents)}</td>
                      {editable ? (
                        <td className="utrecht-table__cell">
                          <StepButton intent="budget-remove" targetId={line.id} label="Verwijderen" danger />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                <tr className="utrecht-table__row gremium-total">
                  <th scope="row" className="utrecht-table__cell">
                    Totaal {budgetKindLabels[kind].toLowerCase()}
                  </th>
                  <td className="utrecht-table__cell gremium-amount">{formatEuro(totals[kind])}</td>
                  {editable ? <td className="utrecht-table__cell" /> : null}
                </tr>
              </tbody>
            ))}
            <tbody className="utrecht-table__body">
              <tr className="utrecht-table__row gremium-total">
                <th scope="row" className="utrecht-table__cell">
                  Saldo (baten min lasten)
                </th>
                <td className="utrecht-table__cell gremium-amount">{formatEuro(totals.saldo)}</td>
                {editable ? <td className="utrecht-table__cell" /> : null}
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {editable ? <BudgetForm reply={reply} /> : null}
    </>
  );
}
