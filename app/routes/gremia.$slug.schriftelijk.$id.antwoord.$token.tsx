import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, ConfidentialNotice } from "~/components/alert";
import { WrittenPapers } from "~/components/written-papers";
import { Button, FormErrors, SelectField, TextAreaField } from "~/components/form";
import { assertSameOrigin } from "~/auth/csrf.server";
import { formatDateTime } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute } from "~/lib/responses.server";
import { writtenAnswerLabels, writtenAnswers } from "~/lib/vocabulary";
import { ruleSentence } from "~/lib/written-rule";
import { NotFound } from "~/models/errors";
import { answerByLink, getProcedureByLink } from "~/models/written-procedures.server";
import { answerByLinkSchema } from "~/schemas/written-procedures";

// The personal link in the mail of a written procedure: the member answers without signing in, once.
// The token in the path is their credential for this one answer; the log shortens it.

export const meta: MetaFunction = () => [
  { title: "Antwoorden op een schriftelijke ronde · Gremium" },
  { name: "robots", content: "noindex" },
];

export const loader = pageRoute(async ({ params }: LoaderFunctionArgs) => {
  const procedure = getProcedureByLink({ token: params.token ?? "", slug: params.slug ?? "" });
  return {
    procedure: procedure ? { ...procedure, ruleText: ruleSentence(procedure.rule, procedure.quorumPercent) } : null,
    slug: params.slug ?? "",
    token: procedure ? (params.token ?? "") : "",
    now: Date.now(),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: answerByLinkSchema });
  if (submission.status !== "success") return data(submission.reply(), unfinishedStatus(submission));
  try {
    answerByLink({
      token: params.token ?? "",
      slug: params.slug ?? "",
      answer: submission.value.answer,
      remark: submission.value.remark,
    });
    return { done: writtenAnswerLabels[submission.value.answer] };
  } catch (error) {
    if (error instanceof NotFound) return data(submission.reply({ formErrors: [error.message] }), { status: 404 });
    return replyToModelError(submission, error);
  }
});

export default function AnswerByLink() {
  const { procedure, slug, token, now } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const done = lastResult && "done" in lastResult ? lastResult.done : null;
  const [form, fields] = useForm({
    id: "answer",
    lastResult: lastResult && !("done" in lastResult) ? lastResult : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: answerByLinkSchema }),
    shouldValidate: "onBlur",
  });
  if (done)
    return (
      <>
        <h1 className="nl-heading nl-heading--level-1">Dank u wel</h1>
        <Alert type="ok">
          <p className="nl-paragraph">
            Uw antwoord ‘{done}’ is opgeslagen. Deze link werkt nu niet meer; wilt u uw antwoord wijzigen, meld u dan
            aan en open de ronde onder{" "}
            <Link className="nl-link" to={`/gremia/${slug}/schriftelijk`}>
              Schriftelijke rondes
            </Link>
            .
          </p>
        </Alert>
      </>
    );
  if (!procedure)
    return (
      <>
        <h1 className="nl-heading nl-heading--level-1">Deze link werkt niet (meer)</h1>
        <p className="nl-paragraph">
          De link is al gebruikt, vervangen door de link uit een herinnering, of de ronde is gesloten. Meld u aan om uw
          antwoord te bekijken of te wijzigen:{" "}
          <Link className="nl-link" to={`/gremia/${slug}/schriftelijk`}>
            Schriftelijke rondes
          </Link>
          .
        </p>
      </>
    );
  const open = procedure.status === "open" && now <= procedure.deadlineAt;
  return (
    <>
      {procedure.isConfidential ? <ConfidentialNotice /> : null}
      <h1 className="nl-heading nl-heading--level-1">
        {procedure.reference}: {procedure.title}
      </h1>
      <p className="nl-paragraph">
        {procedure.bodyName} legt u, {procedure.personName}, dit voorstel schriftelijk voor. Antwoord uiterlijk{" "}
        {formatDateTime(procedure.deadlineAt)}. {procedure.ruleText}
      </p>
      <h2 className="nl-heading nl-heading--level-2">Voorstel</h2>
      <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: procedure.proposalHtml }} />
      <WrittenPapers
        papers={procedure.papers}
        href={(paperId) => `/gremia/${slug}/schriftelijk/${procedure.id}/stukken/${paperId}?sleutel=${token}`}
      />
      {open ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Uw antwoord</h2>
          <FormErrors form={form} />
          <Form method="post" {...getFormProps(form)}>
            <SelectField
              field={fields.answer}
              label="Uw antwoord"
              placeholder="Kies"
              options={writtenAnswers.map((answer) => ({ value: answer, label: writtenAnswerLabels[answer] }))}
            />
            <TextAreaField field={fields.remark} label="Toelichting" optional rows={3} />
            <Button variant="primary">Antwoord versturen</Button>
          </Form>
        </>
      ) : (
        <p className="nl-paragraph">De termijn is verstreken; antwoorden kan niet meer.</p>
      )}
    </>
  );
}
