import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// patches/@remix-run+router+*.patch (applied by patch-package on every install) caches the flattened,
// ranked route tree per route array and each compiled route pattern, on the server's copy of React
// Router 6 (docs/decisions/021). These tests hold it in place and show matching is unchanged.

const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const router = require("@remix-run/router") as typeof import("@remix-run/router");

describe("the route matching cache", () => {
  it("is applied to the copy the server loads", () => {
    expect(routerPath).toMatch(/router\.cjs\.js$/);
    const source = readFileSync(routerPath, "utf8");
    expect(source).toContain("const rankedBranchesCache = new WeakMap()");
    expect(source).toContain("const compiledPaths = new Map()");
  });

  it("matches as before: ranking, parameters, and a new route array on its own", () => {
    const routes = [
      {
        id: "root",
        path: "/",
        children: [
          { id: "index", index: true },
          { id: "meeting", path: "vergaderingen/:id" },
          { id: "new", path: "vergaderingen/nieuw" },
          { id: "splat", path: "*" },
        ],
      },
    ];
    const ids = (path: string, tree: import("@remix-run/router").AgnosticRouteObject[] = routes) =>
      router.matchRoutes(tree, path)?.map((m) => m.route.id);
    for (let round = 0; round < 2; round++) {
      expect(ids("/")).toEqual(["root", "index"]);
      expect(ids("/vergaderingen/nieuw")).toEqual(["root", "new"]);
      expect(ids("/vergaderingen/12")).toEqual(["root", "meeting"]);
      expect(router.matchRoutes(routes, "/vergaderingen/13")?.[1]?.params).toEqual({ id: "13", "*": undefined });
      expect(ids("/iets/anders")).toEqual(["root", "splat"]);
    }
    const other = [{ id: "only", path: "/vergaderingen/:id" }];
    expect(ids("/vergaderingen/nieuw", other)).toEqual(["only"]);
    expect(router.matchPath({ path: "/a/:b", end: false }, "/a/c/d")?.params).toEqual({ b: "c" });
    expect(router.matchPath("/a/:b", "/a/c/d")).toBeNull();
  });
});
