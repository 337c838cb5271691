import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useRevalidator,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { StatusBadge } from "~/components/status-badge";
import { forbidden, notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { formatDay } from "~/lib/format";
import { replyToModelError } from "~/lib/form-reply.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { kickNewsletterSender } from "~/lib/scheduler.server";
import { siteUrl } from "~/lib/site-url.server";
import { sectionKindLabels, sectionKinds } from "~/lib/vocabulary";
import { ConflictError, RuleError } from "~/models/errors";
import {
  addSection,
  checkEdition,
  deliveryProgress,
  addEditionImage,
  getEdition,
  listContributors,
  listEditionImages,
  moveSection,
  publishEdition,
  removeSection,
  requestContribution,
  retryFailedDeliveries,
  sendTestMail,
  updateSection,
} from "~/models/newsletters.server";
import { newSectionSchema, sectionSchema } from "~/schemas/newsletters";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.edition.title} bewerken · Gremium` : "Nieuwsbrief · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  const found = getEdition({ viewer, slug: params.slug ?? "" });
  if (!found) notFound("Deze nieuwsbrief bestaat niet.");
  if (!found.canManage) forbidden("Alleen de kwartiermaker bewerkt de nieuwsbrief.");
  return {
    ...found,
    images: found.canEdit ? listEditionImages({ viewer, editionId: found.edition.id }) : [],
    contributors: found.canEdit
      ? listContributors({ viewer }).map((p) => ({
          value: p.id,
          label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
        }))
      : [],
    check:
      found.edition.status === "concept"
        ? checkEdition({ viewer, editionId: found.edition.id, baseUrl: siteUrl(request) })
        : null,
    progress:
      found.edition.status === "gepubliceerd" ? deliveryProgress({ viewer, editionId: found.edition.id }) : null,
  };
});

type Reply = KeyedReply & { preview?: string };

/** A live preview posts in the background; it changes nothing, so the page need not reload its data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "section-preview" ? false : defaultShouldRevalidate;

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const found = getEdition({ viewer, slug: params.slug ?? "" });
  if (!found) notFound("Deze nieuwsbrief bestaat niet.");
  const back = `/nieuwsbrieven/${found.edition.slug}/bewerken`;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const sectionId = Number(formData.get("sectionId")) || 0;
  const fail = (formKey: string, error: unknown) => {
    if (error instanceof ConflictError || error instanceof RuleError) {
      const messages = error instanceof ConflictError ? [error.message] : Object.values(error.fieldErrors).flat();
      return data({ formKey, result: { status: "error" as const, error: { "": messages } } } as Reply, {
        status: error instanceof ConflictError ? 409 : 400,
      });
    }
    throw error;
  };
  try {
    switch (intent) {
      case "section-edit":
      case "section-preview": {
        const submission = parseWithZod(formData, { schema: sectionSchema });
        const formKey = `section-${sectionId}`;
        if (submission.status !== "success")
          return data({ formKey, result: submission.reply() } satisfies Reply, { status: 400 });
        if (intent === "section-preview")
          return {
            formKey,
            result: submission.reply(),
            preview: renderMarkdown(submission.value.bodyMarkdown),
          } satisfies Reply;
        try {
          updateSection({ viewer, id: sectionId, expectedVersion: submission.value.version, input: submission.value });
        } catch (error) {
          const reply = replyToModelError(submission, error);
          return data({ formKey, result: reply.data } satisfies Reply, { status: reply.init?.status ?? 400 });
        }
        break;
      }
      case "section-add": {
        const submission = parseWithZod(formData, { schema: newSectionSchema });
        if (submission.status !== "success")
          return data({ formKey: "section-add", result: submission.reply() } satisfies Reply, { status: 400 });
        addSection({ viewer, editionId: found.edition.id, input: submission.value });
        break;
      }
      case "section-up":
      case "section-down":
        moveSection({ viewer, id: sectionId, direction: intent === "section-up" ? "up" : "down" });
        break;
      case "section-remove":
        removeSection({ viewer, id: sectionId });
        break;
      case "contribution": {
        const personId = Number(formData.get("personId"));
        if (!personId)
          return data(
            {
              formKey: "contribution",
              result: { status: "error" as const, error: { "": ["Kies wie het blok schrijft."] } },
            } as Reply,
            { status: 400 },
          );
        await requestContribution({ viewer, sectionId, personId, baseUrl: siteUrl(request) });
        return redirect(`${back}?gedaan=gevraagd#blok-${sectionId}`);
      }
      case "image": {
        const file = formData.get("bestand");
        try {
          const image = addEditionImage({
            viewer,
            editionId: found.edition.id,
            fileName: file instanceof File ? file.name : "",
            bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
            altText: String(formData.get("altText") ?? ""),
          });
          return redirect(`${back}?afbeelding=${image.id}#afbeeldingen`);
        } catch (error) {
          if (error instanceof RuleError)
            return data(
              {
                formKey: "image",
                result: { status: "error" as const, error: error.fieldErrors },
                altText: String(formData.get("altText") ?? ""),
              } as Reply & { altText: string },
              { status: 400 },
            );
          throw error;
        }
      }
      case "test-mail":
        await sendTestMail({ viewer, slug: found.edition.slug, baseUrl: siteUrl(request) });
        return redirect(`${back}?gedaan=test`);
      case "publish":
        publishEdition({
          viewer,
          id: found.edition.id,
          expectedVersion: Number(formData.get("version")),
          baseUrl: siteUrl(request),
        });
        kickNewsletterSender({ baseUrl: siteUrl(request) });
        return redirect(`${back}?gedaan=gepubliceerd`);
      case "retry":
        retryFailedDeliveries({ viewer, editionId: found.edition.id });
        kickNewsletterSender({ baseUrl: siteUrl(request) });
        return redirect(`${back}?gedaan=opnieuw`);
      default:
        return data(
          {
            formKey: "onbekend",
            result: { status: "error" as const, error: { "": ["Onbekende opdracht."] } },
          } as Reply,
          { status: 400 },
        );
    }
    return redirect(`${back}?gedaan=opgeslagen#blok-${sectionId || "nieuw"}`);
  } catch (error) {
    return fail(intent, error);
  }
});

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function SectionForm({ section, reply }: { section: LoaderData["sections"][number]; reply: Reply | undefined }) {
  const key = `section-${section.id}`;
  const [form, fields] = useKeyedForm(validateWith(sectionSchema), key, reply, {
    defaultValue: { title: section.title, bodyMarkdown: section.bodyMarkdown },
  });
  const mine = reply?.formKey === key;
  // With JavaScript the preview follows the typing; without it, the Voorbeeld button does the same.
  const fetcher = useFetcher<Reply>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onInput = (event: React.FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const formData = new FormData(element);
      formData.set("intent", "section-preview");
      fetcher.submit(formData, { method: "post" });
    }, 400);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const preview = fetcher.data?.preview ?? (mine ? reply?.preview : undefined);
  return (
    <details className="gremium-record" open={mine}>
      <summary>Blok ‘{section.title}’ bewerken</summary>
      <Form method="post" {...getFormProps(form)} onInput={onInput} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="sectionId" value={section.id} />
        <input type="hidden" name="version" value={section.version} />
        <TextField field={fields.title!} label="Titel van het blok" />
        <TextAreaField field={fields.bodyMarkdown!} label="Tekst (Markdown)" optional rows={12} />
        {preview !== undefined ? (
          <section aria-label="Voorbeeld" className="gremium-preview">
            <p className="gremium-muted">Voorbeeld (nog niet opgeslagen):</p>
            <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: preview }} />
          </section>
        ) : null}
        <div className="gremium-buttons">
          <Button name="intent" value="section-preview">
            Voorbeeld
          </Button>
          <Button variant="primary" name="intent" value="section-edit">
            Blok opslaan
          </Button>
        </div>
      </Form>
    </details>
  );
}

