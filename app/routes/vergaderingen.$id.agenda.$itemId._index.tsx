import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AgendaItemFields } from "~/components/agenda-item-fields";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors } from "~/components/form";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { amsterdamDateAndTime, formatDay } from "~/lib/format";
import { loadGoalLinks, saveGoalLinks } from "~/lib/goal-links-route.server";
import { GoalLinksForm, GoalLinksList } from "~/components/goal-links-form";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { agendaSectionLabels, type AgendaSection } from "~/lib/vocabulary";
import { getAgendaItemForEdit, removeAgendaItem, updateAgendaItem } from "~/models/agenda.server";
import { getHandoffOptions, proposeHandoff } from "~/models/handoffs.server";
import { ConflictError } from "~/models/errors";
import { getMeeting } from "~/models/meetings.server";
import { editItemSchema, removeItemSchema } from "~/schemas/meetings";
import { listDocumentsForItem } from "~/models/documents.server";
import { countOf, type ConfirmationText } from "~/lib/confirmation";
import { askConfirmation, isConfirmed } from "~/lib/confirmation.server";
import { ConfirmForm, ConfirmationStep, pendingConfirmation } from "~/components/confirm";

function removeItemText(number: string, subject: string, papers: number): ConfirmationText {
  return {
    title: `Agendapunt ${number} verwijderen?`,
    question: `‘${subject}’ verdwijnt van de agenda${papers > 0 ? `, met ${papers === 1 ? "het stuk" : `de ${countOf(papers, "stuk", "stukken")}`} erbij` : ""}; de nummers van de volgende punten schuiven op. Dit kunt u niet ongedaan maken.`,
    confirmLabel: `Agendapunt ${number} verwijderen`,
    danger: true,
  };
}

function removeItemTextFor(
  viewer: Parameters<typeof getAgendaItemForEdit>[0]["viewer"],
  meetingId: number,
  itemId: number,
) {
  const item = getAgendaItemForEdit({ viewer, meetingId, id: itemId });
  if (!item) return null;
  return removeItemText(
    item.number,
    item.subject,
    listDocumentsForItem({ viewer, agendaItemId: item.id }).documents.length,
  );
}

const handoffSchema = z.object({
  intent: z.literal("handoff"),
  toBodyId: z.coerce.number({ message: "Kies een gremium." }).int().positive("Kies een gremium."),
});
const schema = z.discriminatedUnion("intent", [
  editItemSchema.extend({ intent: z.literal("save") }),
  removeItemSchema,
  handoffSchema,
]);

export const meta: MetaFunction = () => [{ title: "Agendapunt bewerken · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const meeting = getMeeting({ viewer, id: meetingId });
  if (!meeting) notFound("Deze vergadering bestaat niet.");
  const item = getAgendaItemForEdit({ viewer, meetingId, id: requireIdParam(params.itemId) });
  if (!item) notFound("Dit agendapunt bestaat niet (meer).");
  return {
    meeting: {
      id: meeting.id,
      bodyName: meeting.bodyName,
      startsAt: meeting.startsAt,
      publishedAt: meeting.publishedAt,
    },
    item,
    removal: removeItemTextFor(viewer, meetingId, item.id)!,
    handoff: getHandoffOptions({ viewer, agendaItemId: item.id }),
    ...loadGoalLinks(
      viewer,
      { kind: "agendaItem", id: item.id },
      Number(amsterdamDateAndTime(meeting.startsAt).date.slice(0, 4)),
    ),
  };
});

type ItemValues = {
  section: AgendaSection;
  subject: string;
  proposalMarkdown: string;
  presenter: string | null;
  plannedMinutes: number | null;
  isConfidential: boolean;
};
type Conflict = { saved: ItemValues & { version: number }; mine: ItemValues };

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const itemId = requireIdParam(params.itemId);
  const formData = await request.formData();
  if (formData.get("intent") === "links")
    return saveGoalLinks(
      viewer,
      { kind: "agendaItem", id: itemId },
      formData,
      `/vergaderingen/${meetingId}/agenda/${itemId}`,
    );
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), conflict: null as Conflict | null }, unfinishedStatus(submission));
  const input = submission.value;
  try {
    if (input.intent === "remove") {
      const text = isConfirmed(formData) ? null : removeItemTextFor(viewer, meetingId, itemId);
      if (text) return askConfirmation(formData, text);
      removeAgendaItem({ viewer, id: itemId });
      return redirect(`/vergaderingen/${meetingId}/agenda`);
    }
    if (input.intent === "handoff") {
      proposeHandoff({ viewer, agendaItemId: itemId, toBodyId: input.toBodyId });
      return redirect(`/vergaderingen/${meetingId}/agenda/${itemId}?doorgezet=1`);
    }
    updateAgendaItem({ viewer, id: itemId, expectedVersion: input.version, input });
    return redirect(`/vergaderingen/${meetingId}/agenda`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    const conflict =
      error instanceof ConflictError && input.intent === "save"
        ? {
            saved: error.saved as Conflict["saved"],
            mine: {
              section: input.section,
              subject: input.subject,
              proposalMarkdown: input.proposalMarkdown,
              presenter: input.presenter || null,
              plannedMinutes: input.plannedMinutes ?? null,
              isConfidential: input.isConfidential,
            },
          }
        : null;
    return data({ result: reply.data, conflict }, { status: reply.init?.status ?? 400 });
  }
});

const fieldLabels: Record<keyof ItemValues, string> = {
  section: "Rubriek",
  subject: "Onderwerp",
  proposalMarkdown: "Voorstel/advies",
  presenter: "Toelichting door",
  plannedMinutes: "Geplande minuten",
  isConfidential: "Besloten",
};

