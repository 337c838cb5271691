import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SavedStatus } from "~/components/alert";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, CheckboxField, FormErrors, TextAreaField, TextField } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { adviesnotaTemplate } from "~/lib/adviesnota";
import { formatDateTime, formatDay } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { getAgendaItemForEdit } from "~/models/agenda.server";
import { readPaper } from "~/lib/text-extraction.server";
import { addDocument, listDocumentsForItem, removeDocument, replaceDocument } from "~/models/documents.server";
import { getMeeting } from "~/models/meetings.server";
import {
  removeDocumentSchema,
  replaceFileSchema,
  replaceNoteSchema,
  uploadDocumentSchema,
  wordToNoteSchema,
  writeNoteSchema,
} from "~/schemas/meetings";
import { addNoteFromWordPaper } from "~/models/word-notes.server";
import { pageRoute } from "~/lib/responses.server";
import { addUploadedPapers, readUploadForm } from "~/lib/paper-upload.server";
import { PaperUploadProgress, usePaperUploads } from "~/components/paper-upload-progress";
import { countOf, type ConfirmationText } from "~/lib/confirmation";
import { askConfirmation, isConfirmed } from "~/lib/confirmation.server";
import { ConfirmForm, ConfirmationStep, pendingConfirmation } from "~/components/confirm";

const schema = z.discriminatedUnion("intent", [
  uploadDocumentSchema,
  writeNoteSchema,
  replaceFileSchema,
  replaceNoteSchema,
  removeDocumentSchema,
  wordToNoteSchema,
]);

/** "‘Jaarplan’ is toegevoegd." or "3 stukken zijn toegevoegd: ‘A’, ‘B’ en ‘C’." */
function addedMessage(titles: string[]) {
  const quoted = titles.map((t) => `‘${t}’`);
  if (quoted.length === 1) return `${quoted[0]} is toegevoegd.`;
  return `${quoted.length} stukken zijn toegevoegd: ${quoted.slice(0, -1).join(", ")} en ${quoted.at(-1)}.`;
}

function removeDocumentText(title: string, versions: number, itemNumber: string): ConfirmationText {
  return {
    title: "Stuk verwijderen?",
    question: `‘${title}’ verdwijnt van agendapunt ${itemNumber}, met ${versions === 1 ? "zijn enige versie" : `alle ${countOf(versions, "versie", "versies")}`}. Dit kunt u niet ongedaan maken.`,
    confirmLabel: "Stuk verwijderen",
    danger: true,
  };
}

export const meta: MetaFunction = () => [{ title: "Stukken bij een agendapunt · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const meeting = getMeeting({ viewer, id: meetingId });
  if (!meeting) notFound("Deze vergadering bestaat niet.");
  const item = getAgendaItemForEdit({ viewer, meetingId, id: requireIdParam(params.itemId) });
  if (!item) notFound("Dit agendapunt bestaat niet (meer).");
  const { documents } = listDocumentsForItem({ viewer, agendaItemId: item.id });
  return {
    meeting: { id: meeting.id, bodyName: meeting.bodyName, startsAt: meeting.startsAt },
    item: { id: item.id, number: item.number, subject: item.subject, isConfidential: item.isConfidential },
    documents,
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const agendaItemId = requireIdParam(params.itemId);
  const { formData, tooLarge } = await readUploadForm(request);
  if (tooLarge) {
    return data(
      {
        formKey: "upload",
        result: {
          status: "error",
          error: { file: ["Het bestand is groter dan 25 MB; het maximum is 25 MB."] },
        } as SubmissionResult<string[]>,
        done: null,
      },
      { status: 400 },
    );
  }
  const submission = parseWithZod(formData, { schema });
  const intent = String(formData.get("intent") ?? "");
  const formKey = intent.startsWith("replace") ? `${intent}-${formData.get("documentId")}` : intent;
  const hideFields = ["file"];
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply({ hideFields }), done: null }, unfinishedStatus(submission));
  const input = submission.value;
  // The file's text is read here, before the model stores it, so search can find what is in it.
  const fileContent = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { fileName: file.name, bytes, ...(await readPaper(bytes)) };
  };
  try {
    switch (input.intent) {
      case "upload": {
        const titles = await addUploadedPapers({
          viewer,
          agendaItemId,
          files: input.file,
          title: input.title,
          isConfidential: input.isConfidential,
          isAdvice: input.isAdvice,
        });
        return { formKey, result: submission.reply({ resetForm: true }), done: addedMessage(titles) };
      }
      case "note":
        addDocument({
          viewer,
          agendaItemId,
          title: input.title,
          isConfidential: input.isConfidential,
          isAdvice: input.isAdvice,
          content: { markdown: input.noteMarkdown },
        });
        return { formKey, result: submission.reply({ resetForm: true }), done: `‘${input.title}’ is toegevoegd.` };
      case "replace-file": {
        const { number } = replaceDocument({
          viewer,
          documentId: input.documentId,
          expectedVersion: input.version,
          content: await fileContent(input.file),
        });
        return {
          formKey,
          result: submission.reply({ resetForm: true }),
          done: `Versie ${number} is opgeslagen; de eerdere versies blijven beschikbaar.`,
        };
      }
      case "replace-note": {
        const { number } = replaceDocument({
          viewer,
          documentId: input.documentId,
          expectedVersion: input.version,
          content: { markdown: input.noteMarkdown },
        });
        return {
          formKey,
          result: submission.reply(),
          done: `Versie ${number} is opgeslagen; de eerdere versies blijven beschikbaar.`,
        };
      }
      case "word-to-note": {
        const { title } = await addNoteFromWordPaper({ viewer, agendaItemId, documentId: input.documentId });
        return {
          formKey,
          result: submission.reply(),
          done: `‘${title}’ is toegevoegd: de tekst van het Word-bestand, met de kopjes. Het Word-bestand blijft staan.`,
        };
      }
      case "remove-document": {
        if (!isConfirmed(formData)) {
          const doc = listDocumentsForItem({ viewer, agendaItemId }).documents.find((d) => d.id === input.documentId);
          const item = getAgendaItemForEdit({ viewer, meetingId: requireIdParam(params.id), id: agendaItemId });
          if (doc && item)
            return askConfirmation(formData, removeDocumentText(doc.title, doc.versions.length, item.number));
        }
        removeDocument({ viewer, documentId: input.documentId });
        return { formKey, result: submission.reply(), done: "Het stuk is verwijderd." };
      }
    }
  } catch (error) {
    const reply = replyToModelError(submission, error, { hideFields });
    return data({ formKey, result: reply.data, done: null }, { status: reply.init?.status ?? 400 });
  }
});

