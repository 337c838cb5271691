import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

// The component schemas of the VNG standard ODS Open Raadsinformatie 2.0.0-beta.4, as published (the
// copy in standards/), for Ajv. The standard is OpenAPI 3.0: `nullable: true` beside a type becomes that
// type or null; `nullable` without a type has no effect in OpenAPI 3.0.3 and is dropped. Nothing else
// is changed: the standard's names, types, formats, lengths, enumerations and required properties apply.

type Json = unknown;

function toJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== "object") return schema;
  const source = schema as Record<string, Json>;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(source)) if (key !== "nullable") out[key] = toJsonSchema(value);
  if (source.nullable === true && typeof source.type === "string") {
    out.type = [source.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

const standard = parse(
  readFileSync(new URL("../../standards/ods-open-raadsinformatie-2.0.0-beta.4.openapi.yaml", import.meta.url), "utf8"),
) as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };

export const odsSchemas = standard.components.schemas;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "ods", components: toJsonSchema(standard.components) as object });

/** What is wrong with `value` by the standard's component schema `name`, as readable lines; none when valid. */
export function odsProblems(name: string, value: unknown): string[] {
  const validate = ajv.getSchema(`ods#/components/schemas/${name}`);
  if (!validate) throw new Error(`De standaard kent geen schema ${name}.`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
