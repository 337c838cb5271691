import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ActionList, ActionStatusBadge } from "~/components/action-list";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button } from "~/components/form";
import { requireIdParam } from "~/auth/guards";
import { refuseClosedRecord, requireUser } from "~/auth/permissions.server";
import { formatDate, formatDay } from "~/lib/format";
import { actionReviewResultLabels, actionReviewResults, actionStatusLabels } from "~/lib/vocabulary";
import { getMeetingActionList, processActionList } from "~/models/action-lists.server";
import { ConflictError, RuleError } from "~/models/errors";
import { parseActionListForm } from "~/schemas/actions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Actielijst ${data.meeting.bodyName}, ${formatDay(data.meeting.startsAt)} · Gremium`
      : "Actielijst niet gevonden · Gremium",
  },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const list = getMeetingActionList({ viewer, meetingId });
  if (!list) refuseClosedRecord(request, viewer, { kind: "meeting", id: meetingId }, "Deze actielijst bestaat niet.");
  const { meeting } = list;
  return {
    meeting: {
      id: meeting.id,
      bodyName: meeting.bodyName,
      bodySlug: meeting.bodySlug,
      startsAt: meeting.startsAt,
      canManage: meeting.canManage,
    },
    reviews: list.reviews,
    running: list.running,
    canProcess: list.canProcess,
  };
});

