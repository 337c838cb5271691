import type { FieldMetadata } from "@conform-to/react";
import { SelectField, TextAreaField, TextField } from "./form";

type Fields = { [name: string]: FieldMetadata<any, any, any> };

export function ProgrammeFields({
  fields,
  bodies,
  programmes,
}: {
  fields: Fields;
  bodies: { id: number; name: string }[];
  programmes: { id: number; title: string }[];
}) {
  return (
    <>
      <TextField field={fields.title!} label="Titel" />
      <div className="gremium-two-columns">
        <TextField field={fields.startsOn!} type="date" label="Begindatum" />
        <TextField field={fields.endsOn!} type="date" label="Einddatum" optional />
      </div>
      <SelectField
        field={fields.ownerBodyId!}
        label="Eigenaar (gremium)"
        placeholder="Kies een gremium"
        options={bodies.map((b) => ({ value: b.id, label: b.name }))}
      />
      <SelectField
        field={fields.predecessorId!}
        label="Volgt op programma"
        optional
        placeholder="Geen voorganger"
        options={programmes.map((p) => ({ value: p.id, label: p.title }))}
      />
      <TextAreaField field={fields.descriptionMarkdown!} label="Beschrijving" optional rows={6} markdown />
    </>
  );
}

/** An objective's own fields, the same when it is added to a programme and when it is changed. */
export function ObjectiveFields({
  fields,
  people,
  titleLabel = "Titel",
}: {
  fields: Fields;
  people: { id: number; name: string }[];
  titleLabel?: string;
}) {
  return (
    <>
      <TextField field={fields.title!} label={titleLabel} />
      <SelectField
        field={fields.leadPersonId!}
        label="Trekker"
        optional
        placeholder="Kies een persoon"
        options={people.map((p) => ({ value: p.id, label: p.name }))}
      />
      <TextField field={fields.focus!} label="Periode of focusjaren" optional />
      <TextAreaField field={fields.descriptionMarkdown!} label="Beschrijving" optional rows={4} markdown />
    </>
  );
}
