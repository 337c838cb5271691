import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, bodies } from "../../../db/schema";
import { makeBody, makeViewer } from "../../../tests/factories";
import { getDb } from "~/lib/db.server";
import { Forbidden, NotFound, RuleError } from "../errors";
import { change } from "./change.server";
import { systemViewer } from "./viewer";

const rename = (
  viewer: Parameters<typeof change>[0]["viewer"],
  id: number,
  expectedVersion: number,
  name: string,
  fail?: "check" | "write",
) =>
  change({
    viewer,
    load: () => getDb().select().from(bodies).where(eq(bodies.id, id)).get(),
    missing: "Dit gremium bestaat niet meer.",
    allow: (viewer) => viewer?.role === "beheerder" || "Alleen de beheerder.",
    expectedVersion,
    saved: (body) => ({ name: body.name, version: body.version }),
    check: () => {
      if (fail === "check") throw new RuleError({ name: ["Te kort."] });
    },
    write: (tx) => {
      tx.update(bodies).set({ name }).where(eq(bodies.id, id)).run();
      if (fail === "write") throw new RuleError({ name: ["Halverwege geweigerd."] });
    },
    touch: { table: bodies, id: () => id },
    audit: () => ({ action: "test.rename", entityType: "body", entityId: id, summary: `Hernoemd tot ${name}` }),
  });

const body = (id: number) => getDb().select().from(bodies).where(eq(bodies.id, id)).get()!;
const logged = (id: number) =>
  getDb()
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, id))
    .all()
    .filter((e) => e.action === "test.rename");

describe("the one door for changes", () => {
  it("writes, moves the version on and logs who did it", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const { id } = makeBody({ name: "Oud" });
    rename(admin, id, 1, "Nieuw");
    expect(body(id)).toMatchObject({ name: "Nieuw", version: 2 });
    expect(logged(id)).toEqual([expect.objectContaining({ actorUserId: admin.userId, summary: "Hernoemd tot Nieuw" })]);
  });

  it("refuses in order: gone, not allowed, stale, against the rules; and a refusal leaves nothing behind", async () => {
    const admin = await makeViewer({ role: "beheerder" });
    const member = await makeViewer({ role: "lid" });
    const { id } = makeBody({ name: "Oud" });
    expect(() => rename(admin, id + 1000, 1, "X")).toThrow(NotFound);
    expect(() => rename(member, id, 1, "X")).toThrow(Forbidden);
    expect(() => rename(null, id, 1, "X")).toThrow("Alleen de beheerder.");
    expect(() => rename(admin, id, 7, "X")).toThrow(
      expect.objectContaining({ name: "ConflictError", saved: { name: "Oud", version: 1 } }),
    );
    expect(() => rename(admin, id, 1, "X", "check")).toThrow(RuleError);
    // Refused after the write began: the transaction takes the write back.
    expect(() => rename(admin, id, 1, "X", "write")).toThrow("Halverwege geweigerd.");
    expect(body(id)).toMatchObject({ name: "Oud", version: 1 });
    expect(logged(id)).toEqual([]);
  });

  it("logs the system, which has no account, as no user", () => {
    const { id } = makeBody({ name: "Oud" });
    rename(systemViewer, id, 1, "Door het systeem");
    expect(logged(id)).toEqual([expect.objectContaining({ actorUserId: null })]);
  });
});
