import { getFormProps, useForm } from "@conform-to/react";
import { unfinishedStatus } from "~/lib/form-reply.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button, FormErrors, TextField } from "~/components/form";
import { assertSameOrigin } from "~/auth/csrf.server";
import { publicUrl } from "~/lib/env.server";
import { log } from "~/lib/log.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { requestPasswordReset } from "~/models/password-tokens.server";
import { forgotPasswordSchema } from "~/schemas/sign-in";

export const meta: MetaFunction = () => [{ title: "Wachtwoord vergeten · Gremium" }];

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return data(submission.reply(), unfinishedStatus(submission));
  // The same answer whether or not the address has an account, and as quickly: the mail is not
  // waited for, so the time the answer takes does not tell either.
  requestPasswordReset({ email: submission.value.email, baseUrl: publicUrl() }).catch((error: unknown) =>
    log.error("herstelmail niet verstuurd", { error }),
  );
  throw redirect("/wachtwoord-vergeten?verstuurd=1");
});

export default function ForgotPassword() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="gremium-form">
      <h1 className="nl-heading nl-heading--level-1">Wachtwoord vergeten</h1>
      {searchParams.get("verstuurd") ? (
        <Alert type="ok">
          Als dit e-mailadres bij een account van Gremium hoort, ontvangt u binnen enkele minuten een mail met een link
          om een nieuw wachtwoord in te stellen. De link werkt één keer en is een uur geldig. Geen mail? Kijk ook bij de
          ongewenste mail, of vraag het de beheerder van uw netwerk.
        </Alert>
      ) : (
        <>
          <p className="nl-paragraph">
            Vul het e-mailadres van uw Gremium-account in. U krijgt een mail met een link om een nieuw wachtwoord in te
            stellen.
          </p>
          <FormErrors form={form} />
          <Form method="post" {...getFormProps(form)}>
            <TextField
              field={fields.email}
              label="E-mailadres"
              type="email"
              autoComplete="username"
              inputMode="email"
            />
            <div className="gremium-form-actions">
              <Button variant="primary">Stuur mij een link</Button>
            </div>
          </Form>
        </>
      )}
      <p className="nl-paragraph">
        <Link className="nl-link" to="/inloggen">
          Terug naar inloggen
        </Link>
      </p>
    </div>
  );
}
