import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ActionList, toActionListItem } from "~/components/action-list";
import { ActionProgressForm } from "~/components/action-progress-form";
import { SavedStatus } from "~/components/alert";
import type { KeyedReply } from "~/components/keyed-form";
import { StatusBadge } from "~/components/status-badge";
import { requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { formatDate, formatDateTime, formatDay, formatQuarter } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { topicPurposeLabels } from "~/lib/vocabulary";
import { recordActionProgress } from "~/models/actions.server";
import { getStartPage, noteStartPageVisit } from "~/models/start-page.server";
import { actionProgressSchema } from "~/schemas/actions";

export const meta: MetaFunction = () => [{ title: "Mijn Gremium · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const marksSince = noteStartPageVisit({ viewer });
  const page = getStartPage({ viewer, marksSince });
  return {
    name: viewer.name,
    ...page,
    actions: page.actions.map((action) => ({ ...toActionListItem(action), version: action.version })),
  };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const formData = await request.formData();
  // Each action has its own form on this page; the hidden actionId says which one was sent.
  const actionId = requireIdParam(String(formData.get("actionId") ?? ""));
  const formKey = `voortgang-${actionId}`;
  const submission = parseWithZod(formData, { schema: actionProgressSchema });
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  const { version, change, note, dueOn } = submission.value;
  try {
    recordActionProgress({ viewer, id: actionId, expectedVersion: version, change, note, dueOn });
    return redirect(`/mijn?bijgewerkt=${actionId}#actie-${actionId}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

type StartPage = ReturnType<typeof useLoaderData<typeof loader>>;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="gremium-start-section">
      <h2 id={id} className="nl-heading nl-heading--level-2">
        {title}
      </h2>
      {children}
    </section>
  );
}

function MyMeetings({ meetings, marksSince }: { meetings: StartPage["meetings"]; marksSince: number }) {
  if (meetings.length === 0) return <p className="nl-paragraph">Er staan geen vergaderingen van uw gremia gepland.</p>;
  return (
    <>
      <p className="nl-paragraph gremium-muted">Stukken gemarkeerd als nieuw kwamen na {formatDateTime(marksSince)}.</p>
      <ul className="gremium-meetings">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            <Link className="nl-link gremium-meetings__date" to={`/vergaderingen/${meeting.id}`}>
              {meeting.bodyName}, {formatDateTime(meeting.startsAt)}
            </Link>
            <span className="gremium-muted">{meeting.location}</span>
            <span>
              {meeting.paperCount === 0
                ? "Nog geen stukken."
                : `${meeting.paperCount} ${meeting.paperCount === 1 ? "stuk" : "stukken"}${meeting.newPapers.length ? `, waarvan ${meeting.newPapers.length} nieuw of gewijzigd` : ""}.`}
            </span>
            {meeting.newPapers.length ? (
              <ul className="gremium-plain-list">
                {meeting.newPapers.map((paper) => (
                  <li key={paper.versionId}>
                    <StatusBadge tone="warning">{paper.changed ? "gewijzigd" : "nieuw"}</StatusBadge>{" "}
                    <Link className="nl-link" to={`/stukken/${paper.versionId}`}>
                      {paper.title}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function MyActions({ actions, lastReply }: { actions: StartPage["actions"]; lastReply: KeyedReply }) {
  return (
    <ActionList
      actions={actions}
      emptyText="U heeft geen lopende acties."
      extra={(action) => {
        const formKey = `voortgang-${action.id}`;
        return (
          <details className="gremium-disclosure" open={lastReply?.formKey === formKey}>
            <summary>Stand bijwerken</summary>
            <ActionProgressForm
              key={action.version}
              action={action}
              formKey={formKey}
              lastReply={lastReply}
              headingLevel={3}
            />
          </details>
        );
      }}
    />
  );
}

function ConceptLists({ lists, manage }: { lists: StartPage["conceptLists"]; manage: boolean }) {
  return (
    <ul className="gremium-meetings">
      {lists.map((list) => (
        <li key={list.meetingId}>
          <Link
            className="nl-link gremium-meetings__date"
            to={`/vergaderingen/${list.meetingId}/${manage ? "besluiten" : "besluitenlijst"}`}
          >
            Besluitenlijst {list.bodyName}, {formatDay(list.startsAt)}
          </Link>
          <span className="gremium-muted">
            {list.nextMeeting
              ? `Ter vaststelling in de vergadering van ${formatDay(list.nextMeeting.startsAt)}.`
              : "De volgende vergadering is nog niet gepland."}
          </span>
        </li>
      ))}
    </ul>
  );
}

function SecretariatTasks({ tasks }: { tasks: NonNullable<StartPage["secretariat"]> }) {
  return (
    <Section id="secretariaat" title="Voor het secretariaat">
      <h3 className="nl-heading nl-heading--level-3">Agenda’s voorbereiden</h3>
      {tasks.agendas.length === 0 ? (
        <p className="nl-paragraph">Geen agenda’s in concept.</p>
      ) : (
        <ul className="gremium-meetings">
          {tasks.agendas.map((meeting) => (
            <li key={meeting.id}>
              <Link className="nl-link gremium-meetings__date" to={`/vergaderingen/${meeting.id}/agenda`}>
                {meeting.bodyName}, {formatDay(meeting.startsAt)}
              </Link>
              <span>
                {meeting.late ? <StatusBadge tone="danger">te laat</StatusBadge> : null} Publiceren uiterlijk{" "}
                {formatDate(meeting.publishBy)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="nl-heading nl-heading--level-3">Besluitenlijsten vaststellen</h3>
      {tasks.listsToAdopt.length === 0 ? (
        <p className="nl-paragraph">Geen besluitenlijsten in concept.</p>
      ) : (
        <ConceptLists lists={tasks.listsToAdopt} manage />
      )}
      <h3 className="nl-heading nl-heading--level-3">Aanwezigheid vastleggen</h3>
      {tasks.attendanceMissing.length === 0 ? (
        <p className="nl-paragraph">Van elke gehouden vergadering is de aanwezigheid vastgelegd.</p>
      ) : (
        <ul className="gremium-meetings">
          {tasks.attendanceMissing.map((meeting) => (
            <li key={meeting.id}>
              <Link className="nl-link gremium-meetings__date" to={`/vergaderingen/${meeting.id}/aanwezigheid`}>
                {meeting.bodyName}, {formatDay(meeting.startsAt)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h3 className="nl-heading nl-heading--level-3">Woo-termijnen</h3>
      <p className="nl-paragraph">
        {tasks.woo.missed || tasks.woo.open ? (
          <>
            {tasks.woo.missed === 1 ? "1 termijn verstreken" : `${tasks.woo.missed} termijnen verstreken`},{" "}
            {tasks.woo.open === 1 ? "1 open" : `${tasks.woo.open} open`}:{" "}
          </>
        ) : (
          "Alles op tijd openbaar: "
        )}
        <Link className="nl-link" to="/woo">
          bekijk de Woo-termijnen
        </Link>
        .
      </p>
    </Section>
  );
}

function NewsletterTasks({ tasks }: { tasks: NonNullable<StartPage["newsletter"]> }) {
  return (
    <Section id="nieuwsbrief" title="Nieuwsbrief">
      {tasks.edition ? (
        <>
          <p className="nl-paragraph">
            Volgende editie:{" "}
            <Link className="nl-link" to={`/nieuwsbrieven/${tasks.edition.slug}/bewerken`}>
              {tasks.edition.title}
            </Link>
          </p>
          {tasks.contributionsOut.length === 0 ? (
            <p className="nl-paragraph">Er staan geen gevraagde bijdragen meer uit.</p>
          ) : (
            <>
              <p className="nl-paragraph">Bijdragen die nog niet klaar zijn:</p>
              <ul className="gremium-plain-list">
                {tasks.contributionsOut.map((section) => (
                  <li key={section.id}>
                    {section.title} — {section.contributorName}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p className="nl-paragraph">
          Er is geen editie in voorbereiding.{" "}
          <Link className="nl-link" to="/nieuwsbrieven/nieuw">
            Nieuwe editie maken
          </Link>
        </p>
      )}
    </Section>
  );
}

export default function StartPage() {
  const page = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const [searchParams] = useSearchParams();
  const overdue = page.actions.filter((a) => a.overdue).length;
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Mijn Gremium</h1>
      <p className="nl-paragraph nl-paragraph--lead">Welkom, {page.name}.</p>
      <SavedStatus
        message={!lastReply && searchParams.get("bijgewerkt") ? "De stand van de actie is bijgewerkt." : null}
      />
      <Section id="vergaderingen" title="Mijn komende vergaderingen">
        <MyMeetings meetings={page.meetings} marksSince={page.marksSince} />
      </Section>
      {page.procedures.length ? (
        <Section id="schriftelijk" title="Schriftelijke rondes: uw antwoord gevraagd">
          <ul className="gremium-meetings">
            {page.procedures.map((procedure) => (
              <li key={procedure.id}>
                <Link
                  className="nl-link gremium-meetings__date"
                  to={`/gremia/${procedure.bodySlug}/schriftelijk/${procedure.id}`}
                >
                  {procedure.reference}: {procedure.title}
                </Link>
                <span className="gremium-muted">
                  {procedure.bodyName} · antwoord uiterlijk {formatDateTime(procedure.deadlineAt)}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {page.notes.length ? (
        <Section id="notities" title="Mijn notities voor komende vergaderingen">
          {page.notes.map((meeting) => (
            <div key={meeting.meetingId}>
              <h3 className="nl-heading nl-heading--level-3">
                <Link className="nl-link" to={`/vergaderingen/${meeting.meetingId}/notities`}>
                  {meeting.label}
                </Link>
              </h3>
              <ul className="gremium-plain-list">
                {meeting.notes.map((note) => (
                  <li key={note.id}>
                    <strong>
                      {note.item}
                      {note.onPaper ? " (bij een stuk)" : ""}
                      {note.isShared ? " — gedeeld met de leden" : ""}
                    </strong>
                    <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: note.textHtml }} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Section>
      ) : null}
      <Section id="acties" title="Mijn lopende acties">
        {page.actions.length ? (
          <p className="nl-paragraph">
            {page.actions.length} lopend{overdue ? `, waarvan ${overdue} over de termijn (die staan bovenaan)` : ""}.{" "}
            <Link className="nl-link" to="/acties/mijn">
              Ook mijn afgeronde acties
            </Link>
          </p>
        ) : null}
        <MyActions actions={page.actions} lastReply={lastReply} />
      </Section>
      <Section id="besluitenlijsten" title="Besluitenlijsten in concept">
        {page.conceptLists.length === 0 ? (
          <p className="nl-paragraph">Van uw gremia ligt geen besluitenlijst klaar om vast te stellen.</p>
        ) : (
          <ConceptLists lists={page.conceptLists} manage={false} />
        )}
      </Section>
      <Section id="onderwerpen" title="Mijn onderwerpen op de bestuursagenda">
        {page.topics.length === 0 ? (
          <p className="nl-paragraph">Er staan geen onderwerpen op uw naam.</p>
        ) : (
          <ul className="gremium-meetings">
            {page.topics.map((topic) => (
              <li key={topic.id}>
                <Link className="nl-link gremium-meetings__date" to={`/gremia/${topic.bodySlug}/planning`}>
                  {topic.subject}
                </Link>
                <span className="gremium-muted">
                  {topic.bodyName} · {topicPurposeLabels[topic.purpose]} ·{" "}
                  {topic.meetingStartsAt
                    ? formatDay(topic.meetingStartsAt)
                    : topic.quarter
                      ? formatQuarter(topic.quarter)
                      : "nog niet ingepland"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {page.secretariat ? <SecretariatTasks tasks={page.secretariat} /> : null}
      {page.newsletter ? <NewsletterTasks tasks={page.newsletter} /> : null}
    </>
  );
}
