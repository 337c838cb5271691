import { CONFIRMED_FIELD, type Confirmation, type ConfirmationText } from "./confirmation";

export function isConfirmed(formData: FormData) {
  return formData.get(CONFIRMED_FIELD) === "ja";
}

/**
 * The answer to a post that still has to be confirmed: what will happen, and the posted fields to send
 * again with the confirmation (only text fields; a confirmed form carries no files).
 */
export function askConfirmation(formData: FormData, text: ConfirmationText): { confirmation: Confirmation } {
  const fields: Array<[string, string]> = [];
  for (const [name, value] of formData.entries())
    if (typeof value === "string" && name !== CONFIRMED_FIELD) fields.push([name, value]);
  return { confirmation: { ...text, fields } };
}
