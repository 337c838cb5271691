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
