import { commitmentOwner } from "~/lib/commitment-owner";
import { getFormProps, getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Alert, SavedStatus } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, CheckboxField, FormErrors, SelectField, TextAreaField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { StatusBadge } from "~/components/status-badge";
import { forbidden, notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { formatDate, formatDay } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { decisionOutcomeLabels, decisionOutcomes } from "~/lib/vocabulary";
import { getDecisionList, recordDecision, removeDecision, updateDecision } from "~/models/decisions.server";
import { listOrganisations, listPeopleForCommitments } from "~/models/people.server";
import { recordDecisionSchema, removeDecisionSchema, updateDecisionSchema } from "~/schemas/decisions";
import { pageRoute } from "~/lib/responses.server";
import { countOf, type ConfirmationText } from "~/lib/confirmation";
import { askConfirmation, isConfirmed } from "~/lib/confirmation.server";
import { ConfirmForm, ConfirmationStep, pendingConfirmation } from "~/components/confirm";

function removeDecisionText(reference: string, commitments: number): ConfirmationText {
  return {
    title: `Besluit ${reference} verwijderen?`,
    question: `Het besluit verdwijnt uit de conceptbesluitenlijst${commitments > 0 ? `, met ${countOf(commitments, "toezegging", "toezeggingen")} op de actielijst` : ""}. Dit kunt u niet ongedaan maken.`,
    confirmLabel: `Besluit ${reference} verwijderen`,
    danger: true,
  };
}

const schema = z.discriminatedUnion("intent", [recordDecisionSchema, updateDecisionSchema, removeDecisionSchema]);
type ArrayField = { getFieldList(): { getFieldset(): Record<string, FieldMetadata<any, any, any>> }[] };

export const meta: MetaFunction = () => [{ title: "Besluiten vastleggen · Gremium" }];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const list = getDecisionList({ viewer, meetingId: requireIdParam(params.id) });
  if (!list) notFound("Deze vergadering bestaat niet.");
  if (!list.meeting.canManage || !list.visible)
    forbidden("Alleen het secretariaat van dit gremium legt besluiten vast.");
  // The hamerstuk that adopts an earlier list offers that list's decisions for amendment.
  const adoptionItem = list.meeting.sections.flatMap((s) => s.items).find((item) => item.adoptsMeetingId);
  const toAdopt = adoptionItem?.adoptsMeetingId
    ? getDecisionList({ viewer, meetingId: adoptionItem.adoptsMeetingId })
    : null;
  return {
    list,
    toAdopt: toAdopt?.visible
      ? {
          status: toAdopt.status,
          decisions: toAdopt.decisions.map((d) => ({ id: d.id, reference: d.reference, textMarkdown: d.textMarkdown })),
        }
      : null,
    people: listPeopleForCommitments({ viewer }).map((p) => ({
      value: p.id,
      label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
    })),
    organisations: listOrganisations({ viewer }).map((o) => ({ value: o.id, label: o.name })),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const meetingId = requireIdParam(params.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  const intent = String(formData.get("intent") ?? "");
  const formKey = intent === "record" ? `record-${formData.get("itemId")}` : `${intent}-${formData.get("decisionId")}`;
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply(), done: null }, unfinishedStatus(submission));
  const input = submission.value;
  try {
    if (input.intent === "record") {
      const { reference } = recordDecision({
        viewer,
        agendaItemId: input.itemId,
        input: {
          ...input,
          commitments: input.commitments
            .filter((c) => c.description)
            .map((c) => ({ ...c, description: c.description! })),
        },
      });
      return { formKey, result: submission.reply({ resetForm: true }), done: `Besluit ${reference} is vastgelegd.` };
    }
    if (input.intent === "update") {
      updateDecision({ viewer, id: input.decisionId, expectedVersion: input.version, input });
      return { formKey, result: submission.reply(), done: "Het besluit is gewijzigd." };
    }
    if (!isConfirmed(formData)) {
      const list = getDecisionList({ viewer, meetingId });
      const decision = list?.visible ? list.decisions.find((d) => d.id === input.decisionId) : undefined;
      if (decision)
        return askConfirmation(formData, removeDecisionText(decision.reference, decision.commitments.length));
    }
    removeDecision({ viewer, id: input.decisionId });
    return { formKey, result: submission.reply(), done: "Het besluit is verwijderd." };
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data, done: null }, { status: reply.init?.status ?? 400 });
  }
});

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Item = LoaderData["list"]["meeting"]["sections"][number]["items"][number];

const outcomeOptions = decisionOutcomes.map((o) => ({ value: o, label: decisionOutcomeLabels[o] }));

