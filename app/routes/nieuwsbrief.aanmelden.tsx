import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button, FormErrors, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { assertSameOrigin } from "~/auth/csrf.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { publicUrl } from "~/lib/env.server";
import { subscribe } from "~/models/subscribers.server";
import { subscribeSchema } from "~/schemas/newsletters";

export const meta: MetaFunction = () => [{ title: "Aanmelden voor de nieuwsbrief · Gremium" }];

export const action = pageRoute(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: subscribeSchema });
  if (submission.status !== "success")
    return data(
      { formKey: "subscribe", result: submission.reply() } satisfies KeyedReply,
      unfinishedStatus(submission),
    );
  try {
    await subscribe({ input: submission.value, clientAddress: context.clientAddress, baseUrl: publicUrl() });
    return redirect("/nieuwsbrief/aanmelden?verstuurd=1");
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey: "subscribe", result: reply.data } satisfies KeyedReply, {
      status: reply.init?.status ?? 400,
    });
  }
});

export default function Subscribe() {
  const [searchParams] = useSearchParams();
  const [form, fields] = useKeyedForm(
    validateWith(subscribeSchema),
    "subscribe",
    useActionData<typeof action>() as KeyedReply,
  );
  if (searchParams.get("verstuurd"))
    return (
      <>
        <h1 className="nl-heading nl-heading--level-1">Kijk in uw mailbox</h1>
        <Alert type="ok">
          We hebben een mail gestuurd naar het adres dat u opgaf. Bevestig daarin uw aanmelding; pas dan ontvangt u de
          nieuwsbrief.
        </Alert>
      </>
    );
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Aanmelden voor de nieuwsbrief</h1>
      <p className="nl-paragraph">
        De nieuwsbrief van het samenwerkingsverband Zorg, Veiligheid en Straf Twente verschijnt na elke vergadering van
        de stuurgroep, ongeveer vier keer per jaar. U ontvangt eerst een mail om uw aanmelding te bevestigen. Afmelden
        kan altijd met één klik onderaan elke nieuwsbrief. We bewaren alleen wat u hier invult.
      </p>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <TextField field={fields.email!} type="email" label="E-mailadres" autoComplete="email" inputMode="email" />
        <TextField field={fields.name!} label="Naam" optional autoComplete="name" />
        <TextField field={fields.organisation!} label="Organisatie" optional autoComplete="organization" />
        <Button variant="primary">Aanmelden</Button>
      </Form>
    </>
  );
}
