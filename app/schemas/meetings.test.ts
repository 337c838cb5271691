import { describe, expect, it } from "vitest";
import { moveSchema, newMeetingSchema } from "./meetings";

describe("meeting times in forms", () => {
  const base = { bodyId: "3", date: "2027-03-11", location: "Hengelo" };

  it("accept 13.30, 13:30, 1330 and 9.00 and keep them as HH:MM", () => {
    for (const [start, end] of [
      ["9.00", "13.30"],
      ["9:00", "13:30"],
      ["900", "1330"],
    ]) {
      const parsed = newMeetingSchema.safeParse({ ...base, startTime: start, endTime: end });
      expect(parsed.success, `${start}–${end}`).toBe(true);
      expect(parsed.data).toMatchObject({ startTime: "09:00", endTime: "13:30" });
    }
  });

  it("answer an unreadable time and an end before the start in Dutch, at the field", () => {
    const unreadable = newMeetingSchema.safeParse({ ...base, startTime: "half tien", endTime: "12.00" });
    expect(unreadable.error?.issues).toEqual([
      expect.objectContaining({ path: ["startTime"], message: expect.stringContaining("bijvoorbeeld 13.30") }),
    ]);
    const reversed = moveSchema.safeParse({
      intent: "move",
      version: "1",
      date: "2027-03-11",
      startTime: "14.00",
      endTime: "1330",
    });
    expect(reversed.success).toBe(false);
  });
});
