import type { FieldMetadata } from "@conform-to/react";
import { SelectField, TextField } from "./form";

/** The fields of a person, shared by the create and edit forms. */
export function PersonFields({
  fields,
  organisations,
}: {
  fields: Record<string, FieldMetadata<any, any, any>>;
  organisations: { id: number; name: string }[];
}) {
  return (
    <>
      <TextField field={fields.name} label="Naam" autoComplete="off" />
      <TextField
        field={fields.email}
        label="E-mailadres"
        type="email"
        optional
        autoComplete="off"
        description="Zichtbaar voor ingelogde gebruikers op de pagina's van de gremia."
      />
      <SelectField
        field={fields.organisationId}
        label="Organisatie"
        optional
        placeholder="Kies een organisatie"
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextField field={fields.jobTitle} label="Functie" optional />
    </>
  );
}
