import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors } from "~/components/form";
import { ObjectiveFields } from "~/components/programme-fields";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { ObjectiveStatusBadge } from "~/components/objective-status";
import { ObjectiveTimeline, TimelineTable } from "~/components/objective-timeline";
import { notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { formatDate, formatDay } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { addObjective, getProgrammeDashboard, getProgrammeFormOptions } from "~/models/programmes.server";
import { objectiveSchema } from "~/schemas/programmes";
import { focusYears, objectiveLabel } from "~/lib/objective-number";
import { termOf } from "~/lib/objective-term";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.programme.title} · Gremium` : "Programma niet gevonden · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const dashboard = getProgrammeDashboard({ viewer, slug: params.slug ?? "" });
  if (!dashboard) notFound("Dit programma bestaat niet.");
  return {
    ...dashboard,
    people: dashboard.canManage ? getProgrammeFormOptions({ viewer }).people : [],
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const dashboard = getProgrammeDashboard({ viewer, slug: params.slug ?? "" });
  if (!dashboard) notFound("Dit programma bestaat niet.");
  const submission = parseWithZod(await request.formData(), { schema: objectiveSchema });
  if (submission.status !== "success")
    return data(
      { formKey: "objective", result: submission.reply() } satisfies KeyedReply,
      unfinishedStatus(submission),
    );
  try {
    const created = addObjective({
      viewer,
      programmeId: dashboard.programme.id,
      input: {
        ...submission.value,
        leadPersonId: submission.value.leadPersonId ?? null,
        focus: submission.value.focus || null,
        focusFromYear: submission.value.focusFromYear ?? null,
        focusToYear: submission.value.focusToYear ?? null,
      },
    });
    return redirect(`/programmas/${dashboard.programme.slug}/${objectiveLabel(created)}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey: "objective", result: reply.data } satisfies KeyedReply, {
      status: reply.init?.status ?? 400,
    });
  }
});

function NewObjective({ people, term }: { people: { id: number; name: string }[]; term: ReturnType<typeof termOf> }) {
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const [form, fields] = useKeyedForm(validateWith(objectiveSchema), "objective", lastReply, {
    defaultValue: { intent: "objective" },
  });
  return (
    <details className="gremium-record" open={Boolean(lastReply?.result.error)}>
      <summary>{term.singularTitle} toevoegen</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="objective" />
        <ObjectiveFields fields={fields} people={people} titleLabel={`Titel van de ${term.singular}`} />
        <Button>{term.singularTitle} toevoegen</Button>
      </Form>
    </details>
  );
}

export default function ProgrammeDashboard() {
  const { programme, predecessor, successor, canManage, objectives, people } = useLoaderData<typeof loader>();
  const term = termOf(programme);
  return (
    <>
      <Breadcrumb items={[{ to: "/programmas", label: "Programma's" }]} />
      <h1 className="nl-heading nl-heading--level-1">{programme.title}</h1>
      <p className="nl-paragraph">
        {formatDate(programme.startsOn)} – {programme.endsOn ? formatDate(programme.endsOn) : "doorlopend"} · eigenaar{" "}
        <Link className="nl-link" to={`/gremia/${programme.ownerBodySlug}`}>
          {programme.ownerBodyName}
        </Link>
        {predecessor ? (
          <>
            {" "}
            · volgt op{" "}
            <Link className="nl-link" to={`/programmas/${predecessor.slug}`}>
              {predecessor.title}
            </Link>
          </>
        ) : null}
        {successor ? (
          <>
            {" "}
            · opgevolgd door{" "}
            <Link className="nl-link" to={`/programmas/${successor.slug}`}>
              {successor.title}
            </Link>
          </>
        ) : null}
      </p>
      {programme.descriptionHtml ? (
        <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: programme.descriptionHtml }} />
      ) : null}
      {canManage ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to={`/programmas/${programme.slug}/bewerken`}>
            Programma wijzigen
          </Link>
        </p>
      ) : null}

      <h2 className="nl-heading nl-heading--level-2">{term.pluralTitle}</h2>
      {objectives.length === 0 ? <p className="nl-paragraph">Dit programma heeft nog geen {term.plural}.</p> : null}
      <ol className="gremium-objectives">
        {objectives.map((o) => (
          <li key={o.id} aria-labelledby={`onderdeel-${objectiveLabel(o)}`}>
            <h3 className="nl-heading nl-heading--level-3" id={`onderdeel-${objectiveLabel(o)}`}>
              <Link className="nl-link" to={`/programmas/${programme.slug}/${objectiveLabel(o)}`}>
                {objectiveLabel(o)}. {o.title}
              </Link>
            </h3>
            <p className="nl-paragraph">
              <ObjectiveStatusBadge status={o.status} />
              {o.statusOn ? <span className="gremium-muted"> sinds {formatDate(o.statusOn)}</span> : null}
              {focusYears(o) ? <span className="gremium-muted"> · focus {focusYears(o)}</span> : null}
              {o.leadName ? <span className="gremium-muted"> · trekker {o.leadName}</span> : null}
            </p>
            <dl>
              <div>
                <dt>Besluiten</dt>
                <dd>{o.figures.decisions}</dd>
              </div>
              <div>
                <dt>Acties lopend</dt>
                <dd>{o.figures.open}</dd>
              </div>
              <div>
                <dt>Over de termijn</dt>
                <dd>{o.figures.overdue}</dd>
              </div>
              <div>
                <dt>Afgerond</dt>
                <dd>
                  {o.figures.closed}
                  {o.figures.share !== null ? ` (${o.figures.share}%)` : ""}
                </dd>
              </div>
              <div>
                <dt>Laatste activiteit</dt>
                <dd>{o.lastActivity ? formatDay(o.lastActivity) : "—"}</dd>
              </div>
            </dl>
            <ObjectiveTimeline
              id={`tijdlijn-${objectiveLabel(o)}`}
              title={`Besluiten en afgeronde acties per kwartaal bij ${term.singular} ${objectiveLabel(o)}`}
              quarters={o.timeline}
            />
            <TimelineTable caption={`Per kwartaal, ${term.singular} ${objectiveLabel(o)}`} quarters={o.timeline} />
          </li>
        ))}
      </ol>
      <p className="gremium-muted">
        Donkerblauw: besluiten; groen: afgeronde acties. U ziet alleen wat u mag zien; besloten besluiten tellen alleen
        mee voor de leden van het gremium.
      </p>
      {canManage ? <NewObjective people={people} term={term} /> : null}
    </>
  );
}
