import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { connectDatabase, openDatabase } from "~/lib/db.server";
import { loader } from "./healthz";

describe("GET /healthz", () => {
  it("answers ok with the number of applied migrations", async () => {
    const response = await loader({} as never);
    expect(response.status).toBe(200);
    const migrations = readdirSync("migrations").filter((f) => f.endsWith(".sql")).length;
    expect(await response.json()).toEqual({ status: "ok", database: "ok", migrations });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 503 when the database cannot be read", async () => {
    // An empty database has no migrations table: reading it fails like a broken file would.
    connectDatabase(openDatabase(":memory:"));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await loader({} as never);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", database: "error" });
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});
