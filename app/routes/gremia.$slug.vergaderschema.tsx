import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button } from "~/components/form";
import { PlainField as Field, PlainInput } from "~/components/plain-field";
import { forbidden, notFound } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { formatDate, formatDay, formatTime, formatTimeOfDay, parseTime, todayIso } from "~/lib/format";
import {
  datesForRule,
  describeRule,
  intervalLabels,
  monthLabels,
  parseDateList,
  weekdayLabels,
  type SeriesRule,
} from "~/lib/meeting-rules";
import { RuleError } from "~/models/errors";
import { getBodyBySlug } from "~/models/bodies.server";
import { createMeetingSeries, getMeetingDefaults, previewMeetingSeries } from "~/models/meetings.server";
import { listSeries } from "~/models/meeting-series.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Vergaderschema ${data.body.name} · Gremium` : "Vergaderschema · Gremium" },
];

function loadBody(viewer: ReturnType<typeof requireUser>, slug: string | undefined) {
  const body = getBodyBySlug({ viewer, slug: slug ?? "" });
  if (!body) notFound("Dit gremium bestaat niet.");
  if (body.retired || !body.viewerManages) forbidden("Alleen het secretariaat van dit gremium plant vergaderingen.");
  return { viewer, body };
}

export const loader = pageRoute(async ({ request, params }: LoaderFunctionArgs) => {
  const { viewer, body } = loadBody(requireUser(request), params.slug);
  return {
    body: { id: body.id, name: body.name, slug: body.slug },
    nextYear: Number(todayIso().slice(0, 4)) + 1,
    series: listSeries({ viewer, bodyId: body.id }).map((series) => ({
      id: series.id,
      summary: series.summary,
      startTime: series.startTime,
      endTime: series.endTime,
      location: series.location,
      first: series.meetings[0]?.startsAt ?? null,
      last: series.meetings.at(-1)?.startsAt ?? null,
      count: series.meetings.length,
    })),
  };
});

type Values = Record<string, string>;
type Reply = {
  values: Values;
  errors: Record<string, string[]>;
  proposals?: ReturnType<typeof previewMeetingSeries>;
};

function readForm(form: FormData) {
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) as Values;
  const errors: Record<string, string[]> = {};
  let dates: string[] = [];
  let summary = "op gekozen datums";
  if (values.wijze === "lijst") {
    const parsed = parseDateList(values.datums ?? "");
    if (parsed.invalid.length)
      errors.datums = [
        `Deze datums kan Gremium niet lezen: ${parsed.invalid.join(", ")}. Schrijf bijvoorbeeld 11-3-2027.`,
      ];
    else if (parsed.dates.length === 0) errors.datums = ["Vul een of meer datums in, elk op een eigen regel."];
    dates = parsed.dates;
  } else {
    const year = Number(values.jaar);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.jaar = ["Vul een jaartal in, bijvoorbeeld 2027."];
    else {
      const rule: SeriesRule = {
        year,
        everyMonths: Number(values.elke) as SeriesRule["everyMonths"],
        firstMonth: Number(values.vanaf) || 1,
        weekday: Number(values.dag) || 4,
        nth: (Number(values.welke) || 2) as SeriesRule["nth"],
      };
      dates = datesForRule(rule);
      summary = describeRule(rule);
    }
  }
  // Times as people type them (13.30, 1330, 9.00); what was typed stays in the form.
  const begin = parseTime(values.begin ?? "");
  const einde = parseTime(values.einde ?? "");
  if (!begin) errors.begin = ["Vul de begintijd in als uren en minuten, bijvoorbeeld 10.00."];
  if (!einde) errors.einde = ["Vul de eindtijd in als uren en minuten, bijvoorbeeld 12.00."];
  else if (begin && einde <= begin) errors.einde = ["De eindtijd ligt na de begintijd."];
  if (!(values.locatie ?? "").trim()) errors.locatie = ["Vul de plaats in."];
  const past = dates.filter((d) => d < todayIso());
  if (past.length)
    errors[values.wijze === "lijst" ? "datums" : "jaar"] = [
      `Deze datums liggen in het verleden: ${past.map(formatDate).join(", ")}.`,
    ];
  return { values, errors, dates, summary, startTime: begin ?? "", endTime: einde ?? "" };
}

export const action = pageRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const { body } = loadBody(viewer, params.slug);
  const { values, errors, dates, summary, startTime, endTime } = readForm(await request.formData());
  if (Object.keys(errors).length) return data<Reply>({ values, errors }, { status: 400 });
  if (values.intent !== "aanmaken")
    return {
      values,
      errors,
      proposals: previewMeetingSeries({
        viewer,
        bodyId: body.id,
        dates,
        startTime,
        endTime,
      }),
    } satisfies Reply;
  try {
    const defaults = getMeetingDefaults({ viewer, bodyId: body.id });
    const created = createMeetingSeries({
      viewer,
      bodyId: body.id,
      dates,
      startTime,
      endTime,
      location: values.locatie!.trim(),
      isPublic: values.openbaar === "on",
      chairName: defaults.chairName || null,
      secretaryName: defaults.secretaryName || null,
      summary,
    });
    return redirect(`/vergaderschema?gremium=${body.id}&gepland=${created.length}`);
  } catch (error) {
    if (error instanceof RuleError) return data<Reply>({ values, errors: error.fieldErrors }, { status: 400 });
    throw error;
  }
});

