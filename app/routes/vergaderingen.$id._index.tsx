import { readMeeting } from "~/lib/meeting-route.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { lazy, Suspense } from "react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AgendaTable } from "~/components/agenda-table";
import { Alert, SavedStatus } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { MeetingStatusBadge } from "~/components/meeting-list";
import { requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { getViewer } from "~/auth/session.server";
import { amsterdamDateAndTime, formatDateTime, formatDay } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import type { SignedInViewer } from "~/auth/viewer";
import { publicUrl } from "~/lib/env.server";
import { listAttendance } from "~/models/attendance.server";
import { listDocumentsForMeeting } from "~/models/documents.server";
import { listHandoffsForItems } from "~/models/handoffs.server";
import { countNotesForMeeting } from "~/models/notes.server";
import { countMeetingActions } from "~/models/action-lists.server";
import { isDomainError } from "~/models/errors";
import { countAgendaRecipients, mailAgendaToInvitees } from "~/models/meeting-mail.server";
import { countOf, type ConfirmationText } from "~/lib/confirmation";
import { askConfirmation, isConfirmed } from "~/lib/confirmation.server";
import { unacceptedDateWarning } from "~/lib/date-check.server";
import { ConfirmationStep, pendingConfirmation } from "~/components/confirm";
import { cancelMeeting, getMeeting, moveMeeting, publishAgenda, recordMeetingAsHeld } from "~/models/meetings.server";
import { cancelSchema, moveSchema, publishSchema, recordHeldSchema } from "~/schemas/meetings";
import { pageRoute } from "~/lib/responses.server";
import { MeetingFacts } from "~/components/meeting-facts";
import { describeAttendance } from "~/lib/attendance-lines";

const mailChangesSchema = z.object({ intent: z.literal("mail-changes") });
const schema = z.discriminatedUnion("intent", [
  publishSchema,
  recordHeldSchema,
  cancelSchema,
  moveSchema,
  mailChangesSchema,
]);

/** What publishing or mailing the changes will do, said before it is done. */
function agendaMailText(kind: "gepubliceerd" | "gewijzigd", recipients: number): ConfirmationText {
  const who =
    recipients === 0
      ? "Geen van de genodigden heeft een e-mailadres; er wordt niemand gemaild."
      : `${countOf(recipients, "genodigde krijgt", "genodigden krijgen")} een e-mail met de ${kind === "gewijzigd" ? "gewijzigde agenda" : "agenda en een uitnodiging voor hun agenda"}.`;
  return kind === "gepubliceerd"
    ? {
        title: "Agenda publiceren?",
        question: `Na publicatie is de agenda te lezen voor wie haar mag zien. ${who}`,
        confirmLabel: "Publiceren en mailen",
        danger: false,
      }
    : { title: "Gewijzigde agenda mailen?", question: who, confirmLabel: "Gewijzigde agenda mailen", danger: false };
}

/** Mails the agenda; a failing mail server must not undo what was already saved. */
async function mailInvitees(
  request: Request,
  viewer: SignedInViewer,
  meetingId: number,
  kind: "gepubliceerd" | "gewijzigd",
) {
  try {
    const { delivered } = await mailAgendaToInvitees({ viewer, meetingId, kind, baseUrl: publicUrl() });
    return delivered === 0
      ? " Geen van de genodigden heeft een e-mailadres."
      : ` De agenda is gemaild aan ${delivered} genodigden.`;
  } catch (error) {
    // A refusal (not the secretariaat of this body) is no mail failure: it is answered as what it is.
    if (isDomainError(error)) throw error;
    console.error(`Agenda van vergadering ${meetingId} niet gemaild`, error);
    return " Let op: de mail aan de genodigden kon niet worden verstuurd; probeer het later opnieuw met ‘Gewijzigde agenda mailen’.";
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.meeting.bodyName}, ${formatDay(data.meeting.startsAt)} · Gremium` },
        // A shared link previews with the body, the date and the place.
        { property: "og:type", content: "website" },
        { property: "og:title", content: `${data.meeting.bodyName}, ${formatDay(data.meeting.startsAt)}` },
        { property: "og:description", content: `Vergadering in ${data.meeting.location}. Agenda en stukken.` },
        { property: "og:url", content: data.url },
        { property: "og:site_name", content: "Gremium · Zorg, Veiligheid en Straf Twente" },
      ]
    : [{ title: "Vergadering · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const preview = new URL(request.url).searchParams.get("weergave") === "publiek";
  const { viewer, meeting } = readMeeting(request, params, { asPublic: preview });
  return {
    meeting,
    preview,
    attendance: meeting.status === "vergaderd" ? listAttendance({ viewer, meetingId: meeting.id }) : null,
    // Where items were sent upward, and what was decided there; not for items the reader may not see.
    handoffs: listHandoffsForItems({
      viewer: preview ? null : viewer,
      agendaItemIds: meeting.sections.flatMap((s) => s.items.filter((i) => i.subject !== null).map((i) => i.id)),
    }),
    documents: listDocumentsForMeeting({ viewer, meetingId: meeting.id, asPublic: preview }).map(({ current }) => ({
      agendaItemId: current.agendaItemId,
      title: current.title,
      versionId: current.versionId,
      number: current.number,
      isConfidential: current.isConfidential,
      hasTextVersion: current.hasTextVersion,
      // Told to those who prepare the meeting, before it is published; readers get the text version.
      accessibilityProblems: meeting.canManage && !preview ? current.accessibilityProblems : null,
    })),
    noteCount: viewer && !preview ? countNotesForMeeting({ viewer, meetingId: meeting.id }) : null,
    started: Date.now() >= meeting.startsAt,
    ended: Date.now() >= meeting.endsAt,
    url: `${publicUrl()}/vergaderingen/${meeting.id}`,
    actionList: preview ? null : actionListSummary(viewer, meeting),
    confirmations: meeting.canManage ? confirmationsFor(viewer, meeting.id) : null,
  };
});

function actionListSummary(
  viewer: ReturnType<typeof getViewer>,
  meeting: { id: number; bodyId: number; startsAt: number; endsAt: number },
) {
  const counts = countMeetingActions({ viewer, meeting });
  return counts && { href: `/vergaderingen/${meeting.id}/actielijst`, ...counts };
}

function confirmationsFor(viewer: ReturnType<typeof getViewer>, meetingId: number) {
  const recipients = countAgendaRecipients({ viewer, meetingId });
  return { publish: agendaMailText("gepubliceerd", recipients), mailChanges: agendaMailText("gewijzigd", recipients) };
}

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const id = requireIdParam(params.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  const intent = String(submission.payload.intent ?? "");
  if (submission.status !== "success")
    return data({ formKey: intent, result: submission.reply(), done: null }, unfinishedStatus(submission));
  const input = submission.value;
  try {
    if ((input.intent === "publish" || input.intent === "mail-changes") && !isConfirmed(formData)) {
      const kind = input.intent === "publish" ? "gepubliceerd" : "gewijzigd";
      return askConfirmation(formData, agendaMailText(kind, countAgendaRecipients({ viewer, meetingId: id })));
    }
    if (input.intent === "publish") {
      publishAgenda({ viewer, id, expectedVersion: input.version });
      const mailed = await mailInvitees(request, viewer, id, "gepubliceerd");
      return { formKey: intent, result: submission.reply(), done: `De agenda is gepubliceerd.${mailed}` };
    }
    if (input.intent === "record-held") {
      recordMeetingAsHeld({ viewer, id, expectedVersion: input.version });
      return {
        formKey: intent,
        result: submission.reply(),
        done: "De vergadering is vastgelegd als gehouden; niemand is gemaild. Leg nu de aanwezigheid en de besluiten vast.",
      };
    }
    if (input.intent === "mail-changes") {
      const mailed = await mailInvitees(request, viewer, id, "gewijzigd");
      return { formKey: intent, result: submission.reply(), done: `Gewijzigde agenda verstuurd.${mailed}` };
    }
    if (input.intent === "cancel") {
      cancelMeeting({ viewer, id, expectedVersion: input.version, reason: input.reason });
      return { formKey: intent, result: submission.reply(), done: "De vergadering is geannuleerd." };
    }
    // Only a new date is asked about: moving just the time of a meeting keeps a date already accepted.
    const current = getMeeting({ viewer, id });
    const dateWarning =
      current && amsterdamDateAndTime(current.startsAt).date !== input.date
        ? unacceptedDateWarning(formData, input.date)
        : null;
    if (dateWarning) return { formKey: intent, result: submission.reply(), done: null, dateWarning };
    moveMeeting({
      viewer,
      id,
      expectedVersion: input.version,
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
    });
    return { formKey: intent, result: submission.reply({ resetForm: true }), done: "De vergadering is verplaatst." };
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey: intent, result: reply.data, done: null }, { status: reply.init?.status ?? 400 });
  }
});

// Only the secretariaat manages a meeting; its forms and their form library load for them alone.
const ManageMeeting = lazy(() => import("~/components/manage-meeting"));

export default function MeetingPage() {
  const { meeting, preview, attendance, started, ended, documents, handoffs, actionList, confirmations, noteCount } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const confirmation = pendingConfirmation(reply);
  if (confirmation)
    return (
      <>
        <Breadcrumb
          items={[
            { to: "/vergaderingen", label: "Vergaderingen" },
            { to: `/gremia/${meeting.bodySlug}`, label: meeting.bodyName },
            { to: `/vergaderingen/${meeting.id}`, label: formatDay(meeting.startsAt) },
          ]}
        />
        <ConfirmationStep confirmation={confirmation} />
      </>
    );
  const lastAction = reply && "formKey" in reply ? reply : undefined;
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/vergaderingen", label: "Vergaderingen" },
          { to: `/gremia/${meeting.bodySlug}`, label: meeting.bodyName },
        ]}
      />
      {preview ? (
        <Alert type="info">
          <p className="nl-paragraph">
            Zo ziet het publiek deze agenda{meeting.status === "concept" ? " na publicatie" : ""}.{" "}
            <Link className="nl-link" to={`/vergaderingen/${meeting.id}`}>
              Terug naar de volledige agenda
            </Link>
          </p>
        </Alert>
      ) : null}
      <h1 className="nl-heading nl-heading--level-1">
        {meeting.bodyName}, {formatDay(meeting.startsAt)}
      </h1>
      {searchParams.get("gepland") ? (
        <Alert type="ok">
          <p className="nl-paragraph">
            De vergadering is gepland als concept. Vul de agenda aan en publiceer haar als ze klaar is.
          </p>
        </Alert>
      ) : null}
      <SavedStatus message={lastAction?.done} />
      {meeting.status === "geannuleerd" ? (
        <Alert type="warning">
          <p className="nl-paragraph">
            Deze vergadering is geannuleerd{meeting.cancellationReason ? `: ${meeting.cancellationReason}` : "."}
          </p>
        </Alert>
      ) : null}
      <MeetingFacts
        meeting={meeting}
        before={
          <>
            <dt>Status</dt>
            <dd>
              <MeetingStatusBadge status={meeting.status} />{" "}
              {meeting.isPublic
                ? "openbare vergadering"
                : meeting.bodyWooFooting === "dagelijks-bestuur"
                  ? "besloten vergadering; de agenda en de besluitenlijst zijn openbaar (Woo), de stukken niet"
                  : "besloten vergadering"}
              {meeting.recordedAfterwardsAt
                ? `; achteraf vastgelegd op ${formatDay(meeting.recordedAfterwardsAt)}`
                : ""}
            </dd>
          </>
        }
      >
        {meeting.inviteesNote || meeting.invitees.length > 0 ? (
          <>
            <dt>Genodigden</dt>
            <dd>{meeting.inviteesNote ?? meeting.invitees.map((p) => p.name).join(", ")}</dd>
          </>
        ) : null}
        {meeting.registrationNumber ? (
          <>
            <dt>Registratienummer</dt>
            <dd>{meeting.registrationNumber}</dd>
          </>
        ) : null}
      </MeetingFacts>
      {(meeting.status === "gepubliceerd" || meeting.status === "vergaderd") &&
      (meeting.isPublic || meeting.seesConfidential) &&
      !preview ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to={`/vergaderingen/${meeting.id}/live`}>
            Live meekijken: het punt in bespreking en de besluiten tot nu toe
          </Link>
        </p>
      ) : null}
      {noteCount !== null ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to={`/vergaderingen/${meeting.id}/notities`}>
            {noteCount
              ? `Mijn notities bij deze vergadering (${noteCount})`
              : "Notities maken bij de agendapunten en stukken"}
          </Link>
        </p>
      ) : null}

      {searchParams.get("aanwezigheid") ? (
        <Alert type="ok">
          <p className="nl-paragraph">De aanwezigheid is vastgelegd; de vergadering staat op ‘vergaderd’.</p>
        </Alert>
      ) : null}
      {attendance ? <AttendanceSummary attendance={attendance} /> : null}

      {meeting.changedItems.length > 0 ? (
        <Alert type="warning">
          <p className="nl-paragraph">Gewijzigd na publicatie:</p>
          <ul>
            {meeting.sections
              .flatMap((s) => s.items)
              .filter((item) => item.changedAfterPublishAt)
              .map((item) => (
                <li key={item.id}>
                  <a className="nl-link" href={`#punt-${item.number}`}>
                    {item.number} {item.subject ?? "Besloten agendapunt"}
                  </a>{" "}
                  ({formatDateTime(item.changedAfterPublishAt!)})
                </li>
              ))}
          </ul>
        </Alert>
      ) : null}

      {meeting.canManage ? (
        <Suspense fallback={null}>
          <ManageMeeting
            key={meeting.version}
            meeting={meeting}
            started={started}
            ended={ended}
            lastAction={lastAction}
            confirmations={confirmations!}
          />
        </Suspense>
      ) : null}

      <InaccessiblePapers documents={documents} published={meeting.status !== "concept"} />

      <h2 className="nl-heading nl-heading--level-2">Agenda</h2>
      <ul className="gremium-pager">
        <li>
          <a className="nl-link" href={`/vergaderingen/${meeting.id}/agenda.pdf`}>
            Agenda als PDF
          </a>
        </li>
        <li>
          <a className="nl-link" href={`/vergaderingen/${meeting.id}/agenda.docx`} download>
            Agenda als Word-bestand
          </a>
        </li>
        <li>
          <Link className="nl-link" to={`/vergaderingen/${meeting.id}/afdrukken`}>
            Afdrukversie
          </Link>
        </li>
        {meeting.status !== "geannuleerd" ? (
          <li>
            <a
              className="nl-link"
              href={`/vergaderingen/${meeting.id}/stukken.pdf${preview ? "?weergave=publiek" : ""}`}
            >
              Alle stukken als één PDF
            </a>
          </li>
        ) : null}
        {meeting.status === "vergaderd" || (meeting.status === "gepubliceerd" && started) ? (
          <li>
            <Link className="nl-link" to={`/vergaderingen/${meeting.id}/besluitenlijst`}>
              Besluitenlijst
            </Link>
          </li>
        ) : null}
        {meeting.seesConfidential ? (
          <li>
            <Link className="nl-link" to={`/vergaderingen/${meeting.id}/actielijst`}>
              Actielijst
            </Link>
          </li>
        ) : null}
      </ul>
      <AgendaTable
        sections={meeting.sections}
        documents={documents}
        handoffs={handoffs}
        actionList={actionList}
        caption={`Agenda van ${meeting.bodyName}, ${formatDay(meeting.startsAt)}`}
      />
    </>
  );
}

