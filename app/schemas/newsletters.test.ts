import { describe, expect, it } from "vitest";
import { createEditionSchema } from "./newsletters";

describe("createEditionSchema", () => {
  it("makes the web address from the title when it is left empty", () => {
    const parsed = createEditionSchema.parse({ title: "Nieuwsbrief december 2026", period: "", slug: undefined });
    expect(parsed.slug).toBe("december-2026");
  });

  it("checks an address typed by hand as typed", () => {
    const result = createEditionSchema.safeParse({ title: "Nieuwsbrief december 2026", slug: "December 2026" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["slug"],
      message: "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld april-2026.",
    });
  });
});
