import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors } from "~/components/form";
import { MeetingFields } from "~/components/meeting-fields";
import { forbidden } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { listManageableBodies } from "~/models/bodies.server";
import { createMeeting, getMeetingDefaults } from "~/models/meetings.server";
import { unacceptedDateWarning } from "~/lib/date-check.server";
import { newMeetingSchema } from "~/schemas/meetings";

export const meta: MetaFunction = () => [{ title: "Nieuwe vergadering · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const bodies = listManageableBodies({ viewer });
  if (bodies.length === 0) forbidden("Alleen het secretariaat van een gremium plant vergaderingen.");
  const chosen = bodies.find((b) => String(b.id) === new URL(request.url).searchParams.get("gremium"));
  return {
    bodies: bodies.map((b) => ({ id: b.id, name: b.name })),
    body: chosen ? { id: chosen.id, name: chosen.name, ...getMeetingDefaults({ viewer, bodyId: chosen.id }) } : null,
  };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: newMeetingSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), dateWarning: null }, unfinishedStatus(submission));
  const dateWarning = unacceptedDateWarning(formData, submission.value.date);
  if (dateWarning) return { result: submission.reply(), dateWarning };
  try {
    const meeting = createMeeting({ viewer, input: submission.value });
    return redirect(`/vergaderingen/${meeting.id}?gepland=1`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ result: reply.data, dateWarning: null }, reply.init ?? { status: 400 });
  }
});

export default function NewMeeting() {
  const { bodies, body } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: body
      ? {
          bodyId: String(body.id),
          chairName: body.chairName,
          secretaryName: body.secretaryName,
          startTime: "10.00",
          endTime: "12.00",
        }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newMeetingSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="gremium-form">
      <Breadcrumb items={[{ to: "/vergaderingen", label: "Vergaderingen" }]} />
      <h1 className="nl-heading nl-heading--level-1">Nieuwe vergadering</h1>
      {body ? (
        <>
          <p className="nl-paragraph">
            Vergadering van <strong>{body.name}</strong>. De agenda begint met de vaste punten van dit gremium; de leden
            worden uitgenodigd. U publiceert de agenda later zelf.
          </p>
          <FormErrors form={form} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="bodyId" value={body.id} />
            <MeetingFields fields={fields} dateWarning={actionData?.dateWarning} submitLabel="Vergadering plannen" />
            <div className="gremium-form-actions">
              <Button variant="primary">Vergadering plannen</Button>
            </div>
          </Form>
        </>
      ) : (
        <Form method="get">
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="gremium">
              Voor welk gremium?
            </label>
            <select id="gremium" name="gremium" className="utrecht-select utrecht-select--html-select" required>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <Button variant="primary">Verder</Button>
        </Form>
      )}
    </div>
  );
}
