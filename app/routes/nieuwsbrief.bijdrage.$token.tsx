import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Button } from "~/components/form";
import { assertSameOrigin } from "~/auth/csrf.server";
import { notFound } from "~/auth/guards";
import { renderMarkdown } from "~/lib/markdown.server";
import { ConflictError } from "~/models/errors";
import { getContribution, saveContribution } from "~/models/newsletters.server";
import { MarkdownPreview } from "~/components/markdown-preview";

export const meta: MetaFunction = () => [{ title: "Bijdrage voor de nieuwsbrief · Gremium" }];

// The personal link from the mail opens this one block and nothing else; no sign-in needed.
export const loader = pageRoute(async ({ params }: LoaderFunctionArgs) => {
  const contribution = getContribution({ token: params.token ?? "" });
  if (!contribution) notFound("Deze link is ongeldig, of de nieuwsbrief is al verschenen.");
  return contribution;
});

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const token = params.token ?? "";
  const form = await request.formData();
  const bodyMarkdown = String(form.get("bodyMarkdown") ?? "").slice(0, 50_000);
  if (form.get("intent") === "preview") return { bodyMarkdown, preview: renderMarkdown(bodyMarkdown), error: null };
  try {
    const saved = saveContribution({
      token,
      expectedVersion: Number(form.get("version")),
      bodyMarkdown,
      ready: form.get("ready") === "on",
    });
    if (!saved) notFound("Deze link is ongeldig.");
    return redirect(`/nieuwsbrief/bijdrage/${token}?opgeslagen=1`);
  } catch (error) {
    if (error instanceof ConflictError)
      return data({ bodyMarkdown, preview: null, error: error.message }, { status: 409 });
    throw error;
  }
});

export default function Contribution() {
  const contribution = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">
        {contribution.title} <span className="gremium-muted">voor {contribution.editionTitle}</span>
      </h1>
      {searchParams.get("opgeslagen") ? (
        <Alert type="ok">
          Opgeslagen
          {contribution.readyAt ? " en klaar gemeld. Dank u wel!" : ". Zet het vinkje ‘klaar’ als uw tekst af is."}
        </Alert>
      ) : null}
      {reply?.error ? <Alert type="error">{reply.error}</Alert> : null}
      <Form method="post" className="gremium-form">
        <input type="hidden" name="version" value={contribution.version} />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="bodyMarkdown">
            Uw tekst (Markdown)
          </label>
          <textarea
            id="bodyMarkdown"
            name="bodyMarkdown"
            rows={14}
            defaultValue={reply?.bodyMarkdown ?? contribution.bodyMarkdown}
            className="utrecht-textarea utrecht-textarea--html-textarea"
          />
        </div>
        <MarkdownPreview html={reply?.preview} />
        <div className="utrecht-form-field gremium-checkbox">
          <input
            id="ready"
            name="ready"
            type="checkbox"
            defaultChecked={contribution.readyAt !== null}
            className="gremium-checkbox__input"
          />
          <label htmlFor="ready">Klaar: de kwartiermaker mag deze tekst gebruiken</label>
        </div>
        <div className="gremium-buttons">
          <Button name="intent" value="preview">
            Voorbeeld
          </Button>
          <Button variant="primary" name="intent" value="save">
            Opslaan
          </Button>
        </div>
      </Form>
    </>
  );
}
