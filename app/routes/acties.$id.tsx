import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ActionStatusBadge } from "~/components/action-list";
import { ActionProgressForm } from "~/components/action-progress-form";
import { GoalLinksForm, GoalLinksList } from "~/components/goal-links-form";
import { Alert, SavedStatus } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { StatusBadge } from "~/components/status-badge";
import { requireIdParam } from "~/auth/guards";
import { refuseClosedRecord, requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { formatDate, formatDay, formatTimestamp, todayIso } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { loadGoalLinks, saveGoalLinks } from "~/lib/goal-links-route.server";
import { actionReviewResultLabels, actionStatusLabels } from "~/lib/vocabulary";
import { getAction, recordActionProgress, reopenAction, updateActionDetails } from "~/models/actions.server";
import { listOrganisations, listPeopleForCommitments } from "~/models/people.server";
import { actionProgressSchema, editActionSchema, reopenActionSchema } from "~/schemas/actions";

const schema = z.discriminatedUnion("intent", [actionProgressSchema, reopenActionSchema, editActionSchema]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Actie: ${data.action.description} · Gremium` : "Actie niet gevonden · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const id = requireIdParam(params.id);
  const action = getAction({ viewer, id });
  if (!action) refuseClosedRecord(request, viewer, { kind: "action", id }, "Deze actie bestaat niet.");
  return {
    action,
    people: action.canManage
      ? listPeopleForCommitments({ viewer }).map((p) => ({
          value: p.id,
          label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
        }))
      : [],
    organisations: action.canManage ? listOrganisations({ viewer }).map((o) => ({ value: o.id, label: o.name })) : [],
    ...(action.detailed
      ? loadGoalLinks(viewer, { kind: "action", id: action.id }, Number(todayIso().slice(0, 4)))
      : { goals: { objectives: [], planGoals: [] }, goalForm: null }),
  };
});

const doneMessages = {
  update: "De stand is bijgewerkt.",
  start: "De actie staat nu in uitvoering.",
  complete: "De actie is afgerond.",
  drop: "De actie is vervallen.",
  extend: "De termijn is verlengd.",
  reopen: "De actie staat weer open.",
  edit: "De actie is gewijzigd.",
  aangemaakt: "De actie is aangemaakt.",
} as const;

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const id = requireIdParam(params.id);
  const formData = await request.formData();
  if (formData.get("intent") === "links")
    return saveGoalLinks(viewer, { kind: "action", id }, formData, `/acties/${id}`);
  const submission = parseWithZod(formData, { schema });
  const formKey = submission.payload.intent === "edit" ? "edit" : String(submission.payload.intent ?? "progress");
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  const input = submission.value;
  try {
    const base = { viewer, id, expectedVersion: input.version };
    let done: keyof typeof doneMessages;
    if (input.intent === "reopen") {
      reopenAction({ ...base, note: input.note });
      done = "reopen";
    } else if (input.intent === "edit") {
      updateActionDetails({
        ...base,
        input: {
          description: input.description,
          ownerPersonId: input.ownerPersonId ?? null,
          organisationId: input.organisationId ?? null,
          dueOn: input.dueOn ?? null,
        },
      });
      done = "edit";
    } else {
      recordActionProgress({
        ...base,
        note: input.note,
        change: input.change,
        dueOn: input.dueOn,
        occurredOn: input.occurredOn,
      });
      done = input.change;
    }
    return redirect(`/acties/${id}?gedaan=${done}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function ReopenForm({ action, lastReply }: { action: LoaderData["action"]; lastReply: KeyedReply }) {
  const [form, fields] = useKeyedForm(validateWith(reopenActionSchema), "reopen", lastReply, {
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby="heropenen">
      <h2 id="heropenen" className="nl-heading nl-heading--level-2">
        Actie heropenen
      </h2>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="reopen" />
      <input type="hidden" name="version" value={action.version} />
      <TextAreaField field={fields.note} label="Waarom staat de actie weer open?" rows={3} />
      <Button>Heropenen</Button>
    </Form>
  );
}

function EditForm({
  action,
  lastReply,
  people,
  organisations,
}: {
  action: LoaderData["action"];
  lastReply: KeyedReply;
  people: LoaderData["people"];
  organisations: LoaderData["organisations"];
}) {
  const [form, fields] = useKeyedForm(validateWith(editActionSchema), "edit", lastReply, {
    defaultValue: {
      intent: "edit",
      description: action.description,
      ownerPersonId: action.ownerPersonId ? String(action.ownerPersonId) : "",
      organisationId: action.organisationId ? String(action.organisationId) : "",
      dueOn: action.dueOn ?? "",
    },
  });
  const open = lastReply?.formKey === "edit";
  return (
    <details className="gremium-record" open={open}>
      <summary>Actie wijzigen (secretariaat)</summary>
      <Form method="post" {...getFormProps(form)} aria-label="Actie wijzigen">
        <FormErrors form={form} />
        <input {...getInputProps(fields.intent, { type: "hidden" })} key={fields.intent.key} value="edit" />
        <input type="hidden" name="version" value={action.version} />
        <TextAreaField field={fields.description} label="Wat moet er gebeuren" rows={2} />
        <SelectField
          field={fields.ownerPersonId}
          label="Eigenaar"
          optional
          placeholder="Geen persoon"
          options={people}
        />
        <SelectField
          field={fields.organisationId}
          label="Namens organisatie"
          optional
          placeholder="De organisatie van de eigenaar"
          options={organisations}
        />
        <TextField field={fields.dueOn} type="date" label="Termijn" optional />
        <Button>Wijzigingen opslaan</Button>
      </Form>
    </details>
  );
}

export default function ActionPage() {
  const { action, people, organisations, goals, goalForm } = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const [searchParams] = useSearchParams();
  const done = searchParams.get("gedaan") as keyof typeof doneMessages | null;
  const running = action.status === "open" || action.status === "in_uitvoering";
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/acties", label: "Acties" },
          { to: `/gremia/${action.bodySlug}/acties`, label: `Actielijst ${action.bodyName}` },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">{action.description}</h1>
      {/* A reply to a later post (a refusal) replaces the earlier success message, never stands beside it. */}
      <SavedStatus message={!lastReply && done ? doneMessages[done] : null} />
      {searchParams.get("gekoppeld") ? <Alert type="ok">De koppelingen zijn opgeslagen.</Alert> : null}
      <p className="nl-paragraph">
        <ActionStatusBadge status={action.status} overdue={action.overdue} />
        {action.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
      </p>
      <dl className="gremium-meta">
        {action.detailed ? (
          <>
            <dt>Eigenaar</dt>
            <dd>{action.ownerName ?? "Geen persoon aangewezen"}</dd>
          </>
        ) : null}
        <>
          <dt>Organisatie</dt>
          <dd>{action.organisationName ?? "Geen organisatie"}</dd>
        </>
        <>
          <dt>Gevolgd door</dt>
          <dd>
            <Link className="nl-link" to={`/gremia/${action.bodySlug}/acties`}>
              {action.bodyName}
            </Link>
          </dd>
        </>
        <>
          <dt>Herkomst</dt>
          <dd>
            {action.decisionReference ? (
              <>
                Besluit{" "}
                <Link className="nl-link" to={`/besluiten/${action.decisionReference}`}>
                  {action.decisionReference}
                </Link>
                {action.agendaItem ? ` bij ‘${action.agendaItem.subject}’` : null}
              </>
            ) : action.agendaItem ? (
              <>
                Agendapunt{" "}
                <Link
                  className="nl-link"
                  to={`/vergaderingen/${action.agendaItem.meetingId}/agenda/${action.agendaItem.id}`}
                >
                  {action.agendaItem.subject}
                </Link>
              </>
            ) : action.meetingId ? (
              "Vergadering"
            ) : (
              "Aangemaakt door het secretariaat"
            )}
            {action.meetingId && action.meetingStartsAt ? (
              <>
                {", "}
                <Link className="nl-link" to={`/vergaderingen/${action.meetingId}`}>
                  {formatDay(action.meetingStartsAt)}
                </Link>
              </>
            ) : null}
          </dd>
        </>
        <>
          <dt>Termijn</dt>
          <dd>{action.dueOn ? formatDate(action.dueOn) : "Geen termijn"}</dd>
        </>
        <>
          <dt>Status</dt>
          <dd>
            {actionStatusLabels[action.status]}
            {action.closedAt ? ` op ${formatDay(action.closedAt)}` : null}
          </dd>
        </>
        {action.closingNote ? (
          <>
            <dt>{action.status === "afgerond" ? "Resultaat" : "Reden"}</dt>
            <dd>{action.closingNote}</dd>
          </>
        ) : null}
      </dl>

      {goals.objectives.length + goals.planGoals.length > 0 || goalForm ? (
        <section aria-labelledby="draagt-bij">
          <h2 className="nl-heading nl-heading--level-2" id="draagt-bij">
            Draagt bij aan
          </h2>
          <GoalLinksList links={goals} />
          {goalForm ? (
            <GoalLinksForm
              options={goalForm.options}
              linked={goalForm.linked}
              done={Boolean(searchParams.get("gekoppeld"))}
            />
          ) : null}
        </section>
      ) : null}
      {action.canUpdate && running ? (
        // A saved report remounts the form empty, so the next report starts afresh.
        <ActionProgressForm key={action.version} action={action} formKey="progress" lastReply={lastReply} dated />
      ) : null}
      {action.canUpdate && !running ? <ReopenForm action={action} lastReply={lastReply} /> : null}
      {action.canManage ? (
        <EditForm action={action} lastReply={lastReply} people={people} organisations={organisations} />
      ) : null}

      {action.reviews.length > 0 ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Besproken in vergaderingen</h2>
          <ul className="gremium-meetings">
            {action.reviews.map((review) => (
              <li key={review.meetingId}>
                <Link className="nl-link" to={`/vergaderingen/${review.meetingId}/actielijst`}>
                  {formatDay(review.startsAt)}
                </Link>
                <span>
                  {actionReviewResultLabels[review.result]}
                  {review.newDueOn ? ` tot ${formatDate(review.newDueOn)}` : ""}
                  {review.note ? ` — ${review.note}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {action.detailed ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Verloop</h2>
          {action.updates.length === 0 ? (
            <p className="nl-paragraph">Nog geen updates.</p>
          ) : (
            <ol className="gremium-meetings gremium-log">
              {action.updates.map((update) => (
                <li key={update.id}>
                  <span className="gremium-meetings__date">
                    {formatTimestamp(update.createdAt).slice(0, 10)} · {update.authorName}
                  </span>
                  {update.meetingId && update.meetingStartsAt ? (
                    <span>
                      In de vergadering van{" "}
                      <Link className="nl-link" to={`/vergaderingen/${update.meetingId}/actielijst`}>
                        {formatDay(update.meetingStartsAt)}
                      </Link>
                      {update.statusTo || update.dueOnTo ? "" : ": besproken, loopt door"}
                    </span>
                  ) : null}
                  {update.statusTo ? (
                    <span>
                      Status: {actionStatusLabels[update.statusFrom ?? "open"]} → {actionStatusLabels[update.statusTo]}
                    </span>
                  ) : null}
                  {update.dueOnTo !== null || update.dueOnFrom !== null ? (
                    <span>
                      Termijn: {update.dueOnFrom ? formatDate(update.dueOnFrom) : "geen"} →{" "}
                      {update.dueOnTo ? formatDate(update.dueOnTo) : "geen"}
                    </span>
                  ) : null}
                  {update.note ? <span>{update.note}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </>
  );
}
