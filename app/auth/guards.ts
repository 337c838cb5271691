import { Forbidden, NotFound } from "~/models/errors";
import { can, type Capability } from "./permissions";
import type { SignedInViewer, Viewer } from "./viewer";

// Refusals are domain errors; pageRoute and resourceRoute (app/lib/responses.server.ts) answer them
// with the Dutch 403 or 404 page.

export function forbidden(message = "U hebt geen toegang tot deze pagina."): never {
  throw new Forbidden(message);
}

export function notFound(message = "Deze pagina bestaat niet (meer)."): never {
  throw new NotFound(message);
}

/** Model-level guard: refuses unless the viewer holds the capability. */
export function requireCapability(viewer: Viewer, capability: Capability): asserts viewer is SignedInViewer {
  if (!can(viewer, capability)) forbidden();
}

/** A positive integer id from a URL segment, or a 404 for anything else. */
export function requireIdParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
