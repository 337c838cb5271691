import { ACCEPTED_DATE_FIELD } from "~/lib/calendar-days";

/**
 * The warning a form shows once about an unusual meeting date, beside the date. Posting the form again
 * with the same date keeps it (the hidden field says it was seen); another date is checked afresh.
 */
export function DateWarningNote({
  warning,
  submitLabel,
}: {
  warning: { date: string; messages: string[] } | null | undefined;
  submitLabel: string;
}) {
  if (!warning) return null;
  return (
    <div className="utrecht-alert utrecht-alert--warning" role="status">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="nl-paragraph">
            <strong>Let op:</strong> {warning.messages.join(" ")} Klopt de datum? Kies dan nogmaals ‘{submitLabel}’.
          </p>
        </div>
      </div>
      <input type="hidden" name={ACCEPTED_DATE_FIELD} value={warning.date} />
    </div>
  );
}
