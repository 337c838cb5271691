import { tabBlocksToTables } from "~/lib/tab-table";
import { useEffect, useState, type ReactNode, type RefObject } from "react";

// Writing without knowing Markdown (issue 20): buttons that put the marks around the selection, and
// a paste from Word, Outlook or a web page that arrives as clean Markdown. Both need JavaScript; without
// it the text box is a plain text box and the marks are typed. The text is stored as Markdown.

type Edit = { before: string; after?: string; placeholder: string; lines?: (line: string, index: number) => string };

const EDITS: Record<string, Edit> = {
  Vet: { before: "**", after: "**", placeholder: "vette tekst" },
  Cursief: { before: "*", after: "*", placeholder: "cursieve tekst" },
  Kop: { before: "", placeholder: "Kop", lines: (line) => `## ${line.replace(/^#+\s*/, "")}` },
  Opsomming: { before: "", placeholder: "punt", lines: (line) => `- ${line.replace(/^[-*]\s+/, "")}` },
  "Genummerde lijst": {
    before: "",
    placeholder: "punt",
    lines: (line, index) => `${index + 1}. ${line.replace(/^\d+\.\s+/, "")}`,
  },
  Link: { before: "[", after: "](https://)", placeholder: "linktekst" },
  Tabel: {
    before: "\n| Kolom 1 | Kolom 2 |\n| --- | --- |\n| ",
    after: " |  |\n",
    placeholder: "tekst",
  },
};

/** Replaces the selection, through the browser's own editing so Ctrl+Z undoes it and forms hear it. */
function replaceSelection(textarea: HTMLTextAreaElement, text: string, select?: [number, number]) {
  textarea.focus();
  const start = textarea.selectionStart;
  if (!document.execCommand("insertText", false, text)) {
    textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }
  if (select) textarea.setSelectionRange(start + select[0], start + select[1]);
}

function apply(textarea: HTMLTextAreaElement, edit: Edit) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  if (edit.lines) {
    // Whole lines: from the start of the first selected line to the end of the last.
    const from = value.lastIndexOf("\n", start - 1) + 1;
    const lineEnd = value.indexOf("\n", end);
    const to = lineEnd === -1 ? value.length : lineEnd;
    textarea.setSelectionRange(from, to);
    const lines = (value.slice(from, to) || edit.placeholder).split("\n");
    replaceSelection(textarea, lines.map(edit.lines).join("\n"));
    return;
  }
  const selected = value.slice(start, end) || edit.placeholder;
  replaceSelection(textarea, `${edit.before}${selected}${edit.after ?? ""}`, [
    edit.before.length,
    edit.before.length + selected.length,
  ]);
}

/**
 * Pastes HTML from the clipboard as Markdown, and tab-separated rows as a Markdown table; other plain
 * text is left to the browser.
 */
function onPaste(event: React.ClipboardEvent<HTMLTextAreaElement>) {
  const html = event.clipboardData.getData("text/html");
  if (!html) {
    const text = event.clipboardData.getData("text/plain");
    const tabled = tabBlocksToTables(text);
    if (tabled !== text) {
      event.preventDefault();
      replaceSelection(event.currentTarget, tabled);
    }
    return;
  }
  event.preventDefault();
  const textarea = event.currentTarget;
  const fallback = event.clipboardData.getData("text/plain");
  import("~/lib/paste-to-markdown")
    .then(({ htmlToMarkdown }) => replaceSelection(textarea, htmlToMarkdown(html) || fallback))
    .catch(() => replaceSelection(textarea, fallback));
}

/**
 * Shows the rendered text beside the box while typing: the server renders it as it will be saved. A
 * plain fetch, not a Remix fetcher, since a fetcher's post would reload every loader of the page.
 */
function useLivePreview(textarea: RefObject<HTMLTextAreaElement>, enabled: boolean) {
  const [html, setHtml] = useState<string | undefined>(undefined);
  useEffect(() => {
    const element = textarea.current;
    if (!enabled || !element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    const render = async (request: number) => {
      try {
        const response = await fetch("/markdown-voorbeeld", {
          method: "POST",
          body: new URLSearchParams({ markdown: element.value }),
        });
        const answer = response.ok ? ((await response.json()) as { html: string }) : null;
        // Only the answer to the latest typing is shown; a slow earlier one is dropped.
        if (answer && request === latest) setHtml(answer.html);
      } catch {
        // Offline or signed out: the preview waits for the next keystroke; the text itself is safe.
      }
    };
    const send = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void render(++latest), 400);
    };
    element.addEventListener("input", send);
    if (element.value.trim()) send();
    return () => {
      element.removeEventListener("input", send);
      clearTimeout(timer);
    };
  }, [textarea, enabled]);
  return html;
}

/**
 * The tools around a Markdown text box: a row of buttons above it, the paste conversion on it, and a
 * live preview beside it (unless the form shows its own). Renders the box itself as `children`.
 */
export function MarkdownWriting({
  label,
  textarea,
  preview = true,
  children,
}: {
  label: string;
  textarea: RefObject<HTMLTextAreaElement>;
  preview?: boolean;
  children: ReactNode;
}) {
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const html = useLivePreview(textarea, scripted && preview);
  return (
    <div className={`gremium-markdown${scripted && preview ? " gremium-markdown--preview" : ""}`}>
      <div>
        {scripted ? (
          <div className="gremium-markdown__tools" role="group" aria-label={`Opmaak van ${label}`}>
            {Object.entries(EDITS).map(([name, edit]) => (
              <button
                key={name}
                type="button"
                className="gremium-markdown__tool"
                onClick={() => textarea.current && apply(textarea.current, edit)}
              >
                {name}
              </button>
            ))}
          </div>
        ) : null}
        {children}
      </div>
      {scripted && preview ? (
        <section className="gremium-preview" aria-label={`Weergave van ${label}`}>
          <p className="gremium-muted">Zo wordt het (nog niet opgeslagen):</p>
          <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: html ?? "" }} />
        </section>
      ) : null}
    </div>
  );
}

export { onPaste as pasteAsMarkdown };
