import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { ProgrammeFields } from "~/components/programme-fields";
import { forbidden, notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { getProgrammeDashboard, getProgrammeFormOptions, updateProgramme } from "~/models/programmes.server";
import { updateProgrammeSchema } from "~/schemas/programmes";

export const meta: MetaFunction = () => [{ title: "Programma wijzigen · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const dashboard = getProgrammeDashboard({ viewer, slug: params.slug ?? "" });
  if (!dashboard) notFound("Dit programma bestaat niet.");
  if (!dashboard.canManage) forbidden("Alleen de kwartiermaker wijzigt programma's.");
  const options = getProgrammeFormOptions({ viewer });
  return {
    programme: dashboard.programme,
    bodies: options.bodies,
    programmes: options.programmes.filter((p) => p.id !== dashboard.programme.id),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const dashboard = getProgrammeDashboard({ viewer, slug: params.slug ?? "" });
  if (!dashboard) notFound("Dit programma bestaat niet.");
  const submission = parseWithZod(await request.formData(), { schema: updateProgrammeSchema });
  if (submission.status !== "success")
    return data({ formKey: "edit", result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  const { version, ...input } = submission.value;
  try {
    updateProgramme({
      viewer,
      id: dashboard.programme.id,
      expectedVersion: version,
      input: { ...input, endsOn: input.endsOn ?? null, predecessorId: input.predecessorId ?? null },
    });
    return redirect(`/programmas/${dashboard.programme.slug}`);
  } catch (error) {
    const reply = replyToModelError(submission, error, { hideFields: ["version"] });
    return data({ formKey: "edit", result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

export default function EditProgramme() {
  const { programme, bodies, programmes } = useLoaderData<typeof loader>();
  const [form, fields] = useKeyedForm(
    validateWith(updateProgrammeSchema),
    "edit",
    useActionData<typeof action>() as KeyedReply,
    {
      defaultValue: {
        title: programme.title,
        startsOn: programme.startsOn,
        endsOn: programme.endsOn ?? "",
        ownerBodyId: String(programme.ownerBodyId),
        predecessorId: programme.predecessorId ? String(programme.predecessorId) : "",
        descriptionMarkdown: programme.descriptionMarkdown,
        objectiveTerm: programme.objectiveTerm,
      },
    },
  );
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/programmas", label: "Programma's" },
          { to: `/programmas/${programme.slug}`, label: programme.title },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Programma wijzigen</h1>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="version" value={programme.version} />
        <ProgrammeFields fields={fields} bodies={bodies} programmes={programmes} />
        <Button variant="primary">Wijzigingen opslaan</Button>
      </Form>
    </>
  );
}
