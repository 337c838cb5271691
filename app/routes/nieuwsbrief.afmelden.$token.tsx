import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button } from "~/components/form";
import { notFound } from "~/auth/guards";
import { findUnsubscribe, unsubscribe } from "~/models/subscribers.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Afmelden voor de nieuwsbrief · Gremium" }];

export const loader = pageRoute(async ({ params }: LoaderFunctionArgs) => {
  const found = findUnsubscribe({ token: params.token ?? "" });
  return { known: found !== null, already: found?.status === "afgemeld" };
});

// The link in every mail is its own authority: no session, no origin check. A mail program's
// one-click POST (RFC 8058, "List-Unsubscribe=One-Click") lands here too; a GET only asks.
export const action = pageRoute(async ({ params }: ActionFunctionArgs) => {
  // Cross-site by design: a mail client posts the one-click unsubscribe (RFC 8058); the token in the
  // address is the credential, and it can do nothing but unsubscribe.
  if (!unsubscribe({ token: params.token ?? "" })) notFound("Deze afmeldlink is onbekend.");
  return { done: true };
});

export default function Unsubscribe() {
  const { known, already } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Afmelden voor de nieuwsbrief</h1>
      {result?.done || already ? (
        <Alert type="ok">
          U bent afgemeld en ontvangt de nieuwsbrief niet meer. Uw adres is gewist; we bewaren alleen een onleesbare
          afdruk ervan, zodat we u niet opnieuw mailen.{" "}
          <Link className="nl-link" to="/nieuwsbrief/aanmelden">
            Toch weer aanmelden
          </Link>
        </Alert>
      ) : known ? (
        <Form method="post">
          <p className="nl-paragraph">
            Wilt u de nieuwsbrief van Zorg, Veiligheid en Straf Twente niet meer ontvangen?
          </p>
          <Button variant="primary">Afmelden</Button>
        </Form>
      ) : (
        <Alert type="error">
          Deze afmeldlink is onbekend. Gebruik de link onderaan de laatste nieuwsbrief die u ontving.
        </Alert>
      )}
    </>
  );
}
