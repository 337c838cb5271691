import { Alert } from "./alert";

/** Recovery codes, shown once after they are made: the page says so, and how to keep them. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  return (
    <Alert type="warning">
      <h2 className="nl-heading nl-heading--level-2">Uw herstelcodes</h2>
      <p className="nl-paragraph">
        Bewaar deze codes op een veilige plek, bijvoorbeeld in uw wachtwoordbeheerder of op papier. Met elk ervan logt u
        één keer in als u uw telefoon kwijt bent. U ziet ze alleen nu.
      </p>
      <ul className="gremium-recovery-codes" aria-label="Herstelcodes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
