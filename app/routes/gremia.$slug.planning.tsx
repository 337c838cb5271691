import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, CheckboxField, FormErrors, SelectField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { StatusBadge } from "~/components/status-badge";
import { notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { formatDay } from "~/lib/format";
import { originValue } from "~/lib/topic-origin";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { decisionOutcomeLabels, topicPurposeLabels, topicPurposes } from "~/lib/vocabulary";
import { getBodyBySlug } from "~/models/bodies.server";
import { addTopic, getPlanning, removeTopic, takeTopicOntoAgenda, updateTopic } from "~/models/planning.server";
import { optionalId, optionalText, requiredText } from "~/schemas/fields";

const topicFields = {
  subject: requiredText("het onderwerp", 300),
  purpose: z.enum(topicPurposes, { message: "Kies het doel." }),
  ownerName: optionalText(200),
  meetingId: optionalId,
  quarter: optionalText(10),
  origin: optionalText(40),
  isConfidential: z.boolean().default(false),
};
const topicSchema = z.object({ intent: z.literal("add"), ...topicFields });
const editSchema = z.object({
  intent: z.literal("edit"),
  topicId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  ...topicFields,
});
const stepSchema = z.object({ intent: z.enum(["remove", "take"]), topicId: z.coerce.number().int().positive() });
const schema = z.discriminatedUnion("intent", [topicSchema, editSchema, stepSchema]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Bestuursagenda ${data.body.name} · Gremium` : "Bestuursagenda · Gremium" },
];

function findBody(viewer: ReturnType<typeof getViewer>, slug: string | undefined) {
  const body = getBodyBySlug({ viewer, slug: slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  return body;
}

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const body = findBody(viewer, params.slug);
  const thisYear = new Date().getUTCFullYear();
  return {
    body: { id: body.id, name: body.name, slug: body.slug },
    ...getPlanning({ viewer, bodyId: body.id }),
    years: [thisYear, thisYear + 1],
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const body = findBody(viewer, params.slug);
  const submission = parseWithZod(await request.formData(), { schema });
  const intent = String(submission.payload.intent ?? "add");
  const formKey = intent === "edit" ? `edit-${String(submission.payload.topicId)}` : intent;
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  const input = submission.value;
  try {
    if (input.intent === "add" || input.intent === "edit") {
      const topic = {
        subject: input.subject,
        purpose: input.purpose,
        ownerName: input.ownerName || null,
        meetingId: input.meetingId ?? null,
        quarter: input.quarter || null,
        origin: input.origin || null,
        isConfidential: input.isConfidential,
      };
      if (input.intent === "add") addTopic({ viewer, bodyId: body.id, input: topic });
      else updateTopic({ viewer, id: input.topicId, expectedVersion: input.version, input: topic });
    } else if (input.intent === "take") takeTopicOntoAgenda({ viewer, topicId: input.topicId });
    else removeTopic({ viewer, id: input.topicId });
    return redirect(`/gremia/${body.slug}/planning?gedaan=${input.intent}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Topic = LoaderData["byQuarter"][number];

function TopicLine({
  topic,
  canManage,
  meetingOpen,
  meetings,
  origins,
}: {
  topic: Topic;
  canManage: boolean;
  meetingOpen: boolean;
  meetings: LoaderData["meetingChoices"];
  origins: LoaderData["origins"];
}) {
  return (
    <li id={`onderwerp-${topic.id}`}>
      <span className="gremium-meetings__date">{topic.subject}</span>
      <span>
        {topicPurposeLabels[topic.purpose]}
        {topic.ownerName ? ` · ${topic.ownerName}` : ""}
        {topic.quarter && !topic.meetingId ? ` · ${topic.quarter.replace("-", " ")}` : ""}{" "}
        {topic.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
        {topic.agendaItemId && topic.itemMeetingId ? (
          <>
            {" "}
            <Link className="nl-link" to={`/vergaderingen/${topic.itemMeetingId}`}>
              op de agenda
            </Link>
          </>
        ) : null}
        {topic.decisions.map((decision) => (
          <span key={decision.reference}>
            {" · besluit "}
            <Link className="nl-link" to={`/besluiten/${decision.reference}`}>
              {decision.reference}
            </Link>{" "}
            ({decisionOutcomeLabels[decision.outcome].toLowerCase()})
          </span>
        ))}
      </span>
      {topic.origin ? (
        <span className="gremium-muted">
          Herkomst:{" "}
          {topic.origin.href ? (
            <Link className="nl-link" to={topic.origin.href}>
              {topic.origin.label}
            </Link>
          ) : (
            topic.origin.label
          )}
        </span>
      ) : null}
      {canManage ? (
        <span className="gremium-buttons">
          {topic.meetingId && !topic.agendaItemId && meetingOpen ? (
            <Form method="post" className="gremium-inline-form">
              <input type="hidden" name="intent" value="take" />
              <input type="hidden" name="topicId" value={topic.id} />
              <Button>Op de agenda zetten</Button>
            </Form>
          ) : null}
          <Form method="post" className="gremium-inline-form">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="topicId" value={topic.id} />
            <Button variant="danger">Van de planning halen</Button>
          </Form>
        </span>
      ) : null}
      {canManage && origins ? <EditTopic topic={topic} meetings={meetings} origins={origins} /> : null}
    </li>
  );
}

function TopicFields({
  fields,
  meetings,
  origins,
  current,
}: {
  fields: ReturnType<typeof useKeyedForm>[1];
  meetings: LoaderData["meetingChoices"];
  origins: NonNullable<LoaderData["origins"]>;
  current?: Topic;
}) {
  // The current origin stays choosable even once it left the list (a goal reached, a handoff accepted).
  const originOptions =
    current?.origin && !origins.some((o) => o.value === originValue(current))
      ? [{ value: originValue(current), label: current.origin.label }, ...origins]
      : origins;
  return (
    <>
      <TextField field={fields.subject!} label="Onderwerp" />
      <SelectField
        field={fields.purpose!}
        label="Doel"
        options={topicPurposes.map((p) => ({ value: p, label: topicPurposeLabels[p] }))}
      />
      <TextField field={fields.ownerName!} label="Eigenaar" optional />
      <SelectField
        field={fields.meetingId!}
        label="Vergadering"
        optional
        placeholder="Nog niet bekend"
        description="Eerst de komende vergaderingen, daarna eerdere."
        options={meetings.map((m) => ({ value: m.id, label: `${formatDay(m.startsAt)}${m.past ? " (geweest)" : ""}` }))}
      />
      <TextField
        field={fields.quarter!}
        label="Of het kwartaal"
        optional
        description="Bijvoorbeeld 2027-K1; een eerder kwartaal mag ook."
      />
      <SelectField
        field={fields.origin!}
        label="Herkomst"
        optional
        placeholder="Vrij onderwerp"
        description="Een doel uit een jaarplan, een lopende actie of een punt dat een ander gremium heeft overgedragen."
        options={originOptions}
      />
      <CheckboxField
        field={fields.isConfidential!}
        label="Besloten onderwerp"
        description="Alleen zichtbaar voor de leden."
      />
    </>
  );
}

function EditTopic({
  topic,
  meetings,
  origins,
}: {
  topic: Topic;
  meetings: LoaderData["meetingChoices"];
  origins: NonNullable<LoaderData["origins"]>;
}) {
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const formKey = `edit-${topic.id}`;
  const [form, fields] = useKeyedForm(validateWith(editSchema), formKey, lastReply, {
    defaultValue: {
      intent: "edit",
      topicId: String(topic.id),
      version: String(topic.version),
      subject: topic.subject,
      purpose: topic.purpose,
      ownerName: topic.ownerName ?? "",
      meetingId: topic.meetingId ? String(topic.meetingId) : "",
      quarter: topic.quarter ?? "",
      origin: originValue(topic),
      isConfidential: topic.isConfidential ? "on" : undefined,
    },
  });
  return (
    <details className="gremium-record" open={lastReply?.formKey === formKey}>
      <summary>Wijzigen</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="topicId" value={topic.id} />
        <input type="hidden" name="version" value={topic.version} />
        <TopicFields fields={fields} meetings={meetings} origins={origins} current={topic} />
        <Button variant="primary">Wijziging opslaan</Button>
      </Form>
    </details>
  );
}

function AddTopic({
  meetings,
  origins,
}: {
  meetings: LoaderData["meetingChoices"];
  origins: NonNullable<LoaderData["origins"]>;
}) {
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const [form, fields] = useKeyedForm(validateWith(topicSchema), "add", lastReply, {
    defaultValue: { intent: "add", purpose: "bespreking" },
  });
  return (
    <details className="gremium-record" open={lastReply?.formKey === "add"}>
      <summary>Nieuw onderwerp plannen</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="add" />
        <TopicFields fields={fields} meetings={meetings} origins={origins} />
        <Button variant="primary">Onderwerp plannen</Button>
      </Form>
    </details>
  );
}

/** A titled list of topics, left out when there are none. */
function TopicSection({
  id,
  title,
  topics,
  canManage,
  meetings,
  origins,
}: {
  id: string;
  title: string;
  topics: Topic[];
  canManage: boolean;
  meetings: LoaderData["meetingChoices"];
  origins: LoaderData["origins"];
}) {
  if (topics.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 className="nl-heading nl-heading--level-2" id={id}>
        {title}
      </h2>
      <ul className="gremium-meetings">
        {topics.map((t) => (
          <TopicLine
            key={t.id}
            topic={t}
            canManage={canManage}
            meetingOpen={false}
            meetings={meetings}
            origins={origins}
          />
        ))}
      </ul>
    </section>
  );
}

export default function Planning() {
  const { body, canManage, meetings, meetingChoices, byQuarter, overdue, handled, expectedPlans, origins, years } =
    useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const lists = { meetings: meetingChoices, origins };
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/gremia", label: "Gremia" },
          { to: `/gremia/${body.slug}`, label: body.name },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Bestuursagenda {body.name}</h1>
      {searchParams.get("gedaan") ? <Alert type="ok">De planning is bijgewerkt.</Alert> : null}
      <p className="nl-paragraph">De onderwerpen die de komende vergaderingen aan bod komen.</p>
      {overdue.length > 0 ? (
        <Alert type="warning">
          <strong>Over de datum:</strong> deze onderwerpen waren gepland voor een vergadering die al is geweest:{" "}
          {overdue.map((t) => t.subject).join(", ")}.
        </Alert>
      ) : null}
      <ul className="gremium-pager">
        {years.map((year) => (
          <li key={year}>
            <a className="nl-link" href={`/gremia/${body.slug}/planning.docx?jaar=${year}`} download>
              Bestuursagenda {year} als Word-bestand
            </a>
          </li>
        ))}
      </ul>
      {canManage && origins ? <AddTopic meetings={meetingChoices} origins={origins} /> : null}
      {meetings.map((meeting) => (
        <section key={meeting.id} aria-labelledby={`vergadering-${meeting.id}`}>
          <h2 className="nl-heading nl-heading--level-2" id={`vergadering-${meeting.id}`}>
            <Link className="nl-link" to={`/vergaderingen/${meeting.id}`}>
              {formatDay(meeting.startsAt)}
            </Link>
          </h2>
          {meeting.topics.length === 0 ? (
            <p className="nl-paragraph gremium-muted">Nog geen onderwerpen gepland.</p>
          ) : (
            <ul className="gremium-meetings">
              {meeting.topics.map((t) => (
                <TopicLine
                  key={t.id}
                  topic={t}
                  canManage={canManage}
                  meetingOpen
                  meetings={meetingChoices}
                  origins={origins}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
      <TopicSection id="later" title="Later, per kwartaal" topics={byQuarter} canManage={canManage} {...lists} />
      <TopicSection id="behandeld" title="Behandeld" topics={handled} canManage={false} {...lists} />
      {expectedPlans.length > 0 ? (
        <section aria-labelledby="jaarplannen">
          <h2 className="nl-heading nl-heading--level-2" id="jaarplannen">
            Verwacht ter instemming: jaarplannen
          </h2>
          <ul>
            {expectedPlans.map((p) => (
              <li key={p.id}>
                <Link className="nl-link" to={`/jaarplannen/${p.id}`}>
                  {p.title}
                </Link>{" "}
                ({p.bodyName})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
