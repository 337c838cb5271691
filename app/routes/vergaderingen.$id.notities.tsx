import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { SavedStatus } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { PlainField } from "~/components/plain-field";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { formatDay, formatTimestamp } from "~/lib/format";
import { pageRoute, redirect } from "~/lib/responses.server";
import { listCurrentVersionsForMeeting } from "~/models/documents.server";
import { ConflictError, RuleError } from "~/models/errors";
import { getMeeting } from "~/models/meetings.server";
import { addNote, listNotesForMeeting, removeNote, updateNote } from "~/models/notes.server";
import { id, optionalId, version } from "~/schemas/fields";
import { plainValues } from "~/schemas/meeting-mode";

export const meta: MetaFunction = () => [{ title: "Mijn notities · Gremium" }];

const text = z
  .string({ message: "Schrijf uw notitie." })
  .trim()
  .min(1, "Schrijf uw notitie.")
  .max(10_000, "Gebruik hooguit 10.000 tekens.");
const shared = z.preprocess((value) => value === "on", z.boolean());
const schema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    agendaItemId: id("Onbekend agendapunt."),
    documentId: optionalId,
    textMarkdown: text,
    isShared: shared,
  }),
  z.object({
    intent: z.literal("update"),
    noteId: id("Onbekende notitie."),
    version,
    textMarkdown: text,
    isShared: shared,
  }),
  z.object({ intent: z.literal("remove"), noteId: id("Onbekende notitie.") }),
]);

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const meeting = getMeeting({ viewer, id: requireIdParam(params.id) });
  if (!meeting) notFound("Deze vergadering bestaat niet.");
  const papers = listCurrentVersionsForMeeting({ viewer, meetingId: meeting.id });
  return {
    meeting: {
      id: meeting.id,
      bodyName: meeting.bodyName,
      startsAt: meeting.startsAt,
      canShare: meeting.seesConfidential,
    },
    items: meeting.sections
      .flatMap((section) => section.items)
      // A besloten item shows its number only to those outside: nothing to write a note on.
      .filter((item) => item.subject !== null)
      .map((item) => ({
        id: item.id,
        number: item.number,
        subject: item.subject!,
        papers: papers
          .filter((paper) => paper.agendaItemId === item.id)
          .map((paper) => ({ documentId: paper.documentId, title: paper.title, versionId: paper.versionId })),
      })),
    notes: listNotesForMeeting({ viewer, meetingId: meeting.id }),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const values = plainValues(await request.formData());
  const formKey = values.intent === "add" ? `nieuw-${values.agendaItemId}` : `notitie-${values.noteId}`;
  const refuse = (status: number, errors: Record<string, string[]>) => data({ formKey, errors, values }, { status });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
    return refuse(400, errors);
  }
  const input = parsed.data;
  try {
    if (input.intent === "add") {
      const { id: noteId } = addNote({
        viewer,
        agendaItemId: input.agendaItemId,
        documentId: input.documentId ?? null,
        input: { textMarkdown: input.textMarkdown, isShared: input.isShared },
      });
      return redirect(`/vergaderingen/${meetingId}/notities?opgeslagen=1#notitie-${noteId}`);
    }
    if (input.intent === "update") {
      updateNote({ viewer, id: input.noteId, expectedVersion: input.version, input });
      return redirect(`/vergaderingen/${meetingId}/notities?opgeslagen=1#notitie-${input.noteId}`);
    }
    removeNote({ viewer, id: input.noteId });
    return redirect(`/vergaderingen/${meetingId}/notities?verwijderd=1`);
  } catch (error) {
    if (error instanceof ConflictError) return refuse(409, { "": [error.message] });
    if (error instanceof RuleError) return refuse(400, error.fieldErrors);
    throw error;
  }
});

type Reply = { formKey: string; errors: Record<string, string[]>; values: Record<string, string> };

