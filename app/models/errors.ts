/** Someone else saved the record since the form was opened: the edit must not overwrite it. */
export class ConflictError extends Error {
  constructor(
    message = "Iemand anders heeft dit intussen gewijzigd. Uw invoer staat hieronder nog; bekijk de nieuwe versie en sla opnieuw op.",
    /** The saved values now, so the form can show what the other person changed. */
    public readonly saved?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** A business rule refused the input; the messages are Dutch and belong next to the fields. */
export class RuleError extends Error {
  constructor(public readonly fieldErrors: Record<string, string[]>) {
    super(Object.values(fieldErrors).flat().join(" "));
    this.name = "RuleError";
  }
}

/** Too many wrong guesses: the message says how long to wait. Routes answer 429. */
export class TooManyAttempts extends RuleError {
  constructor(
    fieldErrors: Record<string, string[]>,
    public readonly until: number,
  ) {
    super(fieldErrors);
    this.name = "TooManyAttempts";
  }
}

/** The viewer may not do this; the message says why, in Dutch. Routes answer 403. */
export class Forbidden extends Error {
  constructor(message = "U hebt geen toegang tot deze pagina.") {
    super(message);
    this.name = "Forbidden";
  }
}

/** The record does not exist, or is hidden from the viewer (which must not be told apart). Routes answer 404. */
export class NotFound extends Error {
  constructor(message = "Deze pagina bestaat niet (meer).") {
    super(message);
    this.name = "NotFound";
  }
}

/** The viewer's session was ended for safety (e.g. too many wrong current passwords); routes sign out. */
export class SessionEnded extends Error {
  constructor(message = "Voor uw veiligheid bent u uitgelogd.") {
    super(message);
    this.name = "SessionEnded";
  }
}

/** Any of the refusals a model throws; everything else is a real failure. */
export type DomainError = ConflictError | RuleError | Forbidden | NotFound;

export function isDomainError(error: unknown): error is DomainError {
  return (
    error instanceof ConflictError ||
    error instanceof RuleError ||
    error instanceof Forbidden ||
    error instanceof NotFound
  );
}
