import { getFormProps } from "@conform-to/react";
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { useKeyedForm } from "~/components/keyed-form";
import { MarkdownPreview } from "~/components/markdown-preview";
import { StatusBadge } from "~/components/status-badge";
import { validateWith } from "~/components/validate-with";
import { sectionKindLabels, sectionKinds } from "~/lib/vocabulary";
import { newSectionSchema, sectionSchema } from "~/schemas/newsletters";
import type { Reply } from "./data.server";
import type { LoaderData } from "./route";

// The forms of the edition editor: a block, a new block, a step of the workflow, the images.

export function SectionForm({ section, reply }: { section: LoaderData["sections"][number]; reply: Reply | undefined }) {
  const key = `section-${section.id}`;
  const [form, fields] = useKeyedForm(validateWith(sectionSchema), key, reply, {
    defaultValue: { title: section.title, bodyMarkdown: section.bodyMarkdown },
  });
  const mine = reply?.formKey === key;
  // With JavaScript the preview follows the typing; without it, the Voorbeeld button does the same.
  const fetcher = useFetcher<Reply>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onInput = (event: React.FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const formData = new FormData(element);
      formData.set("intent", "section-preview");
      fetcher.submit(formData, { method: "post" });
    }, 400);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const preview = fetcher.data?.preview ?? (mine ? reply?.preview : undefined);
  return (
    <details className="gremium-record" open={mine}>
      <summary>Blok ‘{section.title}’ bewerken</summary>
      <Form method="post" {...getFormProps(form)} onInput={onInput} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="sectionId" value={section.id} />
        <input type="hidden" name="version" value={section.version} />
        <TextField field={fields.title!} label="Titel van het blok" />
        <TextAreaField field={fields.bodyMarkdown!} label="Tekst" optional rows={12} markdown="zonder-voorbeeld" />
        <MarkdownPreview html={preview} />
        <div className="gremium-buttons">
          <Button name="intent" value="section-preview">
            Voorbeeld
          </Button>
          <Button variant="primary" name="intent" value="section-edit">
            Blok opslaan
          </Button>
        </div>
      </Form>
    </details>
  );
}

export function NewSectionForm({ reply }: { reply: Reply | undefined }) {
  const [form, fields] = useKeyedForm(validateWith(newSectionSchema), "section-add", reply, {
    defaultValue: { kind: "nieuws" },
  });
  return (
    <details className="gremium-record" open={reply?.formKey === "section-add"}>
      <summary>Blok toevoegen</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="section-add" />
        <SelectField
          field={fields.kind!}
          label="Soort"
          options={sectionKinds.map((k) => ({ value: k, label: sectionKindLabels[k] }))}
        />
        <TextField field={fields.title!} label="Titel van het blok" />
        <TextAreaField field={fields.bodyMarkdown!} label="Tekst" optional rows={8} markdown />
        <Button variant="primary">Blok toevoegen</Button>
      </Form>
    </details>
  );
}

export function Step({
  intent,
  label,
  sectionId,
  version,
  variant = "default",
}: {
  intent: string;
  label: string;
  sectionId?: number;
  version?: number;
  variant?: "default" | "primary" | "danger";
}) {
  return (
    <Form method="post" className="gremium-inline-form">
      <input type="hidden" name="intent" value={intent} />
      {sectionId !== undefined ? <input type="hidden" name="sectionId" value={sectionId} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Button variant={variant}>{label}</Button>
    </Form>
  );
}

export function ImagesPanel({
  images,
  reply,
  newId,
}: {
  images: LoaderData["images"];
  reply: (Reply & { altText?: string }) | undefined;
  newId: number | null;
}) {
  const errors = reply?.formKey === "image" ? (reply.result.error as Record<string, string[]> | undefined) : undefined;
  return (
    <section aria-labelledby="afbeeldingen-kop" id="afbeeldingen">
      <h2 className="nl-heading nl-heading--level-2" id="afbeeldingen-kop">
        Afbeeldingen
      </h2>
      {images.length > 0 ? (
        <ul>
          {images.map((image) => (
            <li key={image.id}>
              {image.altText}: plak <code>{image.markdown}</code> in een blok.
              {image.id === newId ? <StatusBadge tone="safe">nieuw</StatusBadge> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="nl-paragraph">Nog geen afbeeldingen.</p>
      )}
      <details className="gremium-record" open={Boolean(errors)}>
        <summary>Afbeelding toevoegen</summary>
        <Form method="post" encType="multipart/form-data" className="gremium-form">
          <input type="hidden" name="intent" value="image" />
          <div className={`utrecht-form-field${errors?.bestand ? " utrecht-form-field--invalid" : ""}`}>
            <label className="utrecht-form-label" htmlFor="bestand">
              Afbeelding (PNG, JPEG, GIF of WebP, hooguit 5 MB)
            </label>
            {errors?.bestand ? (
              <div className="utrecht-form-field-error-message" id="bestand-fout">
                {errors.bestand.join(" ")}
              </div>
            ) : null}
            <input
              id="bestand"
              name="bestand"
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              aria-describedby={errors?.bestand ? "bestand-fout" : undefined}
              className="utrecht-textbox"
            />
          </div>
          <div className={`utrecht-form-field${errors?.altText ? " utrecht-form-field--invalid" : ""}`}>
            <label className="utrecht-form-label" htmlFor="altText">
              Tekstalternatief: wat staat er op de afbeelding?
            </label>
            {errors?.altText ? (
              <div className="utrecht-form-field-error-message" id="altText-fout">
                {errors.altText.join(" ")}
              </div>
            ) : null}
            <input
              id="altText"
              name="altText"
              type="text"
              defaultValue={reply?.altText ?? ""}
              aria-invalid={errors?.altText ? true : undefined}
              aria-describedby={errors?.altText ? "altText-fout" : undefined}
              className="utrecht-textbox utrecht-textbox--html-input"
            />
          </div>
          <Button>Afbeelding toevoegen</Button>
        </Form>
      </details>
    </section>
  );
}
