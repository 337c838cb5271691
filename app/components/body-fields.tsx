import type { FieldMetadata } from "@conform-to/react";
import {
  bodyKindLabels,
  bodyKinds,
  wooFootingLabels,
  wooFootings,
  writtenRuleLabels,
  writtenRules,
} from "~/lib/vocabulary";
import { SelectField, TextAreaField, TextField } from "./form";

type Fields = Record<string, FieldMetadata<any, any, any>>;

/** The fields of a body, shared by the create and edit forms. */
export function BodyFields({ fields, parents }: { fields: Fields; parents: { id: number; name: string }[] }) {
  return (
    <>
      <TextField field={fields.name} label="Naam" />
      <TextField field={fields.shortName} label="Korte naam" optional description="Bijvoorbeeld Stuurgroep ZVS." />
      <TextField
        field={fields.slug}
        label="Webadres"
        description="Het laatste deel van het adres: /gremia/… Kleine letters, cijfers en streepjes."
      />
      <SelectField
        field={fields.kind}
        label="Soort"
        placeholder="Kies de soort"
        options={bodyKinds.map((kind) => ({ value: kind, label: bodyKindLabels[kind] }))}
      />
      <SelectField
        field={fields.parentId}
        label="Valt onder"
        optional
        placeholder="Geen bovenliggend gremium"
        options={parents.map((p) => ({ value: p.id, label: p.name }))}
      />
      <TextField
        field={fields.meetingFrequency}
        label="Vergaderfrequentie"
        optional
        description="Bijvoorbeeld: eens per kwartaal."
      />
      <SelectField
        field={fields.wooFooting}
        label="Openbaarmaking (Woo)"
        description="Bepaalt in welke informatiecategorie de openbare stukken naar de Woo-index gaan. Van een dagelijks bestuur zijn de agenda en de vastgestelde besluitenlijst openbaar, ook van een besloten vergadering; de stukken van een besloten vergadering blijven besloten."
        options={wooFootings.map((footing) => ({ value: footing, label: wooFootingLabels[footing] }))}
      />
      <SelectField
        field={fields.writtenRule}
        label="Schriftelijk besluiten"
        description="Hoe een schriftelijke ronde tussen twee vergaderingen wordt beslist. Een lopende ronde houdt de regel van het moment van uitzetten."
        options={writtenRules.map((rule) => ({ value: rule, label: writtenRuleLabels[rule] }))}
      />
      <TextField
        field={fields.writtenQuorumPercent}
        label="Quorum bij een meerderheid (procent van de leden)"
        inputMode="numeric"
        description="Alleen bij ‘meerderheid’: zoveel procent van de leden moet antwoorden (onthouden telt mee)."
      />
      <TextField field={fields.activeFrom} label="Actief sinds" type="date" />
      <TextAreaField
        field={fields.purposeMarkdown}
        label="Doel"
        optional
        description="Wat dit gremium doet en voor wie. U kunt Markdown gebruiken: een lege regel begint een nieuwe alinea, een regel die begint met - wordt een opsomming."
      />
    </>
  );
}
