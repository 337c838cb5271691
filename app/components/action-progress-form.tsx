import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { actionProgressSchema } from "~/schemas/actions";
import { Button, FormErrors, TextAreaField, TextField } from "./form";
import { useKeyedForm, type KeyedReply } from "./keyed-form";
import { validateWith } from "./validate-with";

type ProgressFormProps = {
  action: { id: number; status: string; version: number };
  /** Tells this form's reply apart from the others on the page (one per action on the start page). */
  formKey: string;
  lastReply: KeyedReply;
  /** The heading's level: a section of the action's page, or a part of an item in a list. */
  headingLevel?: 2 | 3;
  /** Offers a date, so progress of the past (an action closed in 2022) is entered on its own day. */
  dated?: boolean;
};

/** The owner's or secretariaat's report on an action: a note, perhaps with a change of status or date. */
export function ActionProgressForm({ action, formKey, lastReply, headingLevel = 2, dated = false }: ProgressFormProps) {
  const [form, fields] = useKeyedForm(validateWith(actionProgressSchema), formKey, lastReply, {
    defaultValue: { intent: "progress", change: "update" },
    shouldValidate: "onSubmit",
  });
  const choices = [
    ["update", "Alleen de stand bijwerken"],
    ...(action.status === "open" ? [["start", "In uitvoering nemen"]] : []),
    ["complete", "Afronden"],
    ["extend", "Termijn verlengen"],
    ["drop", "Laten vervallen"],
  ] as const;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${formKey}-kop`;
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby={headingId}>
      <Heading id={headingId} className={`nl-heading nl-heading--level-${headingLevel}`}>
        Stand bijwerken
      </Heading>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="progress" />
      <input type="hidden" name="actionId" value={action.id} />
      <input type="hidden" name="version" value={action.version} />
      <fieldset className="utrecht-form-fieldset gremium-fieldset" aria-describedby={fields.change.errorId}>
        <legend className="utrecht-form-label">Wat verandert er?</legend>
        {fields.change.errors ? (
          <div className="utrecht-form-field-error-message" id={fields.change.errorId}>
            {fields.change.errors.join(" ")}
          </div>
        ) : null}
        <div className="gremium-radios">
          {choices.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={fields.change.name}
                value={value}
                defaultChecked={(fields.change.initialValue ?? "update") === value}
                key={`${fields.change.key}-${value}`}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        field={fields.note}
        label="Toelichting"
        rows={3}
        description="Wat is er gebeurd? Verplicht bij bijwerken, afronden (het resultaat) en laten vervallen (de reden)."
      />
      <TextField
        field={fields.dueOn}
        type="date"
        label="Nieuwe termijn"
        optional
        description="Alleen bij ‘Termijn verlengen’."
      />
      {dated ? (
        <TextField
          field={fields.occurredOn}
          type="date"
          label="Datum"
          optional
          description="Leeg is vandaag. Legt u iets van vroeger vast, zoals een actie die in 2022 is afgerond, vul dan die dag in."
        />
      ) : null}
      <Button variant="primary">Opslaan</Button>
    </Form>
  );
}
