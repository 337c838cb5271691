import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ZodType } from "zod";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { StatusBadge } from "~/components/status-badge";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { formatDay, formatEuro } from "~/lib/format";
import { replyToModelError } from "~/lib/form-reply.server";
import { saveGoalLinks } from "~/lib/goal-links-route.server";
import { renderMarkdown } from "~/lib/markdown.server";
import {
  budgetKindLabels,
  budgetKinds,
  decisionOutcomeLabels,
  planGoalStatusLabels,
  planGoalStatuses,
  planStatusLabels,
} from "~/lib/vocabulary";
import { getGoalLinks, listGoalOptions } from "~/models/goal-links.server";
import {
  addBudgetLine,
  addChapter,
  addGoal,
  closePlan,
  getPlan,
  publishReport,
  removeBudgetLine,
  removeChapter,
  removeGoal,
  submitPlanForConsent,
  updateChapter,
  updateGoal,
  updateReport,
} from "~/models/plans.server";
import {
  budgetLineSchema,
  chapterSchema,
  goalSchema,
  planStepSchema,
  reportSchema,
  submitPlanSchema,
} from "~/schemas/plans";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title} · Gremium` : "Jaarplan niet gevonden · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const found = getPlan({ viewer, id: requireIdParam(params.id) });
  if (!found) notFound("Dit jaarplan bestaat niet, of is (nog) niet openbaar.");
  const linkable = found.canManage && found.plan.status !== "afgesloten";
  return {
    ...found,
    objectiveOptions: linkable ? listGoalOptions({ viewer, years: [] }).objectives : [],
    goalLinks: linkable
      ? Object.fromEntries(
          found.goals.map((g) => [g.id, getGoalLinks({ viewer, target: { kind: "planGoal", id: g.id } })]),
        )
      : {},
  };
});

const schemas: Record<string, ZodType> = {
  "chapter-add": chapterSchema,
  "chapter-edit": chapterSchema,
  "chapter-preview": chapterSchema,
  "goal-add": goalSchema,
  "goal-edit": goalSchema,
  "budget-add": budgetLineSchema,
  submit: submitPlanSchema,
  "report-save": reportSchema,
  "report-preview": reportSchema,
  close: planStepSchema,
  "report-publish": planStepSchema,
  "chapter-remove": planStepSchema,
  "goal-remove": planStepSchema,
  "budget-remove": planStepSchema,
};

const doneMessages: Record<string, string> = {
  "chapter-add": "Het hoofdstuk is toegevoegd.",
  "chapter-edit": "Het hoofdstuk is opgeslagen.",
  "chapter-remove": "Het hoofdstuk is verwijderd.",
  "goal-add": "Het doel is toegevoegd.",
  "goal-edit": "Het doel is bijgewerkt.",
  "goal-remove": "Het doel is verwijderd.",
  "budget-add": "De begrotingsregel is toegevoegd.",
  "budget-remove": "De begrotingsregel is verwijderd.",
  submit: "Het jaarplan ligt ter instemming bij de stuurgroep.",
  close: "Het jaar is afgesloten; het concept-jaarverslag staat klaar.",
  "report-save": "Het jaarverslag is opgeslagen.",
  "report-publish": "Het jaarverslag is gepubliceerd.",
};

type Reply = KeyedReply & { preview?: string };

const stepIntents = ["close", "report-publish", "chapter-remove", "goal-remove", "budget-remove", "onbekend"];

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const planId = requireIdParam(params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = `/jaarplannen/${planId}`;
  if (intent === "links") {
    const goalId = Number(formData.get("goalId")) || 0;
    return saveGoalLinks(viewer, { kind: "planGoal", id: goalId }, formData, back);
  }
  const schema = schemas[intent];
  if (!schema)
    return data(
      { formKey: "onbekend", result: { status: "error" as const, error: { "": ["Onbekende opdracht."] } } },
      { status: 400 },
    );
  const target = formData.get("chapterId") ?? formData.get("goalId") ?? formData.get("targetId");
  const formKey =
    intent.endsWith("-edit") || intent === "chapter-preview"
      ? `${intent.replace("-preview", "-edit")}-${target ?? "nieuw"}`
      : intent;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply() } satisfies Reply, { status: 400 });
  const input = submission.value as Record<string, any>;
  try {
    switch (intent) {
      case "chapter-preview":
      case "report-preview":
        return {
          formKey: intent === "report-preview" ? "report-save" : formKey,
          result: submission.reply(),
          preview: renderMarkdown(input.bodyMarkdown ?? input.reportMarkdown ?? ""),
        } satisfies Reply;
      case "chapter-add":
        addChapter({ viewer, planId, input: { title: input.title, bodyMarkdown: input.bodyMarkdown } });
        break;
      case "chapter-edit":
        updateChapter({
          viewer,
          id: input.chapterId ?? 0,
          expectedVersion: input.version,
          input: { title: input.title, bodyMarkdown: input.bodyMarkdown },
        });
        break;
      case "chapter-remove":
        removeChapter({ viewer, id: input.targetId ?? 0 });
        break;
      case "goal-add":
      case "goal-edit": {
        const goal = {
          title: input.title,
          ownerName: input.ownerName || null,
          quarter: input.quarter ?? null,
          status: input.status,
          progressNote: input.progressNote,
        };
        if (intent === "goal-add") addGoal({ viewer, planId, input: goal });
        else updateGoal({ viewer, id: input.goalId ?? 0, expectedVersion: input.version, input: goal });
        break;
      }
      case "goal-remove":
        removeGoal({ viewer, id: input.targetId ?? 0 });
        break;
      case "budget-add":
        addBudgetLine({
          viewer,
          planId,
          input: { kind: input.kind, description: input.description, amountCents: input.amount },
        });
        break;
      case "budget-remove":
        removeBudgetLine({ viewer, id: input.targetId ?? 0 });
        break;
      case "submit":
        submitPlanForConsent({
          viewer,
          id: planId,
          expectedVersion: input.version,
          meetingId: input.meetingId ?? null,
          agendaItemId: input.agendaItemId ?? null,
        });
        break;
      case "close":
        closePlan({ viewer, id: planId, expectedVersion: input.version });
        break;
      case "report-save":
        updateReport({ viewer, id: planId, expectedVersion: input.version, reportMarkdown: input.reportMarkdown });
        break;
      case "report-publish":
        publishReport({ viewer, id: planId, expectedVersion: input.version });
        break;
    }
    return redirect(`${back}?gedaan=${intent}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data } satisfies Reply, { status: reply.init?.status ?? 400 });
  }
});

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Preview({ html }: { html: string | undefined }) {
  if (html === undefined) return null;
  return (
    <section aria-label="Voorbeeld" className="gremium-preview">
      <p className="gremium-muted">Voorbeeld (nog niet opgeslagen):</p>
      <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}

function ChapterForm({ chapter, reply }: { chapter?: LoaderData["chapters"][number]; reply: Reply | undefined }) {
  const key = chapter ? `chapter-edit-${chapter.id}` : "chapter-add";
  const [form, fields] = useKeyedForm(validateWith(chapterSchema), key, reply, {
    defaultValue: chapter ? { title: chapter.title, bodyMarkdown: chapter.bodyMarkdown } : undefined,
  });
  const mine = reply?.formKey === key;
  return (
    <details className="gremium-record" open={mine}>
      <summary>{chapter ? `Hoofdstuk ‘${chapter.title}’ bewerken` : "Hoofdstuk toevoegen"}</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        {chapter ? (
          <>
            <input type="hidden" name="chapterId" value={chapter.id} />
            <input type="hidden" name="version" value={chapter.version} />
          </>
        ) : null}
        <TextField field={fields.title!} label="Titel van het hoofdstuk" />
        <TextAreaField field={fields.bodyMarkdown!} label="Tekst (Markdown)" optional rows={10} />
        <Preview html={mine ? reply?.preview : undefined} />
        <div className="gremium-buttons">
          <Button name="intent" value="chapter-preview">
            Voorbeeld
          </Button>
          <Button variant="primary" name="intent" value={chapter ? "chapter-edit" : "chapter-add"}>
            {chapter ? "Hoofdstuk opslaan" : "Hoofdstuk toevoegen"}
          </Button>
        </div>
      </Form>
    </details>
  );
}

function GoalForm({
  goal,
  reply,
  fullEdit,
}: {
  goal?: LoaderData["goals"][number];
  reply: Reply | undefined;
  fullEdit: boolean;
}) {
  const key = goal ? `goal-edit-${goal.id}` : "goal-add";
  const [form, fields] = useKeyedForm(validateWith(goalSchema), key, reply, {
    defaultValue: goal
      ? {
          title: goal.title,
          ownerName: goal.ownerName ?? "",
          quarter: goal.quarter ? String(goal.quarter) : "",
          status: goal.status,
          progressNote: goal.progressNote,
        }
      : { status: "gepland" },
  });
  return (
    <details className="gremium-record" open={reply?.formKey === key}>
      <summary>{goal ? (fullEdit ? "Doel bewerken" : "Status en voortgang bijwerken") : "Doel toevoegen"}</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value={goal ? "goal-edit" : "goal-add"} />
        {goal ? (
          <>
            <input type="hidden" name="goalId" value={goal.id} />
            <input type="hidden" name="version" value={goal.version} />
          </>
        ) : null}
        {fullEdit ? (
          <>
            <TextField field={fields.title!} label="Wat" />
            <div className="gremium-two-columns">
              <TextField field={fields.ownerName!} label="Eigenaar" optional />
              <SelectField
                field={fields.quarter!}
                label="Kwartaal"
                optional
                placeholder="Geen kwartaal"
                options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Kwartaal ${q}` }))}
              />
            </div>
          </>
        ) : (
          <>
            <input type="hidden" name="title" value={goal!.title} />
            <input type="hidden" name="ownerName" value={goal!.ownerName ?? ""} />
            <input type="hidden" name="quarter" value={goal!.quarter ?? ""} />
          </>
        )}
        <SelectField
          field={fields.status!}
          label="Status"
          options={planGoalStatuses.map((s) => ({ value: s, label: planGoalStatusLabels[s] }))}
        />
        <TextAreaField field={fields.progressNote!} label="Voortgang" optional rows={3} />
        <Button variant="primary">{goal ? "Opslaan" : "Doel toevoegen"}</Button>
      </Form>
    </details>
  );
}

function GoalObjectivesForm({
  goalId,
  options,
  linked,
}: {
  goalId: number;
  options: LoaderData["objectiveOptions"];
  linked: number[];
}) {
  const programmes = [...new Set(options.map((o) => o.programmeTitle))];
  return (
    <details className="gremium-record">
      <summary>Koppelen aan opgaven</summary>
      <Form method="post" className="gremium-form">
        <input type="hidden" name="intent" value="links" />
        <input type="hidden" name="goalId" value={goalId} />
        {programmes.map((programme) => (
          <fieldset key={programme} className="gremium-fieldset">
            <legend>{programme}</legend>
            {options
              .filter((o) => o.programmeTitle === programme)
              .map((o) => (
                <div key={o.id} className="gremium-checkbox">
                  <input
                    type="checkbox"
                    id={`doel-${goalId}-${o.id}`}
                    name="objectiveIds"
                    value={o.id}
                    defaultChecked={linked.includes(o.id)}
                    className="gremium-checkbox__input"
                  />
                  <label htmlFor={`doel-${goalId}-${o.id}`}>
                    {o.number}. {o.title}
                  </label>
                </div>
              ))}
          </fieldset>
        ))}
        <Button>Koppelingen opslaan</Button>
      </Form>
    </details>
  );
}

function BudgetForm({ reply }: { reply: Reply | undefined }) {
  const [form, fields] = useKeyedForm(validateWith(budgetLineSchema), "budget-add", reply, {
    defaultValue: { kind: "lasten" },
  });
  return (
    <details className="gremium-record" open={reply?.formKey === "budget-add"}>
      <summary>Begrotingsregel toevoegen</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="budget-add" />
        <SelectField
          field={fields.kind!}
          label="Soort"
          options={budgetKinds.map((k) => ({ value: k, label: budgetKindLabels[k] }))}
        />
        <TextField field={fields.description!} label="Omschrijving" />
        <TextField
          field={fields.amount!}
          label="Bedrag in euro"
          inputMode="text"
          description="Bijvoorbeeld 637.000 of 1.234,56."
        />
        <Button variant="primary">Regel toevoegen</Button>
      </Form>
    </details>
  );
}

function SubmitForm({
  plan,
  meetings,
  reply,
}: {
  plan: LoaderData["plan"];
  meetings: LoaderData["consentMeetings"];
  reply: Reply | undefined;
}) {
  const [form, fields] = useKeyedForm(validateWith(submitPlanSchema), "submit", reply, { shouldValidate: "onSubmit" });
  const items = meetings.flatMap((m) =>
    m.items.map((i) => ({ value: i.id, label: `${formatDay(m.startsAt)}: ${i.subject}` })),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="gremium-form" aria-labelledby="ter-instemming">
      <h3 className="nl-heading nl-heading--level-3" id="ter-instemming">
        Ter instemming aan de stuurgroep
      </h3>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="submit" />
      <input type="hidden" name="version" value={plan.version} />
      {meetings.length === 0 ? (
        <p className="nl-paragraph">Er is nog geen komende vergadering van de stuurgroep gepland.</p>
      ) : (
        <>
          <SelectField
            field={fields.meetingId!}
            label="Als nieuw agendapunt in de vergadering van"
            optional
            placeholder="Kies een vergadering"
            options={meetings.map((m) => ({ value: m.id, label: `${m.bodyName}, ${formatDay(m.startsAt)}` }))}
          />
          {items.length > 0 ? (
            <SelectField
              field={fields.agendaItemId!}
              label="Of bij een agendapunt dat al gepland is"
              optional
              placeholder="Geen bestaand agendapunt"
              options={items}
            />
          ) : null}
          <Button variant="primary">Ter instemming aanbieden</Button>
        </>
      )}
    </Form>
  );
}

function ReportForm({ plan, reply }: { plan: LoaderData["plan"]; reply: Reply | undefined }) {
  const [form, fields] = useKeyedForm(validateWith(reportSchema), "report-save", reply, {
    defaultValue: { reportMarkdown: plan.reportMarkdown },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="gremium-form" aria-labelledby="jaarverslag-bewerken">
      <h3 className="nl-heading nl-heading--level-3" id="jaarverslag-bewerken">
        Jaarverslag bewerken
      </h3>
      <FormErrors form={form} />
      <input type="hidden" name="version" value={plan.version} />
      <TextAreaField field={fields.reportMarkdown!} label="Jaarverslag (Markdown)" rows={16} />
      <Preview html={reply?.formKey === "report-save" ? reply.preview : undefined} />
      <div className="gremium-buttons">
        <Button name="intent" value="report-preview">
          Voorbeeld
        </Button>
        <Button variant="primary" name="intent" value="report-save">
          Jaarverslag opslaan
        </Button>
      </div>
    </Form>
  );
}

function StepButton({
  intent,
  version,
  targetId,
  label,
  danger,
}: {
  intent: string;
  version?: number;
  targetId?: number;
  label: string;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="gremium-inline-form">
      <input type="hidden" name="intent" value={intent} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {targetId !== undefined ? <input type="hidden" name="targetId" value={targetId} /> : null}
      <Button variant={danger ? "danger" : "default"}>{label}</Button>
    </Form>
  );
}

export default function PlanPage() {
  const loaded = useLoaderData<typeof loader>();
  const {
    plan,
    chapters,
    goals,
    budget,
    totals,
    consentItem,
    decision,
    canManage,
    editable,
    progressEditable,
    consentMeetings,
  } = loaded;
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [searchParams] = useSearchParams();
  const done = doneMessages[searchParams.get("gedaan") ?? ""];
  // Buttons without a form of their own (close, publish, remove) report above the plan.
  const stepError =
    reply && stepIntents.includes(reply.formKey) ? Object.values(reply.result.error ?? {}).flat() : null;
  return (
    <>
      <Breadcrumb items={[{ to: "/jaarplannen", label: "Jaarplannen" }]} />
      <h1 className="nl-heading nl-heading--level-1">{plan.title}</h1>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {searchParams.get("gekoppeld") ? <Alert type="ok">De koppelingen zijn opgeslagen.</Alert> : null}
      {stepError?.length ? <Alert type="error">{stepError.join(" ")}</Alert> : null}
      <dl className="gremium-meta">
        <dt>Status</dt>
        <dd>
          <StatusBadge
            tone={plan.status === "concept" ? "warning" : plan.status === "ter_instemming" ? "neutral" : "safe"}
          >
            {planStatusLabels[plan.status].toLowerCase()}
          </StatusBadge>
        </dd>
        <dt>Gremium</dt>
        <dd>
          <Link className="nl-link" to={`/gremia/${plan.bodySlug}`}>
            {plan.bodyName}
          </Link>
        </dd>
        <dt>Jaar</dt>
        <dd>{plan.year}</dd>
        {consentItem ? (
          <>
            <dt>Ter instemming</dt>
            <dd>
              <Link className="nl-link" to={`/vergaderingen/${consentItem.meetingId}`}>
                {consentItem.bodyName}, {formatDay(consentItem.startsAt)}
              </Link>
              : {consentItem.subject}
            </dd>
          </>
        ) : null}
        {decision ? (
          <>
            <dt>Besluit</dt>
            <dd>
              <Link className="nl-link" to={`/besluiten/${decision.reference}`}>
                {decision.reference}
              </Link>{" "}
              ({decisionOutcomeLabels[decision.outcome].toLowerCase()})
            </dd>
          </>
        ) : null}
      </dl>
      <p className="nl-paragraph">
        <a className="nl-link" href={`/jaarplannen/${plan.id}.docx`} download>
          Jaarplan als Word-bestand
        </a>
      </p>

      {canManage ? (
        <section aria-labelledby="werkwijze">
          <h2 className="nl-heading nl-heading--level-2" id="werkwijze">
            Verder met dit plan
          </h2>
          {plan.status === "concept" ? <SubmitForm plan={plan} meetings={consentMeetings} reply={reply} /> : null}
          {plan.status === "ter_instemming" ? (
            <p className="nl-paragraph">
              Het plan ligt ter instemming bij de stuurgroep. Het is vastgesteld zodra het secretariaat het besluit van
              de stuurgroep bij dat agendapunt vastlegt.
            </p>
          ) : null}
          {plan.status === "vastgesteld" ? (
            <>
              <p className="nl-paragraph">
                Aan het eind van het jaar sluit u het plan af. Gremium maakt dan een concept-jaarverslag met per doel de
                status en de besluiten en afgeronde acties van dat jaar.
              </p>
              <StepButton intent="close" version={plan.version} label="Jaar afsluiten en jaarverslag maken" />
            </>
          ) : null}
          {plan.status === "afgesloten" ? (
            <>
              <ReportForm plan={plan} reply={reply} />
              {plan.reportPublishedAt ? (
                <p className="nl-paragraph">Gepubliceerd op {formatDay(plan.reportPublishedAt)}.</p>
              ) : (
                <StepButton intent="report-publish" version={plan.version} label="Jaarverslag publiceren" />
              )}
            </>
          ) : null}
        </section>
      ) : null}

      {plan.status === "afgesloten" && (plan.reportPublishedAt || canManage) && plan.reportHtml ? (
        <section aria-labelledby="jaarverslag">
          <h2 className="nl-heading nl-heading--level-2" id="jaarverslag">
            Jaarverslag {plan.reportPublishedAt ? null : <StatusBadge tone="warning">concept</StatusBadge>}
          </h2>
          <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: plan.reportHtml }} />
        </section>
      ) : null}

      <h2 className="nl-heading nl-heading--level-2">Hoofdstukken</h2>
      {chapters.length === 0 ? <p className="nl-paragraph">Nog geen hoofdstukken.</p> : null}
      {chapters.map((chapter, index) => (
        <section key={chapter.id} aria-labelledby={`hoofdstuk-${chapter.id}`}>
          <h3 className="nl-heading nl-heading--level-3" id={`hoofdstuk-${chapter.id}`}>
            {index + 1}. {chapter.title}
          </h3>
          <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: chapter.bodyHtml }} />
          {editable ? (
            <>
              <ChapterForm chapter={chapter} reply={reply} />
              <StepButton intent="chapter-remove" targetId={chapter.id} label="Hoofdstuk verwijderen" danger />
            </>
          ) : null}
        </section>
      ))}
      {editable ? <ChapterForm reply={reply} /> : null}

      <h2 className="nl-heading nl-heading--level-2">Doelen en activiteiten</h2>
      {goals.length === 0 ? (
        <p className="nl-paragraph">Nog geen doelen.</p>
      ) : (
        <ol className="gremium-objectives">
          {goals.map((goal) => (
            <li key={goal.id} aria-labelledby={`doel-${goal.id}`}>
              <h3 className="nl-heading nl-heading--level-3" id={`doel-${goal.id}`}>
                {goal.title}
              </h3>
              <p className="nl-paragraph">
                <StatusBadge
                  tone={goal.status === "afgerond" ? "safe" : goal.status === "uitgesteld" ? "danger" : "neutral"}
                >
                  {planGoalStatusLabels[goal.status].toLowerCase()}
                </StatusBadge>{" "}
                {[goal.ownerName, goal.quarter ? `kwartaal ${goal.quarter}` : null].filter(Boolean).join(" · ")}
              </p>
              {goal.progressNote ? <p className="nl-paragraph">{goal.progressNote}</p> : null}
              {goal.objectives.length > 0 ? (
                <p className="nl-paragraph">
                  Draagt bij aan:{" "}
                  {goal.objectives.map((o, i) => (
                    <span key={o.objectiveId}>
                      {i > 0 ? ", " : ""}
                      <Link className="nl-link" to={`/programmas/${o.programmeSlug}/${o.number}`}>
                        opgave {o.number} {o.title}
                      </Link>
                    </span>
                  ))}
                </p>
              ) : null}
              {progressEditable ? <GoalForm goal={goal} reply={reply} fullEdit={editable} /> : null}
              {loaded.objectiveOptions.length > 0 ? (
                <GoalObjectivesForm
                  goalId={goal.id}
                  options={loaded.objectiveOptions}
                  linked={(loaded.goalLinks as Record<string, { objectiveIds: number[] }>)[goal.id]?.objectiveIds ?? []}
                />
              ) : null}
              {editable ? <StepButton intent="goal-remove" targetId={goal.id} label="Doel verwijderen" danger /> : null}
            </li>
          ))}
        </ol>
      )}
      {editable ? <GoalForm reply={reply} fullEdit /> : null}

      <h2 className="nl-heading nl-heading--level-2">Begroting</h2>
      {budget.length === 0 ? (
        <p className="nl-paragraph">Nog geen begroting.</p>
      ) : (
        <div className="gremium-table-wrap">
          <table className="utrecht-table utrecht-table--html-table gremium-budget">
            <caption className="gremium-visually-hidden">Begroting {plan.year}</caption>
            {budgetKinds.map((kind) => (
              <tbody key={kind} className="utrecht-table__body">
                <tr className="utrecht-table__row">
                  <th scope="rowgroup" colSpan={editable ? 3 : 2} className="utrecht-table__header-cell">
                    {budgetKindLabels[kind]}
                  </th>
                </tr>
                {budget
                  .filter((line) => line.kind === kind)
                  .map((line) => (
                    <tr key={line.id} className="utrecht-table__row">
                      <td className="utrecht-table__cell">{line.description}</td>
                      <td className="utrecht-table__cell gremium-amount">{formatEuro(line.amountCents)}</td>
                      {editable ? (
                        <td className="utrecht-table__cell">
                          <StepButton intent="budget-remove" targetId={line.id} label="Verwijderen" danger />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                <tr className="utrecht-table__row gremium-total">
                  <th scope="row" className="utrecht-table__cell">
                    Totaal {budgetKindLabels[kind].toLowerCase()}
                  </th>
                  <td className="utrecht-table__cell gremium-amount">{formatEuro(totals[kind])}</td>
                  {editable ? <td className="utrecht-table__cell" /> : null}
                </tr>
              </tbody>
            ))}
            <tbody className="utrecht-table__body">
              <tr className="utrecht-table__row gremium-total">
                <th scope="row" className="utrecht-table__cell">
                  Saldo (baten min lasten)
                </th>
                <td className="utrecht-table__cell gremium-amount">{formatEuro(totals.saldo)}</td>
                {editable ? <td className="utrecht-table__cell" /> : null}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {editable ? <BudgetForm reply={reply} /> : null}
    </>
  );
}
