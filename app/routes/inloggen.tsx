import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button, FormErrors, TextField } from "~/components/form";
import { assertSameOrigin } from "~/auth/csrf.server";
import { getViewer, safeRedirect, sessionCookie } from "~/auth/session.server";
import { formatDateTime } from "~/lib/format";
import { signIn } from "~/models/sign-in.server";
import { signInSchema } from "~/schemas/sign-in";

export const meta: MetaFunction = () => [{ title: "Inloggen · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (getViewer(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return null;
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signIn(submission.value);
  if (!result.ok) {
    const message =
      result.reason === "locked"
        ? `Te vaak een verkeerd wachtwoord voor dit e-mailadres. Inloggen is tijdelijk geblokkeerd tot ${formatDateTime(result.until).replace(/^.*, /, "")}. Probeer het daarna opnieuw.`
        : "Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.";
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: result.reason === "locked" ? 429 : 400,
    });
  }
  throw redirect(safeRedirect(submission.value.redirectTo), {
    headers: { "Set-Cookie": sessionCookie(request, result.token, result.expiresAt) },
  });
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
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField field={fields.email} label="E-mailadres" type="email" autoComplete="username" inputMode="email" />
        <TextField field={fields.password} label="Wachtwoord" type="password" autoComplete="current-password" />
        <div className="gremium-form-actions">
          <Button variant="primary">Inloggen</Button>
        </div>
      </Form>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/wachtwoord-vergeten">
          Wachtwoord vergeten?
        </Link>
      </p>
      <p className="nl-paragraph gremium-muted">Nog geen account? Vraag het de beheerder van uw netwerk.</p>
    </div>
  );
}
