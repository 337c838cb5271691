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
import { getMeeting, getMeetingDefaults, updateMeeting } from "~/models/meetings.server";
import { unacceptedDateWarning } from "~/lib/date-check.server";
import { editMeetingSchema } from "~/schemas/meetings";

export const meta: MetaFunction = () => [{ title: "Vergadering wijzigen · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const meeting = getMeeting({ viewer, id: requireIdParam(params.id) });
  if (!meeting) notFound("Deze vergadering bestaat niet.");
  if (!meeting.canManage) forbidden("Alleen het secretariaat van dit gremium wijzigt deze vergadering.");
  return { meeting, officers: getMeetingDefaults({ viewer, bodyId: meeting.bodyId }) };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const id = requireIdParam(params.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: editMeetingSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), currentVersion: null, dateWarning: null }, unfinishedStatus(submission));
  // Only a new date is asked about; the meeting's own date was accepted when it was planned.
  const current = getMeeting({ viewer, id });
  const dateWarning =
    current && amsterdamDateAndTime(current.startsAt).date !== submission.value.date
      ? unacceptedDateWarning(formData, submission.value.date)
      : null;
  if (dateWarning) return { result: submission.reply(), currentVersion: null, dateWarning };
  try {
    updateMeeting({ viewer, id, expectedVersion: submission.value.version, input: submission.value });
    return redirect(`/vergaderingen/${id}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    const currentVersion = reply.init?.status === 409 ? (getMeeting({ viewer, id })?.version ?? null) : null;
    return data({ result: reply.data, currentVersion, dateWarning: null }, { status: reply.init?.status ?? 400 });
  }
});

export default function EditMeeting() {
  const { meeting, officers } = useLoaderData<typeof loader>();
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
      // An empty officer is proposed from the body's memberships, as when the meeting was planned.
      chairName: meeting.chairName ?? officers.chairName,
      secretaryName: meeting.secretaryName ?? officers.secretaryName,
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
        <MeetingFields
          fields={fields}
          scheduleLocked={scheduleLocked}
          dateWarning={actionData?.dateWarning}
          submitLabel="Gegevens opslaan"
        />
        <div className="gremium-form-actions">
          <Button variant="primary">Gegevens opslaan</Button>
        </div>
      </Form>
    </div>
  );
}
