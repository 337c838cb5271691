import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Alert, SavedStatus } from "~/components/alert";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireRole } from "~/auth/permissions.server";
import { formatDateTime } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { userRoleLabels, userRoles, type UserRole } from "~/lib/vocabulary";
import { deactivateUser, getUserForEdit, reactivateUser, setUserRole } from "~/models/users.server";
import {
  deactivateSchema,
  reactivateSchema,
  reinviteSchema,
  resetSecondStepSchema,
  setRoleSchema,
} from "~/schemas/admin";
import { publicUrl } from "~/lib/env.server";
import { reinviteUser } from "~/models/password-tokens.server";
import { resetSecondFactors, secondStepRequired } from "~/models/second-factors.server";
import { pageRoute } from "~/lib/responses.server";

const schema = z.discriminatedUnion("intent", [
  setRoleSchema,
  deactivateSchema,
  reactivateSchema,
  reinviteSchema,
  resetSecondStepSchema,
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? "Gebruiker"} · Beheer · Gremium` },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const user = getUserForEdit({ viewer, id: requireIdParam(params.id) });
  if (!user) notFound("Deze gebruiker bestaat niet.");
  return { user, isSelf: user.id === viewer.userId };
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const id = requireIdParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema });
  const intent = submission.payload.intent as string;
  if (submission.status !== "success") {
    return data({ formKey: intent, result: submission.reply(), done: null }, unfinishedStatus(submission));
  }
  const input = submission.value;
  try {
    if (input.intent === "set-role") {
      setUserRole({ viewer, id, expectedVersion: input.version, role: input.role });
      return { formKey: intent, result: submission.reply({ resetForm: true }), done: "De rol is gewijzigd." };
    }
    if (input.intent === "deactivate") {
      deactivateUser({ viewer, id, expectedVersion: input.version });
      return {
        formKey: intent,
        result: submission.reply(),
        done: "De gebruiker is gedeactiveerd; open sessies zijn beëindigd.",
      };
    }
    if (input.intent === "reinvite") {
      await reinviteUser({
        viewer,
        userId: id,
        baseUrl: publicUrl(),
        secondStepRequired: (role) => secondStepRequired(role),
      });
      return {
        formKey: intent,
        result: submission.reply(),
        done: "Er is een nieuwe uitnodiging gemaild; een eerdere link werkt niet meer.",
      };
    }
    if (input.intent === "reset-second-step") {
      resetSecondFactors({ viewer, userId: id });
      return {
        formKey: intent,
        result: submission.reply(),
        done: "De tweestapsverificatie is gewist en alle sessies zijn beëindigd. Bij de volgende keer inloggen stelt de gebruiker hem opnieuw in.",
      };
    }
    reactivateUser({ viewer, id, expectedVersion: input.version });
    return { formKey: intent, result: submission.reply(), done: "De gebruiker kan weer inloggen." };
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey: intent, result: reply.data, done: null }, { status: reply.init?.status ?? 400 });
  }
});

type EditableUser = { id: number; name: string; role: UserRole; version: number; deactivatedAt: number | null };

// Keyed by version in the page: after a change the forms start again from the saved values.
function RoleForm({ user, lastAction }: { user: EditableUser; lastAction: KeyedReply }) {
  const [form, fields] = useKeyedForm(validateWith(schema), "set-role", lastAction, {
    defaultValue: { role: user.role },
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="gremium-inline-form">
        <input type="hidden" name="intent" value="set-role" />
        <input type="hidden" name="version" value={user.version} />
        <SelectField
          field={fields.role}
          label="Rol"
          options={userRoles.map((role) => ({ value: role, label: userRoleLabels[role] }))}
        />
        <Button>Rol opslaan</Button>
      </Form>
    </>
  );
}

function AccessForm({ user, isSelf, lastAction }: { user: EditableUser; isSelf: boolean; lastAction: KeyedReply }) {
  const intent = user.deactivatedAt ? "reactivate" : "deactivate";
  const [form] = useKeyedForm(validateWith(schema), intent, lastAction, { shouldValidate: "onSubmit" });
  if (isSelf && !user.deactivatedAt) {
    return <p className="nl-paragraph">U kunt uw eigen account niet deactiveren.</p>;
  }
  return (
    <>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={user.version} />
        {user.deactivatedAt ? (
          <>
            <p className="nl-paragraph">Deze gebruiker kan niet inloggen.</p>
            <Button>Weer activeren</Button>
          </>
        ) : (
          <>
            <p className="nl-paragraph">
              Na deactiveren kan {user.name} niet meer inloggen en worden alle open sessies direct beëindigd.
            </p>
            <Button variant="danger">Gebruiker deactiveren</Button>
          </>
        )}
      </Form>
    </>
  );
}

export default function UserPage() {
  const { user, isSelf } = useLoaderData<typeof loader>();
  const lastAction = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/beheer", label: "Beheer" },
          { to: "/beheer/gebruikers", label: "Gebruikers" },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">{user.name}</h1>
      {searchParams.get("aangemaakt") ? (
        <Alert type="ok">
          <p className="nl-paragraph">
            {searchParams.get("mail") === "mislukt"
              ? "De gebruiker is aangemaakt, maar de uitnodiging kon niet worden gemaild. Stuur hieronder een nieuwe uitnodiging."
              : "De gebruiker is aangemaakt en heeft een uitnodiging gemaild gekregen om een wachtwoord te kiezen (72 uur geldig)."}
          </p>
        </Alert>
      ) : null}
      <SavedStatus message={lastAction?.done} />
      <dl className="gremium-meta">
        <dt>E-mailadres</dt>
        <dd>{user.email}</dd>
        <dt>Organisatie</dt>
        <dd>{user.organisationName ?? "—"}</dd>
        {user.jobTitle ? (
          <>
            <dt>Functie</dt>
            <dd>{user.jobTitle}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>
          {user.deactivatedAt ? (
            <StatusBadge tone="neutral">gedeactiveerd sinds {formatDateTime(user.deactivatedAt)}</StatusBadge>
          ) : (
            <StatusBadge tone="safe">actief</StatusBadge>
          )}
        </dd>
      </dl>

      <h2 className="nl-heading nl-heading--level-2">Rol</h2>
      <RoleForm key={`role-${user.version}`} user={user} lastAction={lastAction} />

      <h2 className="nl-heading nl-heading--level-2">Toegang</h2>
      <AccessForm key={`access-${user.version}`} user={user} isSelf={isSelf} lastAction={lastAction} />

      {user.deactivatedAt ? null : (
        <>
          <h2 className="nl-heading nl-heading--level-2">Inloggen</h2>
          <p className="nl-paragraph">
            Een nieuwe uitnodiging is een link waarmee de gebruiker zelf een wachtwoord kiest, 72 uur geldig: als de
            eerste verlopen of zoekgeraakt is.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="reinvite" />
            <Button>Nieuwe uitnodiging mailen</Button>
          </Form>
          {isSelf ? null : (
            <>
              <p className="nl-paragraph">
                Is de telefoon met de authenticator-app kwijt, en de herstelcodes ook? Ga eerst na dat het verzoek echt
                van deze persoon komt (bel terug op een bekend nummer); wis dan de tweestapsverificatie.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="reset-second-step" />
                <Button variant="danger">Tweestapsverificatie wissen</Button>
              </Form>
            </>
          )}
        </>
      )}
    </>
  );
}
