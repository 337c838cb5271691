import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert, SavedStatus } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextField } from "~/components/form";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute, refusalResponse } from "~/lib/responses.server";
import { listOrganisations } from "~/models/people.server";
import { createSsoProvider, listSsoProviders, removeSsoProvider, ssoCallbackUrl } from "~/models/sso.server";
import { removeSsoProviderSchema, ssoProviderSchema } from "~/schemas/admin";

export const meta: MetaFunction = () => [{ title: "Inlogmethoden · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return {
    providers: listSsoProviders({ viewer }),
    organisations: listOrganisations({ viewer }),
    callbackUrl: ssoCallbackUrl(),
  };
});

type Answer = { result?: SubmissionResult<string[]>; done?: string; error?: string };

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    const removal = parseWithZod(formData, { schema: removeSsoProviderSchema });
    if (removal.status !== "success") return data<Answer>({ error: "Onbekende inlogmethode." }, { status: 400 });
    try {
      removeSsoProvider({ viewer, id: removal.value.providerId });
    } catch (error) {
      const refusal = refusalResponse(error);
      if (refusal) return data<Answer>({ error: await refusal.text() }, { status: refusal.status });
      throw error;
    }
    return data<Answer>({ done: "De inlogmethode is verwijderd; die domeinen loggen weer in met een wachtwoord." });
  }
  const submission = parseWithZod(formData, { schema: ssoProviderSchema });
  if (submission.status !== "success")
    return data<Answer>({ result: submission.reply({ hideFields: ["clientSecret"] }) }, unfinishedStatus(submission));
  try {
    createSsoProvider({ viewer, input: submission.value });
  } catch (error) {
    const reply = replyToModelError(submission, error, { hideFields: ["clientSecret"] });
    return data<Answer>({ result: reply.data }, reply.init ?? { status: 400 });
  }
  return data<Answer>({
    result: submission.reply({ resetForm: true }),
    done: `${submission.value.name} is toegevoegd. Wie een adres van ${submission.value.domains.join(", ")} heeft, logt voortaan daar in.`,
  });
});

export default function SignInMethods() {
  const { providers, organisations, callbackUrl } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ssoProviderSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <Breadcrumb items={[{ to: "/beheer", label: "Beheer" }]} />
      <h1 className="nl-heading nl-heading--level-1">Inlogmethoden</h1>
      <p className="nl-paragraph">
        Organisaties met een eigen inlogdienst (OpenID Connect, zoals Microsoft Entra ID) laten hun mensen daar
        inloggen: wie een e-mailadres van een van de domeinen heeft, gaat na het invullen van het adres naar de
        inlogpagina van de eigen organisatie. Alleen mensen met een account in Gremium komen binnen; meldt de
        organisatie dat er tweestapsverificatie is gebruikt, dan vraagt Gremium geen tweede stap meer.
      </p>
      <SavedStatus message={answer?.done} />
      {!answer && searchParams.get("gewijzigd") ? <Alert type="ok">De inlogmethode is gewijzigd.</Alert> : null}
      {answer?.error ? <Alert type="error">{answer.error}</Alert> : null}

      <h2 className="nl-heading nl-heading--level-2">Ingesteld</h2>
      {providers.length === 0 ? (
        <p className="nl-paragraph">Nog geen: iedereen logt in met een Gremium-wachtwoord of een passkey.</p>
      ) : (
        <div className="gremium-table-wrap" tabIndex={0} role="region" aria-label="Ingestelde inlogmethoden">
          <table className="utrecht-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  Organisatie
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Domeinen
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  Uitgever en client-id
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  <span className="gremium-visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {providers.map((provider) => (
                <tr className="utrecht-table__row" key={provider.id}>
                  <th className="utrecht-table__cell" scope="row">
                    <Link className="nl-link" to={`/beheer/inlogmethoden/${provider.id}`}>
                      {provider.name}
                    </Link>
                    {provider.organisationName ? (
                      <>
                        <br />
                        <span className="gremium-muted">{provider.organisationName}</span>
                      </>
                    ) : null}
                  </th>
                  <td className="utrecht-table__cell">{provider.domains.join(", ")}</td>
                  <td className="utrecht-table__cell">
                    <code className="gremium-secret">{provider.issuer}</code>
                    <br />
                    <code className="gremium-secret">{provider.clientId}</code>
                  </td>
                  <td className="utrecht-table__cell">
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="providerId" value={provider.id} />
                      <Button variant="danger">
                        Verwijderen<span className="gremium-visually-hidden"> ({provider.name})</span>
                      </Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="nl-heading nl-heading--level-2">Inlogmethode toevoegen</h2>
      <p className="nl-paragraph">
        Registreer Gremium bij de inlogdienst van de organisatie als webtoepassing met dit terugstuuradres (redirect
        URI): <code className="gremium-secret">{callbackUrl}</code>. Vraag de scopes <code>openid</code>,{" "}
        <code>email</code> en <code>profile</code>.
      </p>
      <div className="gremium-form">
        <FormErrors form={form} />
        <Form method="post" {...getFormProps(form)}>
          <TextField
            field={fields.name}
            label="Naam"
            description="Zoals mensen hem herkennen, bijvoorbeeld Gemeente Enschede."
          />
          <SelectField
            field={fields.organisationId}
            label="Organisatie"
            optional
            placeholder="Kies een organisatie"
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <TextField
            field={fields.issuer}
            label="Uitgever (issuer)"
            description="Het adres waaronder de inlogdienst zijn configuratie publiceert (/.well-known/openid-configuration)."
          />
          <TextField field={fields.clientId} label="Client-id" autoComplete="off" />
          <TextField field={fields.clientSecret} label="Client-secret" type="password" autoComplete="new-password" />
          <TextField
            field={fields.domains}
            label="E-maildomeinen"
            description="Gescheiden door komma's, bijvoorbeeld enschede.nl, gemeente-enschede.nl."
          />
          <div className="gremium-form-actions">
            <Button variant="primary">Inlogmethode toevoegen</Button>
          </div>
        </Form>
      </div>
    </>
  );
}
