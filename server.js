// @ts-check
// Starts Gremium: the production build (`npm start`, `npm run serve`), or the app straight from its
// sources through Vite with NODE_ENV=development (`npm run dev`). The server itself lives in the
// build (app/server/), so it shares one copy of every module with the routes.

const development = process.env.NODE_ENV === "development";
process.env.NODE_ENV ??= "production";

try {
  if (development) {
    const { createServer } = await import("vite");
    const vite = await createServer({ server: { middlewareMode: true } });
    const load = () => vite.ssrLoadModule("virtual:remix/server-build");
    const build = await load();
    await build.entry.module.runServer({ build: load, vite });
  } else {
    /** @type {any} The Remix server build; exists once `npm run build` has run. */
    const build = await import(/* @vite-ignore */ "./build/server/index.js");
    await build.entry.module.runServer({ build });
  }
} catch (error) {
  // A configuration error is one readable message, not a stack trace.
  console.error(error instanceof Error && error.message.startsWith("De configuratie") ? error.message : error);
  process.exit(1);
}

export {};
