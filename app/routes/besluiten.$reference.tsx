import { commitmentOwner } from "~/lib/commitment-owner";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { GoalLinksForm, GoalLinksList } from "~/components/goal-links-form";
import { refuseClosedRecord, requireUser } from "~/auth/permissions.server";
import { amsterdamDateAndTime } from "~/lib/format";
import { loadGoalLinks, saveGoalLinks } from "~/lib/goal-links-route.server";
import { Breadcrumb } from "~/components/breadcrumb";
import { StatusBadge } from "~/components/status-badge";
import { notFound } from "~/auth/guards";
import { getViewer } from "~/auth/session.server";
import { formatDate, formatDateTime, formatDay } from "~/lib/format";
import { actionStatusLabels, decisionOutcomeLabels } from "~/lib/vocabulary";
import { getDecisionByReference } from "~/models/decisions.server";
import { listDocumentsForMeeting } from "~/models/documents.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Besluit ${data.decision.reference} · Gremium` : "Besluit · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const reference = params.reference ?? "";
  const decision = getDecisionByReference({ viewer, reference });
  if (!decision) refuseClosedRecord(request, viewer, { kind: "decision", reference }, "Dit besluit bestaat niet.");
  const documents = listDocumentsForMeeting({ viewer, meetingId: decision.meetingId })
    .filter((d) => d.current.agendaItemId === decision.agendaItemId)
    .map((d) => ({ title: d.current.title, versionId: d.current.versionId }));
  const target = { kind: "decision" as const, id: decision.id };
  return {
    decision,
    documents,
    ...loadGoalLinks(viewer, target, Number(amsterdamDateAndTime(decision.startsAt).date.slice(0, 4))),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const decision = getDecisionByReference({ viewer, reference: params.reference ?? "" });
  if (!decision) notFound("Dit besluit bestaat niet of is niet voor u zichtbaar.");
  return saveGoalLinks(
    viewer,
    { kind: "decision", id: decision.id },
    await request.formData(),
    `/besluiten/${decision.reference}`,
  );
});

export default function DecisionPage() {
  const { decision, documents, goals, goalForm } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <Breadcrumb items={[{ to: "/besluiten", label: "Besluiten" }]} />
      <h1 className="nl-heading nl-heading--level-1">
        Besluit {decision.reference}: {decision.subject}
      </h1>
      {searchParams.get("gekoppeld") ? <Alert type="ok">De koppelingen zijn opgeslagen.</Alert> : null}
      <dl className="gremium-meta">
        <dt>Uitkomst</dt>
        <dd>
          {decisionOutcomeLabels[decision.outcome]}{" "}
          {decision.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
        </dd>
        <dt>Vergadering</dt>
        <dd>
          <Link className="nl-link" to={`/vergaderingen/${decision.meetingId}`}>
            {decision.bodyName}, {formatDay(decision.startsAt)}
          </Link>
        </dd>
        <dt>Besluitenlijst</dt>
        <dd>
          <Link className="nl-link" to={`/vergaderingen/${decision.meetingId}/besluitenlijst`}>
            {decision.listStatus === "vastgesteld" ? "vastgesteld" : "concept"}
          </Link>
          {decision.adoptedAt ? ` op ${formatDateTime(decision.adoptedAt)}` : ""}
        </dd>
      </dl>
      {decision.proposalHtml ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Voorstel</h2>
          <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: decision.proposalHtml }} />
        </>
      ) : null}
      <h2 className="nl-heading nl-heading--level-2">Besluit</h2>
      {decision.textHtml ? (
        <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: decision.textHtml }} />
      ) : (
        <p className="nl-paragraph">{decisionOutcomeLabels[decision.outcome]}.</p>
      )}
      {decision.discussionHtml ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Verslag</h2>
          <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: decision.discussionHtml }} />
        </>
      ) : null}
      {decision.commitments.length > 0 ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Toezeggingen</h2>
          <ul>
            {decision.commitments.map((c, i) => (
              <li key={i}>
                {commitmentOwner(c) ? `${commitmentOwner(c)}: ` : ""}
                <Link className="nl-link" to={`/acties/${c.actionId}`}>
                  {c.description}
                </Link>
                {c.dueOn ? ` (uiterlijk ${formatDate(c.dueOn)})` : ""} — {actionStatusLabels[c.status].toLowerCase()}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {goals.objectives.length + goals.planGoals.length > 0 || goalForm ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Draagt bij aan</h2>
          <GoalLinksList links={goals} />
          {goals.objectives.length + goals.planGoals.length === 0 ? (
            <p className="nl-paragraph">Nog niet gekoppeld aan een opgave of plandoel.</p>
          ) : null}
          {goalForm ? (
            <GoalLinksForm
              options={goalForm.options}
              linked={goalForm.linked}
              done={Boolean(searchParams.get("gekoppeld"))}
            />
          ) : null}
        </>
      ) : null}
      {documents.length > 0 ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Stukken</h2>
          <ul>
            {documents.map((d) => (
              <li key={d.versionId}>
                <Link className="nl-link" to={`/stukken/${d.versionId}`}>
                  {d.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.history.length > 0 ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Geschiedenis</h2>
          <ul>
            {decision.history.map((h, i) => (
              <li key={i}>
                Gewijzigd bij vaststelling op {formatDateTime(h.createdAt)}; eerdere tekst:{" "}
                <del>{h.previousTextMarkdown}</del>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
