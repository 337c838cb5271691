import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { organisationKindLabels, organisationKinds } from "~/lib/vocabulary";
import { createOrganisation, listOrganisationsForAdmin, updateOrganisation } from "~/models/people.server";
import { addOrganisationSchema, editOrganisationSchema } from "~/schemas/admin";

const schema = z.discriminatedUnion("intent", [addOrganisationSchema, editOrganisationSchema]);
const kindOptions = organisationKinds.map((kind) => ({ value: kind, label: organisationKindLabels[kind] }));

export const meta: MetaFunction = () => [{ title: "Organisaties · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return { organisations: listOrganisationsForAdmin({ viewer }) };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const submission = parseWithZod(await request.formData(), { schema });
  const intent = String(submission.payload.intent ?? "add");
  const formKey = intent === "edit" ? `edit-${String(submission.payload.id)}` : "add";
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  const input = submission.value;
  try {
    if (input.intent === "add") createOrganisation({ viewer, input: { name: input.name, kind: input.kind } });
    else
      updateOrganisation({
        viewer,
        id: input.id,
        expectedVersion: input.version,
        input: { name: input.name, kind: input.kind },
      });
    return redirect(`/beheer/organisaties?gedaan=${input.intent}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

type Organisation = ReturnType<typeof useLoaderData<typeof loader>>["organisations"][number];

function EditOrganisation({ organisation, lastReply }: { organisation: Organisation; lastReply: KeyedReply }) {
  const formKey = `edit-${organisation.id}`;
  const [form, fields] = useKeyedForm(null, formKey, lastReply, {
    defaultValue: { name: organisation.name, kind: organisation.kind },
  });
  return (
    <details open={lastReply?.formKey === formKey}>
      <summary>
        Wijzigen<span className="gremium-visually-hidden">: {organisation.name}</span>
      </summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="id" value={organisation.id} />
        <input type="hidden" name="version" value={organisation.version} />
        <TextField field={fields.name!} label="Naam" />
        <SelectField field={fields.kind!} label="Soort" options={kindOptions} />
        <Button variant="primary">Opslaan</Button>
      </Form>
    </details>
  );
}

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const [searchParams] = useSearchParams();
  const [form, fields] = useKeyedForm(null, "add", lastReply, { defaultValue: { kind: "partner" } });
  const done = searchParams.get("gedaan");
  return (
    <>
      <Breadcrumb items={[{ to: "/beheer", label: "Beheer" }]} />
      <h1 className="nl-heading nl-heading--level-1">Organisaties</h1>
      {done ? (
        <Alert type="ok">{done === "add" ? "De organisatie is toegevoegd." : "De organisatie is gewijzigd."}</Alert>
      ) : null}
      <p className="nl-paragraph">
        De gemeenten en partners namens wie mensen in de gremia zitten en acties uitvoeren, zoals de VNG of een
        GGZ-aanbieder.
      </p>
      <Form method="post" {...getFormProps(form)} className="gremium-form" aria-labelledby="organisatie-toevoegen">
        <h2 className="nl-heading nl-heading--level-2" id="organisatie-toevoegen">
          Organisatie toevoegen
        </h2>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="add" />
        <TextField field={fields.name!} label="Naam" />
        <SelectField field={fields.kind!} label="Soort" options={kindOptions} />
        <Button variant="primary">Organisatie toevoegen</Button>
      </Form>
      <h2 className="nl-heading nl-heading--level-2">Alle organisaties</h2>
      <ul className="gremium-meetings">
        {organisations.map((organisation) => (
          <li key={organisation.id}>
            <strong>{organisation.name}</strong> — {organisationKindLabels[organisation.kind].toLowerCase()},{" "}
            {organisation.people === 1 ? "1 persoon" : `${organisation.people} personen`}
            <EditOrganisation organisation={organisation} lastReply={lastReply} />
          </li>
        ))}
      </ul>
    </>
  );
}