function AttendanceSummary({
  attendance,
}: {
  attendance: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["attendance"]>;
}) {
  const { present, absent, guests } = describeAttendance(attendance);
  if (present.length === 0 && absent.length === 0 && guests.length === 0) return null;
  return (
    <section aria-labelledby="aanwezigheid">
      <h2 className="nl-heading nl-heading--level-2" id="aanwezigheid">
        Aanwezigheid
      </h2>
      <dl className="gremium-meta">
        <dt>Aanwezig</dt>
        <dd>{present.length > 0 ? present.join("; ") : "—"}</dd>
        <dt>Afwezig</dt>
        <dd>{absent.length > 0 ? absent.join("; ") : "—"}</dd>
        {guests.length > 0 ? (
          <>
            <dt>Gasten</dt>
            <dd>{guests.join("; ")}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/**
 * For those who prepare the meeting: the uploaded PDFs a screen reader cannot read well, with what is
 * missing, so the author can be asked for a better file before (or after) publishing.
 */
function InaccessiblePapers({
  documents,
  published,
}: {
  documents: { versionId: number; title: string; accessibilityProblems: string[] | null }[];
  published: boolean;
}) {
  const inaccessible = documents.filter((d) => d.accessibilityProblems?.length);
  if (!inaccessible.length) return null;
  return (
    <section aria-labelledby="toegankelijkheid-stukken" className="gremium-accessibility-list">
      <h2 className="nl-heading nl-heading--level-2" id="toegankelijkheid-stukken">
        Niet toegankelijke stukken
      </h2>
      <p className="nl-paragraph">
        {inaccessible.length === 1 ? "Eén stuk is" : `${inaccessible.length} stukken zijn`} niet goed te lezen met een
        schermlezer. Vraag de opsteller om een toegankelijke versie (in Word: Bestand › Opslaan als › PDF, met
        ‘Documentstructuurlabels voor toegankelijkheid’){published ? "" : ", liefst voordat u de agenda publiceert"}.
        Lezers krijgen intussen de tekstversie.
      </p>
      <ul>
        {inaccessible.map((d) => (
          <li key={d.versionId}>
            <a className="nl-link" href={`/stukken/${d.versionId}`}>
              {d.title}
            </a>
            : niet toegankelijk: {d.accessibilityProblems!.join(", ")}
          </li>
        ))}
      </ul>
    </section>
  );
}
