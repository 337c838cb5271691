import type { FieldMetadata } from "@conform-to/react";
import { objectiveTerms, objectiveTermWords } from "~/lib/vocabulary";
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
      <SelectField
        field={fields.objectiveTerm!}
        label="Het programma noemt zijn onderdelen"
        description="Het woord uit het document zelf; het staat zo op de pagina's van het programma."
        options={objectiveTerms.map((t) => ({ value: t, label: objectiveTermWords[t].plural }))}
      />
      <TextAreaField
        field={fields.descriptionMarkdown!}
        label="Beschrijving"
        optional
        rows={10}
        markdown
        description="Ook een lange strategietekst past hier, met koppen, tabellen en voetnoten; het document zelf kunt u als stuk bij een agendapunt bewaren."
      />
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
      <TextField
        field={fields.label!}
        label="Nummer"
        optional
        description="Zoals in het document: 7, of 7a en 7b onder 7. Leeg bij een nieuw onderdeel is het volgende nummer."
      />
      <TextField field={fields.title!} label={titleLabel} />
      <SelectField
        field={fields.leadPersonId!}
        label="Trekker"
        optional
        placeholder="Kies een persoon"
        options={people.map((p) => ({ value: p.id, label: p.name }))}
      />
      <div className="gremium-two-columns">
        <TextField field={fields.focusFromYear!} label="Focus vanaf jaar" optional inputMode="numeric" />
        <TextField field={fields.focusToYear!} label="Focus tot en met jaar" optional inputMode="numeric" />
      </div>
      <TextField field={fields.focus!} label="Focus in woorden" optional />
      <TextAreaField field={fields.descriptionMarkdown!} label="Beschrijving" optional rows={4} markdown />
    </>
  );
}
