import { getFormProps } from "@conform-to/react";
import { Form, Link, type useLoaderData } from "@remix-run/react";
import { Button, FormErrors, TextField } from "~/components/form";
import { ConfirmForm } from "~/components/confirm";
import { DateWarningNote } from "~/components/date-warning";
import type { ConfirmationText } from "~/lib/confirmation";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { amsterdamDateAndTime, formatTime } from "~/lib/format";
import type { loader } from "~/routes/vergaderingen.$id._index";

/** The secretariaat's part of a meeting page: links to prepare it, publish, move and cancel. */
export default function ManageMeeting({
  meeting,
  started,
  ended,
  lastAction,
  confirmations,
}: {
  meeting: ReturnType<typeof useLoaderData<typeof loader>>["meeting"];
  started: boolean;
  ended: boolean;
  lastAction: (KeyedReply & { dateWarning?: { date: string; messages: string[] } | null }) | undefined;
  confirmations: { publish: ConfirmationText; mailChanges: ConfirmationText };
}) {
  const [publishForm] = useKeyedForm(null, "publish", lastAction);
  const [recordHeldForm] = useKeyedForm(null, "record-held", lastAction);
  const current = amsterdamDateAndTime(meeting.startsAt);
  const [moveForm, moveFields] = useKeyedForm(null, "move", lastAction, {
    defaultValue: {
      date: current.date,
      startTime: formatTime(meeting.startsAt),
      endTime: formatTime(meeting.endsAt),
    },
  });
  const [cancelForm, cancelFields] = useKeyedForm(null, "cancel", lastAction);
  const open = meeting.status === "concept" || meeting.status === "gepubliceerd";
  return (
    <section aria-labelledby="voorbereiden">
      <h2 className="nl-heading nl-heading--level-2" id="voorbereiden">
        Voorbereiden
      </h2>
      <ul className="gremium-pager">
        {open ? (
          <li>
            <Link className="nl-link" to={`/vergaderingen/${meeting.id}/agenda`}>
              Agenda bewerken
            </Link>
          </li>
        ) : null}
        {open ? (
          <li>
            <Link className="nl-link" to={`/vergaderingen/${meeting.id}/bewerken`}>
              Gegevens wijzigen
            </Link>
          </li>
        ) : null}
        {meeting.status === "gepubliceerd" || meeting.status === "vergaderd" ? (
          <li>
            <Link className="nl-link" to={`/vergaderingen/${meeting.id}/vergadermodus`}>
              Vergadermodus: de vergadering leiden
            </Link>
          </li>
        ) : null}
        {started && (meeting.status === "gepubliceerd" || meeting.status === "vergaderd") ? (
          <>
            <li>
              <Link className="nl-link" to={`/vergaderingen/${meeting.id}/aanwezigheid`}>
                Aanwezigheid vastleggen
              </Link>
            </li>
            <li>
              <Link className="nl-link" to={`/vergaderingen/${meeting.id}/besluiten`}>
                Besluiten vastleggen
              </Link>
            </li>
            <li>
              <Link className="nl-link" to={`/vergaderingen/${meeting.id}/actielijst`}>
                Actielijst verwerken
              </Link>
            </li>
          </>
        ) : null}
        <li>
          <Link className="nl-link" to={`/vergaderingen/${meeting.id}?weergave=publiek`}>
            Zo ziet het publiek deze agenda
          </Link>
        </li>
      </ul>
      {open ? (
        <div className="gremium-actions">
          {meeting.status === "concept" && !ended ? (
            <section aria-labelledby="publiceren">
              <h3 className="nl-heading nl-heading--level-3" id="publiceren">
                Publiceren
              </h3>
              <p className="nl-paragraph">
                {meeting.isPublic
                  ? "Na publicatie kan iedereen de agenda lezen, behalve de besloten punten."
                  : "Na publicatie kunnen de leden van het gremium de agenda lezen."}{" "}
                De genodigden krijgen de agenda per e-mail, met een uitnodiging voor hun agenda.
              </p>
              <FormErrors form={publishForm} />
              <ConfirmForm
                fields={[
                  ["intent", "publish"],
                  ["version", meeting.version],
                ]}
                text={confirmations.publish}
                variant="primary"
              >
                Agenda publiceren
              </ConfirmForm>
            </section>
          ) : null}
          {meeting.status === "concept" && started ? (
            <section aria-labelledby="vastleggen-als-gehouden">
              <h3 className="nl-heading nl-heading--level-3" id="vastleggen-als-gehouden">
                Vastleggen als gehouden vergadering
              </h3>
              <p className="nl-paragraph">
                Deze vergadering is {ended ? "al geweest" : "al begonnen"}. Legt u haar achteraf vast, bijvoorbeeld uit
                het archief, dan wordt de agenda zichtbaar zoals na publicatie, maar{" "}
                <strong>krijgt niemand een e-mail of uitnodiging</strong>. Daarna legt u de aanwezigheid, de besluiten
                en de vaststelling vast met hun eigen datums.
              </p>
              <FormErrors form={recordHeldForm} />
              <Form method="post" {...getFormProps(recordHeldForm)}>
                <input type="hidden" name="intent" value="record-held" />
                <input type="hidden" name="version" value={meeting.version} />
                <Button variant="primary">Vastleggen als gehouden, zonder e-mail</Button>
              </Form>
            </section>
          ) : null}
          {meeting.status === "gepubliceerd" && !ended && meeting.changedItems.length > 0 ? (
            <section aria-labelledby="wijzigingen-mailen">
              <h3 className="nl-heading nl-heading--level-3" id="wijzigingen-mailen">
                Wijzigingen melden
              </h3>
              <p className="nl-paragraph">
                Stuur de genodigden de gewijzigde agenda, met de gewijzigde punten bovenaan.
              </p>
              <ConfirmForm fields={[["intent", "mail-changes"]]} text={confirmations.mailChanges}>
                Gewijzigde agenda mailen
              </ConfirmForm>
            </section>
          ) : null}
          <section aria-labelledby="verplaatsen">
            <h3 className="nl-heading nl-heading--level-3" id="verplaatsen">
              Verplaatsen
            </h3>
            <FormErrors form={moveForm} />
            <Form method="post" {...getFormProps(moveForm)}>
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="version" value={meeting.version} />
              <TextField field={moveFields.date} label="Nieuwe datum" type="date" />
              <div className="gremium-two-columns">
                <TextField field={moveFields.startTime} label="Begintijd" />
                <TextField field={moveFields.endTime} label="Eindtijd" />
              </div>
              {lastAction?.formKey === "move" ? (
                <DateWarningNote warning={lastAction.dateWarning} submitLabel="Vergadering verplaatsen" />
              ) : null}
              <Button>Vergadering verplaatsen</Button>
            </Form>
          </section>
          <section aria-labelledby="annuleren">
            <h3 className="nl-heading nl-heading--level-3" id="annuleren">
              Annuleren
            </h3>
            <p className="nl-paragraph">De vergadering blijft zichtbaar als geannuleerd, met de reden.</p>
            <FormErrors form={cancelForm} />
            <Form method="post" {...getFormProps(cancelForm)}>
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="version" value={meeting.version} />
              <TextField field={cancelFields.reason} label="Reden" />
              <Button variant="danger">Vergadering annuleren</Button>
            </Form>
          </section>
        </div>
      ) : null}
    </section>
  );
}
