import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button, FormErrors, TextField } from "~/components/form";
import { requireUser } from "~/auth/permissions.server";
import { rotateViewerSession, signOut } from "~/auth/session.server";
import { SessionEnded } from "~/models/errors";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { userRoleLabels } from "~/lib/vocabulary";
import { publicUrl } from "~/lib/env.server";
import { createCalendarFeed, hasCalendarFeed, revokeCalendarFeed } from "~/models/calendar-feeds.server";
import { changeOwnPassword } from "~/models/users.server";
import { describeSecondFactors } from "~/models/second-factors.server";
import { endOtherSessions, endOwnSession, listOwnSessions } from "~/models/sessions.server";
import { formatDateTime } from "~/lib/format";
import { signInMethodLabels } from "~/lib/vocabulary";
import { changePasswordSchema } from "~/schemas/admin";
import { pageRoute, refusalResponse, retryAfterHeaders } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Mijn account · Gremium" }];

const passwordFields = ["currentPassword", "newPassword", "confirmPassword"];

// A throttled try tells the browser when to come back.
export const headers = retryAfterHeaders;

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  return {
    name: viewer.name,
    email: viewer.email,
    roleLabel: userRoleLabels[viewer.role],
    hasFeed: hasCalendarFeed({ viewer }),
    siteUrl: publicUrl(),
    twoStep: summariseTwoStep(describeSecondFactors({ holder: viewer })),
    sessions: listOwnSessions({ viewer }).map((session) => ({
      ...session,
      methodLabel: signInMethodLabels[session.method],
    })),
  };
});

function summariseTwoStep(factors: ReturnType<typeof describeSecondFactors>) {
  return {
    required: factors.required,
    hasApp: factors.totpSince !== null,
    passkeyCount: factors.passkeys.length,
    recoveryCodesLeft: factors.recoveryCodesLeft,
  };
}

const nothing = {
  result: undefined,
  changed: false,
  feedToken: null,
  feedRevoked: false,
  sessionMessage: null as string | null,
  sessionError: null as string | null,
};

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const formData = await request.clone().formData();
  const intent = formData.get("intent");
  if (intent === "create-feed") {
    return { result: undefined, changed: false, feedToken: createCalendarFeed({ viewer }), feedRevoked: false };
  }
  if (intent === "end-session" || intent === "end-others") {
    try {
      if (intent === "end-others") endOtherSessions({ viewer });
      else endOwnSession({ viewer, sessionId: String(formData.get("sessionId") ?? "") });
    } catch (error) {
      const refusal = refusalResponse(error);
      if (refusal) return { ...nothing, sessionError: await refusal.text() };
      throw error;
    }
    return {
      ...nothing,
      sessionMessage: intent === "end-others" ? "Alle andere sessies zijn beëindigd." : "De sessie is beëindigd.",
    };
  }
  if (intent === "revoke-feed") {
    revokeCalendarFeed({ viewer });
    return { result: undefined, changed: false, feedToken: null, feedRevoked: true };
  }
  const submission = parseWithZod(await request.formData(), { schema: changePasswordSchema });
  if (submission.status !== "success") {
    return data(
      { result: submission.reply({ hideFields: passwordFields }), changed: false, feedToken: null, feedRevoked: false },
      unfinishedStatus(submission),
    );
  }
  try {
    await changeOwnPassword({ viewer, ...submission.value });
  } catch (error) {
    if (error instanceof SessionEnded) throw signOut(request, null, "/inloggen?uitgelogd=veiligheid");
    const reply = replyToModelError(submission, error, { hideFields: passwordFields });
    return data(
      { result: reply.data, changed: false, feedToken: null, feedRevoked: false },
      { status: reply.init?.status ?? 400 },
    );
  }
  // Every session of this user has ended; this browser continues on a fresh one.
  return data(
    { result: submission.reply({ resetForm: true }), changed: true, feedToken: null, feedRevoked: false },
    { headers: { "Set-Cookie": rotateViewerSession(request, viewer) } },
  );
});

