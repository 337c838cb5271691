import type { ActionFunctionArgs } from "@remix-run/node";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { assertSameOrigin } from "~/auth/csrf.server";
import { requireUser } from "~/auth/permissions.server";
import { getPendingSignIn, getViewer, safeRedirect } from "~/auth/session.server";
import { enrolmentCookies } from "~/auth/sign-in-flow.server";
import { privateJson, resourceRoute } from "~/lib/responses.server";
import { RuleError } from "~/models/errors";
import { finishPasskeyRegistration, startPasskeyRegistration } from "~/models/passkeys.server";
import { ensureRecoveryCodes, type Holder } from "~/models/second-factors.server";

// Adding a passkey takes the browser's WebAuthn API, so it is JSON between the page's script and this
// route: first the options (with a challenge), then the new credential to check and keep.

export const loader = resourceRoute(async () => privateJson({ error: "Alleen POST." }, { status: 405 }));

export const action = resourceRoute(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const pending = getViewer(request) ? null : getPendingSignIn(request);
  const enrolling = pending?.step === "inschrijving";
  const holder: Holder = enrolling ? pending! : requireUser(request);
  const body = (await request.json().catch(() => null)) as {
    intent?: string;
    name?: string;
    response?: RegistrationResponseJSON;
    redirectTo?: string;
  } | null;
  if (body?.intent === "options") return privateJson(await startPasskeyRegistration({ holder }));
  if (body?.intent !== "register" || !body.response)
    return privateJson({ error: "Onbekend verzoek." }, { status: 400 });
  try {
    await finishPasskeyRegistration({ holder, response: body.response, name: body.name ?? "" });
  } catch (error) {
    if (error instanceof RuleError) return privateJson({ error: error.message }, { status: 400 });
    throw error;
  }
  const codes = ensureRecoveryCodes({ holder });
  if (!enrolling) return privateJson({ ok: true, codes });
  // The passkey was the second step this sign-in required: the session becomes whole.
  return privateJson(
    { ok: true, codes, continueTo: safeRedirect(body.redirectTo) },
    { headers: enrolmentCookies(request, context, pending!, "passkey") },
  );
});
