import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button, FormErrors, TextField } from "~/components/form";
import { assertSameOrigin } from "~/auth/csrf.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { NotFound, RuleError } from "~/models/errors";
import { findPasswordToken, setPasswordWithToken } from "~/models/password-tokens.server";
import { setPasswordSchema } from "~/schemas/sign-in";

export const meta: MetaFunction = () => [{ title: "Nieuw wachtwoord instellen · Gremium" }];

// The link in the mail is its own credential: no session. The token is in the address, so the
// server's log shows it shortened (see pathForLog).
export const loader = pageRoute(async ({ params }: LoaderFunctionArgs) => {
  const found = findPasswordToken({ token: params.token ?? "" });
  return { account: found && { name: found.name, email: found.email, invited: found.purpose === "uitnodiging" } };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: setPasswordSchema });
  const hidden = { hideFields: ["newPassword", "confirmPassword"] };
  if (submission.status !== "success") return data(submission.reply(hidden), unfinishedStatus(submission));
  let purpose: string;
  try {
    purpose = (await setPasswordWithToken({ token: params.token ?? "", newPassword: submission.value.newPassword }))
      .purpose;
  } catch (error) {
    // Used up between opening the page and sending it (in another tab, say).
    if (error instanceof NotFound)
      return data(submission.reply({ formErrors: [error.message], ...hidden }), { status: 400 });
    if (error instanceof RuleError) return replyToModelError(submission, error, hidden);
    throw error;
  }
  throw redirect(`/inloggen?wachtwoord=${purpose === "uitnodiging" ? "gekozen" : "ingesteld"}`);
});

export default function SetPassword() {
  const { account } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setPasswordSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  if (!account)
    return (
      <div className="gremium-form">
        <h1 className="nl-heading nl-heading--level-1">Nieuw wachtwoord instellen</h1>
        <Alert type="error">Deze link is verlopen of al gebruikt. Een link werkt één keer en een uur lang.</Alert>
        <p className="nl-paragraph">
          <Link className="nl-link" to="/wachtwoord-vergeten">
            Vraag een nieuwe link aan
          </Link>
        </p>
      </div>
    );
  return (
    <div className="gremium-form">
      <h1 className="nl-heading nl-heading--level-1">
        {account.invited ? "Welkom bij Gremium" : "Nieuw wachtwoord instellen"}
      </h1>
      <p className="nl-paragraph">
        {account.invited ? "Kies het wachtwoord" : "Voor het account"} van {account.name} ({account.email}): minstens 12
        tekens; een zin van een paar losse woorden is sterk en goed te onthouden. Veelgebruikte wachtwoorden worden
        geweigerd. {account.invited ? "Daarna logt u ermee in." : "Daarna logt u opnieuw in, ook op andere apparaten."}
      </p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="username" value={account.email} autoComplete="username" />
        <TextField field={fields.newPassword} label="Nieuw wachtwoord" type="password" autoComplete="new-password" />
        <TextField
          field={fields.confirmPassword}
          label="Herhaal het nieuwe wachtwoord"
          type="password"
          autoComplete="new-password"
        />
        <div className="gremium-form-actions">
          <Button variant="primary">Wachtwoord instellen</Button>
        </div>
      </Form>
    </div>
  );
}
