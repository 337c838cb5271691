import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { accessibilityStatusLabels, accessibilityStatuses } from "~/lib/vocabulary";
import { getSiteSettingsForEdit, setStatements, setWooPublisher } from "~/models/site-settings.server";
import { statementsSchema, wooPublisherSchema } from "~/schemas/admin";

const schema = z.discriminatedUnion("intent", [wooPublisherSchema, statementsSchema]);

export const meta: MetaFunction = () => [{ title: "Instellingen · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return getSiteSettingsForEdit({ viewer });
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const submission = parseWithZod(await request.formData(), { schema });
  const formKey = String(submission.payload.intent ?? "publisher");
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  const input = submission.value;
  try {
    if (input.intent === "publisher")
      setWooPublisher({ viewer, publisher: input.wooPublisher, expectedVersion: input.version });
    else setStatements({ viewer, expectedVersion: input.version, input });
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
  return redirect(`/beheer/instellingen?opgeslagen=${input.intent}`);
});

export default function SiteSettings() {
  const settings = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("opgeslagen");
  const [publisherForm, publisherFields] = useKeyedForm(null, "publisher", lastReply, {
    defaultValue: { wooPublisher: settings.wooPublisher },
  });
  const [statementsForm, statementFields] = useKeyedForm(null, "statements", lastReply, {
    defaultValue: {
      accessibilityStatus: settings.accessibilityStatus,
      accessibilityMarkdown: settings.accessibilityMarkdown,
      privacyMarkdown: settings.privacyMarkdown,
    },
  });
  return (
    <>
      <Breadcrumb items={[{ to: "/beheer", label: "Beheer" }]} />
      <h1 className="nl-heading nl-heading--level-1">Instellingen</h1>
      {saved ? (
        <Alert type="ok">
          {saved === "publisher" ? "De publicerende organisatie is opgeslagen." : "De verklaringen zijn opgeslagen."}
        </Alert>
      ) : null}

      <Form method="post" {...getFormProps(publisherForm)} className="gremium-form" aria-labelledby="woo">
        <h2 className="nl-heading nl-heading--level-2" id="woo">
          Openbaarmaking (Woo)
        </h2>
        <p className="nl-paragraph">
          De openbare agenda&apos;s, besluitenlijsten, vergaderstukken en jaarplannen gaan via sitemaps naar de
          Woo-index van de rijksoverheid, onder de naam van een overheidsorganisatie. Per gremium kiest u onder{" "}
          <Link className="nl-link" to="/beheer/gremia">
            Gremia en leden
          </Link>{" "}
          in welke informatiecategorie de stukken vallen.
          {settings.wooPublisher
            ? null
            : " Zolang hier geen organisatie staat, wordt niets aan de Woo-index aangeboden."}
        </p>
        <FormErrors form={publisherForm} />
        <input type="hidden" name="intent" value="publisher" />
        <input type="hidden" name="version" value={settings.version} />
        <TextField
          field={publisherFields.wooPublisher!}
          label="Publicerende organisatie"
          description="Zoals het Register van Overheidsorganisaties haar noemt, bijvoorbeeld ‘gemeente Enschede’ of ‘Veiligheidsregio Twente’, of haar TOOI-adres."
        />
        <Button variant="primary">Organisatie opslaan</Button>
      </Form>

      <Form method="post" {...getFormProps(statementsForm)} className="gremium-form" aria-labelledby="verklaringen">
        <h2 className="nl-heading nl-heading--level-2" id="verklaringen">
          Verklaringen
        </h2>
        <p className="nl-paragraph">
          De{" "}
          <Link className="nl-link" to="/toegankelijkheid">
            toegankelijkheidsverklaring
          </Link>{" "}
          en de{" "}
          <Link className="nl-link" to="/privacy">
            privacyverklaring
          </Link>{" "}
          staan onder elke pagina. Maakt u een tekst leeg, dan staat de tekst van Gremium er weer.
        </p>
        <FormErrors form={statementsForm} />
        <input type="hidden" name="intent" value="statements" />
        <input type="hidden" name="version" value={settings.version} />
        <SelectField
          field={statementFields.accessibilityStatus!}
          label="Status van de toegankelijkheidsverklaring"
          description="Zoals in het model van digitoegankelijk.nl."
          options={accessibilityStatuses.map((status) => ({ value: status, label: accessibilityStatusLabels[status] }))}
        />
        <TextAreaField
          field={statementFields.accessibilityMarkdown!}
          label="Tekst van de toegankelijkheidsverklaring"
          rows={14}
          markdown
          description="Wat u doet, wat nog niet voldoet en waar iemand terechtkan."
        />
        <TextAreaField
          field={statementFields.privacyMarkdown!}
          label="Tekst van de privacyverklaring"
          rows={14}
          markdown
          description="Welke persoonsgegevens, waarom, hoe lang, en bij wie iemand terechtkan."
        />
        <Button variant="primary">Verklaringen opslaan</Button>
      </Form>
    </>
  );
}