export default function SeriesPlanner() {
  const { body, nextYear, series } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const v = (name: string, fallback = "") => reply?.values[name] ?? fallback;
  const e = (name: string) => reply?.errors[name];
  const described = (name: string) => (e(name) ? { "aria-invalid": true, "aria-describedby": `${name}-fout` } : {});
  const select = (name: string, options: [string, string][], fallback: string) => (
    <select
      id={name}
      name={name}
      defaultValue={v(name, fallback)}
      className="utrecht-select utrecht-select--html-select"
    >
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <Breadcrumb
        items={[
          { to: "/gremia", label: "Gremia" },
          { to: `/gremia/${body.slug}`, label: body.name },
        ]}
      />
      <h1 className="nl-heading nl-heading--level-1">Vergaderschema plannen</h1>
      <p className="nl-paragraph">
        Plan de vergaderingen van {body.name} voor een jaar in één keer. Elke vergadering krijgt de agenda van het
        sjabloon en de huidige leden als genodigden; daarna staat elke vergadering op zichzelf.
      </p>
      {series.length ? (
        <section aria-labelledby="schemas">
          <h2 className="nl-heading nl-heading--level-2" id="schemas">
            Eerder geplande vergaderschema’s
          </h2>
          <ul className="gremium-meetings">
            {series.map((s) => (
              <li key={s.id}>
                <span className="gremium-meetings__date">
                  {s.summary}, {formatTimeOfDay(s.startTime)}–{formatTimeOfDay(s.endTime)} uur, {s.location}
                </span>
                <span>
                  {s.count} vergaderingen
                  {s.first && s.last ? `, ${formatDay(s.first)} tot en met ${formatDay(s.last)}` : ""}
                </span>
                <Link className="nl-link" to={`/gremia/${body.slug}/vergaderschema/${s.id}`}>
                  Tijd en plaats wijzigen<span className="gremium-visually-hidden"> ({s.summary})</span>
                </Link>
              </li>
            ))}
          </ul>
          <h2 className="nl-heading nl-heading--level-2">Nieuw vergaderschema</h2>
        </section>
      ) : null}
      {reply?.errors[""] ? <Alert type="error">{reply.errors[""].join(" ")}</Alert> : null}
      <Form method="post" className="gremium-form">
        <fieldset className="gremium-fieldset">
          <legend>Welke datums</legend>
          <div className="gremium-radios">
            <label>
              <input type="radio" name="wijze" value="regel" defaultChecked={v("wijze", "regel") === "regel"} /> Volgens
              een vaste regel
            </label>
            <label>
              <input type="radio" name="wijze" value="lijst" defaultChecked={v("wijze") === "lijst"} /> Een lijst met
              datums
            </label>
          </div>
          <div className="gremium-two-columns">
            <PlainInput
              name="jaar"
              label="Jaar"
              error={e("jaar")}
              type="number"
              defaultValue={v("jaar", String(nextYear))}
            />
            <Field name="elke" label="Hoe vaak">
              {select("elke", Object.entries(intervalLabels) as [string, string][], "3")}
            </Field>
            <Field name="welke" label="Welke">
              {select(
                "welke",
                [
                  ["1", "de eerste"],
                  ["2", "de tweede"],
                  ["3", "de derde"],
                  ["4", "de vierde"],
                  ["5", "de laatste"],
                ],
                "2",
              )}
            </Field>
            <Field name="dag" label="Dag">
              {select(
                "dag",
                weekdayLabels.map((d, i) => [String(i + 1), d]),
                "4",
              )}
            </Field>
            <Field name="vanaf" label="Vanaf de maand">
              {select(
                "vanaf",
                monthLabels.map((m, i) => [String(i + 1), m]),
                "3",
              )}
            </Field>
          </div>
          <Field
            name="datums"
            label="Of: datums, elk op een eigen regel (bij ‘een lijst met datums’)"
            error={e("datums")}
          >
            <textarea
              id="datums"
              name="datums"
              rows={4}
              defaultValue={v("datums")}
              className="utrecht-textarea utrecht-textarea--html-textarea"
              {...described("datums")}
            />
          </Field>
        </fieldset>
        <div className="gremium-two-columns">
          <PlainInput name="begin" label="Begintijd" error={e("begin")} defaultValue={v("begin", "10.00")} />
          <PlainInput
            name="einde"
            label="Eindtijd"
            error={e("einde") ?? e("endTime")}
            defaultValue={v("einde", "12.00")}
          />
        </div>
        <PlainInput name="locatie" label="Plaats" error={e("locatie")} defaultValue={v("locatie")} />
        <div className="utrecht-form-field gremium-checkbox">
          <input
            id="openbaar"
            name="openbaar"
            type="checkbox"
            defaultChecked={v("openbaar") === "on"}
            className="gremium-checkbox__input"
          />
          <label htmlFor="openbaar">Openbare vergaderingen</label>
        </div>
        {reply?.proposals ? (
          <section aria-labelledby="voorstel" className="gremium-preview">
            <h2 className="nl-heading nl-heading--level-2" id="voorstel">
              Deze {reply.proposals.length} vergaderingen worden gepland
            </h2>
            <ul>
              {reply.proposals.map((p) => (
                <li key={p.date}>
                  {formatDay(Date.parse(`${p.date}T12:00:00Z`))}, {v("begin")}–{v("einde")} uur
                  {p.clashes.length ? (
                    <strong>
                      {" "}
                      — let op: tegelijk met{" "}
                      {p.clashes
                        .map(
                          (c) => `${c.bodyName} (${formatTime(c.startsAt)} uur, ${c.sharedPeople} dezelfde deelnemers)`,
                        )
                        .join(", ")}
                    </strong>
                  ) : null}
                  {p.warnings.length ? <strong> — let op: {p.warnings.join(" ")}</strong> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className="gremium-buttons">
          <Button name="intent" value="voorbeeld">
            Voorbeeld bekijken
          </Button>
          {reply?.proposals ? (
            <Button variant="primary" name="intent" value="aanmaken">
              Vergaderingen aanmaken
            </Button>
          ) : null}
        </div>
      </Form>
    </>
  );
}
