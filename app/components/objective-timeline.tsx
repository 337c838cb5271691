import { ScrollRegion } from "~/components/scroll-region";
type Quarter = { quarter: string; decisions: number; closed: number };

/** "2017 K3", or the columns for what lies outside the programme's period. */
const quarterName = (quarter: string) =>
  quarter === "eerder" ? "vóór de looptijd" : quarter === "later" ? "na de looptijd" : quarter.replace("-", " ");

const BAR = 10;
const GAP = 4;
const HEIGHT = 48;

/**
 * Decisions and afgeronde actions per quarter as two small bars each, drawn on the server. The
 * figure names the totals and the busiest quarter; the full numbers are in a table beside it.
 */
export function ObjectiveTimeline({
  id,
  title,
  quarters,
}: {
  id: string;
  title: string;
  quarters: readonly Quarter[];
}) {
  const max = Math.max(1, ...quarters.map((q) => Math.max(q.decisions, q.closed)));
  const width = quarters.length * (BAR * 2 + GAP * 2);
  const scale = (n: number) => (n / max) * (HEIGHT - 4);
  const totalDecisions = quarters.reduce((n, q) => n + q.decisions, 0);
  const totalClosed = quarters.reduce((n, q) => n + q.closed, 0);
  const busiest = [...quarters].sort((a, b) => b.decisions + b.closed - (a.decisions + a.closed))[0];
  const summary =
    totalDecisions + totalClosed === 0
      ? "Nog geen besluiten of afgeronde acties."
      : `${totalDecisions} ${totalDecisions === 1 ? "besluit" : "besluiten"} en ${totalClosed} ${totalClosed === 1 ? "afgeronde actie" : "afgeronde acties"}; de meeste in ${quarterName(busiest!.quarter)}.`;
  return (
    <figure className="gremium-timeline">
      <svg
        viewBox={`0 0 ${Math.max(width, 1)} ${HEIGHT}`}
        // As wide as the quarters need, never wider than the page: a long programme is drawn narrower.
        width="100%"
        style={{ maxWidth: Math.max(width, 1) }}
        height={HEIGHT}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}-titel ${id}-beschrijving`}
      >
        <title id={`${id}-titel`}>{title}</title>
        <desc id={`${id}-beschrijving`}>{summary}</desc>
        <line x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="gremium-chart__grid" />
        {quarters.map((q, i) => {
          const x = i * (BAR * 2 + GAP * 2) + GAP;
          return (
            <g key={q.quarter}>
              <rect
                x={x}
                width={BAR}
                y={HEIGHT - scale(q.decisions)}
                height={scale(q.decisions)}
                className="gremium-chart__decision"
              />
              <rect
                x={x + BAR}
                width={BAR}
                y={HEIGHT - scale(q.closed)}
                height={scale(q.closed)}
                className="gremium-chart__bar"
              />
            </g>
          );
        })}
      </svg>
      <figcaption className="gremium-muted">{summary}</figcaption>
    </figure>
  );
}

/** The same numbers as a table, for whoever does not read the bars. */
export function TimelineTable({ caption, quarters }: { caption: string; quarters: readonly Quarter[] }) {
  return (
    <details>
      <summary>{caption} als tabel</summary>
      <ScrollRegion label={caption}>
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="gremium-visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Kwartaal</th>
              <th scope="col">Besluiten</th>
              <th scope="col">Afgeronde acties</th>
            </tr>
          </thead>
          <tbody>
            {quarters.map((q) => (
              <tr key={q.quarter}>
                <th scope="row">{quarterName(q.quarter)}</th>
                <td>{q.decisions}</td>
                <td>{q.closed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
