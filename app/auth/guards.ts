import { can, type Capability } from "./permissions";
import type { SignedInViewer, Viewer } from "./viewer";

export function forbidden(message = "U hebt geen toegang tot deze pagina."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "Deze pagina bestaat niet (meer)."): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

/** Model-level guard: throws a 403 Response unless the viewer holds the capability. */
export function requireCapability(viewer: Viewer, capability: Capability): asserts viewer is SignedInViewer {
  if (!can(viewer, capability)) forbidden();
}

/** A positive integer id from a URL segment, or a 404 for anything else. */
export function requireIdParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
