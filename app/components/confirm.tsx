import { Form, useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "~/components/form";
import { CONFIRMED_FIELD, type Confirmation, type ConfirmationText } from "~/lib/confirmation";

function HiddenFields({ fields }: { fields: Array<[string, string | number]> }) {
  return (
    <>
      {fields.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/**
 * A form whose step mails people or deletes something. With JavaScript its button opens a <dialog>
 * that says what will happen; only the dialog's button posts, with `bevestigd=ja`. Without JavaScript
 * the plain post comes back from the server as a confirmation step (ConfirmationStep).
 */
export function ConfirmForm({
  fields,
  text,
  action,
  children,
  variant = "default",
  buttonLabel,
}: {
  fields: Array<[string, string | number]>;
  text: ConfirmationText;
  action?: string;
  children: ReactNode;
  variant?: "primary" | "default" | "danger";
  /** The button's accessible name, when its visible label alone does not say which record it acts on. */
  buttonLabel?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <Form
        method="post"
        action={action}
        className="gremium-inline-form"
        onSubmit={(event) => {
          if (typeof dialog.current?.showModal !== "function") return;
          event.preventDefault();
          dialog.current.showModal();
        }}
      >
        <HiddenFields fields={fields} />
        <Button variant={variant} aria-label={buttonLabel}>
          {children}
        </Button>
      </Form>
      <dialog ref={dialog} className="gremium-dialog" aria-labelledby={titleId}>
        <h2 className="nl-heading nl-heading--level-2" id={titleId}>
          {text.title}
        </h2>
        <p className="nl-paragraph">{text.question}</p>
        <Form method="post" action={action} onSubmit={() => dialog.current?.close()}>
          <HiddenFields fields={[...fields, [CONFIRMED_FIELD, "ja"]]} />
          <div className="gremium-buttons">
            <Button variant={text.danger ? "danger" : "primary"}>{text.confirmLabel}</Button>
            <button type="button" className="nl-button" onClick={() => dialog.current?.close()}>
              <span className="nl-button__label">Annuleren</span>
            </button>
          </div>
        </Form>
      </dialog>
    </>
  );
}

/**
 * The confirmation as a page of its own, for a post that came without `bevestigd=ja` (no JavaScript,
 * or a replayed request). "Annuleren" reloads the page as it was; nothing has happened yet.
 */
export function ConfirmationStep({ confirmation }: { confirmation: Confirmation }) {
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="gremium-confirmation" aria-labelledby="bevestigen">
      <h1 className="nl-heading nl-heading--level-1" id="bevestigen" tabIndex={-1} ref={heading}>
        {confirmation.title}
      </h1>
      <p className="nl-paragraph">{confirmation.question}</p>
      <Form method="post">
        <HiddenFields fields={[...confirmation.fields, [CONFIRMED_FIELD, "ja"]]} />
        <div className="gremium-buttons">
          <Button variant={confirmation.danger ? "danger" : "primary"}>{confirmation.confirmLabel}</Button>
          <a className="nl-button" href={`${location.pathname}${location.search}`}>
            <span className="nl-button__label">Annuleren</span>
          </a>
        </div>
      </Form>
    </section>
  );
}

/** The confirmation an action answered, if that is what it answered. */
export function pendingConfirmation(reply: unknown): Confirmation | null {
  return reply && typeof reply === "object" && "confirmation" in reply
    ? ((reply as { confirmation: Confirmation }).confirmation ?? null)
    : null;
}
