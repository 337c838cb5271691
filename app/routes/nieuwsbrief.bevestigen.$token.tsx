import { type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button } from "~/components/form";
import { assertSameOrigin } from "~/auth/csrf.server";
import { confirmSubscription } from "~/models/subscribers.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Aanmelding bevestigen · Gremium" }];

// Confirming takes a click on a button (a POST), so a mail scanner that follows the link does not
// confirm on the reader's behalf.
export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  return { confirmed: confirmSubscription({ token: params.token ?? "" }) !== null };
});

export default function Confirm() {
  const result = useActionData<typeof action>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Aanmelding bevestigen</h1>
      {result?.confirmed ? (
        <Alert type="ok">
          Uw aanmelding is bevestigd. U ontvangt de volgende nieuwsbrief per e-mail.{" "}
          <Link className="nl-link" to="/nieuwsbrieven">
            Lees eerdere nieuwsbrieven
          </Link>
          .
        </Alert>
      ) : result ? (
        <Alert type="error">
          Deze link is ongeldig of verlopen (een link is een week geldig).{" "}
          <Link className="nl-link" to="/nieuwsbrief/aanmelden">
            Meld u opnieuw aan
          </Link>
          .
        </Alert>
      ) : (
        <Form method="post">
          <p className="nl-paragraph">
            Bevestig dat u de nieuwsbrief van Zorg, Veiligheid en Straf Twente wilt ontvangen.
          </p>
          <Button variant="primary">Ja, ik wil de nieuwsbrief ontvangen</Button>
        </Form>
      )}
    </>
  );
}
