import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ZodType } from "zod";

/** What an action answers on a page with several forms: which form the reply is for, and the reply. */
export type KeyedReply = { formKey: string; result: SubmissionResult<string[]> } | undefined;

/**
 * One of several forms on a page, validated with the page's schema in the browser too. It takes only
 * the reply meant for it, so an error in one form never shows up in another.
 */
export function useKeyedForm(
  schema: ZodType,
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
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate,
    shouldRevalidate: "onInput",
  });
}
