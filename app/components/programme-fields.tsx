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
      <TextAreaField field={fields.descriptionMarkdown!} label="Beschrijving (Markdown)" optional rows={6} />
    </>
  );
}
