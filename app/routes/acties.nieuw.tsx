import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { requireUser } from "~/auth/permissions.server";
import { formatDay } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { createAction, getNewActionOptions } from "~/models/actions.server";
import { listOrganisations, listPeopleForCommitments } from "~/models/people.server";
import { createActionSchema } from "~/schemas/actions";

export const meta: MetaFunction = () => [{ title: "Nieuwe actie · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const url = new URL(request.url);
  const itemParam = Number(url.searchParams.get("agendapunt"));
  const options = getNewActionOptions({
    viewer,
    agendaItemId: Number.isInteger(itemParam) && itemParam > 0 ? itemParam : undefined,
  });
  const preset = options.bodies.find(
    (b) => b.slug === url.searchParams.get("gremium") || b.id === options.agendaItem?.bodyId,
  );
  return {
    ...options,
    presetBodyId: preset?.id ?? (options.bodies.length === 1 ? options.bodies[0]!.id : null),
    people: listPeopleForCommitments({ viewer }).map((p) => ({
      value: p.id,
      label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
    })),
    organisations: listOrganisations({ viewer }).map((o) => ({ value: o.id, label: o.name })),
  };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: createActionSchema });
  if (submission.status !== "success")
    return data({ formKey: "create", result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  const input = submission.value;
  try {
    const { id } = createAction({
      viewer,
      input: {
        bodyId: input.bodyId,
        description: input.description,
        ownerPersonId: input.ownerPersonId ?? null,
        organisationId: input.organisationId ?? null,
        dueOn: input.dueOn ?? null,
        agendaItemId: input.agendaItemId ?? null,
        meetingId: input.meetingId ?? null,
        openedOn: input.openedOn ?? null,
      },
    });
    return redirect(`/acties/${id}?gedaan=aangemaakt`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey: "create", result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

export default function NewAction() {
  const { bodies, meetings, agendaItem, presetBodyId, people, organisations } = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as KeyedReply;
  const [form, fields] = useKeyedForm(validateWith(createActionSchema), "create", lastReply, {
    defaultValue: {
      bodyId: presetBodyId ? String(presetBodyId) : "",
      agendaItemId: agendaItem ? String(agendaItem.id) : "",
    },
  });
  return (
    <>
      <Breadcrumb items={[{ to: "/acties", label: "Acties" }]} />
      <h1 className="nl-heading nl-heading--level-1">Nieuwe actie</h1>
      {agendaItem ? (
        <p className="nl-paragraph">
          Bij agendapunt ‘{agendaItem.subject}’ van {formatDay(agendaItem.startsAt)}.
        </p>
      ) : (
        <p className="nl-paragraph">
          Een toezegging bij een besluit legt u vast bij het besluit; hier maakt u een losse actie voor een gremium.
        </p>
      )}
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        {agendaItem ? <input type="hidden" name={fields.agendaItemId.name} value={agendaItem.id} /> : null}
        <SelectField
          field={fields.bodyId}
          label="Gremium dat de actie volgt"
          placeholder="Kies een gremium"
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
        />
        <TextAreaField field={fields.description} label="Wat moet er gebeuren" rows={3} />
        <div className="gremium-two-columns">
          <SelectField
            field={fields.ownerPersonId}
            label="Eigenaar"
            optional
            placeholder="Kies een persoon"
            options={people}
          />
          <SelectField
            field={fields.organisationId}
            label="Namens organisatie"
            optional
            placeholder="De organisatie van de eigenaar"
            options={organisations}
          />
        </div>
        <TextField
          field={fields.dueOn}
          type="date"
          label="Termijn"
          optional
          description="Vanaf de dag waarop de actie ontstond: vandaag, of de dag van de vergadering."
        />
        <TextField
          field={fields.openedOn}
          type="date"
          label="Ontstaan op"
          optional
          description="Alleen voor een actie uit het verleden die u nu vastlegt; leeg is vandaag of de dag van de vergadering."
        />
        {agendaItem ? null : (
          <SelectField
            field={fields.meetingId}
            label="Uit vergadering"
            optional
            placeholder="Geen vergadering"
            options={meetings.map((m) => ({ value: m.id, label: `${m.bodyName}, ${formatDay(m.startsAt)}` }))}
          />
        )}
        <Button variant="primary">Actie aanmaken</Button>
      </Form>
    </>
  );
}
