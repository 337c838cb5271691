import { getFormProps } from "@conform-to/react";
import { Form, type useLoaderData } from "@remix-run/react";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { ObjectiveFields } from "~/components/programme-fields";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { objectiveStatusLabels, objectiveStatuses } from "~/lib/vocabulary";
import { objectiveLabel } from "~/lib/objective-number";
import { termOf } from "~/lib/objective-term";
import type { loader } from "~/routes/programmas.$slug.$nummer";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function StatusForm({
  objective,
  today,
  lastReply,
}: {
  objective: LoaderData["objective"];
  today: string;
  lastReply: KeyedReply;
}) {
  const [form, fields] = useKeyedForm(null, "status", lastReply, {
    defaultValue: { intent: "status", status: objective.status ?? "", statusOn: today },
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby="status-bijwerken" className="gremium-form">
      <h2 className="nl-heading nl-heading--level-2" id="status-bijwerken">
        Status bijwerken
      </h2>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="version" value={objective.version} />
      <div className="gremium-two-columns">
        <SelectField
          field={fields.status!}
          label="Status"
          placeholder="Kies een status"
          options={objectiveStatuses.map((s) => ({ value: s, label: objectiveStatusLabels[s] }))}
        />
        <TextField field={fields.statusOn!} type="date" label="Per datum" />
      </div>
      <TextAreaField field={fields.explanation!} label="Toelichting" rows={3} />
      <Button variant="primary">Status opslaan</Button>
    </Form>
  );
}

function EditForm({
  objective,
  people,
  lastReply,
  term,
}: {
  objective: LoaderData["objective"];
  people: LoaderData["people"];
  lastReply: KeyedReply;
  term: ReturnType<typeof termOf>;
}) {
  const [form, fields] = useKeyedForm(null, "edit", lastReply, {
    defaultValue: {
      intent: "edit",
      title: objective.title,
      descriptionMarkdown: objective.descriptionMarkdown,
      leadPersonId: objective.leadPersonId ? String(objective.leadPersonId) : "",
      focus: objective.focus ?? "",
      focusFromYear: objective.focusFromYear?.toString() ?? "",
      focusToYear: objective.focusToYear?.toString() ?? "",
      label: objectiveLabel(objective),
    },
  });
  return (
    <details className="gremium-record" open={lastReply?.formKey === "edit"}>
      <summary>{term.singularTitle} wijzigen</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="version" value={objective.version} />
        <ObjectiveFields fields={fields} people={people} />
        <Button>Wijzigingen opslaan</Button>
      </Form>
    </details>
  );
}

/** A manager's forms on an objective page: its status (with explanation) and its details. */
export default function ObjectiveForms({
  programme,
  objective,
  people,
  today,
  lastReply,
}: {
  programme: LoaderData["programme"];
  objective: LoaderData["objective"];
  people: LoaderData["people"];
  today: string;
  lastReply: KeyedReply;
}) {
  return (
    <>
      {/* A status belongs to the programme's period: for one that ended, its last day is proposed. */}
      <StatusForm
        objective={objective}
        today={programme.endsOn && programme.endsOn < today ? programme.endsOn : today}
        lastReply={lastReply}
      />
      <EditForm objective={objective} people={people} lastReply={lastReply} term={termOf(programme)} />
    </>
  );
}
