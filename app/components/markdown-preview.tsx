/**
 * What a Markdown text will look like once saved: the HTML the server rendered and sanitised for the
 * Voorbeeld button (or as the person types, where JavaScript runs). Nothing when there is no preview.
 */
export function MarkdownPreview({ html }: { html: string | null | undefined }) {
  if (html === undefined || html === null) return null;
  return (
    <section aria-label="Voorbeeld" className="gremium-preview">
      <p className="gremium-muted">Voorbeeld (nog niet opgeslagen):</p>
      <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
