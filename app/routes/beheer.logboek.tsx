import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { formatDate, formatTimestamp, isIsoDate } from "~/lib/format";
import { listAuditEntries } from "~/models/audit.server";
import { pageRoute } from "~/lib/responses.server";

export const meta: MetaFunction = () => [{ title: "Logboek · Beheer · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  const viewer = requireRole(request, ["beheerder"]);
  const before = Number(new URL(request.url).searchParams.get("voor")) || undefined;
  return { ...listAuditEntries({ viewer, before }), paged: before !== undefined };
});

function show(value: unknown) {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return isIsoDate(value) ? formatDate(value) : value;
  return JSON.stringify(value);
}

/** The fields that changed, old value struck through, new value after it. */
function Changes({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => !before || !after || JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (keys.length === 0) return null;
  return (
    <dl className="gremium-diff">
      {keys.map((key) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>
            {before ? (
              <>
                <del>
                  <span className="gremium-visually-hidden">was </span>
                  {show(before[key])}
                </del>{" "}
              </>
            ) : null}
            {after ? (
              <ins>
                <span className="gremium-visually-hidden">wordt </span>
                {show(after[key])}
              </ins>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function AuditLog() {
  const { entries, nextBefore, paged } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Logboek</h1>
      <p className="nl-paragraph">
        Elke wijziging in gebruikers, gremia en lidmaatschappen: wie, wat, wanneer, en wat ervoor en erna gold.
      </p>
      {entries.length === 0 ? (
        <p className="nl-paragraph">Er zijn nog geen wijzigingen vastgelegd.</p>
      ) : (
        // Focusable, so keyboard users can scroll it if a value is still too wide.
        <div className="gremium-table-wrap" tabIndex={0} role="region" aria-label="Logboek, nieuwste wijzigingen eerst">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption gremium-visually-hidden">Wijzigingen, nieuwste eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Wanneer
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Wie
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Wat
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Voor en na
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {entries.map((entry) => (
                <tr key={entry.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{formatTimestamp(entry.at)}</td>
                  <td className="utrecht-table__cell">{entry.actorName}</td>
                  <td className="utrecht-table__cell">{entry.summary}</td>
                  <td className="utrecht-table__cell">
                    <Changes before={entry.before} after={entry.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Bladeren door het logboek">
        <ul className="gremium-pager">
          {paged ? (
            <li>
              <Link className="nl-link" to="/beheer/logboek">
                Nieuwste wijzigingen
              </Link>
            </li>
          ) : null}
          {nextBefore ? (
            <li>
              <Link className="nl-link" to={`/beheer/logboek?voor=${nextBefore}`}>
                Oudere wijzigingen
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  );
}
