import { CONFIDENTIAL_NOTICE } from "~/lib/confidential";
import type { ReactNode } from "react";

export function Alert({
  type = "info",
  children,
}: {
  type?: "info" | "ok" | "warning" | "error";
  children: ReactNode;
}) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={type === "error" ? "alert" : "status"}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/**
 * Where a page says that a save worked. The live region is always rendered, so a message that appears
 * after a form posts in the background is announced by screen readers; without JavaScript the page
 * simply shows it.
 */
export function SavedStatus({ message }: { message: string | null | undefined }) {
  return (
    <div role="status" className="gremium-saved-status">
      {message ? (
        <div className="utrecht-alert utrecht-alert--ok">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <p className="nl-paragraph">{message}</p>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The warning a page or file with besloten content carries: on screen at the top, and in print on
 * every page (fixed elements repeat on each printed page).
 */
export function ConfidentialNotice() {
  return <p className="gremium-confidential-notice">{CONFIDENTIAL_NOTICE}</p>;
}
