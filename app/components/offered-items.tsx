import { Form } from "@remix-run/react";

/**
 * Items offered to an agenda (hand-offs from other bodies, topics planned on the bestuursagenda),
 * each with a button that posts its intent and id.
 */
export function OfferedItems({
  id,
  heading,
  intent,
  idName,
  items,
}: {
  id: string;
  heading: string;
  intent: string;
  idName: string;
  items: { id: number; subject: string; detail: string }[];
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 className="nl-heading nl-heading--level-2" id={id}>
        {heading}
      </h2>
      <ul className="gremium-agenda-editor">
        {items.map((item) => (
          <li key={item.id} className="gremium-agenda-editor__item">
            <span>
              <strong>{item.subject}</strong>
              <span className="gremium-muted"> — {item.detail}</span>
            </span>
            <Form method="post">
              <input type="hidden" name="intent" value={intent} />
              <input type="hidden" name={idName} value={item.id} />
              <button type="submit" className="nl-button" aria-label={`${item.subject} op deze agenda zetten`}>
                <span className="nl-button__label" aria-hidden="true">
                  Op deze agenda zetten
                </span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
