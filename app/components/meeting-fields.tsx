import type { FieldMetadata } from "@conform-to/react";
import { CheckboxField, TextField } from "./form";
import { DateWarningNote } from "./date-warning";

/** Date, times, place, officers and openness of a meeting: shared by the plan and edit forms. */
export function MeetingFields({
  fields,
  scheduleLocked = false,
  dateWarning,
  submitLabel,
}: {
  fields: Record<string, FieldMetadata<any, any, any>>;
  scheduleLocked?: boolean;
  /** A warning about the chosen date (past, weekend, holiday) to accept by posting again. */
  dateWarning?: { date: string; messages: string[] } | null;
  submitLabel: string;
}) {
  return (
    <>
      {scheduleLocked ? null : (
        <div className="gremium-two-columns">
          <TextField field={fields.date} label="Datum" type="date" />
          <TextField field={fields.startTime} label="Begintijd" description="Bijvoorbeeld 10.00" />
          <TextField field={fields.endTime} label="Eindtijd" description="Bijvoorbeeld 13.30" />
        </div>
      )}
      {scheduleLocked ? null : <DateWarningNote warning={dateWarning} submitLabel={submitLabel} />}
      <TextField
        field={fields.location}
        label="Plaats"
        description="Bijvoorbeeld: Twentehuis, vergaderruimte 501-503, of een link naar de online vergadering."
      />
      <TextField field={fields.chairName} label="Voorzitter" optional />
      <TextField field={fields.secretaryName} label="Secretaris" optional />
      <TextField
        field={fields.inviteesNote}
        label="Genodigden"
        optional
        description="De leden van het gremium worden uitgenodigd. Beschrijf hier desgewenst wie er verder bij is, bijvoorbeeld: de 14 door de colleges aangewezen leden."
      />
      <TextField field={fields.registrationNumber} label="Registratienummer" optional />
      <CheckboxField
        field={fields.isPublic}
        label="Openbare vergadering"
        description="Na publicatie is de agenda van een openbare vergadering voor iedereen te lezen, behalve besloten agendapunten."
      />
    </>
  );
}
