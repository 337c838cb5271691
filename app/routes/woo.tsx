import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { requireRole } from "~/auth/permissions.server";
import { formatDateTime, formatDay } from "~/lib/format";
import { pageRoute } from "~/lib/responses.server";
import { listWooDeadlines, type WooDeadline, type WooDeadlineStatus } from "~/models/woo-deadlines.server";

export const meta: MetaFunction = () => [{ title: "Woo-termijnen · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["secretariaat", "beheerder"]);
  return listWooDeadlines({ viewer });
});

const what: Record<WooDeadline["kind"], string> = {
  agenda: "Agenda",
  stukken: "Vergaderstukken",
  besluitenlijst: "Besluitenlijst",
};
const badges: Record<WooDeadlineStatus, { tone: "neutral" | "safe" | "warning" | "danger"; label: string }> = {
  verstreken: { tone: "danger", label: "termijn verstreken" },
  open: { tone: "warning", label: "open" },
  "te-laat": { tone: "warning", label: "te laat openbaar" },
  gehaald: { tone: "safe", label: "op tijd openbaar" },
  achteraf: { tone: "neutral", label: "achteraf vastgelegd" },
};

export default function WooDeadlines() {
  const { deadlines, open, missed } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Woo-termijnen</h1>
      <p className="nl-paragraph">
        Wat de Wet open overheid (artikel 3.3) vraagt van de vergaderingen die u voorbereidt: van een algemeen bestuur
        de agenda openbaar vóór de vergadering begint, de stukken zodra de leden ze krijgen en de vastgestelde
        besluitenlijst binnen twee weken; van een dagelijks bestuur de agenda en de besluitenlijst, ook als de
        vergadering besloten is. Welk gremium onder welk artikel valt, stelt de beheerder in.
      </p>
      <p className="nl-paragraph">
        {missed === 1 ? "1 termijn verstreken" : `${missed} termijnen verstreken`},{" "}
        {open === 1 ? "1 termijn open" : `${open} termijnen open`}.
      </p>
      {deadlines.length === 0 ? (
        <p className="nl-paragraph">
          Geen termijnen: de gremia die u voorbereidt, publiceren onder artikel 3.1 of hadden het afgelopen jaar geen
          vergaderingen.
        </p>
      ) : (
        <ul className="gremium-meetings">
          {deadlines.map((deadline) => (
            <li key={`${deadline.meetingId}-${deadline.kind}`}>
              <Link
                className="nl-link gremium-meetings__date"
                to={`/vergaderingen/${deadline.meetingId}${deadline.kind === "besluitenlijst" ? "/besluitenlijst" : ""}`}
              >
                {what[deadline.kind]}: {deadline.bodyName}, {formatDay(deadline.startsAt)}
              </Link>
              <span>
                <StatusBadge tone={badges[deadline.status].tone}>{badges[deadline.status].label}</StatusBadge>
                {deadline.dueAt !== null ? `uiterlijk ${formatDateTime(deadline.dueAt)}` : null}
                {deadline.publicAt !== null ? `; openbaar sinds ${formatDateTime(deadline.publicAt)}` : null}
              </span>
              {deadline.note ? <span className="gremium-muted">{deadline.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
