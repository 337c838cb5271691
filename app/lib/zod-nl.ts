import { z } from "zod";

// Every schema has its own Dutch messages; input no form can produce (a forged intent, a missing
// field) still gets zod's built-in messages, and those are set to Dutch here: on the server from
// entry.server, in the browser by app/schemas/fields.ts, so pages without forms load no zod.
// jitless: zod would otherwise probe `new Function` to compile its parsers, which the site's
// Content-Security-Policy (no 'unsafe-eval') refuses and browsers report as a violation.
z.config({ ...z.locales.nl(), jitless: true });
