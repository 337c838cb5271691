import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AgendaItemFields } from "~/components/agenda-item-fields";
import { Alert, SavedStatus } from "~/components/alert";
import { OfferedItems } from "~/components/offered-items";
import { DragHandle, ReorderAnnouncements, useAgendaReorder } from "~/components/agenda-reorder";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { forbidden, notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { formatDay } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { agendaSectionLabels, agendaSections, topicPurposeLabels } from "~/lib/vocabulary";
import { addAgendaItem, moveAgendaItem, moveAgendaItemToSection, placeAgendaItem } from "~/models/agenda.server";
import { acceptHandoff, listProposedHandoffs } from "~/models/handoffs.server";
import { getMeeting } from "~/models/meetings.server";
import { listDocumentsForMeeting } from "~/models/documents.server";
import { CONFIDENTIAL_MARK } from "~/lib/confidential";
import { listTopicsForMeeting, takeTopicOntoAgenda } from "~/models/planning.server";
import { addItemSchema, moveItemSchema, moveItemToSectionSchema, placeItemSchema } from "~/schemas/meetings";
import { pageRoute } from "~/lib/responses.server";

const acceptHandoffSchema = z.object({
  intent: z.literal("accept-handoff"),
  handoffId: z.coerce.number().int().positive(),
});
const takeTopicSchema = z.object({
  intent: z.literal("take-topic"),
  topicId: z.coerce.number().int().positive(),
});
const schema = z.discriminatedUnion("intent", [
  addItemSchema,
  moveItemSchema,
  moveItemToSectionSchema,
  placeItemSchema,
  acceptHandoffSchema,
  takeTopicSchema,
]);

export const meta: MetaFunction = () => [{ title: "Agenda bewerken · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const meeting = getMeeting({ viewer, id: requireIdParam(params.id) });
  if (!meeting) notFound("Deze vergadering bestaat niet.");
  if (!meeting.canManage) forbidden("Alleen het secretariaat van dit gremium bewerkt deze agenda.");
  return {
    meeting,
    proposed: listProposedHandoffs({ viewer, bodyId: meeting.bodyId }),
    planned: listTopicsForMeeting({ viewer, meetingId: meeting.id }),
    // Each item shows its papers inline, so the agenda is checked without opening every item.
    papers: listDocumentsForMeeting({ viewer, meetingId: meeting.id }).map(({ current }) => ({
      agendaItemId: current.agendaItemId,
      versionId: current.versionId,
      title: current.title,
      isConfidential: current.isConfidential,
    })),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema });
  const intent = String(submission.payload.intent ?? "");
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), done: null }, unfinishedStatus(submission));
  const input = submission.value;
  try {
    if (input.intent === "add") {
      addAgendaItem({ viewer, meetingId, input });
      return {
        intent,
        result: submission.reply({ resetForm: true }),
        done: `Agendapunt ‘${input.subject}’ is toegevoegd.`,
      };
    }
    if (input.intent === "accept-handoff") {
      acceptHandoff({ viewer, handoffId: input.handoffId, meetingId });
      return { intent, result: submission.reply(), done: "Het doorgezette punt staat nu onder B Bespreekstukken." };
    }
    if (input.intent === "take-topic") {
      takeTopicOntoAgenda({ viewer, topicId: input.topicId });
      return { intent, result: submission.reply(), done: "Het geplande onderwerp staat nu op de agenda." };
    }
    if (input.intent === "place") {
      placeAgendaItem({ viewer, id: input.itemId, section: input.section, index: input.index });
      return { intent, result: submission.reply(), done: null };
    }
    if (input.intent === "move") {
      moveAgendaItem({ viewer, id: input.itemId, direction: input.direction });
      return { intent, result: submission.reply(), done: null };
    }
    moveAgendaItemToSection({ viewer, id: input.itemId, section: input.section });
    return {
      intent,
      result: submission.reply(),
      done: `Het agendapunt staat nu in ${agendaSectionLabels[input.section]}.`,
    };
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ intent, result: reply.data, done: null }, { status: reply.init?.status ?? 400 });
  }
});

