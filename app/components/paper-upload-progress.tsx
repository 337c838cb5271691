import { useRevalidator } from "@remix-run/react";
import { useState } from "react";

// Several papers at once, each with its own progress (issue 20). With JavaScript the upload form's
// files go one by one to the item's upload address, so a slow connection shows how far each file is;
// without it the form posts them all at once and the page answers when all are stored.

type Progress = { name: string; fraction: number; outcome: string | null; failed: boolean };

function send(url: string, body: FormData, onProgress: (fraction: number) => void) {
  return new Promise<{ title?: string; error?: string }>((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () =>
      resolve(
        (request.response as { title?: string; error?: string } | null) ?? {
          error: `Het toevoegen lukte niet (${request.status}).`,
        },
      );
    request.onerror = () => resolve({ error: "De verbinding viel weg; probeer dit bestand opnieuw." });
    request.send(body);
  });
}

export function usePaperUploads(uploadUrl: string) {
  const revalidator = useRevalidator();
  const [files, setFiles] = useState<Progress[]>([]);
  const [summary, setSummary] = useState<string | null>(null);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const input = form.elements.namedItem("file") as HTMLInputElement | null;
    const chosen = [...(input?.files ?? [])];
    // Nothing chosen: the form posts as it is, and the page answers at the field.
    if (chosen.length === 0) return;
    event.preventDefault();
    const title = chosen.length === 1 ? (form.elements.namedItem("title") as HTMLInputElement).value : "";
    const confidential = (form.elements.namedItem("isConfidential") as HTMLInputElement).checked;
    setSummary(null);
    setFiles(chosen.map((file) => ({ name: file.name, fraction: 0, outcome: null, failed: false })));
    const update = (index: number, change: Partial<Progress>) =>
      setFiles((current) => current.map((entry, i) => (i === index ? { ...entry, ...change } : entry)));
    let added = 0;
    for (const [index, file] of chosen.entries()) {
      const body = new FormData();
      body.set("file", file);
      if (title) body.set("title", title);
      if (confidential) body.set("isConfidential", "on");
      const answer = await send(uploadUrl, body, (fraction) => update(index, { fraction }));
      if (answer.title) added++;
      update(index, {
        fraction: 1,
        outcome: answer.title ? `toegevoegd als ‘${answer.title}’` : (answer.error ?? "niet toegevoegd"),
        failed: !answer.title,
      });
    }
    setSummary(
      added === chosen.length
        ? `${added === 1 ? "Het stuk is" : `Alle ${added} stukken zijn`} toegevoegd.`
        : `${added} van ${chosen.length} stukken toegevoegd; zie hieronder wat niet lukte.`,
    );
    if (added === chosen.length) form.reset();
    revalidator.revalidate();
  };

  return { onSubmit, files, summary };
}

export function PaperUploadProgress({ files, summary }: { files: Progress[]; summary: string | null }) {
  return (
    <div role="status">
      {summary ? <p className="nl-paragraph">{summary}</p> : null}
      {files.length > 0 ? (
        <ul className="gremium-upload-progress" aria-label="Voortgang van het toevoegen">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <label htmlFor={`voortgang-${index}`}>{file.name}</label>{" "}
              <progress id={`voortgang-${index}`} max={1} value={file.fraction} />{" "}
              {file.outcome ? (
                <span className={file.failed ? "gremium-upload-progress__failed" : undefined}>{file.outcome}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
