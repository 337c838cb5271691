import { useForm, type SubmissionResult } from "@conform-to/react";
import type { Submission } from "@conform-to/dom";

/** What an action answers on a page with several forms: which form the reply is for, and the reply. */
export type KeyedReply = { formKey: string; result: SubmissionResult<string[]> } | undefined;

/**
 * One of several forms on a page. It takes only the reply meant for it, so an error in one form never
 * shows up in another. With `validateWith(schema)` it also validates in the browser; with `null` the
 * server alone answers, with the same Dutch messages, which keeps zod out of pages whose forms only a
 * few people use.
 */
export function useKeyedForm(
  validate: ((formData: FormData) => Submission<unknown>) | null,
  formKey: string,
  lastReply: KeyedReply,
  {
    defaultValue,
    shouldValidate = "onBlur",
  }: { defaultValue?: Record<string, unknown>; shouldValidate?: "onBlur" | "onSubmit" } = {},
) {
  return useForm({
    id: formKey,
    // Nested values (lists of rows) are fine for conform; its type here only knows flat strings.
    defaultValue: defaultValue as Record<string, string> | undefined,
    lastResult: lastReply?.formKey === formKey ? lastReply.result : undefined,
    onValidate: validate ? ({ formData }) => validate(formData) : undefined,
    shouldValidate,
    shouldRevalidate: "onInput",
  });
}
