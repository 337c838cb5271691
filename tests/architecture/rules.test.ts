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
});
