import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextField } from "~/components/form";
import { requireRole } from "~/auth/permissions.server";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { todayIso } from "~/lib/format";
import { pageRoute, redirect } from "~/lib/responses.server";
import { listArchiveYears } from "~/models/archive.server";
import { getSelectielijst, getSiteSettingsForEdit, setSelectielijst } from "~/models/site-settings.server";
import { selectielijstFormSchema } from "~/schemas/admin";

export const meta: MetaFunction = () => [{ title: "Archief · Beheer · Gremium" }];

const kinds = [
  ["vergadering", "Vergadering (het dossier)", "vergadering"],
  ["agenda", "Agenda", "agenda"],
  ["besluitenlijst", "Besluitenlijst", "besluitenlijst"],
  ["advies", "Advies", "advies"],
  ["vergaderstuk", "Ander vergaderstuk", "vergaderstuk"],
] as const;

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  return {
    years: listArchiveYears({ viewer }),
    currentYear: Number(todayIso().slice(0, 4)),
    selectielijst: getSelectielijst({ viewer }),
    version: getSiteSettingsForEdit({ viewer }).version,
  };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const submission = parseWithZod(await request.formData(), { schema: selectielijstFormSchema });
  if (submission.status !== "success") return data(submission.reply(), unfinishedStatus(submission));
  const { version, naam, soorten } = submission.value;
  try {
    setSelectielijst({
      viewer,
      expectedVersion: version,
      selectielijst: {
        naam,
        soorten: Object.fromEntries(
          Object.entries(soorten).map(([kind, { categorie, waardering, jaren }]) => [
            kind,
            waardering === "V" ? { categorie, waardering, bewaartermijn: `P${jaren}Y` } : { categorie, waardering },
          ]),
        ) as never,
      },
    });
  } catch (error) {
    return replyToModelError(submission, error);
  }
  return redirect("/beheer/archief?opgeslagen=1");
});

export default function Archive() {
  const { years, currentYear, selectielijst, version } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: selectielijstFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: {
      naam: selectielijst.naam,
      soorten: Object.fromEntries(
        Object.entries(selectielijst.soorten).map(([kind, k]) => [
          kind,
          { categorie: k.categorie, waardering: k.waardering, jaren: k.bewaartermijn?.replace(/\D/g, "") ?? "" },
        ]),
      ),
    },
  });
  const soorten = fields.soorten.getFieldset();
  return (
    <>
      <Breadcrumb items={[{ to: "/beheer", label: "Beheer" }]} />
      <h1 className="nl-heading nl-heading--level-1">Archief</h1>
      {searchParams.get("opgeslagen") ? <Alert type="ok">De selectielijst is opgeslagen.</Alert> : null}
      <p className="nl-paragraph">
        Het archiefpakket van een jaar bevat per vergadering een dossier met de agenda, de besluitenlijst en alle
        stukken met hun versies, elk met metagegevens volgens MDTO 1.0.2 en een lijst met controlegetallen. Besloten
        stukken gaan mee, gemarkeerd als niet openbaar. Het downloaden komt in het logboek.
      </p>
      {years.length === 0 ? (
        <Alert type="info">Er zijn nog geen vergaderingen om te archiveren.</Alert>
      ) : (
        <Form
          method="get"
          action="/beheer/archief.zip"
          reloadDocument
          className="gremium-form"
          aria-labelledby="pakket"
        >
          <h2 className="nl-heading nl-heading--level-2" id="pakket">
            Archiefpakket downloaden
          </h2>
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="jaar">
                Jaar
              </label>
            </div>
            <div className="utrecht-form-field__description utrecht-form-field-description" id="jaar-uitleg">
              Een jaar dat nog loopt, gaat mee zoals het nu is; het pakket zegt dat.
            </div>
            <select
              id="jaar"
              name="jaar"
              className="utrecht-select"
              aria-describedby="jaar-uitleg"
              defaultValue={years.includes(currentYear) ? currentYear : years[0]}
            >
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <Button variant="primary">Archiefpakket downloaden</Button>
        </Form>
      )}

      <Form method="post" {...getFormProps(form)} className="gremium-form" aria-labelledby="selectielijst">
        <h2 className="nl-heading nl-heading--level-2" id="selectielijst">
          Selectielijst
        </h2>
        <p className="nl-paragraph">
          Per soort archiefstuk de categorie uit uw selectielijst, of het blijvend bewaard wordt (B) of na een termijn
          vernietigd (V), en die termijn in jaren na de vergadering.
        </p>
        <FormErrors form={form} />
        <input type="hidden" name="version" value={version} />
        <TextField field={fields.naam} label="Naam van de selectielijst" />
        {kinds.map(([kind, legend, name]) => {
          const row = soorten[kind].getFieldset();
          return (
            <fieldset key={kind} className="gremium-fieldset">
              <legend>{legend}</legend>
              <TextField field={row.categorie} label={`Categorie: ${name}`} />
              <SelectField
                field={row.waardering}
                label={`Waardering: ${name}`}
                options={[
                  { value: "B", label: "B: blijvend bewaren" },
                  { value: "V", label: "V: vernietigen na de bewaartermijn" },
                ]}
              />
              <TextField
                field={row.jaren}
                label={`Bewaartermijn in jaren: ${name}`}
                inputMode="numeric"
                optional
                description="Alleen bij V."
              />
            </fieldset>
          );
        })}
        <Button variant="primary">Selectielijst opslaan</Button>
      </Form>
    </>
  );
}
