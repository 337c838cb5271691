import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button } from "~/components/form";
import { PlainInput } from "~/components/plain-field";
import { notFound, requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { formatDateTime, formatDay, formatTimeOfDay, parseTime } from "~/lib/format";
import { getBodyBySlug } from "~/models/bodies.server";
import { ConflictError, RuleError } from "~/models/errors";
import { changeSeries, listSeries, previewSeriesChange } from "~/models/meeting-series.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Vergaderschema wijzigen: ${data.body.name} · Gremium` : "Vergaderschema wijzigen · Gremium" },
];

function load(viewer: ReturnType<typeof requireUser>, slug: string | undefined, seriesId: string | undefined) {
  const body = getBodyBySlug({ viewer, slug: slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  const id = requireIdParam(seriesId);
  const series = listSeries({ viewer, bodyId: body.id }).find((s) => s.id === id);
  if (!series) notFound("Dit vergaderschema bestaat niet.");
  return { viewer, body, series };
}

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { body, series } = load(requireUser(request), params.slug, params.seriesId);
  return { body: { name: body.name, slug: body.slug }, series };
});

type Values = Record<string, string>;
type Reply = {
  values: Values;
  errors: Record<string, string[]>;
  preview?: ReturnType<typeof previewSeriesChange>;
};

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const { viewer, body, series } = load(requireUser(request), params.slug, params.seriesId);
  const form = await request.formData();
  const values = Object.fromEntries(
    [...form.entries()].filter(([k]) => k !== "ook").map(([k, v]) => [k, String(v)]),
  ) as Values;
  // Times as people type them (13.30, 1330); the model checks what could not be read.
  const time = (typed: string | undefined) => parseTime(typed ?? "") ?? typed ?? "";
  const change = { startTime: time(values.begin), endTime: time(values.einde), location: values.locatie ?? "" };
  try {
    const preview = previewSeriesChange({ viewer, seriesId: series.id, change });
    if (values.intent !== "doorvoeren") return { values, errors: {}, preview } satisfies Reply;
    const { changed, leftAlone } = changeSeries({
      viewer,
      seriesId: series.id,
      expectedVersion: Number(values.version),
      change,
      includePublished: form.getAll("ook").map(Number),
    });
    return redirect(
      `/gremia/${body.slug}/vergaderschema/${series.id}?gewijzigd=${changed.length}&ongemoeid=${leftAlone.length}`,
    );
  } catch (error) {
    if (error instanceof ConflictError)
      return data<Reply>(
        {
          values,
          errors: { "": ["Iemand anders heeft dit vergaderschema intussen gewijzigd. Bekijk het opnieuw."] },
        },
        { status: 409 },
      );
    if (error instanceof RuleError) {
      const { startTime, endTime, location, ...rest } = error.fieldErrors;
      const errors = { begin: startTime, einde: endTime, locatie: location, ...rest };
      return data<Reply>({ values, errors }, { status: 400 });
    }
    throw error;
  }
});

export default function ChangeSeries() {
  const { body, series } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [searchParams] = useSearchParams();
  const v = (name: string, fallback: string) => reply?.values[name] ?? fallback;
  const e = (name: string) => reply?.errors[name];
  const changed = searchParams.get("gewijzigd");
  const preview = reply?.preview;
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/gremia", label: "Gremia" },
          { to: `/gremia/${body.slug}`, label: body.name },
          { to: `/gremia/${body.slug}/vergaderschema`, label: "Vergaderschema" },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Vergaderschema wijzigen</h1>
      <p className="nl-paragraph">
        {series.summary}, nu {formatTimeOfDay(series.startTime)}–{formatTimeOfDay(series.endTime)} uur,{" "}
        {series.location}. Een wijziging geldt voor de komende vergaderingen van dit schema; vergaderingen die al zijn
        geweest of geannuleerd blijven zoals ze zijn. Vergaderingen waarvan de agenda al is gepubliceerd wijzigen alleen
        als u ze aanvinkt.
      </p>
      {changed !== null ? (
        <Alert type="ok">
          {changed} vergaderingen zijn gewijzigd.
          {Number(searchParams.get("ongemoeid")) > 0
            ? ` ${searchParams.get("ongemoeid")} vergaderingen met een gepubliceerde agenda zijn ongemoeid gelaten.`
            : ""}
        </Alert>
      ) : null}
      {reply?.errors[""] ? <Alert type="error">{reply.errors[""].join(" ")}</Alert> : null}
      <h2 className="nl-heading nl-heading--level-2">Vergaderingen in dit schema</h2>
      <ul>
        {series.meetings.map((m) => (
          <li key={m.id}>
            <Link className="nl-link" to={`/vergaderingen/${m.id}`}>
              {formatDateTime(m.startsAt)}
            </Link>
            , {m.location} ({m.status})
          </li>
        ))}
      </ul>
      <Form method="post" className="gremium-form">
        <input type="hidden" name="version" value={series.version} />
        <div className="gremium-two-columns">
          <PlainInput
            name="begin"
            label="Nieuwe begintijd"
            error={e("begin")}
            defaultValue={v("begin", formatTimeOfDay(series.startTime))}
          />
          <PlainInput
            name="einde"
            label="Nieuwe eindtijd"
            error={e("einde")}
            defaultValue={v("einde", formatTimeOfDay(series.endTime))}
          />
        </div>
        <PlainInput
          name="locatie"
          label="Nieuwe plaats"
          error={e("locatie")}
          defaultValue={v("locatie", series.location)}
        />
        {preview ? (
          <section aria-labelledby="gevolgen" className="gremium-preview">
            <h2 className="nl-heading nl-heading--level-2" id="gevolgen">
              Wat deze wijziging raakt
            </h2>
            {preview.concept.length + preview.published.length === 0 ? (
              <p className="nl-paragraph">Geen enkele komende vergadering verandert hierdoor.</p>
            ) : null}
            {preview.concept.length ? (
              <>
                <p className="nl-paragraph">Deze vergaderingen (nog concept) worden gewijzigd:</p>
                <ul>
                  {preview.concept.map((m) => (
                    <li key={m.id}>
                      {formatDay(m.startsAt)}: wordt {formatDateTime(m.next.startsAt)}, {m.next.location}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {preview.published.length ? (
              <fieldset className="gremium-fieldset">
                <legend>
                  Van deze vergaderingen is de agenda al gepubliceerd. Ze blijven ongewijzigd, tenzij u ze aanvinkt; de
                  genodigden zien de nieuwe tijd en plaats in hun agenda en kalender.
                </legend>
                {preview.published.map((m) => (
                  <div className="utrecht-form-field gremium-checkbox" key={m.id}>
                    <input
                      id={`ook-${m.id}`}
                      name="ook"
                      value={m.id}
                      type="checkbox"
                      className="gremium-checkbox__input"
                    />
                    <label htmlFor={`ook-${m.id}`}>
                      Ook {formatDay(m.startsAt)} wijzigen ({formatDateTime(m.startsAt)}, {m.location} wordt{" "}
                      {formatDateTime(m.next.startsAt)}, {m.next.location})
                    </label>
                  </div>
                ))}
              </fieldset>
            ) : null}
          </section>
        ) : null}
        <div className="gremium-buttons">
          <Button name="intent" value="voorbeeld">
            Gevolgen bekijken
          </Button>
          {preview && preview.concept.length + preview.published.length > 0 ? (
            <Button variant="primary" name="intent" value="doorvoeren">
              Wijziging doorvoeren
            </Button>
          ) : null}
        </div>
      </Form>
    </>
  );
}
