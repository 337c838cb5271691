import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button } from "~/components/form";
import { requireRole } from "~/auth/permissions.server";
import { confirmImportZip, MAX_IMPORT_ZIP_BYTES, tryImportZip } from "~/content/import-upload.server";
import { readUploadForm } from "~/lib/paper-upload.server";
import { pageRoute, redirect } from "~/lib/responses.server";
import { RuleError } from "~/models/errors";

export const meta: MetaFunction = () => [{ title: "Gegevens importeren · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  requireRole(request, ["beheerder"]);
  return { maxMegabytes: MAX_IMPORT_ZIP_BYTES / 1024 / 1024 };
});

type Reply =
  | { error: string; tried?: undefined }
  | { error?: undefined; tried: { fileName: string; token: string; changes: string[] } };

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const { formData, tooLarge } = await readUploadForm(request, MAX_IMPORT_ZIP_BYTES);
  const refuse = (error: string) => data({ error } satisfies Reply, { status: 400 });
  if (tooLarge) return refuse(`Het zipbestand is groter dan ${MAX_IMPORT_ZIP_BYTES / 1024 / 1024} MB.`);
  try {
    if (formData.get("intent") === "importeren") {
      const report = await confirmImportZip({ viewer, token: String(formData.get("token") ?? "") });
      return redirect(`/beheer/import?gedaan=${report.changes.length}`);
    }
    const file = formData.get("zip");
    if (!(file instanceof File) || file.size === 0) return refuse("Kies het zipbestand met de gegevens.");
    const { token, report } = await tryImportZip({ viewer, zip: new Uint8Array(await file.arrayBuffer()) });
    return { tried: { fileName: file.name, token, changes: report.changes } } satisfies Reply;
  } catch (error) {
    if (error instanceof RuleError) return refuse(error.message);
    throw error;
  }
});

export default function ImportData() {
  const { maxMegabytes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [searchParams] = useSearchParams();
  const done = searchParams.get("gedaan");
  const busy = useNavigation().state === "submitting";
  const tried = reply?.tried;
  return (
    <>
      <Breadcrumb items={[{ to: "/beheer", label: "Beheer" }]} />
      <h1 className="nl-heading nl-heading--level-1">Gegevens importeren</h1>
      {done !== null ? (
        <Alert type="ok">
          Import voltooid: {done === "1" ? "1 wijziging" : `${done} wijzigingen`} opgeslagen. Het{" "}
          <Link className="nl-link" to="/beheer/logboek">
            logboek
          </Link>{" "}
          noemt ze allemaal, met uw naam.
        </Alert>
      ) : null}
      <p className="nl-paragraph">
        Breng de geschiedenis van uw netwerk in Gremium: organisaties, personen, gremia met hun leden, programma&apos;s,
        jaarplannen en vergaderingen met hun agendapunten, stukken, besluiten en toezeggingen, op hun eigen data. U ziet
        eerst wat de import zou doen; pas als u dat bevestigt, wordt het opgeslagen, in één keer of helemaal niet. Wat
        er al staat, blijft staan: nog eens importeren voegt alleen het nieuwe toe. De import verstuurt geen e-mail.
      </p>
      <details>
        <summary>Wat moet er in het zipbestand?</summary>
        <p className="nl-paragraph">
          Een map met deze bestanden, gezipt (in Windows: rechtsklikken op de map, ‘Kopiëren naar’, ‘Gecomprimeerde
          map’). Wat u niet hebt, laat u weg.
        </p>
        <ul>
          <li>
            <code>organisations.yaml</code>, <code>people.yaml</code> en <code>users.yaml</code>: organisaties, personen
            en wie mag inloggen (zonder wachtwoord: zij kiezen er zelf een via ‘wachtwoord vergeten’)
          </li>
          <li>
            <code>bodies/</code>: per gremium een bestand met zijn leden en onderwerpen
          </li>
          <li>
            <code>programmes/</code> en <code>plans/</code>: strategische programma&apos;s met hun ambities en
            jaarplannen
          </li>
          <li>
            <code>meetings/</code>: per vergadering een bestand met agendapunten, besluiten en toezeggingen;{" "}
            <code>files/</code>: de stukken die daarin genoemd worden
          </li>
        </ul>
        <p className="nl-paragraph">
          Elk probleem wordt genoemd met het bestand en de regel, zodat u het in het bestand kunt verbeteren.
        </p>
      </details>

      {tried ? (
        <section aria-labelledby="proefimport">
          <h2 className="nl-heading nl-heading--level-2" id="proefimport">
            Proefimport van {tried.fileName}
          </h2>
          {tried.changes.length === 0 ? (
            <Alert type="info">Niets nieuws: alles uit dit bestand staat er al.</Alert>
          ) : (
            <>
              <Alert type="info">
                Er is nog niets opgeslagen. De import zou{" "}
                {tried.changes.length === 1 ? "deze wijziging" : `deze ${tried.changes.length} wijzigingen`} doorvoeren:
              </Alert>
              <ol>
                {tried.changes.map((change, index) => (
                  <li key={index}>{change}</li>
                ))}
              </ol>
              <Form method="post" encType="multipart/form-data" className="gremium-form">
                <input type="hidden" name="intent" value="importeren" />
                <input type="hidden" name="token" value={tried.token} />
                <Button variant="primary" disabled={busy}>
                  Importeren
                </Button>
              </Form>
            </>
          )}
        </section>
      ) : null}

      <Form method="post" encType="multipart/form-data" className="gremium-form" aria-labelledby="zip-kiezen">
        <h2 className="nl-heading nl-heading--level-2" id="zip-kiezen">
          {tried ? "Een ander bestand kiezen" : "Bestand kiezen"}
        </h2>
        <input type="hidden" name="intent" value="proef" />
        <div className={`utrecht-form-field${reply?.error ? " utrecht-form-field--invalid" : ""}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="zip">
              Zipbestand
            </label>
          </div>
          <div className="utrecht-form-field__description utrecht-form-field-description" id="zip-uitleg">
            Tot {maxMegabytes} MB. Er wordt nog niets opgeslagen.
          </div>
          {reply?.error ? (
            <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id="zip-fout">
              {reply.error} Verbeter het bestand en kies het opnieuw.
            </div>
          ) : null}
          <input
            type="file"
            id="zip"
            name="zip"
            accept=".zip,application/zip"
            aria-invalid={reply?.error ? true : undefined}
            aria-describedby={reply?.error ? "zip-uitleg zip-fout" : "zip-uitleg"}
            className="gremium-file-input"
          />
        </div>
        <Button variant={tried ? "default" : "primary"} disabled={busy}>
          Proefimport
        </Button>
      </Form>
    </>
  );
}