function NoteFields({
  prefix,
  reply,
  formKey,
  text: initial,
  isShared,
  canShare,
}: {
  prefix: string;
  reply: Reply | undefined;
  formKey: string;
  text: string;
  isShared: boolean;
  canShare: boolean;
}) {
  const mine = reply?.formKey === formKey ? reply : undefined;
  const errors = mine?.errors.textMarkdown;
  const general = mine?.errors[""] ?? mine?.errors.isShared;
  return (
    <>
      {general ? (
        <div className="utrecht-form-field-error-message" role="alert">
          {general.join(" ")}
        </div>
      ) : null}
      <PlainField name={`${prefix}-tekst`} label="Notitie" error={errors}>
        <textarea
          id={`${prefix}-tekst`}
          name="textMarkdown"
          rows={3}
          className="utrecht-textarea utrecht-textarea--html-textarea"
          defaultValue={mine?.values.textMarkdown ?? initial}
          {...(errors ? { "aria-invalid": true, "aria-describedby": `${prefix}-tekst-fout` } : {})}
        />
      </PlainField>
      {canShare ? (
        <div className="utrecht-form-field utrecht-form-field--checkbox gremium-checkbox">
          <input
            id={`${prefix}-delen`}
            type="checkbox"
            name="isShared"
            className="gremium-checkbox__input"
            defaultChecked={mine ? mine.values.isShared === "on" : isShared}
          />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${prefix}-delen`}>
            Delen met de leden van dit gremium
          </label>
        </div>
      ) : null}
    </>
  );
}

export default function Notes() {
  const { meeting, items, notes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [params] = useSearchParams();
  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Mijn notities</h1>
      <p className="nl-paragraph">
        Notities bij de agendapunten en stukken van {meetingLabel}. Ze zijn alleen voor u
        {meeting.canShare ? ", tenzij u ze deelt met de leden van het gremium" : ""}; ze staan in uw eigen
        vergaderpakket en nooit in dat van een ander, en nooit openbaar.
      </p>
      <SavedStatus
        message={
          params.get("opgeslagen")
            ? "De notitie is opgeslagen."
            : params.get("verwijderd")
              ? "De notitie is verwijderd."
              : null
        }
      />
      {items.map((item) => {
        const here = notes.filter((note) => note.agendaItemId === item.id);
        return (
          <section key={item.id} aria-labelledby={`punt-${item.id}`} className="gremium-card">
            <h2 id={`punt-${item.id}`} className="nl-heading nl-heading--level-2">
              {item.number}. {item.subject}
            </h2>
            {here.map((note) => {
              const paper = note.documentId ? item.papers.find((p) => p.documentId === note.documentId) : null;
              return (
                <article key={note.id} id={`notitie-${note.id}`} className="gremium-note">
                  <p className="nl-paragraph gremium-muted">
                    {paper ? `Bij het stuk ‘${paper.title}’` : "Bij het agendapunt"} ·{" "}
                    {note.own
                      ? note.isShared
                        ? "van u, gedeeld met de leden"
                        : "van u, privé"
                      : `van ${note.authorName}, gedeeld`}{" "}
                    · {formatTimestamp(note.updatedAt)}
                  </p>
                  {note.own ? (
                    <>
                      <Form method="post">
                        <input type="hidden" name="intent" value="update" />
                        <input type="hidden" name="noteId" value={note.id} />
                        <input type="hidden" name="version" value={note.version} />
                        <NoteFields
                          prefix={`notitie-${note.id}`}
                          formKey={`notitie-${note.id}`}
                          reply={reply}
                          text={note.textMarkdown}
                          isShared={note.isShared}
                          canShare={meeting.canShare}
                        />
                        <button type="submit" className="nl-button">
                          Notitie opslaan
                        </button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="noteId" value={note.id} />
                        <button type="submit" className="nl-button">
                          Verwijderen
                        </button>
                      </Form>
                    </>
                  ) : (
                    <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: note.textHtml }} />
                  )}
                </article>
              );
            })}
            <Form method="post">
              <input type="hidden" name="intent" value="add" />
              <input type="hidden" name="agendaItemId" value={item.id} />
              {item.papers.length ? (
                <div className="utrecht-form-field">
                  <label className="utrecht-form-label" htmlFor={`nieuw-${item.id}-bij`}>
                    Bij
                  </label>
                  <select
                    id={`nieuw-${item.id}-bij`}
                    name="documentId"
                    className="utrecht-select utrecht-select--html-select"
                    defaultValue={reply?.formKey === `nieuw-${item.id}` ? (reply.values.documentId ?? "") : ""}
                  >
                    <option value="">Het agendapunt</option>
                    {item.papers.map((paper) => (
                      <option key={paper.documentId} value={paper.documentId}>
                        Stuk: {paper.title}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <NoteFields
                prefix={`nieuw-${item.id}`}
                formKey={`nieuw-${item.id}`}
                reply={reply}
                text=""
                isShared={false}
                canShare={meeting.canShare}
              />
              <button type="submit" className="nl-button nl-button--primary">
                Notitie toevoegen<span className="gremium-visually-hidden"> bij {item.number}</span>
              </button>
            </Form>
            {item.papers.length ? (
              <p className="nl-paragraph gremium-muted">
                Stukken:{" "}
                {item.papers.map((paper, index) => (
                  <span key={paper.versionId}>
                    {index ? ", " : ""}
                    <Link className="nl-link" to={`/stukken/${paper.versionId}`}>
                      {paper.title}
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
