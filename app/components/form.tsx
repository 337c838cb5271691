import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type FormMetadata,
} from "@conform-to/react";
import { useRef, type ReactNode } from "react";
import { MarkdownWriting, pasteAsMarkdown } from "./markdown-writing";

type FieldShellProps = {
  field: FieldMetadata<any, any, any>;
  label: string;
  description?: ReactNode;
  optional?: boolean;
  children: ReactNode;
};

/** Label, description and error message around one control, NL Design System style. */
function FieldShell({ field, label, description, optional, children }: FieldShellProps) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${invalid ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={field.id}>
          {label}
          {optional ? <span className="gremium-muted"> (niet verplicht)</span> : null}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={field.descriptionId}>
          {description}
        </div>
      ) : null}
      {invalid ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={field.errorId}>
          {field.errors!.join(" ")}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

function describedBy(field: FieldMetadata<any, any, any>, hasDescription: boolean) {
  return hasDescription ? { ariaDescribedBy: field.descriptionId } : {};
}

type TextFieldProps = Omit<FieldShellProps, "children"> & {
  type?: "text" | "email" | "password" | "date" | "number" | "search";
  autoComplete?: string;
  inputMode?: "email" | "numeric" | "text";
};

export function TextField({ type = "text", autoComplete, inputMode, ...shell }: TextFieldProps) {
  const { key, ...props } = getInputProps(shell.field, {
    type,
    ...describedBy(shell.field, Boolean(shell.description)),
  });
  return (
    <FieldShell {...shell}>
      <input
        key={key}
        {...props}
        autoComplete={autoComplete}
        inputMode={inputMode}
        className={`utrecht-textbox utrecht-textbox--html-input${shell.field.errors?.length ? " utrecht-textbox--invalid" : ""}`}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  rows = 8,
  markdown,
  ...shell
}: Omit<FieldShellProps, "children"> & {
  rows?: number;
  /** A Markdown text: formatting buttons, paste from Word as Markdown, and a live preview beside it
   *  ("zonder-voorbeeld" where the form shows its own preview). */
  markdown?: true | "zonder-voorbeeld";
}) {
  const { key, ...props } = getTextareaProps(shell.field, describedBy(shell.field, Boolean(shell.description)));
  const textarea = useRef<HTMLTextAreaElement>(null);
  const box = (
    <textarea
      key={key}
      ref={textarea}
      rows={rows}
      {...props}
      onPaste={markdown ? pasteAsMarkdown : undefined}
      className={`utrecht-textarea utrecht-textarea--html-textarea${shell.field.errors?.length ? " utrecht-textarea--invalid" : ""}`}
    />
  );
  return (
    <FieldShell {...shell}>
      {markdown ? (
        <MarkdownWriting label={shell.label} textarea={textarea} preview={markdown === true}>
          {box}
        </MarkdownWriting>
      ) : (
        box
      )}
    </FieldShell>
  );
}

export function SelectField({
  options,
  placeholder,
  ...shell
}: Omit<FieldShellProps, "children"> & {
  options: readonly { value: string | number; label: string }[];
  placeholder?: string;
}) {
  const { key, ...props } = getSelectProps(shell.field, describedBy(shell.field, Boolean(shell.description)));
  return (
    <FieldShell {...shell}>
      <select
        key={key}
        {...props}
        className={`utrecht-select utrecht-select--html-select${shell.field.errors?.length ? " utrecht-select--invalid" : ""}`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Errors about the form as a whole (a conflict, a refused sign-in), announced at once. */
export function FormErrors({ form }: { form: FormMetadata<any, any> }) {
  if (!form.errors?.length) return null;
  return (
    <div className="utrecht-alert utrecht-alert--error" role="alert" id={form.errorId}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {form.errors.map((error: string) => (
            <p key={error} className="nl-paragraph">
              {error}
            </p>
          ))}
        </div>
      </div>
    </div>
  );
}

export function Button({
  children,
  variant = "default",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "default" | "danger" }) {
  const variantClass = variant === "primary" ? " nl-button--primary" : variant === "danger" ? " nl-button--danger" : "";
  return (
    <button type="submit" {...props} className={`nl-button${variantClass}`}>
      <span className="nl-button__label">{children}</span>
    </button>
  );
}

/** A single checkbox with its label to the right and an optional description under it. */
export function CheckboxField({
  field,
  label,
  description,
}: {
  field: FieldMetadata<any, any, any>;
  label: string;
  description?: ReactNode;
}) {
  const { key, ...props } = getInputProps(field, {
    type: "checkbox",
    ...(description ? { ariaDescribedBy: field.descriptionId } : {}),
  });
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox gremium-checkbox">
      <input key={key} {...props} className="gremium-checkbox__input" />
      <div>
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={field.id}>
          {label}
        </label>
        {description ? (
          <div className="utrecht-form-field-description" id={field.descriptionId}>
            {description}
          </div>
        ) : null}
        {field.errors?.length ? (
          <div className="utrecht-form-field-error-message" id={field.errorId}>
            {field.errors.join(" ")}
          </div>
        ) : null}
      </div>
    </div>
  );
}
