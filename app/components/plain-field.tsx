/**
 * A labelled field with its Dutch error message, for forms that post plain values rather than
 * through conform (multi-step forms whose steps keep what was typed).
 */
export function PlainField({
  name,
  label,
  error,
  children,
}: {
  name: string;
  label: string;
  error?: string[];
  children: React.ReactNode;
}) {
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <label className="utrecht-form-label" htmlFor={name}>
        {label}
      </label>
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${name}-fout`}>
          {error.join(" ")}
        </div>
      ) : null}
      {children}
    </div>
  );
}

/** A text, number or time input in a PlainField, pointing at its error message when there is one. */
export function PlainInput({
  name,
  label,
  error,
  type = "text",
  defaultValue,
}: {
  name: string;
  label: string;
  error?: string[];
  type?: "text" | "number";
  defaultValue: string;
}) {
  return (
    <PlainField name={name} label={label} error={error}>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        className="utrecht-textbox utrecht-textbox--html-input"
        {...(error ? { "aria-invalid": true, "aria-describedby": `${name}-fout` } : {})}
      />
    </PlainField>
  );
}
