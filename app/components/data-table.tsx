import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

export type Column<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row: a row header for screen readers. */
  rowHeader?: boolean;
};

/**
 * A table in the NL Design System style with a caption (hidden when the heading above says it
 * already), column headers and one row per record.
 */
export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  stacked = false,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** On a phone each row becomes a block of labelled cells instead of a wide row. */
  stacked?: boolean;
}) {
  return (
    <ScrollRegion label={caption}>
      <table className={`utrecht-table utrecht-table--html-table${stacked ? " gremium-table-stack" : ""}`}>
        <caption className={`utrecht-table__caption${captionHidden ? " gremium-visually-hidden" : ""}`}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column) => (
              <th key={column.header} scope="col" className="utrecht-table__header-cell">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="utrecht-table__row">
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <th key={column.header} scope="row" className="utrecht-table__header-cell">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={column.header}
                    className="utrecht-table__cell"
                    data-label={stacked && index > 0 ? column.header : undefined}
                  >
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
