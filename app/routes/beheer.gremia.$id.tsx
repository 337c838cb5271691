import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Alert, SavedStatus } from "~/components/alert";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { BodyFields } from "~/components/body-fields";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextField } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireRole } from "~/auth/permissions.server";
import { formatDate, todayIso } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { membershipRoleLabels, membershipRoles } from "~/lib/vocabulary";
import { getBodyForEdit, listBodiesForSelect, retireBody, updateBody } from "~/models/bodies.server";
import { addMembership, endMembership, listMembershipsForAdmin } from "~/models/memberships.server";
import { listPeopleForSelect } from "~/models/people.server";
import { addMembershipSchema, endMembershipSchema, retireBodySchema, updateBodySchema } from "~/schemas/admin";
import { pageRoute } from "~/lib/responses.server";

const schema = z.discriminatedUnion("intent", [
  updateBodySchema,
  retireBodySchema,
  addMembershipSchema,
  endMembershipSchema,
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.body.name ?? "Gremium"} · Beheer · Gremium` },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const body = getBodyForEdit({ viewer, id: requireIdParam(params.id) });
  if (!body) notFound("Dit gremium bestaat niet.");
  return {
    body,
    parents: listBodiesForSelect({ viewer }).filter((b) => b.id !== body.id && b.activeUntil === null),
    memberships: listMembershipsForAdmin({ viewer, bodyId: body.id }),
    people: listPeopleForSelect({ viewer }),
    today: todayIso(),
  };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const id = requireIdParam(params.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  const intent = String(formData.get("intent") ?? "");
  // Each membership row has its own form; the id tells which one a reply belongs to.
  const formKey = intent === "end-membership" ? `end-membership-${formData.get("membershipId")}` : intent;
  if (submission.status !== "success") {
    return data(
      { formKey, result: submission.reply(), done: null, currentVersion: null },
      unfinishedStatus(submission),
    );
  }
  const input = submission.value;
  try {
    switch (input.intent) {
      case "update":
        updateBody({ viewer, id, expectedVersion: input.version, input });
        return {
          formKey,
          result: submission.reply(),
          done: "De gegevens van het gremium zijn opgeslagen.",
          currentVersion: null,
        };
      case "retire":
        retireBody({ viewer, id, expectedVersion: input.version, activeUntil: input.activeUntil });
        return {
          formKey,
          result: submission.reply({ resetForm: true }),
          done: "Het gremium is opgeheven en staat in het archief.",
          currentVersion: null,
        };
      case "add-membership":
        addMembership({ viewer, bodyId: id, personId: input.personId, role: input.role, startsOn: input.startsOn });
        return {
          formKey,
          result: submission.reply({ resetForm: true }),
          done: "Het lidmaatschap is toegevoegd.",
          currentVersion: null,
        };
      case "end-membership":
        endMembership({ viewer, id: input.membershipId, expectedVersion: input.version, endsOn: input.endsOn });
        return {
          formKey,
          result: submission.reply({ resetForm: true }),
          done: "Het lidmaatschap is beëindigd.",
          currentVersion: null,
        };
    }
  } catch (error) {
    const reply = replyToModelError(submission, error);
    // On a conflict the form keeps what was typed and takes the saved version, so a second
    // save is a deliberate overwrite after looking at the current data.
    const currentVersion =
      reply.init?.status === 409 && input.intent === "update"
        ? (getBodyForEdit({ viewer, id })?.version ?? null)
        : null;
    return data({ formKey, result: reply.data, done: null, currentVersion }, { status: reply.init?.status ?? 400 });
  }
});

function EndMembershipForm({
  membership,
  today,
  lastAction,
}: {
  membership: { id: number; version: number; personName: string };
  today: string;
  lastAction: KeyedReply;
}) {
  const [form, fields] = useKeyedForm(validateWith(schema), `end-membership-${membership.id}`, lastAction, {
    defaultValue: { endsOn: today },
  });
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="gremium-inline-form"
      aria-label={`Lidmaatschap van ${membership.personName} beëindigen`}
    >
      <input type="hidden" name="intent" value="end-membership" />
      <input type="hidden" name="membershipId" value={membership.id} />
      <input type="hidden" name="version" value={membership.version} />
      <TextField field={fields.endsOn} label={`Laatste dag van ${membership.personName}`} type="date" />
      <Button>Beëindigen</Button>
    </Form>
  );
}

export default function AdminBody() {
  const { body, parents, memberships, people, today } = useLoaderData<typeof loader>();
  const lastAction = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const version = lastAction?.currentVersion ?? body.version;
  const [editForm, editFields] = useKeyedForm(validateWith(schema), "update", lastAction, {
    defaultValue: {
      name: body.name,
      shortName: body.shortName ?? "",
      slug: body.slug,
      kind: body.kind,
      parentId: body.parentId ? String(body.parentId) : "",
      meetingFrequency: body.meetingFrequency ?? "",
      wooFooting: body.wooFooting,
      writtenRule: body.writtenRule,
      writtenQuorumPercent: String(body.writtenQuorumPercent),
      activeFrom: body.activeFrom,
      purposeMarkdown: body.purposeMarkdown,
    },
  });
  const [retireForm, retireFields] = useKeyedForm(validateWith(schema), "retire", lastAction, {
    defaultValue: { activeUntil: today },
  });
  const [addForm, addFields] = useKeyedForm(validateWith(schema), "add-membership", lastAction, {
    defaultValue: { role: "lid", startsOn: today },
  });

  return (
    <>
      <Breadcrumb
        items={[
          { to: "/beheer", label: "Beheer" },
          { to: "/beheer/gremia", label: "Gremia en leden" },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">{body.name}</h1>
      <p className="nl-paragraph">
        <Link className="nl-link" to={`/gremia/${body.slug}`}>
          Bekijk de openbare pagina
        </Link>
      </p>
      {searchParams.get("aangemaakt") ? (
        <Alert type="ok">
          <p className="nl-paragraph">Het gremium is aangemaakt. Voeg hieronder de leden toe.</p>
        </Alert>
      ) : null}
      <SavedStatus message={lastAction?.done} />

      <h2 className="nl-heading nl-heading--level-2" id="leden">
        Leden
      </h2>
      {memberships.length === 0 ? (
        <p className="nl-paragraph">Dit gremium heeft nog geen leden.</p>
      ) : (
        <div className="gremium-table-wrap">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption gremium-visually-hidden">
              Lidmaatschappen van {body.name}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Naam
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Rol
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Periode
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Beëindigen
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {memberships.map((m) => (
                <tr key={m.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    {m.personName}
                    {m.organisationName ? <div className="gremium-muted">{m.organisationName}</div> : null}
                  </td>
                  <td className="utrecht-table__cell">{membershipRoleLabels[m.role]}</td>
                  <td className="utrecht-table__cell">
                    {formatDate(m.startsOn)} – {m.endsOn ? `t/m ${formatDate(m.endsOn)}` : "heden"}{" "}
                    {m.isCurrent ? null : (
                      <StatusBadge tone="neutral">{m.startsOn > today ? "toekomstig" : "beëindigd"}</StatusBadge>
                    )}
                  </td>
                  <td className="utrecht-table__cell">
                    {m.endsOn === null ? (
                      <EndMembershipForm membership={m} today={today} lastAction={lastAction} />
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="nl-heading nl-heading--level-3">Lid toevoegen</h3>
      <p className="nl-paragraph">
        Staat de persoon er niet bij?{" "}
        <Link className="nl-link" to="/beheer/personen/nieuw">
          Voeg eerst een persoon toe
        </Link>
        .
      </p>
      <FormErrors form={addForm} />
      <Form method="post" {...getFormProps(addForm)} className="gremium-form">
        <input type="hidden" name="intent" value="add-membership" />
        <SelectField
          field={addFields.personId}
          label="Persoon"
          placeholder="Kies een persoon"
          options={people.map((p) => ({
            value: p.id,
            label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
          }))}
        />
        <SelectField
          field={addFields.role}
          label="Rol in dit gremium"
          options={membershipRoles.map((role) => ({ value: role, label: membershipRoleLabels[role] }))}
        />
        <TextField field={addFields.startsOn} label="Lid vanaf" type="date" />
        <Button variant="primary">Lid toevoegen</Button>
      </Form>

      <h2 className="nl-heading nl-heading--level-2">Gegevens</h2>
      <FormErrors form={editForm} />
      <Form method="post" {...getFormProps(editForm)} className="gremium-form">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={version} />
        <BodyFields fields={editFields} parents={parents} />
        <div className="gremium-form-actions">
          <Button variant="primary">Gegevens opslaan</Button>
        </div>
      </Form>

      <h2 className="nl-heading nl-heading--level-2">Opheffen</h2>
      {body.activeUntil ? (
        <p className="nl-paragraph">
          Dit gremium is opgeheven per {formatDate(body.activeUntil)}. Het blijft leesbaar in het archief.
        </p>
      ) : (
        <>
          <p className="nl-paragraph">
            Een opgeheven gremium verdwijnt uit de actuele overzichten, maar blijft met zijn leden en stukken leesbaar
            in het archief.
          </p>
          <FormErrors form={retireForm} />
          <Form method="post" {...getFormProps(retireForm)} className="gremium-form">
            <input type="hidden" name="intent" value="retire" />
            <input type="hidden" name="version" value={version} />
            <TextField field={retireFields.activeUntil} label="Opgeheven per" type="date" />
            <Button variant="danger">Gremium opheffen</Button>
          </Form>
        </>
      )}
    </>
  );
}