type Values = Record<string, string>;
type Reply = { formErrors: string[]; fieldErrors: Record<string, string[]>; values: Values };

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const formData = await request.formData();
  const values = Object.fromEntries(
    [...formData.entries()].filter(([k]) => k !== "actionId").map(([k, v]) => [k, String(v)]),
  );
  const { entries, errors } = parseActionListForm(formData);
  if (Object.keys(errors).length > 0)
    return data<Reply>(
      {
        formErrors: ["Niet alle acties konden worden verwerkt; zie de meldingen bij de acties."],
        fieldErrors: errors,
        values,
      },
      { status: 400 },
    );
  try {
    processActionList({ viewer, meetingId, entries });
    return redirect(`/vergaderingen/${meetingId}/actielijst?verwerkt=1`);
  } catch (error) {
    if (error instanceof ConflictError)
      return data<Reply>({ formErrors: [error.message], fieldErrors: {}, values }, { status: 409 });
    if (error instanceof RuleError) {
      const { "": formErrors = [], ...fieldErrors } = error.fieldErrors;
      return data<Reply>({ formErrors, fieldErrors, values }, { status: 400 });
    }
    throw error;
  }
});

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function ProcessForm({ running, reply }: { running: LoaderData["running"]; reply: Reply | undefined }) {
  const value = (name: string, fallback = "") => reply?.values[name] ?? fallback;
  const error = (name: string) => reply?.fieldErrors[name];
  return (
    <Form method="post" aria-labelledby="verwerken">
      <h2 id="verwerken" className="nl-heading nl-heading--level-2">
        Actielijst verwerken
      </h2>
      <p className="nl-paragraph">
        Geef per actie aan wat de vergadering besloot. Wat u niet wijzigt, loopt door. Bij ‘afgedaan’ mag de toelichting
        leeg blijven; bij ‘vervallen’ is een reden nodig.
      </p>
      {reply?.formErrors.length ? (
        <Alert type="error">
          {reply.formErrors.map((e) => (
            <span key={e}>{e} </span>
          ))}
        </Alert>
      ) : null}
      <ol className="gremium-actionlist">
        {running.map((action) => {
          const resultName = `result-${action.id}`;
          const dueName = `dueOn-${action.id}`;
          const noteName = `note-${action.id}`;
          return (
            <li key={action.id}>
              <fieldset aria-describedby={`stand-${action.id}`}>
                <legend>
                  <strong>{action.description}</strong>
                </legend>
                <input type="hidden" name="actionId" value={action.id} />
                <input type="hidden" name={`version-${action.id}`} value={action.version} />
                <p className="nl-paragraph" id={`stand-${action.id}`}>
                  <ActionStatusBadge status={action.status} overdue={action.overdue} />{" "}
                  {[action.ownerName, action.organisationName].filter(Boolean).join(", ")} · termijn{" "}
                  {action.dueOn ? formatDate(action.dueOn) : "geen"}
                  {action.lastUpdate ? ` · laatste stand: ${action.lastUpdate}` : ""}
                </p>
                <div className="gremium-radios" role="radiogroup" aria-label={`Uitkomst voor: ${action.description}`}>
                  {actionReviewResults.map((result) => (
                    <label key={result}>
                      <input
                        type="radio"
                        name={resultName}
                        value={result}
                        defaultChecked={value(resultName, "loopt_door") === result}
                      />
                      {actionReviewResultLabels[result]}
                    </label>
                  ))}
                </div>
                <div className="gremium-two-columns">
                  <div className={`utrecht-form-field${error(dueName) ? " utrecht-form-field--invalid" : ""}`}>
                    <label className="utrecht-form-label" htmlFor={dueName}>
                      Loopt door tot <span className="gremium-muted">(niet verplicht)</span>
                    </label>
                    {error(dueName) ? (
                      <div className="utrecht-form-field-error-message" id={`${dueName}-fout`}>
                        {error(dueName)!.join(" ")}
                      </div>
                    ) : null}
                    <input
                      id={dueName}
                      name={dueName}
                      type="date"
                      defaultValue={value(dueName)}
                      aria-invalid={error(dueName) ? true : undefined}
                      aria-describedby={error(dueName) ? `${dueName}-fout` : undefined}
                      className="utrecht-textbox utrecht-textbox--html-input"
                    />
                  </div>
                  <div className={`utrecht-form-field${error(noteName) ? " utrecht-form-field--invalid" : ""}`}>
                    <label className="utrecht-form-label" htmlFor={noteName}>
                      Toelichting <span className="gremium-muted">(bij vervallen verplicht)</span>
                    </label>
                    {error(noteName) ? (
                      <div className="utrecht-form-field-error-message" id={`${noteName}-fout`}>
                        {error(noteName)!.join(" ")}
                      </div>
                    ) : null}
                    <input
                      id={noteName}
                      name={noteName}
                      type="text"
                      maxLength={2000}
                      defaultValue={value(noteName)}
                      aria-invalid={error(noteName) ? true : undefined}
                      aria-describedby={error(noteName) ? `${noteName}-fout` : undefined}
                      className="utrecht-textbox utrecht-textbox--html-input"
                    />
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button variant="primary">Actielijst verwerken</Button>
    </Form>
  );
}

export default function MeetingActionList() {
  const { meeting, reviews, running, canProcess } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [searchParams] = useSearchParams();
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: `${meeting.bodyName}, ${formatDay(meeting.startsAt)}` },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Actielijst</h1>
      <p className="nl-paragraph">
        {meeting.bodyName}, {formatDay(meeting.startsAt)}.{" "}
        <Link className="nl-link" to={`/gremia/${meeting.bodySlug}/acties`}>
          Actuele actielijst van het gremium
        </Link>
      </p>
      {searchParams.get("verwerkt") ? <Alert type="ok">De actielijst is verwerkt.</Alert> : null}

      <h2 className="nl-heading nl-heading--level-2">Zoals besproken in deze vergadering</h2>
      {reviews.length === 0 ? (
        <p className="nl-paragraph">De actielijst van deze vergadering is nog niet verwerkt.</p>
      ) : (
        <div className="gremium-table-wrap">
          <table className="utrecht-table utrecht-table--html-table gremium-table-stack">
            <caption className="gremium-visually-hidden">Actielijst zoals besproken</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Actie
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Eigenaar
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Termijn en stand vooraf
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Uitkomst
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {reviews.map((review) => (
                <tr key={review.actionId} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    <Link className="nl-link" to={`/acties/${review.actionId}`}>
                      {review.description}
                    </Link>
                  </td>
                  <td className="utrecht-table__cell" data-label="Eigenaar">
                    {[review.ownerName, review.organisationName].filter(Boolean).join(", ") || "—"}
                  </td>
                  <td className="utrecht-table__cell" data-label="Vooraf">
                    {review.dueOnBefore ? formatDate(review.dueOnBefore) : "geen termijn"};{" "}
                    {actionStatusLabels[review.statusBefore].toLowerCase()}
                    {review.lastUpdateNote ? ` — ${review.lastUpdateNote}` : ""}
                  </td>
                  <td className="utrecht-table__cell" data-label="Uitkomst">
                    {actionReviewResultLabels[review.result]}
                    {review.newDueOn ? ` tot ${formatDate(review.newDueOn)}` : ""}
                    {review.note ? ` — ${review.note}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canProcess && running.length > 0 ? (
        <ProcessForm running={running} reply={reply} />
      ) : (
        <>
          <h2 className="nl-heading nl-heading--level-2">Lopende acties van het gremium</h2>
          <ActionList actions={running} showBody={false} emptyText="Er staan geen acties open." />
        </>
      )}
      {meeting.canManage ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to={`/acties/nieuw?gremium=${meeting.bodySlug}`}>
            Nieuwe actie voor dit gremium
          </Link>
        </p>
      ) : null}
    </>
  );
}
