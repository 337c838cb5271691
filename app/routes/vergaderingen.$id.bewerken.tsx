import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors } from "~/components/form";
import { MeetingFields } from "~/components/meeting-fields";
import { forbidden, notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { amsterdamDateAndTime, formatDay, formatTime } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { getMeeting, updateMeeting } from "~/models/meetings.server";
import { editMeetingSchema } from "~/schemas/meetings";

export const meta: MetaFunction = () => [{ title: "Vergadering wijzigen · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const meeting = getMeeting({ viewer, id: requireIdParam(params.id) });
  if (!meeting) notFound("Deze vergadering bestaat niet.");
  if (!meeting.canManage) forbidden("Alleen het secretariaat van dit gremium wijzigt deze vergadering.");
  return { meeting };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const id = requireIdParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: editMeetingSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), currentVersion: null }, unfinishedStatus(submission));
  try {
    updateMeeting({ viewer, id, expectedVersion: submission.value.version, input: submission.value });
    return redirect(`/vergaderingen/${id}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    const currentVersion = reply.init?.status === 409 ? (getMeeting({ viewer, id })?.version ?? null) : null;
    return data({ result: reply.data, currentVersion }, { status: reply.init?.status ?? 400 });
  }
});

export default function EditMeeting() {
  const { meeting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const start = amsterdamDateAndTime(meeting.startsAt);
  const scheduleLocked = meeting.status !== "concept";
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: {
      date: start.date,
      startTime: formatTime(meeting.startsAt),
      endTime: formatTime(meeting.endsAt),
      location: meeting.location,
      chairName: meeting.chairName ?? "",
      secretaryName: meeting.secretaryName ?? "",
      inviteesNote: meeting.inviteesNote ?? "",
      registrationNumber: meeting.registrationNumber ?? "",
      isPublic: meeting.isPublic ? "on" : "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editMeetingSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="gremium-form">
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: `${meeting.bodyName}, ${formatDay(meeting.startsAt)}` },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Gegevens van de vergadering</h1>
      {scheduleLocked ? (
        <p className="nl-paragraph">
          De agenda is gepubliceerd: een nieuwe datum of tijd geeft u op met ‘Verplaatsen’ op de pagina van de
          vergadering.
        </p>
      ) : null}
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={actionData?.currentVersion ?? meeting.version} />
        {scheduleLocked ? (
          <>
            <input type="hidden" name="date" value={start.date} />
            <input type="hidden" name="startTime" value={start.time} />
            <input type="hidden" name="endTime" value={formatTime(meeting.endsAt)} />
          </>
        ) : null}
        <MeetingFields fields={fields} scheduleLocked={scheduleLocked} />
        <div className="gremium-form-actions">
          <Button variant="primary">Gegevens opslaan</Button>
        </div>
      </Form>
    </div>
  );
}
