import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, CheckboxField, FormErrors, SelectField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { forbidden } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { todayIso } from "~/lib/format";
import { createPlan, listPlanBodies } from "~/models/plans.server";
import { createPlanSchema } from "~/schemas/plans";

export const meta: MetaFunction = () => [{ title: "Nieuw jaarplan · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const bodies = listPlanBodies({ viewer });
  if (bodies.length === 0) forbidden("U beheert geen jaarplannen.");
  return { bodies, nextYear: Number(todayIso().slice(0, 4)) + 1 };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: createPlanSchema });
  if (submission.status !== "success")
    return data({ formKey: "create", result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  try {
    const { id } = createPlan({ viewer, input: submission.value });
    return redirect(`/jaarplannen/${id}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey: "create", result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

export default function NewPlan() {
  const { bodies, nextYear } = useLoaderData<typeof loader>();
  const [form, fields] = useKeyedForm(
    validateWith(createPlanSchema),
    "create",
    useActionData<typeof action>() as KeyedReply,
    {
      defaultValue: { year: String(nextYear), bodyId: bodies.length === 1 ? String(bodies[0]!.id) : "" },
    },
  );
  return (
    <>
      <Breadcrumb items={[{ to: "/jaarplannen", label: "Jaarplannen" }]} />
      <h1 className="nl-heading nl-heading--level-1">Nieuw jaarplan</h1>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <SelectField
          field={fields.bodyId!}
          label="Gremium"
          placeholder="Kies een gremium"
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
        />
        <TextField field={fields.year!} type="number" label="Jaar" inputMode="numeric" />
        <TextField
          field={fields.title!}
          label="Titel"
          description="Bijvoorbeeld: Jaarplan 2027 Themagroep Mensenhandel."
        />
        <CheckboxField
          field={fields.copyOpenGoals!}
          label="Begin met de doelen van vorig jaar die nog niet zijn afgerond"
        />
        <Button variant="primary">Jaarplan aanmaken</Button>
      </Form>
    </>
  );
}
