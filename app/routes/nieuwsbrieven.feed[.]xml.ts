import { escapeHtml } from "~/lib/html";
import { publicUrl } from "~/lib/env.server";
import { listEditionsForFeed } from "~/models/newsletters.server";
import { inlineForMail } from "~/lib/newsletter-mail.server";
import { resourceRoute } from "~/lib/responses.server";

/** The published editions as an Atom feed (RFC 4287), newest first. */
export const loader = resourceRoute(async ({ request }: { request: Request }) => {
  const base = publicUrl();
  const editions = listEditionsForFeed({ viewer: null });
  const updated = new Date(editions[0]?.publishedAt ?? 0).toISOString();
  const entries = editions.map((edition) => {
    const url = `${base}/nieuwsbrieven/${edition.slug}`;
    const html = edition.sections
      .filter((s) => s.bodyMarkdown.trim())
      .map((s) => `<h2>${escapeHtml(s.title)}</h2>${inlineForMail(s.bodyHtml, base).replace(/ style="[^"]*"/g, "")}`)
      .join("\n");
    return `  <entry>
    <title>${escapeHtml(edition.title)}</title>
    <id>${url}</id>
    <link rel="alternate" type="text/html" href="${url}"/>
    <published>${new Date(edition.publishedAt!).toISOString()}</published>
    <updated>${new Date(edition.publishedAt!).toISOString()}</updated>
    <summary>${escapeHtml(edition.period || edition.title)}</summary>
    <content type="html">${escapeHtml(html)}</content>
  </entry>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
  <title>Nieuwsbrief Zorg, Veiligheid en Straf Twente</title>
  <id>${base}/nieuwsbrieven</id>
  <link rel="self" type="application/atom+xml" href="${base}/nieuwsbrieven/feed.xml"/>
  <link rel="alternate" type="text/html" href="${base}/nieuwsbrieven"/>
  <updated>${updated}</updated>
  <author><name>Kwartiermaker ZVS</name></author>
${entries.join("\n")}
</feed>
`;
  return new Response(body, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
});
