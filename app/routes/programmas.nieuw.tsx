import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { ProgrammeFields } from "~/components/programme-fields";
import { requireUser } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { createProgramme, getProgrammeFormOptions } from "~/models/programmes.server";
import { createProgrammeSchema } from "~/schemas/programmes";

export const meta: MetaFunction = () => [{ title: "Nieuw programma · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  return getProgrammeFormOptions({ viewer: requireUser(request) });
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: createProgrammeSchema });
  if (submission.status !== "success")
    return data({ formKey: "create", result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  const input = submission.value;
  try {
    const { slug } = createProgramme({
      viewer,
      input: { ...input, endsOn: input.endsOn ?? null, predecessorId: input.predecessorId ?? null },
    });
    return redirect(`/programmas/${slug}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey: "create", result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

export default function NewProgramme() {
  const { bodies, programmes } = useLoaderData<typeof loader>();
  const [form, fields] = useKeyedForm(
    validateWith(createProgrammeSchema),
    "create",
    useActionData<typeof action>() as KeyedReply,
  );
  return (
    <>
      <Breadcrumb items={[{ to: "/programmas", label: "Programma's" }]} />
      <h1 className="nl-heading nl-heading--level-1">Nieuw programma</h1>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <TextField
          field={fields.slug}
          label="Webadres"
          description="Het laatste deel van het adres, bijvoorbeeld meerjarenkoers-2027 in /programmas/meerjarenkoers-2027."
        />
        <ProgrammeFields fields={fields} bodies={bodies} programmes={programmes} />
        <Button variant="primary">Programma aanmaken</Button>
      </Form>
    </>
  );
}