function NewSectionForm({ reply }: { reply: Reply | undefined }) {
  const [form, fields] = useKeyedForm(validateWith(newSectionSchema), "section-add", reply, {
    defaultValue: { kind: "nieuws" },
  });
  return (
    <details className="gremium-record" open={reply?.formKey === "section-add"}>
      <summary>Blok toevoegen</summary>
      <Form method="post" {...getFormProps(form)} className="gremium-form">
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="section-add" />
        <SelectField
          field={fields.kind!}
          label="Soort"
          options={sectionKinds.map((k) => ({ value: k, label: sectionKindLabels[k] }))}
        />
        <TextField field={fields.title!} label="Titel van het blok" />
        <TextAreaField field={fields.bodyMarkdown!} label="Tekst (Markdown)" optional rows={8} />
        <Button variant="primary">Blok toevoegen</Button>
      </Form>
    </details>
  );
}

function Step({
  intent,
  label,
  sectionId,
  version,
  variant = "default",
}: {
  intent: string;
  label: string;
  sectionId?: number;
  version?: number;
  variant?: "default" | "primary" | "danger";
}) {
  return (
    <Form method="post" className="gremium-inline-form">
      <input type="hidden" name="intent" value={intent} />
      {sectionId !== undefined ? <input type="hidden" name="sectionId" value={sectionId} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Button variant={variant}>{label}</Button>
    </Form>
  );
}

function ImagesPanel({
  images,
  reply,
  newId,
}: {
  images: LoaderData["images"];
  reply: (Reply & { altText?: string }) | undefined;
  newId: number | null;
}) {
  const errors = reply?.formKey === "image" ? (reply.result.error as Record<string, string[]> | undefined) : undefined;
  return (
    <section aria-labelledby="afbeeldingen-kop" id="afbeeldingen">
      <h2 className="nl-heading nl-heading--level-2" id="afbeeldingen-kop">
        Afbeeldingen
      </h2>
      {images.length > 0 ? (
        <ul>
          {images.map((image) => (
            <li key={image.id}>
              {image.altText}: plak <code>{image.markdown}</code> in een blok.
              {image.id === newId ? <StatusBadge tone="safe">nieuw</StatusBadge> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="nl-paragraph">Nog geen afbeeldingen.</p>
      )}
      <details className="gremium-record" open={Boolean(errors)}>
        <summary>Afbeelding toevoegen</summary>
        <Form method="post" encType="multipart/form-data" className="gremium-form">
          <input type="hidden" name="intent" value="image" />
          <div className={`utrecht-form-field${errors?.bestand ? " utrecht-form-field--invalid" : ""}`}>
            <label className="utrecht-form-label" htmlFor="bestand">
              Afbeelding (PNG, JPEG, GIF of WebP, hooguit 5 MB)
            </label>
            {errors?.bestand ? (
              <div className="utrecht-form-field-error-message" id="bestand-fout">
                {errors.bestand.join(" ")}
              </div>
            ) : null}
            <input
              id="bestand"
              name="bestand"
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              aria-describedby={errors?.bestand ? "bestand-fout" : undefined}
              className="utrecht-textbox"
            />
          </div>
          <div className={`utrecht-form-field${errors?.altText ? " utrecht-form-field--invalid" : ""}`}>
            <label className="utrecht-form-label" htmlFor="altText">
              Tekstalternatief: wat staat er op de afbeelding?
            </label>
            {errors?.altText ? (
              <div className="utrecht-form-field-error-message" id="altText-fout">
                {errors.altText.join(" ")}
              </div>
            ) : null}
            <input
              id="altText"
              name="altText"
              type="text"
              defaultValue={reply?.altText ?? ""}
              aria-invalid={errors?.altText ? true : undefined}
              aria-describedby={errors?.altText ? "altText-fout" : undefined}
              className="utrecht-textbox utrecht-textbox--html-input"
            />
          </div>
          <Button>Afbeelding toevoegen</Button>
        </Form>
      </details>
    </section>
  );
}

const doneMessages: Record<string, string> = {
  opgeslagen: "Opgeslagen.",
  test: "De testmail is naar uw eigen adres verstuurd.",
  gepubliceerd: "De nieuwsbrief is gepubliceerd en wordt verstuurd.",
  opnieuw: "De mislukte verzendingen staan weer in de wachtrij.",
  gevraagd: "De vraag om een bijdrage is gemaild.",
};

export default function EditEdition() {
  const { edition, sections, canEdit, check, progress, contributors, images } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [searchParams] = useSearchParams();
  const done = doneMessages[searchParams.get("gedaan") ?? ""];
  const stepError = reply && !reply.formKey.startsWith("section-") ? reply.result.error?.[""] : null;
  const revalidator = useRevalidator();
  const sending = (progress?.remaining ?? 0) > 0;
  // While sending, the progress refreshes itself; without JavaScript a reload shows it.
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [sending, revalidator]);
  return (
    <>
      <Breadcrumb items={[{ to: "/nieuwsbrieven", label: "Nieuwsbrieven" }]} />
      <h1 className="nl-heading nl-heading--level-1">{edition.title}</h1>
      <p className="nl-paragraph">
        <StatusBadge tone={edition.status === "concept" ? "warning" : "safe"}>
          {edition.status === "concept" ? "concept" : "gepubliceerd"}
        </StatusBadge>{" "}
        {edition.period}
        {edition.publishedAt ? ` · verschenen ${formatDay(edition.publishedAt)}` : ""}
      </p>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {stepError?.length ? (
        <Alert type="error">
          {stepError.map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
        </Alert>
      ) : null}
      <ul className="gremium-pager">
        <li>
          <Link className="nl-link" to={`/nieuwsbrieven/${edition.slug}`}>
            Bekijk als webpagina
          </Link>
        </li>
        <li>
          <a className="nl-link" href={`/nieuwsbrieven/${edition.slug}/mail`}>
            Bekijk als e-mail
          </a>
        </li>
        <li>
          <a className="nl-link" href={`/nieuwsbrieven/${edition.slug}/mail?breedte=smal`}>
            Als e-mail op een telefoon
          </a>
        </li>
      </ul>

      {progress ? (
        <section aria-labelledby="verzending">
          <h2 className="nl-heading nl-heading--level-2" id="verzending">
            Verzending
          </h2>
          <p className="nl-paragraph">
            <label htmlFor="voortgang">
              Verzonden aan {progress.sent} van {progress.total} abonnees
            </label>
            <br />
            <progress id="voortgang" max={Math.max(progress.total, 1)} value={progress.sent + progress.failed} />
          </p>
          <p className="nl-paragraph" role="status">
            {progress.sent} verzonden, {progress.failed} mislukt, {progress.remaining} te gaan.
          </p>
          {progress.failed > 0 ? <Step intent="retry" label="Mislukte opnieuw versturen" /> : null}
        </section>
      ) : null}

      {canEdit ? (
        <>
          <h2 className="nl-heading nl-heading--level-2">Blokken</h2>
          <ol className="gremium-objectives">
            {sections.map((section, index) => (
              <li key={section.id} id={`blok-${section.id}`} aria-labelledby={`blok-titel-${section.id}`}>
                <h3 className="nl-heading nl-heading--level-3" id={`blok-titel-${section.id}`}>
                  {section.title}{" "}
                  <span className="gremium-muted">({sectionKindLabels[section.kind].toLowerCase()})</span>
                </h3>
                {section.bodyMarkdown.trim() ? (
                  <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
                ) : (
                  <p className="nl-paragraph gremium-muted">Nog leeg; een leeg blok komt niet in de nieuwsbrief.</p>
                )}
                {section.contributorName ? (
                  <p className="nl-paragraph">
                    Bijdrage gevraagd aan {section.contributorName}:{" "}
                    {section.readyAt ? (
                      <StatusBadge tone="safe">klaar</StatusBadge>
                    ) : (
                      <StatusBadge tone="warning">nog niet klaar</StatusBadge>
                    )}
                  </p>
                ) : null}
                <SectionForm section={section} reply={reply} />
                {section.kind === "themagroep" || section.kind === "nieuws" ? (
                  <details className="gremium-record">
                    <summary>Iemand vragen dit blok te schrijven</summary>
                    <Form method="post" className="gremium-form">
                      <input type="hidden" name="intent" value="contribution" />
                      <input type="hidden" name="sectionId" value={section.id} />
                      <div className="utrecht-form-field">
                        <label className="utrecht-form-label" htmlFor={`bijdrage-${section.id}`}>
                          Wie schrijft het blok
                        </label>
                        <select
                          id={`bijdrage-${section.id}`}
                          name="personId"
                          className="utrecht-select utrecht-select--html-select"
                        >
                          <option value="">Kies een persoon</option>
                          {contributors.map((c) => (
                            <option key={c.value} value={c.value}>
                              {c.label}
                            </option>
                          ))}
                        </select>
                      </div>
                      <Button>Vraag om een bijdrage</Button>
                    </Form>
                  </details>
                ) : null}
                <div className="gremium-buttons">
                  {index > 0 ? <Step intent="section-up" sectionId={section.id} label="Omhoog" /> : null}
                  {index < sections.length - 1 ? (
                    <Step intent="section-down" sectionId={section.id} label="Omlaag" />
                  ) : null}
                  <Step intent="section-remove" sectionId={section.id} label="Verwijderen" variant="danger" />
                </div>
              </li>
            ))}
          </ol>
          <NewSectionForm reply={reply} />
          <ImagesPanel images={images} reply={reply} newId={Number(searchParams.get("afbeelding")) || null} />

          <h2 className="nl-heading nl-heading--level-2">Controle voor publicatie</h2>
          {check!.problems.length > 0 ? (
            <Alert type="warning">
              <strong>Publiceren kan nog niet:</strong>
              <ul>
                {check!.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          ) : (
            <Alert type="ok">
              Alle links en afbeeldingen zijn in orde; niets verwijst naar besloten of niet-openbare inhoud.
            </Alert>
          )}
          {check!.links.length > 0 ? (
            <div className="gremium-table-wrap">
              <table className="utrecht-table utrecht-table--html-table gremium-table-stack">
                <caption className="utrecht-table__caption">Links in deze nieuwsbrief</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th scope="col" className="utrecht-table__header-cell">
                      Link
                    </th>
                    <th scope="col" className="utrecht-table__header-cell">
                      Blok
                    </th>
                    <th scope="col" className="utrecht-table__header-cell">
                      Controle
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {check!.links.map((l, i) => (
                    <tr key={`${l.href}-${i}`} className="utrecht-table__row">
                      <td className="utrecht-table__cell">
                        {l.text} <span className="gremium-muted">({l.href})</span>
                      </td>
                      <td className="utrecht-table__cell" data-label="Blok">
                        {l.section}
                      </td>
                      <td className="utrecht-table__cell" data-label="Controle">
                        {l.problem ?? "in orde"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {check!.images.length > 0 ? (
            <ul>
              {check!.images.map((image, i) => (
                <li key={`${image.src}-${i}`}>
                  Afbeelding {image.src} in ‘{image.section}’: {image.problem ?? `tekstalternatief „${image.alt}”`}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="gremium-buttons">
            <Step intent="test-mail" label="Testmail naar mijzelf" />
            {check!.problems.length === 0 ? (
              <Step intent="publish" label="Publiceren en versturen" version={edition.version} variant="primary" />
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}
