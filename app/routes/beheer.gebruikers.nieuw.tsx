import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextField } from "~/components/form";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { userRoleLabels, userRoles } from "~/lib/vocabulary";
import { listOrganisations } from "~/models/people.server";
import { createUser } from "~/models/users.server";
import { publicUrl } from "~/lib/env.server";
import { newUserSchema } from "~/schemas/admin";

export const meta: MetaFunction = () => [{ title: "Nieuwe gebruiker · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return { organisations: listOrganisations({ viewer }) };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const submission = parseWithZod(await request.formData(), { schema: newUserSchema });
  if (submission.status !== "success") {
    return data(submission.reply(), unfinishedStatus(submission));
  }
  try {
    const user = await createUser({ viewer, input: submission.value, baseUrl: publicUrl() });
    return redirect(`/beheer/gebruikers/${user.id}?aangemaakt=1${user.mailed ? "" : "&mail=mislukt"}`);
  } catch (error) {
    return replyToModelError(submission, error);
  }
});

export default function NewUser() {
  const { organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newUserSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { role: "lid" },
  });
  return (
    <div className="gremium-form">
      <Breadcrumb
        items={[
          { to: "/beheer", label: "Beheer" },
          { to: "/beheer/gebruikers", label: "Gebruikers" },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Nieuwe gebruiker</h1>
      <p className="nl-paragraph">
        De gebruiker krijgt een uitnodiging op dit e-mailadres met een link om zelf een wachtwoord te kiezen (72 uur
        geldig). Niemand anders kent dat wachtwoord.
      </p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.name} label="Naam" autoComplete="off" />
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="off" />
        <SelectField
          field={fields.organisationId}
          label="Organisatie"
          optional
          placeholder="Kies een organisatie"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <TextField field={fields.jobTitle} label="Functie" optional />
        <SelectField
          field={fields.role}
          label="Rol"
          description="Beheerders beheren gebruikers en gremia; het secretariaat bereidt vergaderingen voor; de kwartiermaker beheert de versterkingsagenda en de nieuwsbrief. Wat iemand van een gremium ziet, hangt af van het lidmaatschap."
          options={userRoles.map((role) => ({ value: role, label: userRoleLabels[role] }))}
        />
        <div className="gremium-form-actions">
          <Button variant="primary">Gebruiker aanmaken en uitnodigen</Button>
        </div>
      </Form>
    </div>
  );
}
