import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors } from "~/components/form";
import { PersonFields } from "~/components/person-fields";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { createPerson, listOrganisations } from "~/models/people.server";
import { personSchema } from "~/schemas/admin";

export const meta: MetaFunction = () => [{ title: "Nieuwe persoon · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return { organisations: listOrganisations({ viewer }) };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const submission = parseWithZod(await request.formData(), { schema: personSchema });
  if (submission.status !== "success") return data(submission.reply(), unfinishedStatus(submission));
  try {
    const person = createPerson({ viewer, input: submission.value });
    return redirect(`/beheer/personen/${person.id}?aangemaakt=1`);
  } catch (error) {
    return replyToModelError(submission, error);
  }
});

export default function NewPerson() {
  const { organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: personSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="gremium-form">
      <Breadcrumb
        items={[
          { to: "/beheer", label: "Beheer" },
          { to: "/beheer/personen", label: "Personen" },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Nieuwe persoon</h1>
      <p className="nl-paragraph">
        Voeg iemand toe die lid wordt van een gremium maar (nog) geen account nodig heeft. Een account maakt u bij
        Gebruikers; met hetzelfde e-mailadres wordt het aan deze persoon gekoppeld.
      </p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <PersonFields fields={fields} organisations={organisations} />
        <div className="gremium-form-actions">
          <Button variant="primary">Persoon toevoegen</Button>
        </div>
      </Form>
    </div>
  );
}
