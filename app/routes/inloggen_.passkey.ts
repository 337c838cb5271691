import type { ActionFunctionArgs } from "@remix-run/node";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { assertSameOrigin } from "~/auth/csrf.server";
import { getPendingSignIn, safeRedirect } from "~/auth/session.server";
import { enterSite, finishSecondStep } from "~/auth/sign-in-flow.server";
import { privateJson, resourceRoute } from "~/lib/responses.server";
import { finishPasskeySignIn, startPasskeySignIn } from "~/models/passkeys.server";
import { createSession } from "~/models/sessions.server";

// Signing in with a passkey: as the second step after the password, or on its own (a passkey that
// asks for a fingerprint or PIN is two factors). JSON between the page's script and this route.

const REFUSED = "Met deze passkey kunt u hier niet inloggen. Gebruik uw wachtwoord of een andere passkey.";

export const loader = resourceRoute(async () => privateJson({ error: "Alleen POST." }, { status: 405 }));

export const action = resourceRoute(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const body = (await request.json().catch(() => null)) as {
    intent?: string;
    mode?: string;
    response?: AuthenticationResponseJSON;
    redirectTo?: string;
  } | null;
  const pending = getPendingSignIn(request);
  const secondStep = body?.mode === "second-step";
  if (secondStep && pending?.step !== "verificatie")
    return privateJson({ error: "Log eerst in met uw wachtwoord." }, { status: 400 });
  const userId = secondStep ? pending!.userId : null;
  if (body?.intent === "options") return privateJson(await startPasskeySignIn({ userId }));
  if (body?.intent !== "verify" || !body.response) return privateJson({ error: "Onbekend verzoek." }, { status: 400 });

  const signedIn = await finishPasskeySignIn({ response: body.response, userId });
  if (signedIn === null) return privateJson({ error: REFUSED }, { status: 400 });
  const redirectTo = safeRedirect(body.redirectTo);
  const done = secondStep
    ? finishSecondStep(request, context, pending!, "passkey", redirectTo)
    : (() => {
        const { token, session } = createSession({
          userId: signedIn,
          method: "passkey",
          userAgent: request.headers.get("user-agent"),
          clientAddress: context.clientAddress ?? null,
        });
        return enterSite(
          request,
          context,
          { token, expiresAt: session.expiresAt, userId: signedIn, method: "passkey" },
          redirectTo,
        );
      })();
  // The cookies of the redirect, as JSON: the script goes on to the page itself.
  const headers = new Headers();
  for (const cookie of done.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  return privateJson({ redirectTo }, { headers });
});
