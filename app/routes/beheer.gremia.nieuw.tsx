import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BodyFields } from "~/components/body-fields";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors } from "~/components/form";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { todayIso } from "~/lib/format";
import { createBody, listBodiesForSelect } from "~/models/bodies.server";
import { bodySchema } from "~/schemas/admin";

export const meta: MetaFunction = () => [{ title: "Nieuw gremium · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return { parents: listBodiesForSelect({ viewer }).filter((b) => b.activeUntil === null), today: todayIso() };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const submission = parseWithZod(await request.formData(), { schema: bodySchema });
  if (submission.status !== "success") return data(submission.reply(), unfinishedStatus(submission));
  try {
    const body = createBody({ viewer, input: submission.value });
    return redirect(`/beheer/gremia/${body.id}?aangemaakt=1`);
  } catch (error) {
    return replyToModelError(submission, error);
  }
});

export default function NewBody() {
  const { parents, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      activeFrom: today,
      wooFooting: "artikel-3-1",
      writtenRule: "tenzij-bezwaar",
      writtenQuorumPercent: "50",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bodySchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="gremium-form">
      <Breadcrumb
        items={[
          { to: "/beheer", label: "Beheer" },
          { to: "/beheer/gremia", label: "Gremia en leden" },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Nieuw gremium</h1>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <BodyFields fields={fields} parents={parents} />
        <div className="gremium-form-actions">
          <Button variant="primary">Gremium aanmaken</Button>
        </div>
      </Form>
    </div>
  );
}
