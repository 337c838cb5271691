import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextField } from "~/components/form";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { listOrganisations } from "~/models/people.server";
import { getSsoProviderForEdit, updateSsoProvider } from "~/models/sso.server";
import { updateSsoProviderSchema } from "~/schemas/admin";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.provider.name ?? "Inlogmethode"} · Inlogmethoden · Beheer · Gremium` },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const provider = getSsoProviderForEdit({ viewer, id: requireIdParam(params.id) });
  if (!provider) notFound("Deze inlogmethode bestaat niet (meer).");
  return { provider, organisations: listOrganisations({ viewer }) };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const id = requireIdParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: updateSsoProviderSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["clientSecret"] }), unfinishedStatus(submission));
  const { version, ...input } = submission.value;
  try {
    updateSsoProvider({ viewer, id, expectedVersion: version, input });
  } catch (error) {
    return replyToModelError(submission, error, { hideFields: ["clientSecret"] });
  }
  return redirect("/beheer/inlogmethoden?gewijzigd=1");
});

export default function EditSignInMethod() {
  const { provider, organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateSsoProviderSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: {
      name: provider.name,
      organisationId: provider.organisationId ? String(provider.organisationId) : undefined,
      issuer: provider.issuer,
      clientId: provider.clientId,
      domains: provider.domains.join(", "),
      clientSecret: "",
    },
  });
  return (
    <div className="gremium-form">
      <Breadcrumb
        items={[
          { to: "/beheer", label: "Beheer" },
          { to: "/beheer/inlogmethoden", label: "Inlogmethoden" },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">{provider.name}</h1>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={provider.version} />
        <TextField field={fields.name} label="Naam" />
        <SelectField
          field={fields.organisationId}
          label="Organisatie"
          optional
          placeholder="Kies een organisatie"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <TextField field={fields.issuer} label="Uitgever (issuer)" />
        <TextField field={fields.clientId} label="Client-id" autoComplete="off" />
        <TextField
          field={fields.clientSecret}
          label="Nieuw client-secret"
          type="password"
          autoComplete="new-password"
          optional
          description="Leeg laten houdt het huidige secret; vul een nieuw in als het bij de organisatie is vernieuwd."
        />
        <TextField field={fields.domains} label="E-maildomeinen" description="Gescheiden door komma's." />
        <div className="gremium-form-actions">
          <Button variant="primary">Wijzigingen opslaan</Button>
        </div>
      </Form>
    </div>
  );
}
