import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { unfinishedStatus } from "~/lib/form-reply.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect, retryAfterHeaders } from "~/lib/responses.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button, FormErrors, TextField } from "~/components/form";
import { PasskeySignIn } from "~/components/passkey";
import type { RouteHandle } from "~/root";
import { assertSameOrigin } from "~/auth/csrf.server";
import { getViewer, safeRedirect } from "~/auth/session.server";
import { START_PAGE } from "~/auth/start-page";
import { continueSignIn } from "~/auth/sign-in-flow.server";
import { describeWait } from "~/auth/throttle";
import { signIn } from "~/models/sign-in.server";
import { emailFirstSignInSchema, signInSchema } from "~/schemas/sign-in";
import { findSsoProviderForEmail, ssoConfigured, SsoRefused, startSsoSignIn } from "~/models/sso.server";

export const meta: MetaFunction = () => [{ title: "Inloggen · Gremium" }];

// Signing in with a passkey needs the browser's WebAuthn API; the password form works without scripts.
export const handle: RouteHandle = { scriptsForVisitors: true };

// A throttled try tells the browser when to come back.
export const headers = retryAfterHeaders;

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (getViewer(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return { emailFirst: ssoConfigured() };
});

/** The form's answer, and whether the password is asked now (after the address, where it comes first). */
function reply(result: SubmissionResult<string[]>, passwordStep = false) {
  return { result, passwordStep };
}

export const action = pageRoute(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const formData = await request.formData();
  const emailFirst = ssoConfigured();
  const submission = parseWithZod(formData, { schema: emailFirst ? emailFirstSignInSchema : signInSchema });
  if (submission.status !== "success") {
    return data(reply(submission.reply({ hideFields: ["password"] })), unfinishedStatus(submission));
  }
  // People of an organisation with its own sign-in go there; nobody is asked a Gremium password.
  const provider = emailFirst ? findSsoProviderForEmail(submission.value.email) : null;
  if (provider) {
    try {
      throw redirect(
        await startSsoSignIn({
          providerId: provider.id,
          loginHint: submission.value.email,
          redirectTo: safeRedirect(submission.value.redirectTo),
        }),
      );
    } catch (error) {
      if (error instanceof SsoRefused)
        return data(reply(submission.reply({ formErrors: [error.message], hideFields: ["password"] })), {
          status: 503,
        });
      throw error;
    }
  }
  if (!submission.value.password) {
    // The address came first: now the password is asked. Sent empty at that step, it is missing.
    const missing = formData.get("stap") === "wachtwoord";
    return data(
      reply(
        submission.reply({
          hideFields: ["password"],
          ...(missing ? { fieldErrors: { password: ["Vul uw wachtwoord in."] } } : {}),
        }),
        true,
      ),
      { status: missing ? 400 : 200 },
    );
  }
  const password = submission.value.password;
  const now = Date.now();
  const result = await signIn({
    ...submission.value,
    password,
    clientAddress: context.clientAddress,
    userAgent: request.headers.get("user-agent"),
    now,
  });
  if (!result.ok) {
    if (result.reason === "waiting") {
      const message = `Te veel mislukte pogingen vanaf dit apparaat. Wacht ${describeWait(result.until, now)} en probeer het dan opnieuw.`;
      return data(reply(submission.reply({ formErrors: [message], hideFields: ["password"] }), true), {
        status: 429,
        headers: { "Retry-After": String(Math.ceil((result.until - now) / 1000)) },
      });
    }
    const message = "Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.";
    return data(reply(submission.reply({ formErrors: [message], hideFields: ["password"] }), true), { status: 400 });
  }
  throw continueSignIn(request, context, result, submission.value.redirectTo);
});

export default function SignIn() {
  const { emailFirst } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const askPassword = !emailFirst || Boolean(answer?.passwordStep);
  const [form, fields] = useForm({
    lastResult: answer?.result,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: askPassword ? signInSchema : emailFirstSignInSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="gremium-form">
      <h1 className="nl-heading nl-heading--level-1">Inloggen</h1>
      <p className="nl-paragraph">
        {emailFirst
          ? "Vul uw e-mailadres in. Heeft uw organisatie inloggen met het eigen werkaccount ingesteld, dan gaat u daarheen; anders vragen we uw Gremium-wachtwoord."
          : "Log in met het e-mailadres en wachtwoord van uw Gremium-account."}{" "}
        Leden zien daarna ook de besloten stukken van hun gremia.
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
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? START_PAGE} />
        {emailFirst && askPassword ? <input type="hidden" name="stap" value="wachtwoord" /> : null}
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="username" inputMode="email" />
        {askPassword ? (
          <TextField field={fields.password} label="Wachtwoord" type="password" autoComplete="current-password" />
        ) : null}
        <div className="gremium-form-actions">
          <Button variant="primary">{askPassword ? "Inloggen" : "Volgende"}</Button>
        </div>
      </Form>
      <h2 className="nl-heading nl-heading--level-2">Of zonder wachtwoord</h2>
      <p className="nl-paragraph">Hebt u een passkey voor Gremium ingesteld, dan logt u daarmee in.</p>
      <PasskeySignIn mode="passwordless" redirectTo={searchParams.get("redirectTo") ?? START_PAGE} />
      <p className="nl-paragraph">
        <Link className="nl-link" to="/wachtwoord-vergeten">
          Wachtwoord vergeten?
        </Link>
      </p>
      <p className="nl-paragraph gremium-muted">Nog geen account? Vraag het de beheerder van uw netwerk.</p>
    </div>
  );
}