export default function Account() {
  const { name, email, roleLabel, hasFeed, siteUrl: site, twoStep, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="gremium-form">
      <h1 className="nl-heading nl-heading--level-1">Mijn account</h1>
      <dl className="gremium-meta">
        <dt>Naam</dt>
        <dd>{name}</dd>
        <dt>E-mailadres</dt>
        <dd>{email}</dd>
        <dt>Rol</dt>
        <dd>{roleLabel}</dd>
      </dl>
      <h2 className="nl-heading nl-heading--level-2">Tweestapsverificatie</h2>
      <p className="nl-paragraph">
        {twoStep.hasApp || twoStep.passkeyCount > 0
          ? `Aan: ${[twoStep.hasApp ? "authenticator-app" : null, twoStep.passkeyCount > 0 ? `${twoStep.passkeyCount} passkey${twoStep.passkeyCount > 1 ? "s" : ""}` : null].filter(Boolean).join(" en ")}; nog ${twoStep.recoveryCodesLeft} herstelcodes.`
          : twoStep.required
            ? "Verplicht voor uw account, maar nog niet ingesteld."
            : "Uit. Zet het aan, zodat niemand met alleen uw wachtwoord kan inloggen."}
      </p>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/account/tweestapsverificatie">
          {twoStep.hasApp || twoStep.passkeyCount > 0
            ? "Tweestapsverificatie beheren"
            : "Tweestapsverificatie instellen"}
        </Link>
      </p>

      <h2 className="nl-heading nl-heading--level-2">Waar u bent ingelogd</h2>
      {actionData && "sessionMessage" in actionData && actionData.sessionMessage ? (
        <Alert type="ok">{actionData.sessionMessage}</Alert>
      ) : null}
      {actionData && "sessionError" in actionData && actionData.sessionError ? (
        <Alert type="error">{actionData.sessionError}</Alert>
      ) : null}
      <div className="gremium-table-wrap" tabIndex={0} role="region" aria-label="Uw sessies">
        <table className="utrecht-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                Apparaat
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Ingelogd
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Laatst actief
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                Adres
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                <span className="gremium-visually-hidden">Actie</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {sessions.map((session) => (
              <tr className="utrecht-table__row" key={session.id}>
                <td className="utrecht-table__cell">
                  {session.device}
                  {session.current ? <strong> (dit apparaat)</strong> : null}
                </td>
                <td className="utrecht-table__cell">
                  {formatDateTime(session.createdAt)}
                  <br />
                  <span className="gremium-muted">{session.methodLabel}</span>
                </td>
                <td className="utrecht-table__cell">
                  {session.lastActiveAt ? formatDateTime(session.lastActiveAt) : "onbekend"}
                </td>
                <td className="utrecht-table__cell">{session.clientAddress ?? "onbekend"}</td>
                <td className="utrecht-table__cell">
                  {session.current ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="end-session" />
                      <input type="hidden" name="sessionId" value={session.id} />
                      <Button>
                        Beëindigen<span className="gremium-visually-hidden"> ({session.device})</span>
                      </Button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sessions.length > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <Button>Overal anders uitloggen</Button>
        </Form>
      ) : null}

      <h2 className="nl-heading nl-heading--level-2">Vergaderingen in uw eigen agenda</h2>
      <p className="nl-paragraph">
        Met een persoonlijke agendalink ziet u de vergaderingen van uw gremia in Outlook, Google Agenda of op uw
        telefoon. De link toont datum, tijd en plaats, nooit de stukken. Deel hem niet; maakt u een nieuwe link, dan
        werkt de oude niet meer.
      </p>
      {actionData?.feedToken ? (
        <Alert type="ok">
          <p className="nl-paragraph">Uw nieuwe agendalink (alleen nu zichtbaar; kopieer hem naar uw agenda):</p>
          <p className="nl-paragraph">
            <code className="gremium-feed-url">{`${site}/kalender/${actionData.feedToken}.ics`}</code>
          </p>
        </Alert>
      ) : null}
      {actionData?.feedRevoked ? (
        <Alert type="ok">
          <p className="nl-paragraph">De agendalink is ingetrokken en werkt niet meer.</p>
        </Alert>
      ) : null}
      <div className="gremium-form-actions">
        <Form method="post">
          <input type="hidden" name="intent" value="create-feed" />
          <Button>{hasFeed ? "Nieuwe agendalink maken" : "Agendalink maken"}</Button>
        </Form>
        {hasFeed ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke-feed" />
            <Button variant="danger">Agendalink intrekken</Button>
          </Form>
        ) : null}
      </div>

      <h2 className="nl-heading nl-heading--level-2">Wachtwoord wijzigen</h2>
      {actionData?.changed ? (
        <Alert type="ok">
          <p className="nl-paragraph">Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.</p>
        </Alert>
      ) : null}
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)}>
        <TextField
          field={fields.currentPassword}
          label="Huidig wachtwoord"
          type="password"
          autoComplete="current-password"
        />
        <TextField
          field={fields.newPassword}
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          description="Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden."
        />
        <TextField
          field={fields.confirmPassword}
          label="Herhaal het nieuwe wachtwoord"
          type="password"
          autoComplete="new-password"
        />
        <div className="gremium-form-actions">
          <Button variant="primary">Wachtwoord wijzigen</Button>
        </div>
      </Form>
    </div>
  );
}
