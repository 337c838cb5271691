import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { useKeyedForm } from "~/components/keyed-form";
import { MarkdownPreview } from "~/components/markdown-preview";
import { validateWith } from "~/components/validate-with";
import { formatDay } from "~/lib/format";
import { budgetKindLabels, budgetKinds, planGoalStatusLabels, planGoalStatuses } from "~/lib/vocabulary";
import { budgetLineSchema, chapterSchema, goalSchema, reportSchema, submitPlanSchema } from "~/schemas/plans";
import type { Reply } from "./data.server";
import type { LoaderData } from "./route";

// The forms of the plan page: chapters, goals and what they serve, budget lines, the workflow steps.

export function ChapterForm({
  chapter,
  reply,
}: {
  chapter?: LoaderData["chapters"][number];
  reply: Reply | undefined;
}) {
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
        <TextAreaField field={fields.bodyMarkdown!} label="Tekst" optional rows={10} markdown="zonder-voorbeeld" />
        <MarkdownPreview html={mine ? reply?.preview : undefined} />
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

export function GoalForm({
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

export function GoalObjectivesForm({
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

export function BudgetForm({ reply }: { reply: Reply | undefined }) {
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

export function SubmitForm({
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
        <p className="nl-paragraph">Er is geen vergadering van de stuurgroep met een open agenda.</p>
      ) : (
        <>
          <SelectField
            field={fields.meetingId!}
            label="Als nieuw agendapunt in de vergadering van"
            optional
            placeholder="Kies een vergadering"
            description="Eerst de komende vergaderingen, daarna eerdere, voor een jaarplan uit het verleden."
            options={meetings.map((m) => ({
              value: m.id,
              label: `${m.bodyName}, ${formatDay(m.startsAt)}${m.past ? " (geweest)" : ""}`,
            }))}
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

export function ReportForm({ plan, reply }: { plan: LoaderData["plan"]; reply: Reply | undefined }) {
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
      <TextAreaField field={fields.reportMarkdown!} label="Jaarverslag" rows={16} markdown="zonder-voorbeeld" />
      <MarkdownPreview html={reply?.formKey === "report-save" ? reply.preview : undefined} />
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

export function StepButton({
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
