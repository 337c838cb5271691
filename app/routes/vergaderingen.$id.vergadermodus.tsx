import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Alert, SavedStatus } from "~/components/alert";
import { BackgroundForm } from "~/components/background-form";
import { Breadcrumb } from "~/components/breadcrumb";
import { PlainField } from "~/components/plain-field";
import { forbidden, notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { formatDay, formatTime } from "~/lib/format";
import { carryOutMeetingMode, type MeetingModeReply } from "~/lib/meeting-mode-actions.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { attendanceStatusLabels, decisionOutcomeLabels, decisionOutcomes } from "~/lib/vocabulary";
import { getMeetingMode } from "~/models/meeting-mode.server";

export const meta: MetaFunction = () => [{ title: "Vergadermodus · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const chosen = Number(new URL(request.url).searchParams.get("punt")) || undefined;
  const mode = getMeetingMode({ viewer, meetingId, itemId: chosen });
  if (mode === null) {
    notFound("Deze vergadering bestaat niet, of alleen het secretariaat van het gremium leidt haar.");
  }
  if (mode.meeting.status === "concept") forbidden("Publiceer eerst de agenda; daarna kunt u de vergadering leiden.");
  return { ...mode, now: Date.now() };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const reply = carryOutMeetingMode({ viewer, meetingId, formData: await request.formData() });
  if (reply.ok) {
    const [path, hash] = reply.location.split("#");
    const separator = path!.includes("?") ? "&" : "?";
    // The address names what was done, never the message itself: a link cannot put words on this page.
    return redirect(`${path}${separator}opgeslagen=${reply.intent}${hash ? `#${hash}` : ""}`);
  }
  return data(reply, { status: reply.status });
});

type Refusal = Extract<MeetingModeReply, { ok: false }>;

/** What the page says after a plain form posted and came back (`?opgeslagen=` names the form). */
const savedMessages: Record<string, string> = {
  start: "Het agendapunt is in bespreking.",
  checkin: "Aanwezig gemeld.",
  decision: "Besluit en verslag staan in de concept-besluitenlijst.",
  commitment: "Toezegging vastgelegd.",
};

function errorFor(reply: Refusal | undefined, formKey: string, field: string) {
  return reply && reply.formKey === formKey ? reply.fieldErrors[field] : undefined;
}

/** Minutes since the item went under discussion, ticking with JavaScript. */
function Timer({ since, planned, now }: { since: number; planned: number | null; now: number }) {
  const [at, setAt] = useState(now);
  useEffect(() => {
    setAt(Date.now());
    const timer = setInterval(() => setAt(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const minutes = Math.max(0, Math.floor((at - since) / 60_000));
  const over = planned !== null && minutes > planned;
  return (
    <p className={`nl-paragraph gremium-timer${over ? " gremium-timer--over" : ""}`}>
      In bespreking sinds {formatTime(since)}: {minutes} {minutes === 1 ? "minuut" : "minuten"}
      {planned !== null ? ` van de geplande ${planned}` : ""}
      {over ? " — de geplande tijd is voorbij" : ""}.
    </p>
  );
}

/** A field's id, its error and the attributes that point the control at that error. */
function fieldState(id: string, error: string[] | undefined) {
  return { id, error, describedBy: error ? { "aria-invalid": true as const, "aria-describedby": `${id}-fout` } : {} };
}

function DecisionFields({
  prefix,
  values,
  reply,
  formKey,
}: {
  prefix: string;
  values: { outcome: string; textMarkdown: string; discussionMarkdown: string; isConfidential: boolean };
  reply: Refusal | undefined;
  formKey: string;
}) {
  const field = (name: string) => fieldState(`${prefix}-${name}`, errorFor(reply, formKey, name));
  const typed = reply && reply.formKey === formKey ? reply.values : null;
  const outcome = field("outcome");
  const text = field("textMarkdown");
  const discussion = field("discussionMarkdown");
  return (
    <>
      <PlainField name={outcome.id} label="Uitkomst" error={outcome.error}>
        <select
          id={outcome.id}
          name="outcome"
          className="utrecht-select utrecht-select--html-select"
          defaultValue={typed?.outcome ?? values.outcome}
          {...outcome.describedBy}
        >
          {decisionOutcomes.map((value) => (
            <option key={value} value={value}>
              {decisionOutcomeLabels[value]}
            </option>
          ))}
        </select>
      </PlainField>
      {(
        [
          [text, "Besluit", "textMarkdown", 4],
          [discussion, "Verslag (kort: wat werd besproken)", "discussionMarkdown", 5],
        ] as const
      ).map(([state, label, name, rows]) => (
        <PlainField key={name} name={state.id} label={label} error={state.error}>
          <textarea
            id={state.id}
            name={name}
            rows={rows}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            defaultValue={typed?.[name] ?? values[name]}
            {...state.describedBy}
          />
        </PlainField>
      ))}
      <div className="utrecht-form-field utrecht-form-field--checkbox">
        <input
          id={`${prefix}-isConfidential`}
          type="checkbox"
          name="isConfidential"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          defaultChecked={typed ? typed.isConfidential === "on" : values.isConfidential}
        />
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${prefix}-isConfidential`}>
          Besloten besluit
        </label>
      </div>
    </>
  );
}

export default function MeetingMode() {
  const mode = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Refusal | undefined;
  const revalidator = useRevalidator();
  const [params] = useSearchParams();
  const { meeting, item } = mode;
  const background = `/vergaderingen/${meeting.id}/vergadermodus/opslaan`;
  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  const here = (itemId: number) => `/vergaderingen/${meeting.id}/vergadermodus?punt=${itemId}`;
  const formErrors = reply?.formErrors ?? [];
  const topErrors = reply && !reply.formKey ? Object.values(reply.fieldErrors).flat() : [];
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Vergadermodus</h1>
      <p className="nl-paragraph">
        {meetingLabel}. Wat u hier vastlegt, staat meteen in de{" "}
        <Link className="nl-link" to={`/vergaderingen/${meeting.id}/besluitenlijst`}>
          concept-besluitenlijst
        </Link>
        ; wie meekijkt ziet het op de{" "}
        <Link className="nl-link" to={`/vergaderingen/${meeting.id}/live`}>
          live-pagina
        </Link>
        .
      </p>
      <SavedStatus message={savedMessages[params.get("opgeslagen") ?? ""] ?? null} />
      {[...formErrors, ...topErrors].length ? (
        <Alert type="error">
          <p className="nl-paragraph">{[...formErrors, ...topErrors].join(" ")}</p>
        </Alert>
      ) : null}
      {meeting.listStatus === "vastgesteld" ? (
        <Alert type="warning">
          <p className="nl-paragraph">De besluitenlijst is vastgesteld; besluiten wijzigen kan niet meer.</p>
        </Alert>
      ) : null}
      <div className="gremium-meeting-mode">
        <nav aria-label="Agendapunten" className="gremium-meeting-mode__agenda">
          <h2 className="nl-heading nl-heading--level-2">Agenda</h2>
          <ol className="gremium-plain-list">
            {mode.items.map((entry) => (
              <li key={entry.id}>
                <Link className="nl-link" to={here(entry.id)} aria-current={entry.id === item?.id ? "page" : undefined}>
                  {entry.number}. {entry.subject}
                </Link>
                {entry.id === mode.currentItemId ? <strong> (in bespreking)</strong> : null}
                {entry.hasDecision ? " — besluit vastgelegd" : ""}
              </li>
            ))}
          </ol>
        </nav>
        {item ? (
          <section aria-labelledby="huidig-punt" className="gremium-meeting-mode__item">
            <h2 id="huidig-punt" className="nl-heading nl-heading--level-2">
              Punt {item.number}: {item.subject}
              {item.isConfidential ? " (besloten)" : ""}
            </h2>
            {item.since ? (
              <Timer since={item.since} planned={item.plannedMinutes} now={mode.now} />
            ) : (
              <p className="nl-paragraph">
                {item.plannedMinutes ? `Gepland: ${item.plannedMinutes} minuten. ` : ""}Dit punt is niet in bespreking.
              </p>
            )}
            <div className="gremium-button-row">
              {mode.previousItemId ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="start" />
                  <input type="hidden" name="itemId" value={mode.previousItemId} />
                  <button type="submit" className="nl-button">
                    Vorig punt
                  </button>
                </Form>
              ) : null}
              {!item.isCurrent ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="start" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <button type="submit" className="nl-button nl-button--primary">
                    Dit punt in bespreking nemen
                  </button>
                </Form>
              ) : null}
              {mode.nextItemId ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="start" />
                  <input type="hidden" name="itemId" value={mode.nextItemId} />
                  <button type="submit" className="nl-button">
                    Volgend punt
                  </button>
                </Form>
              ) : null}
            </div>
            {item.presenter ? <p className="nl-paragraph">Inbreng: {item.presenter}</p> : null}
            {item.proposalHtml ? (
              <>
                <h3 className="nl-heading nl-heading--level-3">Voorstel</h3>
                <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: item.proposalHtml }} />
              </>
            ) : null}
            {mode.papers.length ? (
              <>
                <h3 className="nl-heading nl-heading--level-3">Stukken</h3>
                <ul className="gremium-plain-list">
                  {mode.papers.map((paper) => (
                    <li key={paper.versionId}>
                      <Link className="nl-link" to={`/stukken/${paper.versionId}`}>
                        {paper.title}
                      </Link>
                      {paper.isConfidential ? " (besloten)" : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3 className="nl-heading nl-heading--level-3">Besluit en verslag</h3>
            {mode.decisions.map((decision) => (
              <div key={decision.id} className="gremium-card">
                <h4 className="nl-heading nl-heading--level-4">Besluit {decision.reference}</h4>
                <BackgroundForm
                  action={background}
                  draftKey={`vergadermodus:${meeting.id}:besluit:${decision.id}`}
                  autosave
                  label={`Besluit ${decision.reference}`}
                >
                  <input type="hidden" name="intent" value="decision" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <input type="hidden" name="decisionId" value={decision.id} />
                  <input type="hidden" name="version" value={decision.version} />
                  <DecisionFields
                    prefix={`besluit-${decision.id}`}
                    formKey={String(decision.id)}
                    reply={reply}
                    values={{
                      outcome: decision.outcome,
                      textMarkdown: decision.textMarkdown,
                      discussionMarkdown: decision.discussionMarkdown,
                      isConfidential: decision.isConfidential,
                    }}
                  />
                  <button type="submit" className="nl-button nl-button--primary">
                    Opslaan
                  </button>
                </BackgroundForm>
                <h5 className="nl-heading nl-heading--level-5">Toezeggingen</h5>
                {decision.commitments.length ? (
                  <ul className="gremium-plain-list">
                    {decision.commitments.map((commitment) => (
                      <li key={commitment.actionId}>
                        {commitment.description}
                        {commitment.personName ? ` — ${commitment.personName}` : ""}
                        {commitment.dueOn
                          ? `, uiterlijk ${formatDay(Date.parse(`${commitment.dueOn}T12:00:00Z`))}`
                          : ""}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="nl-paragraph">Nog geen toezeggingen.</p>
                )}
                <BackgroundForm
                  key={`toezegging-${decision.id}-${decision.commitments.length}`}
                  action={background}
                  draftKey={`vergadermodus:${meeting.id}:toezegging:${decision.id}`}
                  label={`Toezegging bij besluit ${decision.reference}`}
                  onSaved={() => revalidator.revalidate()}
                >
                  <input type="hidden" name="intent" value="commitment" />
                  <input type="hidden" name="decisionId" value={decision.id} />
                  <input type="hidden" name="punt" value={item.id} />
                  <CommitmentFields decisionId={decision.id} people={mode.invitees} reply={reply} />
                  <button type="submit" className="nl-button">
                    Toezegging vastleggen
                  </button>
                </BackgroundForm>
              </div>
            ))}
            {meeting.listStatus !== "vastgesteld" ? (
              <div className="gremium-card">
                <h4 className="nl-heading nl-heading--level-4">
                  {mode.decisions.length ? "Nog een besluit bij dit punt" : "Besluit vastleggen"}
                </h4>
                <BackgroundForm
                  key={`nieuw-${item.id}-${mode.decisions.length}`}
                  action={background}
                  draftKey={`vergadermodus:${meeting.id}:nieuw:${item.id}`}
                  label="Nieuw besluit"
                  onSaved={() => revalidator.revalidate()}
                >
                  <input type="hidden" name="intent" value="decision" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <DecisionFields
                    prefix={`nieuw-${item.id}`}
                    formKey="nieuw"
                    reply={reply}
                    values={{
                      outcome: item.adoptsMeetingId ? "conform" : "conform",
                      textMarkdown: "",
                      discussionMarkdown: "",
                      isConfidential: item.isConfidential,
                    }}
                  />
                  <button type="submit" className="nl-button nl-button--primary">
                    Besluit vastleggen
                  </button>
                </BackgroundForm>
              </div>
            ) : null}
          </section>
        ) : (
          <p className="nl-paragraph">Deze agenda heeft nog geen punten.</p>
        )}
      </div>
      <section aria-labelledby="aanwezigheid">
        <h2 id="aanwezigheid" className="nl-heading nl-heading--level-2">
          Aanwezigheid
        </h2>
        {mode.invitees.length ? (
          <ul className="gremium-plain-list gremium-check-in">
            {mode.invitees.map((invitee) => (
              <li key={invitee.id}>
                <span>
                  {invitee.name}: {invitee.attendance ? attendanceStatusLabels[invitee.attendance] : "nog niet gemeld"}
                  {invitee.attendanceNote ? ` (${invitee.attendanceNote})` : ""}
                </span>
                {invitee.attendance !== "aanwezig" ? (
                  <Form method="post" className="gremium-inline-form">
                    <input type="hidden" name="intent" value="checkin" />
                    <input type="hidden" name="inviteeId" value={invitee.id} />
                    {item ? <input type="hidden" name="punt" value={item.id} /> : null}
                    <button type="submit" className="nl-button" aria-label={`Aanwezig: ${invitee.name}`}>
                      Aanwezig
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="nl-paragraph">Er staan geen genodigden op de lijst.</p>
        )}
        <p className="nl-paragraph">
          Afmeldingen, vervangers en gasten legt u vast op{" "}
          <Link className="nl-link" to={`/vergaderingen/${meeting.id}/aanwezigheid`}>
            de aanwezigheidslijst
          </Link>
          .
        </p>
      </section>
      {meeting.status !== "vergaderd" || mode.currentItemId ? (
        <Form method="post">
          <input type="hidden" name="intent" value="close" />
          <button type="submit" className="nl-button">
            Vergadering sluiten
          </button>
        </Form>
      ) : null}
    </>
  );
}

function CommitmentFields({
  decisionId,
  people,
  reply,
}: {
  decisionId: number;
  people: { personId: number; name: string }[];
  reply: Refusal | undefined;
}) {
  const key = String(decisionId);
  const typed = reply && reply.intent === "commitment" && reply.formKey === key ? reply.values : null;
  const field = (name: string) =>
    fieldState(`toezegging-${decisionId}-${name}`, typed ? reply!.fieldErrors[name] : undefined);
  const description = field("description");
  const person = field("personId");
  const due = field("dueOn");
  return (
    <>
      <PlainField name={description.id} label="Toezegging" error={description.error}>
        <input
          id={description.id}
          name="description"
          className="utrecht-textbox utrecht-textbox--html-input"
          defaultValue={typed?.description ?? ""}
          {...description.describedBy}
        />
      </PlainField>
      <PlainField name={person.id} label="Door" error={person.error}>
        <select
          id={person.id}
          name="personId"
          className="utrecht-select utrecht-select--html-select"
          defaultValue={typed?.personId ?? ""}
          {...person.describedBy}
        >
          <option value="">Kies een genodigde</option>
          {people.map((invitee) => (
            <option key={invitee.personId} value={invitee.personId}>
              {invitee.name}
            </option>
          ))}
        </select>
      </PlainField>
      <PlainField name={due.id} label="Termijn (dd-mm-jjjj, mag leeg)" error={due.error}>
        <input
          id={due.id}
          name="dueOn"
          className="utrecht-textbox utrecht-textbox--html-input"
          defaultValue={typed?.dueOn ?? ""}
          {...due.describedBy}
        />
      </PlainField>
    </>
  );
}
