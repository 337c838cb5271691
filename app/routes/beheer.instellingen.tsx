import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, TextField } from "~/components/form";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { getSiteSettingsForEdit, setWooPublisher } from "~/models/site-settings.server";
import { wooPublisherSchema } from "~/schemas/admin";

export const meta: MetaFunction = () => [{ title: "Instellingen · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return getSiteSettingsForEdit({ viewer });
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const submission = parseWithZod(await request.formData(), { schema: wooPublisherSchema });
  if (submission.status !== "success") return data(submission.reply(), unfinishedStatus(submission));
  try {
    setWooPublisher({
      viewer,
      publisher: submission.value.wooPublisher,
      expectedVersion: submission.value.version,
    });
  } catch (error) {
    return replyToModelError(submission, error);
  }
  return redirect("/beheer/instellingen?opgeslagen=1");
});

export default function SiteSettings() {
  const settings = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: wooPublisherSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { wooPublisher: settings.wooPublisher },
  });
  return (
    <div className="gremium-form">
      <Breadcrumb items={[{ to: "/beheer", label: "Beheer" }]} />
      <h1 className="nl-heading nl-heading--level-1">Instellingen</h1>
      {searchParams.get("opgeslagen") ? <Alert type="ok">De instellingen zijn opgeslagen.</Alert> : null}
      <h2 className="nl-heading nl-heading--level-2">Openbaarmaking (Woo)</h2>
      <p className="nl-paragraph">
        De openbare agenda&apos;s, besluitenlijsten, vergaderstukken en jaarplannen gaan via sitemaps naar de Woo-index
        van de rijksoverheid, onder de naam van een overheidsorganisatie. Per gremium kiest u onder ‘Gremia en leden’ in
        welke informatiecategorie de stukken vallen.
        {settings.wooPublisher
          ? null
          : " Zolang hier geen organisatie staat, wordt er niets aan de Woo-index aangeboden."}
      </p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={settings.version} />
        <TextField
          field={fields.wooPublisher}
          label="Publicerende organisatie"
          description="Zoals het Register van Overheidsorganisaties haar noemt, bijvoorbeeld ‘gemeente Enschede’ of ‘Veiligheidsregio Twente’, of haar TOOI-adres."
        />
        <div className="gremium-form-actions">
          <Button variant="primary">Opslaan</Button>
        </div>
      </Form>
    </div>
  );
}
