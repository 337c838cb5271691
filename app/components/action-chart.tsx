import { ScrollRegion } from "~/components/scroll-region";
import { formatMonth } from "~/lib/format";

type Point = { month: string; open: number; closed: number };

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 40, left: 40 };

/**
 * Running actions (line) and actions afgerond (bars) per month, drawn on the server as SVG. The
 * same numbers follow as a table, so the chart needs neither JavaScript nor sight.
 */
export function ActionChart({ points }: { points: readonly Point[] }) {
  const max = Math.max(1, ...points.map((p) => Math.max(p.open, p.closed)));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / points.length;
  const y = (value: number) => PAD.top + plotH - (value / top) * plotH;
  const x = (index: number) => PAD.left + slot * index + slot / 2;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.open).toFixed(1)}`).join(" ");
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? `Van ${formatMonth(first.month)} tot en met ${formatMonth(last.month)}. Lopende acties aan het eind van de laatste maand: ${last.open}. Afgerond in die twee jaar: ${points.reduce((n, p) => n + p.closed, 0)}.`
      : "Geen gegevens.";
  return (
    <figure className="gremium-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="actiegrafiek-titel actiegrafiek-beschrijving"
        className="gremium-chart__svg"
      >
        <title id="actiegrafiek-titel">Lopende en afgeronde acties per maand</title>
        <desc id="actiegrafiek-beschrijving">{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="gremium-chart__grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="gremium-chart__label">
              {tick}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <rect
            key={p.month}
            x={x(i) - slot * 0.3}
            width={slot * 0.6}
            y={y(p.closed)}
            height={Math.max(0, PAD.top + plotH - y(p.closed))}
            className="gremium-chart__bar"
          />
        ))}
        <path d={line} className="gremium-chart__line" />
        {points.map((p, i) =>
          i % 3 === 0 ? (
            <text
              key={p.month}
              x={x(i)}
              y={HEIGHT - PAD.bottom + 18}
              textAnchor="middle"
              className="gremium-chart__label"
            >
              {formatMonth(p.month)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>
        <span className="gremium-chart__key gremium-chart__key--line" aria-hidden="true" /> lopend aan het eind van de
        maand <span className="gremium-chart__key gremium-chart__key--bar" aria-hidden="true" /> afgerond in de maand
        <p className="gremium-muted">{summary}</p>
        <details>
          <summary>De cijfers per maand als tabel</summary>
          <ScrollRegion label="Lopende en afgeronde acties per maand">
            <table className="utrecht-table utrecht-table--html-table">
              <caption className="gremium-visually-hidden">Lopende en afgeronde acties per maand</caption>
              <thead>
                <tr>
                  <th scope="col">Maand</th>
                  <th scope="col">Lopend aan het eind</th>
                  <th scope="col">Afgerond</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.month}>
                    <th scope="row">{formatMonth(p.month)}</th>
                    <td>{p.open}</td>
                    <td>{p.closed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      </figcaption>
    </figure>
  );
}

function niceStep(max: number) {
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]) if (max / step <= 6) return step;
  return 10_000;
}
