import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { publicUrl } from "~/lib/env.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [
  { title: "Gremium volgen · Gremium" },
  {
    name: "description",
    content:
      "Blijf op de hoogte van het netwerk Zorg, Veiligheid en Straf: nieuwsbrief, vergaderagenda, feed en open data.",
  },
];

export const loader = pageRoute(async () => ({ base: publicUrl() }));

// What a feed or calendar address is, for the reader who clicked one and saw raw XML: the links on the
// site lead here, and the addresses are given to copy into a reader or agenda.
export default function Follow() {
  const { base } = useLoaderData<typeof loader>();
  return (
    <article className="gremium-prose">
      <h1 className="nl-heading nl-heading--level-1">Gremium volgen</h1>
      <p className="nl-paragraph">
        Wilt u weten wat het netwerk bespreekt en besluit? Kies wat bij u past; voor geen van deze manieren hoeft u in
        te loggen.
      </p>

      <h2 className="nl-heading nl-heading--level-2">De nieuwsbrief per e-mail</h2>
      <p className="nl-paragraph">
        Na elke vergadering van de stuurgroep, ongeveer vier keer per jaar.{" "}
        <Link className="nl-link" to="/nieuwsbrief/aanmelden">
          Aanmelden voor de nieuwsbrief
        </Link>
        . U kunt zich met één klik weer afmelden.
      </p>

      <h2 className="nl-heading nl-heading--level-2">De vergaderingen in uw agenda</h2>
      <p className="nl-paragraph">
        Neem dit adres op als abonnement (‘agenda toevoegen via internet’ in Outlook, ‘Andere agenda’s’ in Google
        Agenda); nieuwe en verplaatste openbare vergaderingen verschijnen dan vanzelf:
      </p>
      <p className="gremium-feed-url">
        <code>{`${base}/vergaderingen.ics`}</code>
      </p>
      <p className="nl-paragraph">
        Leden maken op hun{" "}
        <Link className="nl-link" to="/account">
          accountpagina
        </Link>{" "}
        een persoonlijk adres met ook de vergaderingen van hun eigen gremia.
      </p>

      <h2 className="nl-heading nl-heading--level-2">Een feed voor uw feedlezer</h2>
      <p className="nl-paragraph">
        Een feed is een lijst die een feedlezer (zoals Feedly, Inoreader of Outlook) zelf bijhoudt; de nieuwsbrief
        verschijnt daar zodra hij uitkomt. In de browser ziet een feed eruit als code: dat is de bedoeling. Plak dit
        adres in uw feedlezer:
      </p>
      <p className="gremium-feed-url">
        <code>{`${base}/nieuwsbrieven/feed.xml`}</code>
      </p>

      <h2 className="nl-heading nl-heading--level-2">Open data</h2>
      <p className="nl-paragraph">
        Vergaderingen, agendapunten, besluiten, stukken en acties staan ook als open data in een API, voor wie ze in een
        eigen systeem wil overnemen.{" "}
        <Link className="nl-link" to="/api">
          Over de API
        </Link>
        .
      </p>
    </article>
  );
}
