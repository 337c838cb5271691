import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect, retryAfterHeaders } from "~/lib/responses.server";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button, FormErrors, TextField } from "~/components/form";
import { PasskeySignIn } from "~/components/passkey";
import type { RouteHandle } from "~/root";
import { assertSameOrigin } from "~/auth/csrf.server";
import { getViewer, safeRedirect } from "~/auth/session.server";
import { continueSignIn } from "~/auth/sign-in-flow.server";
import { describeWait } from "~/auth/throttle";
import { signIn } from "~/models/sign-in.server";
import { signInSchema } from "~/schemas/sign-in";

export const meta: MetaFunction = () => [{ title: "Inloggen · Gremium" }];

// Signing in with a passkey needs the browser's WebAuthn API; the password form works without scripts.
export const handle: RouteHandle = { scriptsForVisitors: true };

// A throttled try tells the browser when to come back.
export const headers = retryAfterHeaders;

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (getViewer(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return null;
});

export const action = pageRoute(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const now = Date.now();
  const result = await signIn({
    ...submission.value,
    clientAddress: context.clientAddress,
    userAgent: request.headers.get("user-agent"),
    now,
  });
  if (!result.ok) {
    if (result.reason === "waiting") {
      const message = `Te veel mislukte pogingen vanaf dit apparaat. Wacht ${describeWait(result.until, now)} en probeer het dan opnieuw.`;
      return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
        status: 429,
        headers: { "Retry-After": String(Math.ceil((result.until - now) / 1000)) },
      });
    }
    const message = "Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.";
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 400 });
  }
  throw continueSignIn(request, context, result, submission.value.redirectTo);
});

export default function SignIn() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="gremium-form">
      <h1 className="nl-heading nl-heading--level-1">Inloggen</h1>
      <p className="nl-paragraph">
        Log in met het e-mailadres en wachtwoord van uw Gremium-account. Leden zien daarna ook de besloten stukken van
        hun gremia.
      </p>
      {searchParams.get("wachtwoord") === "ingesteld" ? (
        <Alert type="ok">Uw nieuwe wachtwoord is ingesteld. Log ermee in; andere apparaten zijn uitgelogd.</Alert>
      ) : null}
      {searchParams.get("wachtwoord") === "gekozen" ? (
        <Alert type="ok">Uw wachtwoord is ingesteld. Log ermee in.</Alert>
      ) : null}
      {searchParams.get("uitgelogd") === "veiligheid" ? (
        <Alert type="warning">
          U bent uitgelogd omdat het huidige wachtwoord te vaak verkeerd is ingevuld. Log opnieuw in; was u het niet,
          wijzig dan uw wachtwoord.
        </Alert>
      ) : null}
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="username" inputMode="email" />
        <TextField field={fields.password} label="Wachtwoord" type="password" autoComplete="current-password" />
        <div className="gremium-form-actions">
          <Button variant="primary">Inloggen</Button>
        </div>
      </Form>
      <h2 className="nl-heading nl-heading--level-2">Of zonder wachtwoord</h2>
      <p className="nl-paragraph">Hebt u een passkey voor Gremium ingesteld, dan logt u daarmee in.</p>
      <PasskeySignIn mode="passwordless" redirectTo={searchParams.get("redirectTo") ?? "/"} />
      <p className="nl-paragraph">
        <Link className="nl-link" to="/wachtwoord-vergeten">
          Wachtwoord vergeten?
        </Link>
      </p>
      <p className="nl-paragraph gremium-muted">Nog geen account? Vraag het de beheerder van uw netwerk.</p>
    </div>
  );
}