const ADVICE_HINT =
  "Een adviesnota of een advies van bijvoorbeeld de expertgroep: openbaar wordt het gepubliceerd in de Woo-categorie adviezen.";

function FileField({
  field,
  label,
  multiple = false,
}: {
  field: { id: string; name: string; errors?: string[]; errorId: string; descriptionId: string };
  label: string;
  multiple?: boolean;
}) {
  return (
    <div className={`utrecht-form-field${field.errors ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={field.id}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__description utrecht-form-field-description" id={field.descriptionId}>
        PDF, Word, Excel, PowerPoint of een afbeelding, tot 25 MB
        {multiple ? " per bestand. U kunt meerdere bestanden tegelijk kiezen." : "."}
      </div>
      {field.errors ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={field.errorId}>
          {field.errors.join(" ")}
        </div>
      ) : null}
      <input
        type="file"
        id={field.id}
        name={field.name}
        accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.gif,.webp,.txt"
        multiple={multiple}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={field.errors ? `${field.descriptionId} ${field.errorId}` : field.descriptionId}
        className="gremium-file-input"
      />
    </div>
  );
}

type Doc = ReturnType<typeof useLoaderData<typeof loader>>["documents"][number];

function DocumentEntry({ doc, itemNumber, lastAction }: { doc: Doc; itemNumber: string; lastAction: KeyedReply }) {
  const current = doc.versions[0];
  const [replaceForm, replaceFields] = useKeyedForm(
    validateWith(schema),
    `replace-${doc.kind === "file" ? "file" : "note"}-${doc.id}`,
    lastAction,
    {
      defaultValue: { noteMarkdown: current?.noteMarkdown ?? "" },
      shouldValidate: "onSubmit",
    },
  );
  return (
    <li className="gremium-document">
      <h3 className="nl-heading nl-heading--level-3">
        {doc.title} {doc.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
      </h3>
      <ul className="gremium-versions">
        {doc.versions.map((version) => (
          <li key={version.id}>
            <Link className="nl-link" to={`/stukken/${version.id}`}>
              Versie {version.number}
              {version.fileName ? `: ${version.fileName}` : ""}
            </Link>{" "}
            <span className="gremium-muted">{formatDateTime(version.createdAt)}</span>
          </li>
        ))}
      </ul>
      <details>
        <summary>Nieuwe versie van ‘{doc.title}’</summary>
        <FormErrors form={replaceForm} />
        <Form
          method="post"
          encType={doc.kind === "file" ? "multipart/form-data" : undefined}
          {...getFormProps(replaceForm)}
        >
          <input type="hidden" name="intent" value={doc.kind === "file" ? "replace-file" : "replace-note"} />
          <input type="hidden" name="documentId" value={doc.id} />
          <input type="hidden" name="version" value={doc.version} />
          {doc.kind === "file" ? (
            <FileField field={replaceFields.file} label="Nieuw bestand" />
          ) : (
            <TextAreaField field={replaceFields.noteMarkdown} label="Tekst" rows={14} markdown />
          )}
          <Button>Nieuwe versie opslaan</Button>
        </Form>
      </details>
      {doc.kind === "file" && /\.docx$/i.test(current?.fileName ?? "") ? (
        <Form method="post" className="gremium-inline-form">
          <input type="hidden" name="intent" value="word-to-note" />
          <input type="hidden" name="documentId" value={doc.id} />
          <Button aria-label={`${doc.title} als geschreven notitie overnemen`}>Als geschreven notitie overnemen</Button>
        </Form>
      ) : null}
      <ConfirmForm
        fields={[
          ["intent", "remove-document"],
          ["documentId", doc.id],
        ]}
        text={removeDocumentText(doc.title, doc.versions.length, itemNumber)}
        variant="danger"
        buttonLabel={`Stuk ${doc.title} verwijderen`}
      >
        Verwijderen
      </ConfirmForm>
    </li>
  );
}

export default function ItemDocuments() {
  const { meeting, item, documents } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const confirmation = pendingConfirmation(answer);
  const lastAction = answer && "formKey" in answer ? answer : undefined;
  const [uploadForm, uploadFields] = useKeyedForm(validateWith(schema), "upload", lastAction, {
    shouldValidate: "onSubmit",
  });
  const [noteForm, noteFields] = useKeyedForm(validateWith(schema), "note", lastAction, {
    defaultValue: { noteMarkdown: adviesnotaTemplate },
    shouldValidate: "onSubmit",
  });
  const uploads = usePaperUploads(`/vergaderingen/${meeting.id}/agenda/${item.id}/stukken/bestand`);
  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  const breadcrumb = (
    <Breadcrumb
      items={[
        { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
        { to: `/vergaderingen/${meeting.id}/agenda`, label: "Agenda bewerken" },
        { to: `/vergaderingen/${meeting.id}/agenda/${item.id}`, label: `Agendapunt ${item.number}` },
      ]}
    />
  );
  if (confirmation)
    return (
      <>
        {breadcrumb}
        <ConfirmationStep confirmation={confirmation} />
      </>
    );
  return (
    <>
      {breadcrumb}
      <h1 className="nl-heading nl-heading--level-1">
        Stukken bij {item.number} {item.subject}
      </h1>
      {item.isConfidential ? (
        <p className="nl-paragraph">Dit agendapunt is besloten: alle stukken erbij zijn alleen voor de leden.</p>
      ) : null}
      <SavedStatus message={lastAction?.done} />
      {lastAction &&
      ["word-to-note", "remove-document"].includes(lastAction.formKey) &&
      lastAction.result.error?.[""] ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert">
          <p className="nl-paragraph">{lastAction.result.error[""].join(" ")}</p>
        </div>
      ) : null}
      {documents.length === 0 ? (
        <p className="nl-paragraph">Er zijn nog geen stukken bij dit agendapunt.</p>
      ) : (
        <ul className="gremium-documents">
          {documents.map((doc) => (
            <DocumentEntry
              key={`${doc.id}-${doc.version}`}
              doc={doc}
              itemNumber={item.number}
              lastAction={lastAction}
            />
          ))}
        </ul>
      )}

      <div className="gremium-actions">
        <section aria-labelledby="bestand-toevoegen">
          <h2 className="nl-heading nl-heading--level-2" id="bestand-toevoegen">
            Bestand toevoegen
          </h2>
          <FormErrors form={uploadForm} />
          <Form
            method="post"
            encType="multipart/form-data"
            {...getFormProps(uploadForm)}
            onSubmit={(event) => {
              uploadForm.onSubmit(event);
              if (!event.defaultPrevented) void uploads.onSubmit(event);
            }}
          >
            <input type="hidden" name="intent" value="upload" />
            <TextField
              field={uploadFields.title}
              label="Titel van het stuk"
              optional
              description="Bijvoorbeeld: Adviesnota jaarplan 2027. Bij meerdere bestanden wordt elke bestandsnaam de titel."
            />
            <FileField field={uploadFields.file} label="Bestand" multiple />
            <CheckboxField
              field={uploadFields.isConfidential}
              label="Besloten stuk"
              description="Alleen voor de leden van het gremium."
            />
            <CheckboxField field={uploadFields.isAdvice} label="Advies" description={ADVICE_HINT} />
            <Button variant="primary">Bestand toevoegen</Button>
          </Form>
          <PaperUploadProgress files={uploads.files} summary={uploads.summary} />
        </section>
        <section aria-labelledby="notitie-schrijven">
          <h2 className="nl-heading nl-heading--level-2" id="notitie-schrijven">
            Notitie schrijven
          </h2>
          <FormErrors form={noteForm} />
          <Form method="post" {...getFormProps(noteForm)}>
            <input type="hidden" name="intent" value="note" />
            <TextField
              field={noteFields.title}
              label="Titel van de notitie"
              description="Bijvoorbeeld: Adviesnota organisatieontwikkeling"
            />
            <TextAreaField
              field={noteFields.noteMarkdown}
              label="Tekst"
              rows={16}
              markdown
              description="De vaste kopjes van een adviesnota staan er al. Tekst uit Word kunt u plakken; kopjes, lijsten en tabellen blijven."
            />
            <CheckboxField
              field={noteFields.isConfidential}
              label="Besloten stuk"
              description="Alleen voor de leden van het gremium."
            />
            <CheckboxField field={noteFields.isAdvice} label="Advies" description={ADVICE_HINT} />
            <Button variant="primary">Notitie toevoegen</Button>
          </Form>
        </section>
      </div>
    </>
  );
}