function show(field: keyof ItemValues, value: unknown) {
  if (field === "section") return agendaSectionLabels[value as AgendaSection];
  if (field === "isConfidential") return value ? "ja" : "nee";
  return value === null || value === "" ? "(leeg)" : String(value);
}

export default function EditAgendaItem() {
  const { meeting, item, handoff, goals, goalForm, removal } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const answer = useActionData<typeof action>();
  const confirmation = pendingConfirmation(answer);
  const actionData = answer && "result" in answer ? answer : undefined;
  const conflict = actionData?.conflict ?? null;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: {
      section: item.section,
      subject: item.subject,
      proposalMarkdown: item.proposalMarkdown,
      presenter: item.presenter ?? "",
      plannedMinutes: item.plannedMinutes ? String(item.plannedMinutes) : "",
      isConfidential: item.isConfidential ? "on" : "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  // Where the saved version and this person's version differ, field by field.
  const differences = conflict
    ? (Object.keys(fieldLabels) as (keyof ItemValues)[]).filter(
        (field) => JSON.stringify(conflict.saved[field] ?? null) !== JSON.stringify(conflict.mine[field] ?? null),
      )
    : [];
  const breadcrumb = (
    <Breadcrumb
      items={[
        { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
        { to: `/vergaderingen/${meeting.id}/agenda`, label: "Agenda bewerken" },
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
    <div className="gremium-form">
      {breadcrumb}
      <h1 className="nl-heading nl-heading--level-1">Agendapunt {item.number}</h1>
      {meeting.publishedAt ? (
        <p className="nl-paragraph">De agenda is gepubliceerd: deze wijziging wordt bij het punt gemeld.</p>
      ) : null}
      <FormErrors form={form} />
      {conflict && differences.length > 0 ? (
        <div className="utrecht-alert utrecht-alert--warning">
          <div className="utrecht-alert__message">
            <p className="nl-paragraph">Zo verschilt de opgeslagen versie van uw versie:</p>
            <dl className="gremium-diff">
              {differences.map((field) => (
                <div key={field}>
                  <dt>{fieldLabels[field]}</dt>
                  <dd>
                    opgeslagen: <del>{show(field, conflict.saved[field])}</del>
                    <br />
                    uw versie: <ins>{show(field, conflict.mine[field])}</ins>
                  </dd>
                </div>
              ))}
            </dl>
            <p className="nl-paragraph">Uw versie staat hieronder nog. Sla opnieuw op om haar toch te bewaren.</p>
          </div>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {/* After a conflict the form carries the saved version: saving again is a deliberate choice. */}
        <input type="hidden" name="version" value={conflict?.saved.version ?? item.version} />
        <AgendaItemFields fields={fields} />
        <div className="gremium-form-actions">
          <Button variant="primary">Agendapunt opslaan</Button>
          <Link className="nl-link" to={`/vergaderingen/${meeting.id}/agenda`}>
            Annuleren
          </Link>
        </div>
      </Form>
      <h2 className="nl-heading nl-heading--level-2">Stukken</h2>
      <p className="nl-paragraph">
        <Link className="nl-link" to={`/vergaderingen/${meeting.id}/agenda/${item.id}/stukken`}>
          Stukken bij agendapunt {item.number} toevoegen of vervangen
        </Link>
      </p>
      <h2 className="nl-heading nl-heading--level-2">Draagt bij aan</h2>
      <GoalLinksList links={goals} />
      {goalForm ? <GoalLinksForm options={goalForm.options} linked={goalForm.linked} /> : null}
      <h2 className="nl-heading nl-heading--level-2">Acties</h2>
      <p className="nl-paragraph">
        <Link className="nl-link" to={`/acties/nieuw?agendapunt=${item.id}`}>
          Actie toevoegen bij agendapunt {item.number}
        </Link>
        <span className="gremium-muted"> (een toezegging bij een besluit legt u vast bij het besluit)</span>
      </p>
      {handoff.targets.length > 0 || handoff.sent.length > 0 ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Doorzetten</h2>
          {searchParams.get("doorgezet") ? (
            <p className="nl-paragraph" role="status">
              Het punt is doorgezet; het secretariaat van dat gremium zet het op een agenda.
            </p>
          ) : null}
          {handoff.sent.length > 0 ? (
            <ul>
              {handoff.sent.map((h) => (
                <li key={h.toBodyName}>
                  Doorgezet naar {h.toBodyName}: {h.status === "voorgesteld" ? "nog niet geagendeerd" : "geagendeerd"}
                  {h.decisions.map((d) => (
                    <span key={d.reference}>
                      {" "}
                      — besluit{" "}
                      <Link className="nl-link" to={`/besluiten/${d.reference}`}>
                        {d.reference}
                      </Link>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          ) : null}
          {handoff.targets.length > 0 ? (
            <Form method="post" className="gremium-inline-form">
              <input type="hidden" name="intent" value="handoff" />
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor="toBodyId">
                  Doorzetten naar
                </label>
                <select id="toBodyId" name="toBodyId" className="utrecht-select utrecht-select--html-select">
                  {handoff.targets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </div>
              <Button>Doorzetten</Button>
            </Form>
          ) : null}
        </>
      ) : null}
      <h2 className="nl-heading nl-heading--level-2">Verwijderen</h2>
      <p className="nl-paragraph">Het punt verdwijnt van de agenda; de nummers van de volgende punten schuiven op.</p>
      <ConfirmForm
        fields={[
          ["intent", "remove"],
          ["itemId", item.id],
        ]}
        text={removal}
        variant="danger"
      >
        Agendapunt {item.number} verwijderen
      </ConfirmForm>
    </div>
  );
}
