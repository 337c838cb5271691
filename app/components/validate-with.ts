import { parseWithZod } from "@conform-to/zod/v4";
import type { ZodType } from "zod";

/**
 * Browser-side validation for a keyed form with the page's zod schema. Kept apart from useKeyedForm so
 * a page whose forms validate on the server only does not load zod at all.
 */
export const validateWith = (schema: ZodType) => (formData: FormData) => parseWithZod(formData, { schema });
