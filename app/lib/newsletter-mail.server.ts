import { escapeHtml } from "./html";

// The nieuwsbrief as e-mail: a table layout with inline styles that Outlook, Gmail and Apple Mail
// render alike, explicit colours on every block so a dark mode cannot make text vanish, and a
// plain-text part for readers and filters that prefer it.

type Section = { title: string; bodyHtml: string; bodyMarkdown: string };
type Edition = { title: string; period: string; slug: string };

const ink = "#1a1a2e";
const primary = "#0b4f7c";
const subtle = "#4a4f5c";
const font = "Arial, Helvetica, sans-serif";

/** Absolute links and inline styles for the HTML that Markdown produced. */
export function inlineForMail(html: string, baseUrl: string) {
  return html
    .replace(/href="\//g, `href="${baseUrl}/`)
    .replace(/src="\//g, `src="${baseUrl}/`)
    .replace(/<p>/g, `<p style="margin:0 0 12px;font-family:${font};font-size:16px;line-height:24px;color:${ink};">`)
    .replace(
      /<(ul|ol)>/g,
      `<$1 style="margin:0 0 12px;padding:0 0 0 22px;font-family:${font};font-size:16px;line-height:24px;color:${ink};">`,
    )
    .replace(/<li>/g, `<li style="margin:0 0 6px;color:${ink};">`)
    .replace(
      /<h([2-4])>/g,
      `<h$1 style="margin:16px 0 8px;font-family:${font};font-size:17px;line-height:24px;color:${ink};">`,
    )
    .replace(/<strong>/g, `<strong style="color:${ink};">`)
    .replace(/<a /g, `<a style="color:${primary};text-decoration:underline;" `)
    .replace(/<img /g, `<img style="max-width:100%;height:auto;border:0;" `);
}

/** Markdown as plain text, with each link's address written out. */
export function markdownToText(markdown: string, baseUrl: string) {
  return markdown
    .replace(/!\[([^\]]*)\]\(([^)]+)\)/g, "[afbeelding: $1]")
    .replace(/\[([^\]]+)\]\((\/[^)]*)\)/g, `$1 (${baseUrl}$2)`)
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/^#+\s*/gm, "");
}

export function renderEditionMail({
  edition,
  sections,
  baseUrl,
  unsubscribeUrl,
}: {
  edition: Edition;
  sections: Section[];
  baseUrl: string;
  unsubscribeUrl: string;
}) {
  const webUrl = `${baseUrl}/nieuwsbrieven/${edition.slug}`;
  const filled = sections.filter((s) => s.bodyMarkdown.trim());
  const blocks = filled
    .map(
      (s) => `<tr><td bgcolor="#ffffff" style="padding:8px 24px 16px;background-color:#ffffff;">
<h2 style="margin:0 0 8px;font-family:${font};font-size:20px;line-height:28px;color:${primary};">${escapeHtml(s.title)}</h2>
${inlineForMail(s.bodyHtml, baseUrl)}
</td></tr>`,
    )
    .join("\n");
  const html = `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(edition.title)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f6f8;" bgcolor="#f4f6f8">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f6f8" style="background-color:#f4f6f8;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;" bgcolor="#ffffff">
<tr><td bgcolor="${primary}" style="padding:20px 24px;background-color:${primary};">
<p style="margin:0;font-family:${font};font-size:14px;line-height:20px;color:#ffffff;">Nieuwsbrief Zorg, Veiligheid en Straf Twente${edition.period ? ` · ${escapeHtml(edition.period)}` : ""}</p>
<h1 style="margin:4px 0 0;font-family:${font};font-size:24px;line-height:32px;color:#ffffff;">${escapeHtml(edition.title)}</h1>
</td></tr>
<tr><td bgcolor="#ffffff" style="padding:16px 24px 0;background-color:#ffffff;">
<p style="margin:0;font-family:${font};font-size:14px;line-height:20px;color:${subtle};">Leest u liever op het web? <a href="${webUrl}" style="color:${primary};text-decoration:underline;">Open deze nieuwsbrief in uw browser</a>.</p>
</td></tr>
${blocks}
<tr><td bgcolor="#f4f6f8" style="padding:16px 24px;background-color:#f4f6f8;">
<p style="margin:0;font-family:${font};font-size:13px;line-height:20px;color:${subtle};">U ontvangt deze nieuwsbrief omdat u zich hebt aangemeld. <a href="${unsubscribeUrl}" style="color:${primary};text-decoration:underline;">Afmelden met één klik</a>.</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
  const text = [
    edition.title,
    edition.period,
    "",
    `Op het web: ${webUrl}`,
    ...filled.flatMap((s) => ["", s.title.toUpperCase(), "", markdownToText(s.bodyMarkdown, baseUrl).trim()]),
    "",
    "--",
    `Afmelden met één klik: ${unsubscribeUrl}`,
  ]
    .filter((line, i, all) => !(line === "" && all[i - 1] === ""))
    .join("\n");
  return { html, text };
}
