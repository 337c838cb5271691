// Rules of the codebase that a type checker cannot see, checked on the source itself.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const routesDir = join(__dirname, "../../app/routes");
const routeFiles = readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."));
const source = (file: string) => readFileSync(join(routesDir, file), "utf8");

describe("routes", () => {
  it("never touch tables: only app/models/ reads and writes them", () => {
    const offenders = routeFiles.filter((file) =>
      /from ["'](drizzle-orm|.*db\/schema|~\/lib\/db\.server)["']/.test(source(file)),
    );
    // /healthz only asks the connection whether it can read, by design.
    expect(offenders).toEqual(["healthz.ts"]);
  });

  it("check the origin before any action runs (CSRF defence)", () => {
    const unguarded = routeFiles.filter((file) => {
      const text = source(file);
      const action = text.match(/export async function action[\s\S]*?\n}/)?.[0];
      if (!action) return false;
      return !/(requireUser|requireRole|assertSameOrigin|notFound)\(/.test(action);
    });
    expect(unguarded).toEqual([]);
  });

  it("answer with the security headers: resource routes through resourceRoute, redirects through our redirect", () => {
    const resourceRoutes = routeFiles.filter((file) => !/export default/.test(source(file)));
    const unwrapped = resourceRoutes.filter((file) =>
      /export (async function|const) (loader|action)\b(?! = resourceRoute\()/.test(source(file)),
    );
    expect(unwrapped).toEqual([]);
    const appFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? appFiles(join(dir, entry.name))
          : /\.tsx?$/.test(entry.name)
            ? [join(dir, entry.name)]
            : [],
      );
    const bareRedirects = appFiles(join(__dirname, "../../app")).filter(
      (path) =>
        !path.endsWith("responses.server.ts") &&
        /import \{[^}]*\bredirect\b[^}]*\} from "@remix-run\/node"/.test(readFileSync(path, "utf8")),
    );
    expect(bareRedirects).toEqual([]);
  });
});
