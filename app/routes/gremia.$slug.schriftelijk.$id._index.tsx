import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Alert, ConfidentialNotice } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { WrittenPapers } from "~/components/written-papers";
import { Button, FormErrors, SelectField, TextAreaField } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { formatDateTime, formatDay } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import {
  writtenAnswerLabels,
  writtenAnswers,
  writtenOutcomeLabels,
  writtenStatusLabels,
  writtenStatusTones,
} from "~/lib/vocabulary";
import { ruleSentence } from "~/lib/written-rule";
import {
  answerWrittenProcedure,
  closeWrittenProcedure,
  getWrittenProcedure,
  withdrawWrittenProcedure,
} from "~/models/written-procedures.server";
import {
  answerWrittenProcedureSchema,
  closeWrittenProcedureSchema,
  withdrawWrittenProcedureSchema,
} from "~/schemas/written-procedures";

const schema = z.discriminatedUnion("intent", [
  answerWrittenProcedureSchema,
  closeWrittenProcedureSchema,
  withdrawWrittenProcedureSchema,
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.procedure.reference} ${data.procedure.title} · Gremium` : "Schriftelijke ronde · Gremium" },
];

function load(request: Request, params: { slug?: string; id?: string }) {
  const viewer = getViewer(request);
  const procedure = getWrittenProcedure({ viewer, id: requireIdParam(params.id) });
  return { viewer, procedure };
}

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { viewer, procedure } = load(request, params);
  if (!procedure) {
    // A member opening the link from a mail while signed out signs in first, then comes back.
    if (!viewer) requireUser(request);
    notFound("Deze schriftelijke ronde bestaat niet, of is niet (meer) voor u te zien.");
  }
  return {
    slug: params.slug ?? "",
    procedure,
    rule: ruleSentence(procedure.rule, procedure.quorumPercent),
    now: Date.now(),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const id = requireIdParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), unfinishedStatus(submission));
  const input = submission.value;
  const here = `/gremia/${params.slug}/schriftelijk/${id}`;
  try {
    if (input.intent === "answer") {
      answerWrittenProcedure({
        viewer,
        id,
        answer: input.answer,
        remark: input.remark,
        expectedVersion: input.version,
      });
      return redirect(`${here}?beantwoord=1`);
    }
    if (input.intent === "close") {
      closeWrittenProcedure({ viewer, id, expectedVersion: input.version });
      return redirect(`${here}?gesloten=1`);
    }
    withdrawWrittenProcedure({ viewer, id, expectedVersion: input.version });
    return redirect(`${here}?ingetrokken=1`);
  } catch (error) {
    return replyToModelError(submission, error);
  }
});

export default function WrittenProcedurePage() {
  const { slug, procedure, rule, now } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [answerForm, answerFields] = useForm({
    id: "answer",
    lastResult:
      lastResult && "initialValue" in lastResult && lastResult.initialValue?.intent === "answer"
        ? lastResult
        : undefined,
    defaultValue: { answer: procedure.ownAnswer?.answer ?? "", remark: procedure.ownAnswer?.remark ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
  });
  const [manageForm] = useForm({
    id: "manage",
    lastResult:
      lastResult && "initialValue" in lastResult && lastResult.initialValue?.intent !== "answer"
        ? lastResult
        : undefined,
  });
  const answering = procedure.status === "open" && procedure.ownAnswer && now <= procedure.deadlineAt;
  const asked = Object.values(procedure.tally).reduce((sum, n) => sum + n, 0);
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/gremia", label: "Gremia" },
          { to: `/gremia/${slug}/schriftelijk`, label: "Schriftelijke rondes" },
        ]}
      />
      {procedure.isConfidential ? <ConfidentialNotice /> : null}
      <h1 className="nl-heading nl-heading--level-1">
        {procedure.reference}: {procedure.title}
      </h1>
      {params.get("verstuurd") ? (
        <Alert type="ok">
          <p className="nl-paragraph">Het voorstel is naar de leden gemaild, elk met een persoonlijke link.</p>
        </Alert>
      ) : null}
      {params.get("beantwoord") ? (
        <Alert type="ok">
          <p className="nl-paragraph">Uw antwoord is opgeslagen. U kunt het tot de termijn nog wijzigen.</p>
        </Alert>
      ) : null}
      {params.get("gesloten") || params.get("ingetrokken") ? (
        <Alert type="ok">
          <p className="nl-paragraph">
            {params.get("gesloten")
              ? "De ronde is gesloten; de uitkomst staat op de eerstvolgende besluitenlijst, ter vaststelling."
              : "De ronde is ingetrokken."}
          </p>
        </Alert>
      ) : null}
      <dl className="gremium-facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge tone={writtenStatusTones[procedure.status]}>{writtenStatusLabels[procedure.status]}</StatusBadge>
          {procedure.outcome ? ` — ${writtenOutcomeLabels[procedure.outcome]}` : ""}
        </dd>
        <dt>Verstuurd</dt>
        <dd>{formatDateTime(procedure.sentAt)}</dd>
        <dt>Termijn</dt>
        <dd>{formatDateTime(procedure.deadlineAt)}</dd>
        {procedure.closedAt ? (
          <>
            <dt>{procedure.status === "ingetrokken" ? "Ingetrokken" : "Gesloten"}</dt>
            <dd>{formatDay(procedure.closedAt)}</dd>
          </>
        ) : null}
        <dt>Regel</dt>
        <dd>{rule}</dd>
        <dt>Antwoorden</dt>
        <dd>
          {writtenAnswers.map((answer) => `${writtenAnswerLabels[answer]}: ${procedure.tally[answer]}`).join(", ")}; nog
          geen antwoord: {procedure.tally.geen} (van {asked})
        </dd>
      </dl>
      {procedure.listingMeetingId && procedure.status === "gesloten" ? (
        <p className="nl-paragraph">
          Vermeld op de{" "}
          <Link className="nl-link" to={`/vergaderingen/${procedure.listingMeetingId}/besluitenlijst`}>
            besluitenlijst van de volgende vergadering
          </Link>
          , onder ‘Schriftelijk besloten’.
        </p>
      ) : null}
      <h2 className="nl-heading nl-heading--level-2">Voorstel</h2>
      <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: procedure.proposalHtml }} />
      <WrittenPapers
        papers={procedure.papers}
        href={(paperId) => `/gremia/${slug}/schriftelijk/${procedure.id}/stukken/${paperId}`}
      />

      {answering ? (
        <section aria-labelledby="uw-antwoord">
          <h2 id="uw-antwoord" className="nl-heading nl-heading--level-2">
            Uw antwoord
          </h2>
          <FormErrors form={answerForm} />
          <Form method="post" {...getFormProps(answerForm)}>
            <input type="hidden" name="intent" value="answer" />
            <input type="hidden" name="version" value={procedure.ownAnswer!.version} />
            <SelectField
              field={answerFields.answer}
              label="Uw antwoord"
              placeholder="Kies"
              options={writtenAnswers.map((answer) => ({ value: answer, label: writtenAnswerLabels[answer] }))}
            />
            <TextAreaField field={answerFields.remark} label="Toelichting" optional rows={3} />
            <Button variant="primary">Antwoord opslaan</Button>
          </Form>
        </section>
      ) : procedure.ownAnswer?.answer ? (
        <p className="nl-paragraph">
          Uw antwoord: {writtenAnswerLabels[procedure.ownAnswer.answer]}
          {procedure.ownAnswer.remark ? ` — ${procedure.ownAnswer.remark}` : ""}.
        </p>
      ) : null}

      {procedure.answers ? (
        <section aria-labelledby="antwoorden">
          <h2 id="antwoorden" className="nl-heading nl-heading--level-2">
            Antwoorden per lid
          </h2>
          <div className="gremium-table-wrap">
            <table className="utrecht-table utrecht-table--html-table gremium-table-stack">
              <caption className="utrecht-table__caption gremium-visually-hidden">Antwoorden per lid</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    Lid
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Antwoord
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Toelichting
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {procedure.answers.map((answer) => (
                  <tr key={answer.id} className="utrecht-table__row">
                    <td className="utrecht-table__cell">{answer.name}</td>
                    <td className="utrecht-table__cell">
                      {answer.answer ? writtenAnswerLabels[answer.answer] : "Nog geen antwoord"}
                      {answer.answeredAt ? ` (${formatDateTime(answer.answeredAt)})` : ""}
                    </td>
                    <td className="utrecht-table__cell">{answer.remark}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {procedure.canManage && procedure.status === "open" ? (
        <section aria-labelledby="afronden">
          <h2 id="afronden" className="nl-heading nl-heading--level-2">
            Afronden
          </h2>
          <p className="nl-paragraph">
            Sluit de ronde na de termijn, of eerder als alle leden hebben geantwoord. De regel van het gremium bepaalt
            de uitkomst.
          </p>
          <FormErrors form={manageForm} />
          <div className="gremium-button-row">
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <input type="hidden" name="version" value={procedure.version} />
              <Button variant="primary">Ronde sluiten en uitkomst vastleggen</Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="version" value={procedure.version} />
              <Button>Ronde intrekken</Button>
            </Form>
          </div>
        </section>
      ) : null}
    </>
  );
}
