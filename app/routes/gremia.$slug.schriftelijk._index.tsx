import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, CheckboxField, FormErrors, TextAreaField, TextField } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { forbidden, notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { publicUrl } from "~/lib/env.server";
import { formatDateTime, instantFromAmsterdam } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { readUploadForm } from "~/lib/paper-upload.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { writtenOutcomeLabels, writtenStatusLabels, writtenStatusTones } from "~/lib/vocabulary";
import { ruleSentence } from "~/lib/written-rule";
import { getBodyBySlug } from "~/models/bodies.server";
import { listWrittenProcedures, sendWrittenProcedure } from "~/models/written-procedures.server";
import { sendWrittenProcedureSchema } from "~/schemas/written-procedures";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Schriftelijke rondes ${data.body.name} · Gremium` : "Gremium niet gevonden · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const body = getBodyBySlug({ viewer, slug: params.slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  return {
    body: { id: body.id, name: body.name, slug: body.slug },
    canSend: !body.retired && body.viewerManages,
    isInsider: body.viewerIsInsider,
    procedures: listWrittenProcedures({ viewer, bodyId: body.id }).map((procedure) => ({
      id: procedure.id,
      reference: procedure.reference,
      title: procedure.title,
      isConfidential: procedure.isConfidential,
      deadlineAt: procedure.deadlineAt,
      status: procedure.status,
      outcome: procedure.outcome,
      asked:
        procedure.tally.instemmen +
        procedure.tally["niet-instemmen"] +
        procedure.tally.onthouden +
        procedure.tally.geen,
      waiting: procedure.tally.geen,
      ownAnswer: procedure.ownAnswer?.answer ?? null,
      askedYou: procedure.ownAnswer !== null,
    })),
    rule: body.viewerManages ? ruleSentence(body.writtenRule, body.writtenQuorumPercent) : null,
    signedIn: viewer !== null,
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const body = getBodyBySlug({ viewer, slug: params.slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  if (!body.viewerManages) forbidden("Alleen het secretariaat van dit gremium zet schriftelijke rondes uit.");
  const { formData, tooLarge } = await readUploadForm(request);
  const submission = parseWithZod(formData, { schema: sendWrittenProcedureSchema });
  if (tooLarge)
    return data(
      submission.reply({ fieldErrors: { papers: ["Een bestand is groter dan 25 MB; het maximum is 25 MB."] } }),
      {
        status: 413,
      },
    );
  if (submission.status !== "success") return data(submission.reply(), unfinishedStatus(submission));
  const files = formData.getAll("papers").filter((file): file is File => file instanceof File && file.name !== "");
  const input = submission.value;
  try {
    const { id } = await sendWrittenProcedure({
      viewer,
      bodyId: body.id,
      input: {
        title: input.title,
        proposalMarkdown: input.proposalMarkdown,
        isConfidential: input.isConfidential,
        deadlineAt: instantFromAmsterdam(input.deadlineDate, input.deadlineTime),
        papers: await Promise.all(
          files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
        ),
      },
      baseUrl: publicUrl(),
    });
    return redirect(`/gremia/${body.slug}/schriftelijk/${id}?verstuurd=1`);
  } catch (error) {
    return replyToModelError(submission, error);
  }
});

export default function WrittenProcedures() {
  const { body, canSend, procedures, rule, signedIn, isInsider } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "send",
    lastResult,
    defaultValue: { deadlineTime: "17.00" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sendWrittenProcedureSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/gremia", label: "Gremia" },
          { to: `/gremia/${body.slug}`, label: body.name },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Schriftelijke rondes</h1>
      <p className="nl-paragraph">
        Besluiten van {body.name} tussen twee vergaderingen: het voorstel gaat per mail naar de leden, die vóór de
        termijn antwoorden. De volgende besluitenlijst vermeldt de uitkomst onder ‘Schriftelijk besloten’.
      </p>
      {procedures.length ? (
        <ul className="gremium-plain-list gremium-card-list">
          {procedures.map((procedure) => (
            <li key={procedure.id} className="gremium-card">
              <h2 className="nl-heading nl-heading--level-2">
                <Link className="nl-link" to={`/gremia/${body.slug}/schriftelijk/${procedure.id}`}>
                  {procedure.reference}: {procedure.title}
                </Link>
              </h2>
              <p className="nl-paragraph">
                <StatusBadge tone={writtenStatusTones[procedure.status]}>
                  {writtenStatusLabels[procedure.status]}
                </StatusBadge>{" "}
                {procedure.isConfidential ? "besloten; " : ""}
                {procedure.status === "open"
                  ? `termijn tot ${formatDateTime(procedure.deadlineAt)}; ${procedure.asked - procedure.waiting} van ${procedure.asked} leden hebben geantwoord`
                  : procedure.outcome
                    ? writtenOutcomeLabels[procedure.outcome]
                    : ""}
                {procedure.askedYou && procedure.status === "open"
                  ? procedure.ownAnswer
                    ? ". U hebt geantwoord."
                    : ". U hebt nog niet geantwoord."
                  : ""}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="nl-paragraph">
          {isInsider
            ? "Er zijn nog geen schriftelijke rondes."
            : `Er zijn geen openbare schriftelijke besluiten van dit gremium${signedIn ? "" : "; leden zien meer na aanmelden"}.`}
        </p>
      )}
      {canSend ? (
        <section aria-labelledby="uitzetten">
          <h2 id="uitzetten" className="nl-heading nl-heading--level-2">
            Voorstel schriftelijk voorleggen
          </h2>
          <p className="nl-paragraph">{rule}</p>
          <FormErrors form={form} />
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="send" />
            <TextField field={fields.title} label="Titel" />
            <TextAreaField
              field={fields.proposalMarkdown}
              label="Voorstel"
              markdown
              rows={8}
              description="Het voorstel zoals de leden erover beslissen. Verwijs naar stukken met een link."
            />
            <div className={`utrecht-form-field${fields.papers.errors ? " utrecht-form-field--invalid" : ""}`}>
              <label className="utrecht-form-label" htmlFor="stukken">
                Stukken <span className="gremium-muted">(niet verplicht)</span>
              </label>
              <div className="utrecht-form-field-description" id="stukken-uitleg">
                PDF, Word, Excel, PowerPoint, afbeeldingen of tekst, tot 25 MB per bestand. U kunt meer bestanden
                tegelijk kiezen.
              </div>
              {fields.papers.errors ? (
                <div className="utrecht-form-field-error-message" id="stukken-fout">
                  {fields.papers.errors.join(" ")}
                </div>
              ) : null}
              <input
                id="stukken"
                name="papers"
                type="file"
                multiple
                className="utrecht-textbox utrecht-textbox--html-input"
                aria-describedby={fields.papers.errors ? "stukken-uitleg stukken-fout" : "stukken-uitleg"}
              />
            </div>
            <CheckboxField
              field={fields.isConfidential}
              label="Besloten"
              description="Een besloten voorstel staat niet in de mail (alleen de titel en de link) en de uitkomst wordt niet openbaar."
            />
            <TextField field={fields.deadlineDate} label="Termijn: datum" type="date" />
            <TextField field={fields.deadlineTime} label="Termijn: tijd" description="Bijvoorbeeld 17.00." />
            <Button variant="primary">Versturen aan de leden</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
