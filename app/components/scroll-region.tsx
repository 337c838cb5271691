import type { ReactNode } from "react";

/**
 * A wide table on a narrow screen scrolls inside this box instead of widening the page. It is a
 * labelled region that takes focus, so a keyboard user can scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="gremium-table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
