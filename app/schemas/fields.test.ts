import { describe, expect, it } from "vitest";
import { isoDate } from "./fields";

describe("date fields", () => {
  const schema = isoDate("de datum");

  it("takes the date picker's format and the Dutch way of typing a date", () => {
    expect(schema.parse("2026-06-10")).toBe("2026-06-10");
    expect(schema.parse("10-06-2026")).toBe("2026-06-10");
    expect(schema.parse("1-6-2026")).toBe("2026-06-01");
  });

  it("refuses impossible dates with a Dutch message", () => {
    for (const value of ["31-02-2026", "2026-13-01", "morgen"]) {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe("Vul de datum in als een bestaande datum, bijvoorbeeld 26-11-2026.");
    }
  });
});
