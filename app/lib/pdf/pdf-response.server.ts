import { applySecurityHeaders } from "~/lib/security-headers.server";

/** A generated PDF, shown inline so a tablet opens it in its reader; the name is used when it is saved. */
export function pdfResponse(bytes: Uint8Array, fileName: string) {
  const headers = applySecurityHeaders(
    new Headers({
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename="${fileName}"`,
      // Holds what this reader may see: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    }),
  );
  return new Response(new Uint8Array(bytes), { headers });
}
