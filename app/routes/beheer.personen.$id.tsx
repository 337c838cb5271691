import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors } from "~/components/form";
import { PersonFields } from "~/components/person-fields";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { getPersonForEdit, listOrganisations, updatePerson } from "~/models/people.server";
import { updatePersonSchema } from "~/schemas/admin";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.person.name ?? "Persoon"} · Beheer · Gremium` },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const person = getPersonForEdit({ viewer, id: requireIdParam(params.id) });
  if (!person) notFound("Deze persoon bestaat niet.");
  return { person, organisations: listOrganisations({ viewer }) };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const id = requireIdParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: updatePersonSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), saved: false, currentVersion: null }, unfinishedStatus(submission));
  }
  try {
    updatePerson({ viewer, id, expectedVersion: submission.value.version, input: submission.value });
    return { result: submission.reply(), saved: true, currentVersion: null };
  } catch (error) {
    const reply = replyToModelError(submission, error);
    const currentVersion = reply.init?.status === 409 ? (getPersonForEdit({ viewer, id })?.version ?? null) : null;
    return data({ result: reply.data, saved: false, currentVersion }, { status: reply.init?.status ?? 400 });
  }
});

export default function PersonPage() {
  const { person, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: {
      name: person.name,
      email: person.email ?? "",
      organisationId: person.organisationId ? String(person.organisationId) : "",
      jobTitle: person.jobTitle ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updatePersonSchema }),
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
      <h1 className="nl-heading nl-heading--level-1">{person.name}</h1>
      {searchParams.get("aangemaakt") ? (
        <Alert type="ok">
          <p className="nl-paragraph">De persoon is toegevoegd en kan nu lid worden van een gremium.</p>
        </Alert>
      ) : null}
      {actionData?.saved ? (
        <Alert type="ok">
          <p className="nl-paragraph">De gegevens zijn opgeslagen.</p>
        </Alert>
      ) : null}
      <p className="nl-paragraph">
        {person.userId ? (
          <>
            Heeft een account en logt in met {person.userEmail}.{" "}
            <Link className="nl-link" to={`/beheer/gebruikers/${person.userId}`}>
              Naar het account
            </Link>
          </>
        ) : (
          "Heeft geen account."
        )}
      </p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={actionData?.currentVersion ?? person.version} />
        <PersonFields fields={fields} organisations={organisations} />
        <div className="gremium-form-actions">
          <Button variant="primary">Gegevens opslaan</Button>
        </div>
      </Form>
    </div>
  );
}