export default function EditAgenda() {
  const { meeting, proposed, planned, papers } = useLoaderData<typeof loader>();
  const lastAction = useActionData<typeof action>();
  const [addForm, addFields] = useForm({
    id: "add",
    lastResult: lastAction?.intent === "add" ? lastAction.result : undefined,
    defaultValue: { section: "B" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  const reorder = useAgendaReorder(meeting.sections);
  const itemsById = new Map(meeting.sections.flatMap(({ items }) => items.map((item) => [item.id, item])));
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Agenda bewerken</h1>
      <p className="nl-paragraph">
        {meetingLabel}.{" "}
        {meeting.publishedAt
          ? "De agenda is gepubliceerd: elke wijziging wordt bij het punt gemeld."
          : "De agenda is nog een concept."}
      </p>
      <SavedStatus message={lastAction?.done} />
      {lastAction && lastAction.intent !== "add" && lastAction.result.error?.[""] ? (
        <Alert type="error">
          <p className="nl-paragraph">{lastAction.result.error[""]?.join(" ")}</p>
        </Alert>
      ) : null}

      <ReorderAnnouncements scripted={reorder.scripted} message={reorder.message} />
      {reorder.order
        .map(([section, ids]) => ({ section, items: ids.map((id) => itemsById.get(id)!) }))
        .map(({ section, items }) => (
          <section key={section} aria-labelledby={`rubriek-${section}`}>
            <h2 className="nl-heading nl-heading--level-2" id={`rubriek-${section}`}>
              {agendaSectionLabels[section]}
            </h2>
            {items.length === 0 ? <p className="nl-paragraph gremium-muted">Nog geen punten.</p> : null}
            <ol className="gremium-agenda-editor" {...reorder.sectionProps(section)}>
              {items.map((item, index) => {
                const label = `${item.number} ${item.subject}`;
                return (
                  <li
                    key={item.id}
                    className={`gremium-agenda-editor__item${reorder.grabbed === item.id ? " gremium-agenda-editor__item--grabbed" : ""}`}
                    {...reorder.itemProps(item.id, section)}
                  >
                    <div className="gremium-agenda-editor__title">
                      {reorder.scripted ? (
                        <DragHandle
                          id={item.id}
                          label={label}
                          grabbed={reorder.grabbed === item.id}
                          onKeyDown={reorder.onKeyDown(item.id)}
                        />
                      ) : null}
                      <span className="gremium-agenda__nr">{item.number}</span>
                      <span>
                        <strong>{item.subject}</strong>{" "}
                        {item.isConfidential ? <StatusBadge tone="warning">{CONFIDENTIAL_MARK}</StatusBadge> : null}
                        {item.changedAfterPublishAt ? (
                          <StatusBadge tone="warning">gewijzigd na publicatie</StatusBadge>
                        ) : null}
                      </span>
                    </div>
                    {item.proposalHtml || papers.some((p) => p.agendaItemId === item.id) ? (
                      <div className="gremium-agenda-editor__content">
                        {item.proposalHtml ? (
                          <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: item.proposalHtml }} />
                        ) : null}
                        {papers.some((p) => p.agendaItemId === item.id) ? (
                          <ul className="gremium-item-documents" aria-label={`Stukken bij ${label}`}>
                            {papers
                              .filter((p) => p.agendaItemId === item.id)
                              .map((p) => (
                                <li key={p.versionId}>
                                  <a className="nl-link" href={`/stukken/${p.versionId}`}>
                                    {p.title}
                                  </a>
                                  {p.isConfidential ? (
                                    <span className="gremium-muted"> ({CONFIDENTIAL_MARK})</span>
                                  ) : null}
                                </li>
                              ))}
                          </ul>
                        ) : null}
                      </div>
                    ) : null}
                    <div className="gremium-agenda-editor__tools">
                      <Link className="nl-link" to={`/vergaderingen/${meeting.id}/agenda/${item.id}`}>
                        Bewerken<span className="gremium-visually-hidden"> {label}</span>
                      </Link>
                      <Link className="nl-link" to={`/vergaderingen/${meeting.id}/agenda/${item.id}/stukken`}>
                        Stukken<span className="gremium-visually-hidden"> bij {label}</span>
                      </Link>
                      <Form method="post">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="itemId" value={item.id} />
                        <input type="hidden" name="direction" value="up" />
                        <button
                          type="submit"
                          className="nl-button"
                          disabled={index === 0}
                          aria-label={`${label} omhoog`}
                        >
                          <span className="nl-button__label" aria-hidden="true">
                            ↑ Omhoog
                          </span>
                        </button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="itemId" value={item.id} />
                        <input type="hidden" name="direction" value="down" />
                        <button
                          type="submit"
                          className="nl-button"
                          disabled={index === items.length - 1}
                          aria-label={`${label} omlaag`}
                        >
                          <span className="nl-button__label" aria-hidden="true">
                            ↓ Omlaag
                          </span>
                        </button>
                      </Form>
                      <Form method="post" className="gremium-inline-form">
                        <input type="hidden" name="intent" value="move-to-section" />
                        <input type="hidden" name="itemId" value={item.id} />
                        <label className="gremium-visually-hidden" htmlFor={`rubriek-voor-${item.id}`}>
                          Rubriek voor {label}
                        </label>
                        <select
                          id={`rubriek-voor-${item.id}`}
                          name="section"
                          defaultValue={section}
                          className="utrecht-select utrecht-select--html-select gremium-select-compact"
                        >
                          {agendaSections.map((s) => (
                            <option key={s} value={s}>
                              {agendaSectionLabels[s]}
                            </option>
                          ))}
                        </select>
                        <button
                          type="submit"
                          className="nl-button"
                          aria-label={`${label} naar gekozen rubriek verplaatsen`}
                        >
                          <span className="nl-button__label" aria-hidden="true">
                            Verplaatsen
                          </span>
                        </button>
                      </Form>
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}

      <OfferedItems
        id="gepland"
        heading="Gepland op de bestuursagenda"
        intent="take-topic"
        idName="topicId"
        items={planned.map((topic) => ({
          id: topic.id,
          subject: topic.subject,
          detail: `${topicPurposeLabels[topic.purpose].toLowerCase()}${topic.ownerName ? `, ${topic.ownerName}` : ""}`,
        }))}
      />
      <OfferedItems
        id="voorgesteld"
        heading="Doorgezet door andere gremia"
        intent="accept-handoff"
        idName="handoffId"
        items={proposed.map((handoff) => ({
          id: handoff.id,
          subject: handoff.subject,
          detail: `van ${handoff.fromBodyName}, ${formatDay(handoff.fromStartsAt)}`,
        }))}
      />

      <section aria-labelledby="toevoegen" className="gremium-form">
        <h2 className="nl-heading nl-heading--level-2" id="toevoegen">
          Agendapunt toevoegen
        </h2>
        <FormErrors form={addForm} />
        <Form method="post" {...getFormProps(addForm)}>
          <input type="hidden" name="intent" value="add" />
          <AgendaItemFields fields={addFields} />
          <div className="gremium-form-actions">
            <Button variant="primary">Agendapunt toevoegen</Button>
          </div>
        </Form>
      </section>
      <p className="nl-paragraph">
        <Link className="nl-link" to={`/vergaderingen/${meeting.id}`}>
          Terug naar de vergadering
        </Link>
      </p>
    </>
  );
}
