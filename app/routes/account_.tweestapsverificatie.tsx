import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button, FormErrors, TextField } from "~/components/form";
import { RecoveryCodes } from "~/components/recovery-codes";
import { PasskeyRegistration } from "~/components/passkey";
import { removePasskey } from "~/models/passkeys.server";
import { assertSameOrigin } from "~/auth/csrf.server";
import { requireUser } from "~/auth/permissions.server";
import { getPendingSignIn, getViewer, safeRedirect, signOut } from "~/auth/session.server";
import { enrolmentCookies, secondStepPath } from "~/auth/sign-in-flow.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { formatDateTime } from "~/lib/format";
import { pageRoute, redirect } from "~/lib/responses.server";
import { NotFound, RuleError } from "~/models/errors";
import {
  confirmTotpEnrolment,
  describeSecondFactors,
  regenerateRecoveryCodes,
  removeTotp,
  startTotpEnrolment,
  type Holder,
} from "~/models/second-factors.server";
import type { RouteHandle } from "~/root";
import { confirmTotpSchema } from "~/schemas/sign-in";

export const meta: MetaFunction = () => [{ title: "Tweestapsverificatie · Mijn account · Gremium" }];

// Someone who must enrol and has not comes here half-way their sign-in, before any other page.
export const handle: RouteHandle = { scriptsForVisitors: true };

/** The account holder: signed in, or half-way a sign-in that requires enrolling first. */
function holderOf(request: Request): { holder: Holder; enrolling: boolean; redirectTo: string } {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  const pending = getViewer(request) ? null : getPendingSignIn(request);
  if (pending?.step === "inschrijving") return { holder: pending, enrolling: true, redirectTo };
  if (pending) throw redirect(secondStepPath(pending.step, redirectTo));
  return { holder: requireUser(request), enrolling: false, redirectTo };
}

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const { holder, enrolling, redirectTo } = holderOf(request);
  return { enrolling, redirectTo, ...describeSecondFactors({ holder }) };
});

type ActionReply = {
  result?: SubmissionResult<string[]>;
  codes?: string[];
  message?: string;
  error?: string;
  /** The enrolment that completed a sign-in: the link onwards. */
  continueTo?: string;
};

export const action = pageRoute(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const { holder, enrolling, redirectTo } = holderOf(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "cancel" && enrolling) throw signOut(request, getPendingSignIn(request), "/inloggen");
    if (intent === "start-totp") {
      startTotpEnrolment({ holder });
      return data<ActionReply>({});
    }
    if (intent === "remove-totp" && !enrolling) {
      removeTotp({ holder });
      return data<ActionReply>({ message: "De authenticator-app is verwijderd." });
    }
    if (intent === "remove-passkey" && !enrolling) {
      removePasskey({ holder, id: String(formData.get("passkeyId") ?? "") });
      return data<ActionReply>({ message: "De passkey is verwijderd." });
    }
    if (intent === "renew-codes" && !enrolling) {
      return data<ActionReply>({ codes: regenerateRecoveryCodes({ holder }) });
    }
  } catch (error) {
    if (error instanceof RuleError || error instanceof NotFound)
      return data<ActionReply>({ error: error.message }, { status: 400 });
    throw error;
  }
  const submission = parseWithZod(formData, { schema: confirmTotpSchema });
  if (submission.status !== "success")
    return data<ActionReply>({ result: submission.reply({ hideFields: ["code"] }) }, unfinishedStatus(submission));
  let codes: string[];
  try {
    codes = confirmTotpEnrolment({ holder, code: submission.value.code });
  } catch (error) {
    const reply = replyToModelError(submission, error, { hideFields: ["code"] });
    return data<ActionReply>({ result: reply.data }, reply.init ?? { status: 400 });
  }
  if (!enrolling) return data<ActionReply>({ codes, message: "De authenticator-app is ingesteld." });
  // The enrolment was the second step of this sign-in: the half-way session becomes whole, so the page
  // rendered with this answer (without JavaScript: in this same request) is signed in.
  const pending = getPendingSignIn(request)!;
  return data<ActionReply>(
    { codes, message: "De authenticator-app is ingesteld.", continueTo: redirectTo },
    { headers: enrolmentCookies(request, context, pending, "app") },
  );
});

