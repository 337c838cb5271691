import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, CheckboxField, FormErrors, SelectField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { StatusBadge } from "~/components/status-badge";
import { notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { formatDay } from "~/lib/format";
import { replyToModelError } from "~/lib/form-reply.server";
import { topicPurposeLabels, topicPurposes } from "~/lib/vocabulary";
import { getBodyBySlug } from "~/models/bodies.server";
import { addTopic, getPlanning, removeTopic, takeTopicOntoAgenda } from "~/models/planning.server";
import { optionalId, optionalText, requiredText } from "~/schemas/fields";

const topicSchema = z.object({
  intent: z.literal("add"),
  subject: requiredText("het onderwerp", 300),
  purpose: z.enum(topicPurposes, { message: "Kies het doel." }),
  ownerName: optionalText(200),
  meetingId: optionalId,
  quarter: optionalText(10),
  isConfidential: z.boolean().default(false),
});
const stepSchema = z.object({ intent: z.enum(["remove", "take"]), topicId: z.coerce.number().int().positive() });
const schema = z.discriminatedUnion("intent", [topicSchema, stepSchema]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Bestuursagenda ${data.body.name} · Gremium` : "Bestuursagenda · Gremium" },
];

function findBody(viewer: ReturnType<typeof getViewer>, slug: string | undefined) {
  const body = getBodyBySlug({ viewer, slug: slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  return body;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = getViewer(request);
  const body = findBody(viewer, params.slug);
  return { body: { id: body.id, name: body.name, slug: body.slug }, ...getPlanning({ viewer, bodyId: body.id }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireUser(request);
  const body = findBody(viewer, params.slug);
  const submission = parseWithZod(await request.formData(), { schema });
  const formKey = String(submission.payload.intent ?? "add");
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply() } satisfies KeyedReply, { status: 400 });
  const input = submission.value;
  try {
    if (input.intent === "add")
      addTopic({
        viewer,
        bodyId: body.id,
        input: {
          subject: input.subject,
          purpose: input.purpose,
          ownerName: input.ownerName || null,
          meetingId: input.meetingId ?? null,
          quarter: input.quarter || null,
          isConfidential: input.isConfidential,
        },
      });
    else if (input.intent === "take") takeTopicOntoAgenda({ viewer, topicId: input.topicId });
    else removeTopic({ viewer, id: input.topicId });
    return redirect(`/gremia/${body.slug}/planning?gedaan=${input.intent}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Topic = LoaderData["byQuarter"][number];

function TopicLine({ topic, canManage, meetingOpen }: { topic: Topic; canManage: boolean; meetingOpen: boolean }) {
  return (
    <li>
      <span className="gremium-meetings__date">{topic.subject}</span>
      <span>
        {topicPurposeLabels[topic.purpose]}
        {topic.ownerName ? ` · ${topic.ownerName}` : ""}
        {topic.quarter && !topic.meetingId ? ` · ${topic.quarter.replace("-", " ")}` : ""}{" "}
        {topic.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
        {topic.agendaItemId ? <StatusBadge tone="safe">op de agenda</StatusBadge> : null}
      </span>
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
    </li>
  );
}

function AddTopic({ meetings }: { meetings: LoaderData["meetings"] }) {
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const [form, fields] = useKeyedForm(topicSchema, "add", lastReply, {
    defaultValue: { intent: "add", purpose: "bespreking" },
  });
  return (
    <details className="gremium-record" open={lastReply?.formKey === "add"}>
      <summary>Nieuw onderwerp plannen</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="add" />
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
          options={meetings.map((m) => ({ value: m.id, label: formatDay(m.startsAt) }))}
        />
        <TextField field={fields.quarter!} label="Of het kwartaal" optional description="Bijvoorbeeld 2027-K1." />
        <CheckboxField
          field={fields.isConfidential!}
          label="Besloten onderwerp"
          description="Alleen zichtbaar voor de leden."
        />
        <Button variant="primary">Onderwerp plannen</Button>
      </Form>
    </details>
  );
}

export default function Planning() {
  const { body, canManage, meetings, byQuarter, overdue, expectedPlans } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
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
      {canManage ? <AddTopic meetings={meetings} /> : null}
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
                <TopicLine key={t.id} topic={t} canManage={canManage} meetingOpen />
              ))}
            </ul>
          )}
        </section>
      ))}
      {byQuarter.length > 0 ? (
        <section aria-labelledby="later">
          <h2 className="nl-heading nl-heading--level-2" id="later">
            Later, per kwartaal
          </h2>
          <ul className="gremium-meetings">
            {byQuarter.map((t) => (
              <TopicLine key={t.id} topic={t} canManage={canManage} meetingOpen={false} />
            ))}
          </ul>
        </section>
      ) : null}
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
