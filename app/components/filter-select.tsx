/** A select in a GET filter form: an "all" choice first, the current filter preselected. */
export function FilterSelect({
  name,
  label,
  allLabel,
  options,
  value,
}: {
  name: string;
  label: string;
  allLabel: string;
  options: readonly { value: string | number; label: string }[];
  value: string | number | null;
}) {
  return (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={name}>
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className="utrecht-select utrecht-select--html-select">
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
