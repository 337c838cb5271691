import { useEffect, useRef, useState, type ReactNode } from "react";

// A form of the meeting mode that, with JavaScript, saves in the background: the page stays, what is
// typed is kept on this device until the server has it, and a dropped connection is retried until it
// is back, saying so. Without JavaScript it is an ordinary form that posts and comes back.

type Reply =
  | { ok: true; message: string; decisionId?: number; version?: number }
  | {
      ok: false;
      fieldErrors: Record<string, string[]>;
      formErrors: string[];
      saved?: { version?: number; textMarkdown?: string; discussionMarkdown?: string };
    };

const RETRY_MS = 5_000;
/** An unsaved draft is kept on the device this long, no longer: a shared computer forgets it. */
const DRAFT_KEPT_MS = 12 * 60 * 60_000;

export function BackgroundForm({
  action,
  draftKey,
  autosave = false,
  onSaved,
  className,
  children,
  label,
}: {
  /** The background route that answers in JSON; the form itself posts to the page. */
  action: string;
  /** Where the unsaved text waits on this device. */
  draftKey: string;
  /** Save a while after typing stops (only for a record that exists already). */
  autosave?: boolean;
  onSaved?: (reply: Extract<Reply, { ok: true }>) => void;
  className?: string;
  children: ReactNode;
  label: string;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<{ kind: "ok" | "waiting" | "error" | "info"; text: string } | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout>>();
  const typing = useRef<ReturnType<typeof setTimeout>>();
  // After a conflict nothing saves by itself: only an explicit "Opslaan" writes over the other change.
  const conflicted = useRef(false);
  const storageKey = `gremium:${draftKey}`;

  const keepDraft = (element: HTMLFormElement) => {
    const values: Record<string, string> = {};
    for (const [key, value] of new FormData(element)) if (typeof value === "string") values[key] = value;
    localStorage.setItem(storageKey, JSON.stringify({ keptAt: Date.now(), values }));
  };

  const send = async () => {
    const element = form.current;
    if (!element) return;
    clearTimeout(retry.current);
    const body = new FormData(element);
    keepDraft(element);
    setState({ kind: "info", text: "Bezig met opslaan…" });
    let response: Response;
    try {
      response = await fetch(action, { method: "POST", body, headers: { Accept: "application/json" } });
    } catch {
      setState({
        kind: "waiting",
        text: "Niet opgeslagen: geen verbinding. Uw tekst blijft op dit apparaat bewaard; we proberen het over een paar seconden opnieuw.",
      });
      retry.current = setTimeout(send, RETRY_MS);
      return;
    }
    if (response.redirected && new URL(response.url).pathname === "/inloggen") {
      setState({
        kind: "waiting",
        text: "Niet opgeslagen: u bent afgemeld. Meld u opnieuw aan in een ander tabblad; uw tekst blijft op dit apparaat bewaard en we proberen het opnieuw.",
      });
      retry.current = setTimeout(send, RETRY_MS);
      return;
    }
    if (response.status >= 500 || !response.headers.get("content-type")?.includes("json")) {
      setState({
        kind: "waiting",
        text: "Niet opgeslagen: de server antwoordde niet goed. Uw tekst blijft bewaard; we proberen het opnieuw.",
      });
      retry.current = setTimeout(send, RETRY_MS);
      return;
    }
    const reply = (await response.json()) as Reply;
    if (!reply.ok) {
      const messages = [...reply.formErrors, ...Object.values(reply.fieldErrors).flat()];
      if (response.status === 409 && reply.saved?.version) {
        conflicted.current = true;
        const version = element.querySelector<HTMLInputElement>('input[name="version"]');
        if (version) version.value = String(reply.saved.version);
        const now = [reply.saved.textMarkdown, reply.saved.discussionMarkdown].filter(Boolean).join(" — ");
        messages.push(
          `Nu opgeslagen: ‘${now}’. Uw tekst staat nog in het formulier; kies ‘Opslaan’ om die toch op te slaan.`,
        );
      }
      setState({ kind: "error", text: `Niet opgeslagen: ${messages.join(" ")}` });
      return;
    }
    conflicted.current = false;
    localStorage.removeItem(storageKey);
    const setHidden = (name: string, value: number | undefined) => {
      const input = element.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (input && value !== undefined) input.value = String(value);
    };
    setHidden("decisionId", reply.decisionId);
    setHidden("version", reply.version);
    const time = new Intl.DateTimeFormat("nl-NL", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Amsterdam",
    }).format(new Date());
    setState({ kind: "ok", text: `${reply.message} (${time})` });
    onSaved?.(reply);
  };

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    // Text typed before a reload or a crash that never reached the server comes back into the form.
    let stored: { keptAt?: number; values?: Record<string, string> } | null = null;
    try {
      stored = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    } catch {
      stored = null;
    }
    if (stored && (!stored.keptAt || !stored.values || Date.now() - stored.keptAt > DRAFT_KEPT_MS)) {
      localStorage.removeItem(storageKey);
      stored = null;
    }
    if (stored?.values) {
      const values = stored.values;
      for (const [name, value] of Object.entries(values)) {
        if (["intent", "version", "decisionId", "itemId"].includes(name)) continue;
        const field = element.elements.namedItem(name);
        if (
          field instanceof HTMLTextAreaElement ||
          field instanceof HTMLInputElement ||
          field instanceof HTMLSelectElement
        ) {
          if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value === "on";
          else field.value = value;
        }
      }
      setState({
        kind: "waiting",
        text: "Hersteld van dit apparaat: deze tekst is nog niet opgeslagen. Kies ‘Opslaan’.",
      });
    }
    const online = () => {
      if (localStorage.getItem(storageKey) && retry.current) void send();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      clearTimeout(retry.current);
      clearTimeout(typing.current);
    };
    // The form and its key are fixed for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <form
      ref={form}
      method="post"
      className={className}
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        conflicted.current = false;
        void send();
      }}
      onInput={() => {
        const element = form.current;
        if (!element) return;
        keepDraft(element);
        if (!autosave || conflicted.current) return;
        clearTimeout(typing.current);
        typing.current = setTimeout(() => void send(), 3_000);
      }}
    >
      {children}
      <div role="status" className="gremium-saved-status" data-save-status={state?.kind ?? ""}>
        {state ? <p className={`nl-paragraph gremium-save-${state.kind}`}>{state.text}</p> : null}
      </div>
    </form>
  );
}
