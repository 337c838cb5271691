import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useRevalidator,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect } from "react";
import { Alert, SavedStatus } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { requireUser } from "~/auth/permissions.server";
import { formatDay } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { publicUrl } from "~/lib/env.server";
import { sectionKindLabels } from "~/lib/vocabulary";
import { editionAction, loadEditionEditor, type Reply } from "./data.server";
import { ImagesPanel, NewSectionForm, SectionForm, Step } from "./forms";
import { ConfirmForm, ConfirmationStep, pendingConfirmation } from "~/components/confirm";
import { publishEditionText, removeSectionText } from "./confirmations";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.edition.title} bewerken · Gremium` : "Nieuwsbrief · Gremium" },
];

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = requireUser(request);
  return loadEditionEditor(viewer, params.slug ?? "", publicUrl());
});

/** A live preview posts in the background; it changes nothing, so the page need not reload its data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "section-preview" ? false : defaultShouldRevalidate;

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  return editionAction(viewer, params.slug ?? "", await request.formData(), publicUrl());
});

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const doneMessages: Record<string, string> = {
  opgeslagen: "Opgeslagen.",
  test: "De testmail is naar uw eigen adres verstuurd.",
  gepubliceerd: "De nieuwsbrief is gepubliceerd en wordt verstuurd.",
  opnieuw: "De mislukte verzendingen staan weer in de wachtrij.",
  gevraagd: "De vraag om een bijdrage is gemaild.",
  verwijderd: "Het blok is verwijderd.",
};

export default function EditEdition() {
  const { edition, sections, canEdit, check, progress, contributors, images, subscribers } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const confirmation = pendingConfirmation(answer);
  const reply = confirmation ? undefined : (answer as Reply | undefined);
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
  if (confirmation)
    return (
      <>
        <Breadcrumb
          items={[
            { to: "/nieuwsbrieven", label: "Nieuwsbrieven" },
            { to: `/nieuwsbrieven/${edition.slug}/bewerken`, label: edition.title },
          ]}
        />
        <ConfirmationStep confirmation={confirmation} />
      </>
    );
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
      <SavedStatus message={done} />
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
                  // Folded, so the editor shows the edition's outline; unfolded, the block as readers get it.
                  <details className="gremium-record">
                    <summary>Tekst van ‘{section.title}’ lezen</summary>
                    <div className="gremium-prose" dangerouslySetInnerHTML={{ __html: section.bodyHtml }} />
                  </details>
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
                  <ConfirmForm
                    fields={[
                      ["intent", "section-remove"],
                      ["sectionId", section.id],
                    ]}
                    text={removeSectionText(section.title)}
                    variant="danger"
                    buttonLabel={`Blok ‘${section.title}’ verwijderen`}
                  >
                    Verwijderen
                  </ConfirmForm>
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
              <ConfirmForm
                fields={[
                  ["intent", "publish"],
                  ["version", edition.version],
                ]}
                text={publishEditionText(subscribers)}
                variant="primary"
              >
                Publiceren en versturen
              </ConfirmForm>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}
