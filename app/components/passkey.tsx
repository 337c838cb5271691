import { browserSupportsWebAuthn, startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useEffect, useId, useState } from "react";
import { Link, useRevalidator } from "@remix-run/react";
import { RecoveryCodes } from "./recovery-codes";

// Passkeys need the browser's WebAuthn API: these controls appear only once the page's script runs
// in a browser that has it; without, the page says so and the other ways keep working.

function useWebAuthn() {
  const [supported, setSupported] = useState<boolean | null>(null);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  return supported;
}

async function postJson(url: string, body: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok)
    throw new Error(typeof data.error === "string" ? data.error : "Er ging iets mis. Probeer het opnieuw.");
  return data;
}

/** Why the browser's own dialog ended without a passkey, in Dutch. */
function describeFailure(error: unknown) {
  if (error instanceof Error && error.name === "NotAllowedError")
    return "Er is geen passkey gebruikt: het venster is gesloten of de tijd verstreek. Probeer het opnieuw.";
  return error instanceof Error ? error.message : "Er ging iets mis. Probeer het opnieuw.";
}

function Unsupported() {
  return (
    <p className="nl-paragraph gremium-muted">
      Passkeys werken alleen in een browser met JavaScript aan en ondersteuning voor passkeys.
    </p>
  );
}

/** "Inloggen met een passkey": the second step after the password, or a sign-in without one. */
export function PasskeySignIn({ mode, redirectTo }: { mode: "second-step" | "passwordless"; redirectTo: string }) {
  const supported = useWebAuthn();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (supported === false) return <Unsupported />;
  if (supported === null) return <noscript>{<Unsupported />}</noscript>;
  async function signIn() {
    setBusy(true);
    setMessage(null);
    try {
      const optionsJSON = await postJson("/inloggen/passkey", { intent: "options", mode });
      const response = await startAuthentication({ optionsJSON: optionsJSON as never });
      const done = await postJson("/inloggen/passkey", { intent: "verify", mode, response, redirectTo });
      window.location.assign(String(done.redirectTo ?? "/"));
    } catch (error) {
      setMessage(describeFailure(error));
      setBusy(false);
    }
  }
  return (
    <div className="gremium-passkey">
      <button type="button" className="nl-button" onClick={signIn} disabled={busy}>
        <span className="nl-button__label">
          {mode === "second-step" ? "Bevestigen met passkey" : "Inloggen met een passkey"}
        </span>
      </button>
      <p role="status" aria-live="polite" className="gremium-passkey-message">
        {message}
      </p>
    </div>
  );
}

/** Adding a passkey on the two-step page; during a required enrolment it completes the sign-in. */
export function PasskeyRegistration({ redirectTo }: { redirectTo: string }) {
  const supported = useWebAuthn();
  const revalidator = useRevalidator();
  const nameId = useId();
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [continueTo, setContinueTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (supported === false) return <Unsupported />;
  if (supported === null) return <noscript>{<Unsupported />}</noscript>;
  async function register() {
    setBusy(true);
    setMessage(null);
    try {
      const optionsJSON = await postJson("/account/passkeys", { intent: "options" });
      const response = await startRegistration({ optionsJSON: optionsJSON as never });
      const done = await postJson("/account/passkeys", { intent: "register", name, response, redirectTo });
      setCodes(Array.isArray(done.codes) ? (done.codes as string[]) : []);
      setMessage("De passkey is toegevoegd.");
      setName("");
      if (typeof done.continueTo === "string") setContinueTo(done.continueTo);
      else revalidator.revalidate();
    } catch (error) {
      setMessage(describeFailure(error));
    }
    setBusy(false);
  }
  return (
    <div className="gremium-passkey">
      <div className="utrecht-form-field utrecht-form-field--text">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={nameId}>
            Naam van de passkey (optioneel)
          </label>
        </div>
        <div className="utrecht-form-field__description" id={`${nameId}-uitleg`}>
          Zodat u hem later herkent, bijvoorbeeld &quot;Laptop werk&quot; of &quot;Telefoon&quot;.
        </div>
        <div className="utrecht-form-field__input">
          <input
            id={nameId}
            className="utrecht-textbox utrecht-textbox--html-input"
            value={name}
            maxLength={80}
            aria-describedby={`${nameId}-uitleg`}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
      </div>
      <button type="button" className="nl-button" onClick={register} disabled={busy}>
        <span className="nl-button__label">Passkey toevoegen</span>
      </button>
      <p role="status" aria-live="polite" className="gremium-passkey-message">
        {message}
      </p>
      {codes.length > 0 ? <RecoveryCodes codes={codes} /> : null}
      {continueTo ? (
        <p className="nl-paragraph">
          <Link className="nl-link" to={continueTo} reloadDocument>
            Verder naar Gremium
          </Link>
        </p>
      ) : null}
    </div>
  );
}
