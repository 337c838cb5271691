import { z } from "zod";

// Every schema has its own Dutch messages; input no form can produce (a forged intent, a missing
// field) still gets zod's built-in messages, and those are set to Dutch here, once, for client and server.
z.config(z.locales.nl());
