import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, TextField } from "~/components/form";
import { forbidden, notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { formatDay } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { attendanceStatusLabels, attendanceStatuses } from "~/lib/vocabulary";
import { listAttendance, recordAttendance, removeGuest } from "~/models/attendance.server";
import { getMeeting } from "~/models/meetings.server";
import { recordAttendanceSchema, removeGuestSchema } from "~/schemas/meetings";

const schema = z.discriminatedUnion("intent", [recordAttendanceSchema, removeGuestSchema]);

export const meta: MetaFunction = () => [{ title: "Aanwezigheid · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const meeting = getMeeting({ viewer, id: requireIdParam(params.id) });
  if (!meeting) notFound("Deze vergadering bestaat niet.");
  if (!meeting.canManage) forbidden("Alleen het secretariaat van dit gremium legt de aanwezigheid vast.");
  return {
    meeting: {
      id: meeting.id,
      bodyName: meeting.bodyName,
      startsAt: meeting.startsAt,
      version: meeting.version,
      status: meeting.status,
    },
    ...listAttendance({ viewer, meetingId: meeting.id })!,
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), unfinishedStatus(submission));
  const input = submission.value;
  try {
    if (input.intent === "remove-guest") {
      removeGuest({ viewer, meetingId, guestId: input.guestId });
      return submission.reply();
    }
    recordAttendance({
      viewer,
      meetingId,
      expectedVersion: input.version,
      entries: input.entries,
      guest: input.guestName ? { name: input.guestName, organisation: input.guestOrganisation } : null,
    });
    return redirect(`/vergaderingen/${meetingId}?aanwezigheid=1`);
  } catch (error) {
    return replyToModelError(submission, error);
  }
});

export default function Attendance() {
  const { meeting, invitees, guests } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "record",
    lastResult,
    defaultValue: {
      entries: invitees.map((invitee) => ({
        inviteeId: String(invitee.id),
        status: invitee.attendance ?? "aanwezig",
        note: invitee.attendanceNote ?? "",
      })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const entries = fields.entries.getFieldList();
  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Aanwezigheid</h1>
      <p className="nl-paragraph">
        {meetingLabel}. Na opslaan staat de vergadering op ‘vergaderd’. Bij ‘later’ of ‘eerder weg’ vult u de tijd in,
        bij ‘vervangen door’ de naam.
      </p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="record" />
        <input type="hidden" name="version" value={meeting.version} />
        <div className="gremium-table-wrap">
          <table className="utrecht-table utrecht-table--html-table gremium-table-stack">
            <caption className="utrecht-table__caption gremium-visually-hidden">Genodigden en hun aanwezigheid</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Genodigde
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Aanwezigheid
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Tijd of vervanger
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {entries.map((entry, index) => {
                const invitee = invitees[index];
                const entryFields = entry.getFieldset();
                const { key: statusKey, ...statusProps } = getSelectProps(entryFields.status);
                const { key: noteKey, ...noteProps } = getInputProps(entryFields.note, { type: "text" });
                return (
                  <tr key={entry.key} className="utrecht-table__row">
                    <td className="utrecht-table__cell">
                      <input type="hidden" name={entryFields.inviteeId.name} value={invitee?.id} />
                      {invitee?.name}
                      {invitee?.organisationName ? (
                        <div className="gremium-muted">{invitee.organisationName}</div>
                      ) : null}
                    </td>
                    <td className="utrecht-table__cell">
                      <label className="gremium-visually-hidden" htmlFor={entryFields.status.id}>
                        Aanwezigheid van {invitee?.name}
                      </label>
                      <select
                        key={statusKey}
                        {...statusProps}
                        className="utrecht-select utrecht-select--html-select gremium-select-compact"
                      >
                        {attendanceStatuses.map((status) => (
                          <option key={status} value={status}>
                            {attendanceStatusLabels[status]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="utrecht-table__cell">
                      <label className="gremium-visually-hidden" htmlFor={entryFields.note.id}>
                        Tijd of vervanger van {invitee?.name}
                      </label>
                      <input
                        key={noteKey}
                        {...noteProps}
                        className={`utrecht-textbox utrecht-textbox--html-input${entryFields.note.errors ? " utrecht-textbox--invalid" : ""}`}
                      />
                      {entryFields.note.errors ? (
                        <div className="utrecht-form-field-error-message" id={entryFields.note.errorId}>
                          {entryFields.note.errors.join(" ")}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <h2 className="nl-heading nl-heading--level-2">Gast toevoegen</h2>
        <div className="gremium-two-columns gremium-form">
          <TextField field={fields.guestName} label="Naam van de gast" optional />
          <TextField field={fields.guestOrganisation} label="Organisatie van de gast" optional />
        </div>
        <div className="gremium-form-actions">
          <Button variant="primary">Aanwezigheid opslaan</Button>
        </div>
      </Form>
      {guests.length > 0 ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Gasten</h2>
          <ul className="gremium-agenda-editor">
            {guests.map((guest) => (
              <li key={guest.id} className="gremium-agenda-editor__item">
                <span>
                  {guest.name}
                  {guest.organisation ? ` (${guest.organisation})` : ""}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-guest" />
                  <input type="hidden" name="guestId" value={guest.id} />
                  <button type="submit" className="nl-button" aria-label={`Gast ${guest.name} verwijderen`}>
                    <span className="nl-button__label" aria-hidden="true">
                      Verwijderen
                    </span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
