import type { ReactNode } from "react";

export function StatusBadge({
  tone,
  children,
}: {
  tone: "neutral" | "safe" | "warning" | "danger";
  children: ReactNode;
}) {
  return <span className={`utrecht-badge-status utrecht-badge-status--${tone}`}>{children}</span>;
}
