import type { FieldMetadata } from "@conform-to/react";
import { agendaSectionLabels, agendaSections } from "~/lib/vocabulary";
import { CheckboxField, SelectField, TextAreaField, TextField } from "./form";

/** The fields of an agenda item: shared by the add and edit forms. */
export function AgendaItemFields({ fields }: { fields: Record<string, FieldMetadata<any, any, any>> }) {
  return (
    <>
      <SelectField
        field={fields.section}
        label="Rubriek"
        options={agendaSections.map((section) => ({
          value: section,
          label: section === "opening" ? "Opening (1, 2, 3 …)" : agendaSectionLabels[section],
        }))}
      />
      <TextField field={fields.subject} label="Onderwerp" />
      <TextAreaField
        field={fields.proposalMarkdown}
        label="Voorstel/advies"
        optional
        rows={5}
        markdown
        description="Bijvoorbeeld: 1. Vast te stellen. Elk genummerd voorstel op een eigen regel. Tekst uit Word kunt u plakken; de opmaak blijft."
      />
      <div className="gremium-two-columns">
        <TextField field={fields.presenter} label="Toelichting door" optional />
        <TextField field={fields.plannedMinutes} label="Geplande minuten" optional inputMode="numeric" />
      </div>
      <CheckboxField
        field={fields.isConfidential}
        label="Besloten agendapunt"
        description="Alleen leden van het gremium, het secretariaat en de beheerder zien onderwerp en voorstel. Anderen zien alleen het nummer."
      />
    </>
  );
}