export default function TwoStepVerification() {
  const factors = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmTotpSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { enrolling, enrolment } = factors;
  const continueTo = actionData?.continueTo;

  return (
    <div className="gremium-form">
      <h1 className="nl-heading nl-heading--level-1">Tweestapsverificatie</h1>
      {enrolling && !continueTo ? (
        <Alert type="info">
          <p className="nl-paragraph">
            Voor uw account is tweestapsverificatie verplicht: na uw wachtwoord bevestigt u met een code uit een app op
            uw telefoon, of met een passkey. Stel een van beide nu in; daarna gaat u verder naar Gremium.
          </p>
        </Alert>
      ) : null}
      {!enrolling && !continueTo ? (
        <p className="nl-paragraph">
          Met tweestapsverificatie kan niemand met alleen uw wachtwoord inloggen: u bevestigt ook met een code uit een
          app op uw telefoon.{" "}
          {factors.required
            ? "Voor uw account is het verplicht."
            : "Voor uw account is het niet verplicht, wel aangeraden."}
        </p>
      ) : null}
      {actionData?.message ? <Alert type="ok">{actionData.message}</Alert> : null}
      {actionData?.error ? <Alert type="error">{actionData.error}</Alert> : null}
      {actionData?.codes && actionData.codes.length > 0 ? <RecoveryCodes codes={actionData.codes} /> : null}
      {continueTo ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to={continueTo}>
            Verder naar Gremium
          </Link>
        </p>
      ) : (
        <>
          <h2 className="nl-heading nl-heading--level-2">Authenticator-app</h2>
          {factors.totpSince && !enrolment ? (
            <>
              <p className="nl-paragraph">Ingesteld op {formatDateTime(factors.totpSince)}.</p>
              {!enrolling ? (
                <div className="gremium-form-actions">
                  <Form method="post">
                    <input type="hidden" name="intent" value="start-totp" />
                    <Button>Andere telefoon instellen</Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove-totp" />
                    <Button variant="danger">App verwijderen</Button>
                  </Form>
                </div>
              ) : null}
            </>
          ) : null}
          {!factors.totpSince && !enrolment ? (
            <>
              <p className="nl-paragraph">
                U hebt een authenticator-app nodig op uw telefoon, bijvoorbeeld Microsoft Authenticator, Google
                Authenticator of de app van uw wachtwoordbeheerder.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="start-totp" />
                <Button variant="primary">Authenticator-app instellen</Button>
              </Form>
            </>
          ) : null}
          {enrolment ? (
            <>
              <ol className="gremium-steps">
                <li>
                  Open de app en kies om een account toe te voegen. Scan deze QR-code:
                  <img
                    className="gremium-qr"
                    src={`data:image/svg+xml;base64,${btoa(enrolment.qrSvg)}`}
                    alt="QR-code met de geheime sleutel voor uw authenticator-app"
                    width={200}
                    height={200}
                  />
                  Kunt u niet scannen? Typ in de app deze sleutel over:{" "}
                  <code className="gremium-secret">{enrolment.secret}</code>. Op uw telefoon kunt u ook{" "}
                  <a className="nl-link" href={enrolment.uri}>
                    deze link openen in de app
                  </a>
                  .
                </li>
                <li>Typ hieronder de zes cijfers die de app nu toont.</li>
              </ol>
              <FormErrors form={form} />
              <Form method="post" {...getFormProps(form)}>
                <input type="hidden" name="intent" value="confirm-totp" />
                <TextField
                  field={fields.code}
                  label="Code uit de app"
                  autoComplete="one-time-code"
                  inputMode="numeric"
                />
                <div className="gremium-form-actions">
                  <Button variant="primary">Bevestigen</Button>
                </div>
              </Form>
            </>
          ) : null}

          <h2 className="nl-heading nl-heading--level-2">Passkeys</h2>
          <p className="nl-paragraph">
            Een passkey is een sleutel op uw telefoon, laptop of beveiligingssleutel, die u ontgrendelt met uw
            vingerafdruk, gezicht of pincode. Ermee bevestigt u na uw wachtwoord, of logt u in zonder wachtwoord.
          </p>
          {factors.passkeys.length > 0 ? (
            <ul className="gremium-plain-list">
              {factors.passkeys.map((key) => (
                <li key={key.id} className="gremium-passkey-row">
                  <span>
                    <strong>{key.name}</strong>, toegevoegd op {formatDateTime(key.createdAt)}
                    {key.lastUsedAt ? `, laatst gebruikt op ${formatDateTime(key.lastUsedAt)}` : ", nog niet gebruikt"}
                  </span>
                  {!enrolling ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-passkey" />
                      <input type="hidden" name="passkeyId" value={key.id} />
                      <Button variant="danger">
                        Verwijderen<span className="gremium-visually-hidden"> ({key.name})</span>
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <PasskeyRegistration redirectTo={factors.redirectTo} />

          {!enrolling && (factors.totpSince || factors.passkeys.length > 0) ? (
            <>
              <h2 className="nl-heading nl-heading--level-2">Herstelcodes</h2>
              <p className="nl-paragraph">
                Met een herstelcode logt u in als u uw telefoon kwijt bent; elke code werkt één keer. U hebt er nog{" "}
                {factors.recoveryCodesLeft}.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="renew-codes" />
                <Button>Nieuwe herstelcodes maken</Button>
              </Form>
            </>
          ) : null}

          {enrolling ? (
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <Button>Annuleren en uitloggen</Button>
            </Form>
          ) : (
            <p className="nl-paragraph">
              <Link className="nl-link" to="/account">
                Terug naar mijn account
              </Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
