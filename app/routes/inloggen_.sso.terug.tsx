import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { continueSignIn } from "~/auth/sign-in-flow.server";
import { pageRoute } from "~/lib/responses.server";
import { openSsoSession } from "~/models/sign-in.server";
import { finishSsoSignIn, SsoRefused } from "~/models/sso.server";

export const meta: MetaFunction = () => [{ title: "Inloggen via uw organisatie · Gremium" }];

// Where an organisation's provider sends the browser back after its sign-in (the redirect URI the
// beheerder registers there). A GET by design of the protocol; the state makes it single use.
export const loader = pageRoute(async ({ request, context }: LoaderFunctionArgs) => {
  try {
    const signedIn = await finishSsoSignIn({ callbackUrl: new URL(request.url) });
    const session = openSsoSession({
      userId: signedIn.userId,
      multiFactor: signedIn.multiFactor,
      userAgent: request.headers.get("user-agent"),
      clientAddress: context.clientAddress ?? null,
    });
    throw continueSignIn(request, context, session, signedIn.redirectTo);
  } catch (error) {
    if (error instanceof SsoRefused) return data({ message: error.message }, { status: 403 });
    throw error;
  }
});

export default function SsoReturn() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <div className="gremium-form">
      <h1 className="nl-heading nl-heading--level-1">Inloggen via uw organisatie</h1>
      <Alert type="error">{message}</Alert>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/inloggen">
          Terug naar inloggen
        </Link>
      </p>
    </div>
  );
}
