import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button } from "~/components/form";
import { requireUser } from "~/auth/permissions.server";
import { countSubscribers, importSubscribers } from "~/models/subscribers.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Abonnees van de nieuwsbrief · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  return countSubscribers({ viewer: requireUser(request) });
});

/** Splits CSV text with ; or , as separator and quoted fields, as Excel writes it. */
function parseCsv(text: string) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const separator = (lines[0] ?? "").includes(";") ? ";" : ",";
  return lines.map((line) => {
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = !quoted;
      else if (ch === separator && !quoted) {
        cells.push(cell);
        cell = "";
      } else cell += ch;
    }
    cells.push(cell);
    return cells.map((c) => c.trim());
  });
}

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const formData = await request.formData();
  const file = formData.get("bestand");
  if (!(file instanceof File) || file.size === 0)
    return data({ error: "Kies een CSV-bestand met e-mailadressen.", result: null }, { status: 400 });
  if (file.size > 2_000_000) return data({ error: "Het bestand is groter dan 2 MB.", result: null }, { status: 400 });
  const rows = parseCsv(await file.text());
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const hasHeader = header.some((h) => h.includes("mail"));
  const column = (names: string[], fallback: number) => {
    const index = header.findIndex((h) => names.some((n) => h.includes(n)));
    return hasHeader && index >= 0 ? index : fallback;
  };
  const [emailAt, nameAt, orgAt, confirmedAt] = [
    column(["mail"], 0),
    column(["naam", "name"], 1),
    column(["organisatie", "organisation"], 2),
    column(["bevestigd", "confirmed"], 3),
  ];
  const result = importSubscribers({
    viewer,
    rows: rows
      .map((cells, index) => ({ cells, line: index + 1 }))
      .slice(hasHeader ? 1 : 0)
      .filter(({ cells }) => cells.some(Boolean))
      .map(({ cells, line }) => ({
        line,
        email: cells[emailAt] ?? "",
        name: cells[nameAt] ?? "",
        organisation: cells[orgAt] ?? "",
        confirmed: /^(ja|j|yes|true|1|bevestigd)$/i.test(cells[confirmedAt] ?? ""),
      })),
  });
  return { error: null, result };
});

export default function Subscribers() {
  const counts = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <Breadcrumb items={[{ to: "/nieuwsbrieven", label: "Nieuwsbrieven" }]} />
      <h1 className="nl-heading nl-heading--level-1">Abonnees</h1>
      <dl className="gremium-meta">
        <dt>Bevestigd</dt>
        <dd>{counts.bevestigd}</dd>
        <dt>Wacht op bevestiging</dt>
        <dd>{counts.wacht}</dd>
        <dt>Afgemeld</dt>
        <dd>{counts.afgemeld} (alleen een onleesbare afdruk van het adres bewaard)</dd>
      </dl>
      <p className="nl-paragraph">
        <a className="nl-link" href="/nieuwsbrief/abonnees.csv" download>
          Abonnees downloaden (CSV voor Excel)
        </a>
      </p>
      <h2 className="nl-heading nl-heading--level-2">Abonnees importeren</h2>
      <p className="nl-paragraph">
        Een CSV-bestand met kolommen e-mail; naam; organisatie; bevestigd (ja of nee). Wie eerder afmeldde, wordt
        overgeslagen.
      </p>
      {reply?.error ? <Alert type="error">{reply.error}</Alert> : null}
      {reply?.result ? (
        <Alert type="ok">
          {reply.result.added} nieuw, {reply.result.updated} bijgewerkt, {reply.result.optedOut} eerder afgemeld en
          overgeslagen
          {reply.result.invalid.length ? `; ongeldig adres op regel ${reply.result.invalid.join(", ")}` : ""}.
        </Alert>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="gremium-form">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="bestand">
            CSV-bestand
          </label>
          <input id="bestand" name="bestand" type="file" accept=".csv,text/csv" className="utrecht-textbox" />
        </div>
        <Button variant="primary">Importeren</Button>
      </Form>
    </>
  );
}
