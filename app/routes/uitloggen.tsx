import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form } from "@remix-run/react";
import { Button } from "~/components/form";
import { assertSameOrigin } from "~/auth/csrf.server";
import { getPendingSignIn, getViewer, signOut } from "~/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Uitloggen · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  if (!getViewer(request) && !getPendingSignIn(request)) throw redirect("/");
  return null;
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  // Also ends a sign-in that stopped half-way its second step.
  return signOut(request, getViewer(request) ?? getPendingSignIn(request), "/");
});

// Signing out changes state, so it is a POST; this page serves whoever follows a plain link.
export default function SignOutPage() {
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Uitloggen</h1>
      <p className="nl-paragraph">Wilt u uitloggen bij Gremium?</p>
      <Form method="post">
        <Button variant="primary">Uitloggen</Button>
      </Form>
    </>
  );
}
