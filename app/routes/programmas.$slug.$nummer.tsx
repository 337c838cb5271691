import { parseWithZod } from "@conform-to/zod/v4";
import { lazy, Suspense } from "react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ActionList } from "~/components/action-list";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import type { KeyedReply } from "~/components/keyed-form";
import { ObjectiveStatusBadge } from "~/components/objective-status";
import { StatusBadge } from "~/components/status-badge";
import { notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { formatDate, formatDay, todayIso } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { decisionOutcomeLabels, planGoalStatusLabels } from "~/lib/vocabulary";
import { objectiveLabel, parseObjectiveLabel, focusYears } from "~/lib/objective-number";
import { termOf } from "~/lib/objective-term";
import { getObjective, getProgrammeFormOptions, setObjectiveStatus, updateObjective } from "~/models/programmes.server";
import { editObjectiveSchema, objectiveStatusSchema } from "~/schemas/programmes";

const schema = z.discriminatedUnion("intent", [objectiveStatusSchema, editObjectiveSchema]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${termOf(data.programme).singularTitle} ${objectiveLabel(data.objective)}: ${data.objective.title} · ${data.programme.title} · Gremium`
      : "Niet gevonden · Gremium",
  },
];

function objectiveParam(param: string | undefined) {
  if (!param || !parseObjectiveLabel(param)) notFound("Dit onderdeel van het programma bestaat niet.");
  return param;
}

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = getViewer(request);
  const found = getObjective({ viewer, slug: params.slug ?? "", label: objectiveParam(params.nummer) });
  if (!found) notFound("Dit onderdeel van het programma bestaat niet.");
  return {
    ...found,
    people: found.canManage ? getProgrammeFormOptions({ viewer }).people : [],
    today: todayIso(),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const found = getObjective({ viewer, slug: params.slug ?? "", label: objectiveParam(params.nummer) });
  if (!found) notFound("Dit onderdeel van het programma bestaat niet.");
  const submission = parseWithZod(await request.formData(), { schema });
  const formKey = String(submission.payload.intent ?? "status");
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  const input = submission.value;
  try {
    if (input.intent === "status") {
      setObjectiveStatus({ viewer, id: found.objective.id, expectedVersion: input.version, ...input });
    } else {
      updateObjective({
        viewer,
        id: found.objective.id,
        expectedVersion: input.version,
        input: {
          title: input.title,
          descriptionMarkdown: input.descriptionMarkdown,
          leadPersonId: input.leadPersonId ?? null,
          focus: input.focus || null,
          focusFromYear: input.focusFromYear ?? null,
          focusToYear: input.focusToYear ?? null,
          label: input.label ?? null,
        },
      });
    }
    // A new number ("7a") moves the page: the objective is read again for its address.
    const label = input.intent === "edit" && input.label ? input.label.toLowerCase() : objectiveLabel(found.objective);
    return redirect(`/programmas/${found.programme.slug}/${label}?gedaan=${input.intent}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

// Only a programme's managers change an objective; their forms and form library load for them alone.
const ObjectiveForms = lazy(() => import("~/components/objective-forms"));

export default function ObjectivePage() {
  const {
    programme,
    objective,
    figures,
    decisions,
    actions,
    upcomingItems,
    planGoals,
    history,
    lastActivity,
    canManage,
    people,
    today,
  } = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const [searchParams] = useSearchParams();
  const done = searchParams.get("gedaan");
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/programmas", label: "Programma's" },
          { to: `/programmas/${programme.slug}`, label: programme.title },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">
        {termOf(programme).singularTitle} {objectiveLabel(objective)}: {objective.title}
      </h1>
      {done === "status" ? <Alert type="ok">De status is bijgewerkt.</Alert> : null}
      {done === "edit" ? <Alert type="ok">De {termOf(programme).singular} is gewijzigd.</Alert> : null}
      <p className="nl-paragraph">
        <ObjectiveStatusBadge status={objective.status} />
        {objective.statusOn ? <span className="gremium-muted"> sinds {formatDate(objective.statusOn)}</span> : null}
      </p>
      <dl className="gremium-meta">
        {objective.leadName ? (
          <>
            <dt>Trekker</dt>
            <dd>{objective.leadName}</dd>
          </>
        ) : null}
        {focusYears(objective) || objective.focus ? (
          <>
            <dt>Focus</dt>
            <dd>{[focusYears(objective), objective.focus].filter(Boolean).join(": ")}</dd>
          </>
        ) : null}
        <dt>Voortgang</dt>
        <dd>
          {figures.share === null
            ? "Nog geen acties gekoppeld."
            : `${figures.closed} van ${figures.counted} acties afgerond (${figures.share}%)`}
          {figures.overdue ? `, ${figures.overdue} over de termijn` : ""}
        </dd>
        <dt>Besluiten</dt>
        <dd>{figures.decisions}</dd>
        <dt>Laatste activiteit</dt>
        <dd>{lastActivity ? formatDay(lastActivity) : "—"}</dd>
      </dl>
      {objective.descriptionHtml ? (
        <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: objective.descriptionHtml }} />
      ) : null}
      <p className="nl-paragraph">
        <Link className="nl-link" to={`/besluiten?doel=${objective.id}`}>
          Deze besluiten in het besluitenregister
        </Link>{" "}
        ·{" "}
        <Link className="nl-link" to={`/acties?doel=${objective.id}&status=alle`}>
          Deze acties in het actieoverzicht
        </Link>
      </p>

      <h2 className="nl-heading nl-heading--level-2">Besluiten</h2>
      {decisions.length === 0 ? (
        <p className="nl-paragraph">Nog geen besluiten gekoppeld.</p>
      ) : (
        <ul className="gremium-meetings">
          {decisions.map((d) => (
            <li key={d.id}>
              <Link className="nl-link gremium-meetings__date" to={`/besluiten/${d.reference}`}>
                {d.reference}: {d.subject}
              </Link>
              <span>
                {decisionOutcomeLabels[d.outcome]} · {d.bodyName}, {formatDay(d.startsAt)}{" "}
                {d.listStatus === "concept" ? <StatusBadge tone="warning">concept</StatusBadge> : null}
                {d.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2 className="nl-heading nl-heading--level-2">Acties over de termijn</h2>
      <ActionList actions={actions.overdue} emptyText="Geen acties over de termijn." />
      <h2 className="nl-heading nl-heading--level-2">Lopende acties</h2>
      <ActionList actions={actions.open} emptyText="Geen lopende acties." />
      <h2 className="nl-heading nl-heading--level-2">Afgeronde en vervallen acties</h2>
      <ActionList actions={actions.closed} emptyText="Nog geen afgeronde acties." />

      <h2 className="nl-heading nl-heading--level-2">Nog te bespreken</h2>
      {upcomingItems.length === 0 ? (
        <p className="nl-paragraph">Er staan geen gekoppelde agendapunten op komende vergaderingen.</p>
      ) : (
        <ul className="gremium-meetings">
          {upcomingItems.map((item) => (
            <li key={item.id}>
              <Link className="nl-link gremium-meetings__date" to={`/vergaderingen/${item.meetingId}`}>
                {item.subject}
              </Link>
              <span>
                {item.bodyName}, {formatDay(item.startsAt)}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2 className="nl-heading nl-heading--level-2">Plandoelen</h2>
      {planGoals.length === 0 ? (
        <p className="nl-paragraph">Geen plandoelen gekoppeld.</p>
      ) : (
        <ul className="gremium-meetings">
          {planGoals.map((g) => (
            <li key={g.id}>
              <Link className="nl-link gremium-meetings__date" to={`/jaarplannen/${g.planId}`}>
                {g.title}
              </Link>
              <span>
                {g.planTitle} · {planGoalStatusLabels[g.status]}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2 className="nl-heading nl-heading--level-2">Statusgeschiedenis</h2>
      {history.length === 0 ? (
        <p className="nl-paragraph">Nog geen status vastgelegd.</p>
      ) : (
        <ol className="gremium-meetings">
          {history.map((h) => (
            <li key={h.id}>
              <span className="gremium-meetings__date">
                {formatDate(h.statusOn)}: <ObjectiveStatusBadge status={h.status} />
              </span>
              <span>{h.explanation}</span>
              <span className="gremium-muted">{h.authorName}</span>
            </li>
          ))}
        </ol>
      )}

      {canManage ? (
        <Suspense fallback={null}>
          <ObjectiveForms
            programme={programme}
            objective={objective}
            people={people}
            today={today}
            lastReply={lastReply}
          />
        </Suspense>
      ) : null}
    </>
  );
}
