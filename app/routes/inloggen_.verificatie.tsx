import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors, TextField } from "~/components/form";
import { PasskeySignIn } from "~/components/passkey";
import { assertSameOrigin } from "~/auth/csrf.server";
import { getPendingSignIn, getViewer, safeRedirect, signOut } from "~/auth/session.server";
import { finishSecondStep, secondStepPath } from "~/auth/sign-in-flow.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute, redirect, retryAfterHeaders } from "~/lib/responses.server";
import { describeSecondFactors, verifySecondStepCode } from "~/models/second-factors.server";
import type { RouteHandle } from "~/root";
import { secondStepSchema } from "~/schemas/sign-in";

export const meta: MetaFunction = () => [{ title: "Tweede stap · Inloggen · Gremium" }];

// Passkeys need the browser's WebAuthn API, so this page brings its scripts; the code works without.
export const handle: RouteHandle = { scriptsForVisitors: true };

function pendingVerification(request: Request) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  if (getViewer(request)) throw redirect(redirectTo);
  const pending = getPendingSignIn(request);
  if (!pending) throw redirect(`/inloggen?redirectTo=${encodeURIComponent(redirectTo)}`);
  if (pending.step !== "verificatie") throw redirect(secondStepPath(pending.step, redirectTo));
  return { pending, redirectTo };
}

// A throttled try tells the browser when to come back.
export const headers = retryAfterHeaders;

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const { pending, redirectTo } = pendingVerification(request);
  const factors = describeSecondFactors({ holder: pending });
  return {
    name: pending.name,
    redirectTo,
    hasApp: factors.totpSince !== null,
    hasPasskey: factors.passkeys.length > 0,
  };
});

export const action = pageRoute(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const { pending, redirectTo } = pendingVerification(request);
  const formData = await request.formData();
  if (formData.get("intent") === "cancel") throw signOut(request, pending, "/inloggen");
  const submission = parseWithZod(formData, { schema: secondStepSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["code"] }), unfinishedStatus(submission));
  let factor: "app" | "herstelcode";
  try {
    factor = verifySecondStepCode({ holder: pending, code: submission.value.code }).method;
  } catch (error) {
    return replyToModelError(submission, error, { hideFields: ["code"] });
  }
  throw finishSecondStep(request, context, pending, factor, submission.value.redirectTo ?? redirectTo);
});

export default function SecondStep() {
  const { name, redirectTo, hasApp, hasPasskey } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: secondStepSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="gremium-form">
      <h1 className="nl-heading nl-heading--level-1">Tweede stap</h1>
      <p className="nl-paragraph">
        Welkom terug, {name}. Bevestig nog dat u het bent
        {hasApp ? " met de code uit uw authenticator-app" : ""}
        {hasApp && hasPasskey ? " of" : ""}
        {hasPasskey ? " met uw passkey" : ""}.
      </p>
      {hasPasskey ? <PasskeySignIn mode="second-step" redirectTo={redirectTo} /> : null}
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          field={fields.code}
          label="Code"
          autoComplete="one-time-code"
          description={
            hasApp
              ? "De zes cijfers die uw authenticator-app nu toont, of een van uw herstelcodes."
              : "Een van uw herstelcodes, als u uw passkey niet bij de hand hebt."
          }
        />
        <div className="gremium-form-actions">
          <Button variant="primary">Bevestigen</Button>
        </div>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="cancel" />
        <Button>Annuleren en uitloggen</Button>
      </Form>
      <p className="nl-paragraph gremium-muted">
        Geen toegang meer tot uw app, passkey en herstelcodes? Vraag de beheerder van uw netwerk om uw tweede stap
        opnieuw in te stellen.
      </p>
    </div>
  );
}