function RecordForm({
  item,
  lastAction,
  people,
  organisations,
  toAdopt,
}: {
  item: Item;
  lastAction: KeyedReply;
  people: LoaderData["people"];
  organisations: LoaderData["organisations"];
  toAdopt: LoaderData["toAdopt"];
}) {
  const adopting = Boolean(item.adoptsMeetingId && toAdopt);
  const [form, fields] = useKeyedForm(validateWith(schema), `record-${item.id}`, lastAction, {
    defaultValue: {
      outcome: adopting ? "conform" : "",
      commitments: [{ description: "" }],
      amendments: (adopting ? toAdopt!.decisions : []).map((d) => ({
        decisionId: String(d.id),
        textMarkdown: d.textMarkdown,
      })),
    },
  });
  // Array fields of a union schema are not typed by conform; these two are arrays by the schema.
  const commitmentRows = (fields.commitments as unknown as ArrayField).getFieldList();
  // One row to start with; "Nog een toezegging" adds one, also without JavaScript (a conform intent).
  const rows = commitmentRows.map((row) => row.getFieldset());
  const amendmentRows = (fields.amendments as unknown as ArrayField).getFieldList();
  return (
    <details
      className="gremium-record"
      // Open again after a refusal, or after "Nog een toezegging" (a reply without an error that saved nothing).
      open={lastAction?.formKey === `record-${item.id}` && lastAction.result.status !== "success"}
    >
      <summary>Besluit vastleggen bij {item.number}</summary>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <input type="hidden" name="intent" value="record" />
        <input type="hidden" name="itemId" value={item.id} />
        <SelectField
          field={fields.outcome}
          label="Uitkomst"
          placeholder="Kies de uitkomst"
          options={
            adopting
              ? outcomeOptions.filter((o) => ["conform", "gewijzigd", "aangehouden"].includes(o.value))
              : outcomeOptions
          }
        />
        {adopting ? (
          <fieldset className="gremium-fieldset">
            <legend>Besluiten van de lijst die nu wordt vastgesteld</legend>
            <p className="nl-paragraph gremium-muted">
              Pas de tekst aan van een besluit dat gewijzigd wordt vastgesteld; de oude tekst blijft in de geschiedenis.
            </p>
            {toAdopt!.decisions.map((decision, i) => {
              const row = amendmentRows[i]?.getFieldset();
              if (!row) return null;
              const { key, ...textareaProps } = getTextareaProps(row.textMarkdown);
              return (
                <div key={decision.id} className="utrecht-form-field">
                  <input type="hidden" name={row.decisionId.name} value={decision.id} />
                  <label className="utrecht-form-label" htmlFor={row.textMarkdown.id}>
                    Besluit {decision.reference}
                  </label>
                  <textarea
                    key={key}
                    {...textareaProps}
                    rows={3}
                    className="utrecht-textarea utrecht-textarea--html-textarea"
                  />
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <TextAreaField
          field={fields.textMarkdown}
          label="Besluit"
          optional
          rows={4}
          markdown
          description="Bijvoorbeeld per voorstel: 1. Conform vastgesteld. 2. …"
        />
        <TextAreaField field={fields.discussionMarkdown} label="Verslag (kort: wat werd besproken)" optional rows={4} />
        <CheckboxField
          field={fields.isConfidential}
          label="Besloten besluit"
          description="Alleen voor de leden; een besluit bij een besloten agendapunt is altijd besloten."
        />
        <fieldset className="gremium-fieldset">
          <legend>Toezeggingen</legend>
          {rows.map((row, i) =>
            row ? (
              <div key={i} className="gremium-commitment">
                <TextAreaField
                  field={row.description}
                  label={`Toezegging ${i + 1}: wat is er toegezegd`}
                  optional
                  rows={2}
                />
                <div className="gremium-two-columns">
                  <SelectField
                    field={row.personId}
                    label={`Toezegging ${i + 1}: door wie`}
                    optional
                    placeholder="Kies een persoon"
                    options={people}
                  />
                  <SelectField
                    field={row.organisationId}
                    label={`Toezegging ${i + 1}: namens organisatie`}
                    optional
                    placeholder="Kies een organisatie"
                    options={organisations}
                  />
                  <DateInput field={row.dueOn} label={`Toezegging ${i + 1}: uiterlijk`} />
                </div>
              </div>
            ) : null,
          )}
          <Button {...form.insert.getButtonProps({ name: fields.commitments.name })}>Nog een toezegging</Button>
        </fieldset>
        <Button variant="primary">Besluit vastleggen</Button>
      </Form>
    </details>
  );
}

function DateInput({ field, label }: { field: Parameters<typeof getInputProps>[0]; label: string }) {
  const { key, ...props } = getInputProps(field, { type: "date" });
  return (
    <div className={`utrecht-form-field${field.errors ? " utrecht-form-field--invalid" : ""}`}>
      <label className="utrecht-form-label" htmlFor={field.id}>
        {label} <span className="gremium-muted">(niet verplicht)</span>
      </label>
      {field.errors ? (
        <div className="utrecht-form-field-error-message" id={field.errorId}>
          {field.errors.join(" ")}
        </div>
      ) : null}
      <input key={key} {...props} className="utrecht-textbox utrecht-textbox--html-input" />
    </div>
  );
}

function DecisionEntry({
  decision,
  lastAction,
  editable,
}: {
  decision: Extract<LoaderData["list"], { visible: true }>["decisions"][number];
  lastAction: KeyedReply;
  editable: boolean;
}) {
  const [form, fields] = useKeyedForm(validateWith(schema), `update-${decision.id}`, lastAction, {
    defaultValue: {
      outcome: decision.outcome,
      textMarkdown: decision.textMarkdown,
      discussionMarkdown: "",
      isConfidential: decision.isConfidential ? "on" : "",
    },
  });
  return (
    <li className="gremium-decision">
      <p className="nl-paragraph">
        <strong>{decision.reference}</strong> — {decisionOutcomeLabels[decision.outcome]}{" "}
        {decision.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
      </p>
      {decision.textHtml ? (
        <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: decision.textHtml }} />
      ) : null}
      {decision.commitments.length > 0 ? (
        <ul>
          {decision.commitments.map((c, i) => {
            const details = [commitmentOwner(c), c.dueOn ? `uiterlijk ${formatDate(c.dueOn)}` : ""].filter(Boolean);
            return (
              <li key={i}>
                Toezegging: {c.description}
                {details.length > 0 ? ` (${details.join(", ")})` : ""}
              </li>
            );
          })}
        </ul>
      ) : null}
      {editable ? (
        <details>
          <summary>Besluit {decision.reference} wijzigen of verwijderen</summary>
          <FormErrors form={form} />
          <Form method="post" {...getFormProps(form)} className="gremium-form">
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="decisionId" value={decision.id} />
            <input type="hidden" name="version" value={decision.version} />
            <SelectField field={fields.outcome} label="Uitkomst" options={outcomeOptions} />
            <TextAreaField field={fields.textMarkdown} label="Besluit" optional rows={4} markdown />
            <TextAreaField
              field={fields.discussionMarkdown}
              label="Verslag (kort: wat werd besproken)"
              optional
              rows={3}
            />
            <CheckboxField field={fields.isConfidential} label="Besloten besluit" />
            <Button>Wijziging opslaan</Button>
          </Form>
          <ConfirmForm
            fields={[
              ["intent", "remove"],
              ["decisionId", decision.id],
            ]}
            text={removeDecisionText(decision.reference, decision.commitments.length)}
            variant="danger"
          >
            Besluit {decision.reference} verwijderen
          </ConfirmForm>
        </details>
      ) : null}
    </li>
  );
}

export default function RecordDecisions() {
  const { list, toAdopt, people, organisations } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const confirmation = pendingConfirmation(answer);
  const lastAction = answer && "formKey" in answer ? answer : undefined;
  const meeting = list.meeting;
  const decisionsByItem = list.visible ? list.decisions : [];
  const editable = list.status === "concept";
  const meetingLabel = `${meeting.bodyName}, ${formatDay(meeting.startsAt)}`;
  const breadcrumb = (
    <Breadcrumb
      items={[
        { to: "/vergaderingen", label: "Vergaderingen" },
        { to: `/vergaderingen/${meeting.id}`, label: meetingLabel },
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
    <>
      {breadcrumb}
      <h1 className="nl-heading nl-heading--level-1">Besluiten vastleggen</h1>
      <p className="nl-paragraph">
        {meetingLabel}. Besluitenlijst: <strong>{list.status}</strong>.{" "}
        <Link className="nl-link" to={`/vergaderingen/${meeting.id}/besluitenlijst`}>
          Bekijk de besluitenlijst
        </Link>
      </p>
      {meeting.recordedAfterwardsAt ? (
        <p className="nl-paragraph">
          Deze vergadering is achteraf vastgelegd: besluiten, toezeggingen en de vaststelling van een eerdere lijst
          krijgen de datum van de vergadering, en niemand wordt gemaild. Een termijn mag vanaf die datum.
        </p>
      ) : null}
      {!editable ? (
        <Alert type="info">
          <p className="nl-paragraph">
            Deze besluitenlijst is vastgesteld. Wijzigen kan alleen via een besluit van een latere vergadering.
          </p>
        </Alert>
      ) : null}
      <SavedStatus message={lastAction?.done} />
      {meeting.sections.map(({ items }) =>
        items.map((item) => (
          <section key={item.id} aria-labelledby={`punt-${item.id}`} className="gremium-record-item">
            <h2 className="nl-heading nl-heading--level-3" id={`punt-${item.id}`}>
              {item.number} {item.subject}{" "}
              {item.isConfidential ? <StatusBadge tone="warning">besloten</StatusBadge> : null}
            </h2>
            {item.proposalHtml ? (
              <div className="gremium-prose gremium-muted" dangerouslySetInnerHTML={{ __html: item.proposalHtml }} />
            ) : null}
            <ul className="gremium-decisions">
              {decisionsByItem
                .filter((d) => d.agendaItemId === item.id)
                .map((d) => (
                  <DecisionEntry
                    key={`${d.id}-${d.version}`}
                    decision={d}
                    lastAction={lastAction}
                    editable={editable}
                  />
                ))}
            </ul>
            {editable ? (
              <RecordForm
                // A new decision remounts the form: closed and empty, with the decision listed above it.
                key={`${item.id}-${decisionsByItem.filter((d) => d.agendaItemId === item.id).length}`}
                item={item}
                lastAction={lastAction}
                people={people}
                organisations={organisations}
                toAdopt={toAdopt}
              />
            ) : null}
          </section>
        )),
      )}
    </>
  );
}
