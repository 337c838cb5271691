import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SavedStatus } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { agendaSectionLabels, agendaSections } from "~/lib/vocabulary";
import { getBodyBySlug } from "~/models/bodies.server";
import { addTemplateItem, changeTemplateItem, getTemplate } from "~/models/templates.server";
import { addTemplateItemSchema, changeTemplateItemSchema } from "~/schemas/meetings";
import { pageRoute } from "~/lib/responses.server";

const schema = z.union([addTemplateItemSchema, changeTemplateItemSchema]);

export const meta: MetaFunction = () => [{ title: "Sjabloon van de agenda · Gremium" }];

function loadBody(viewer: ReturnType<typeof requireUser>, slug: string | undefined) {
  const body = getBodyBySlug({ viewer, slug: slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  return body;
}

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const body = loadBody(viewer, params.slug);
  return {
    body: { id: body.id, name: body.name, slug: body.slug },
    template: getTemplate({ viewer, bodyId: body.id }),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const body = loadBody(viewer, params.slug);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), done: null }, unfinishedStatus(submission));
  const input = submission.value;
  try {
    if (input.intent === "add") {
      addTemplateItem({ viewer, bodyId: body.id, input });
      return { result: submission.reply({ resetForm: true }), done: `‘${input.subject}’ staat nu in het sjabloon.` };
    }
    changeTemplateItem({ viewer, bodyId: body.id, itemId: input.itemId, change: input.intent });
    return { result: submission.reply(), done: input.intent === "remove" ? "Het vaste punt is verwijderd." : null };
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ result: reply.data, done: null }, { status: reply.init?.status ?? 400 });
  }
});

export default function AgendaTemplate() {
  const { body, template } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "add",
    lastResult: actionData?.result,
    defaultValue: { section: "B" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
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
      <h1 className="nl-heading nl-heading--level-1">Sjabloon van de agenda</h1>
      <p className="nl-paragraph">
        Elke nieuwe vergadering van {body.name} begint met deze vaste punten.{" "}
        {template.isDefault
          ? "Dit is het standaardsjabloon; uw eerste wijziging maakt er het eigen sjabloon van dit gremium van."
          : null}
      </p>
      <SavedStatus message={actionData?.done} />
      {template.sections.map(({ section, items }) => (
        <section key={section} aria-labelledby={`sjabloon-${section}`}>
          <h2 className="nl-heading nl-heading--level-2" id={`sjabloon-${section}`}>
            {agendaSectionLabels[section]}
          </h2>
          {items.length === 0 ? <p className="nl-paragraph gremium-muted">Geen vaste punten.</p> : null}
          <ol className="gremium-agenda-editor">
            {items.map((item, index) => {
              const label = `${item.number} ${item.subject}`;
              return (
                <li key={item.id} className="gremium-agenda-editor__item">
                  <div className="gremium-agenda-editor__title">
                    <span className="gremium-agenda__nr">{item.number}</span>
                    <span>
                      <strong>{item.subject}</strong>
                      {item.proposalMarkdown ? <div className="gremium-muted">{item.proposalMarkdown}</div> : null}
                    </span>
                  </div>
                  <div className="gremium-agenda-editor__tools">
                    {(["up", "down", "remove"] as const).map((change) => (
                      <Form method="post" key={change}>
                        <input type="hidden" name="intent" value={change} />
                        <input type="hidden" name="itemId" value={item.id} />
                        <button
                          type="submit"
                          className={`nl-button${change === "remove" ? " nl-button--danger" : ""}`}
                          disabled={
                            (change === "up" && index === 0) || (change === "down" && index === items.length - 1)
                          }
                          aria-label={`${label} ${change === "up" ? "omhoog" : change === "down" ? "omlaag" : "verwijderen"}`}
                        >
                          <span className="nl-button__label" aria-hidden="true">
                            {change === "up" ? "↑ Omhoog" : change === "down" ? "↓ Omlaag" : "Verwijderen"}
                          </span>
                        </button>
                      </Form>
                    ))}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <section aria-labelledby="vast-punt-toevoegen" className="gremium-form">
        <h2 className="nl-heading nl-heading--level-2" id="vast-punt-toevoegen">
          Vast punt toevoegen
        </h2>
        <FormErrors form={form} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="add" />
          <SelectField
            field={fields.section}
            label="Rubriek"
            options={agendaSections.map((s) => ({
              value: s,
              label: s === "opening" ? "Opening (1, 2, 3 …)" : agendaSectionLabels[s],
            }))}
          />
          <TextField field={fields.subject} label="Onderwerp" />
          <TextAreaField field={fields.proposalMarkdown} label="Voorstel/advies" optional rows={3} />
          <Button variant="primary">Vast punt toevoegen</Button>
        </Form>
      </section>
    </>
  );
}
