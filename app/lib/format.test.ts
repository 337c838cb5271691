import { describe, expect, it } from "vitest";
import {
  amsterdamDateAndTime,
  formatDateTime,
  formatEuro,
  formatQuarter,
  formatTime,
  formatTimeOfDay,
  parseTime,
  formatMoney,
  instantFromAmsterdam,
  isIsoDate,
  isTime,
  parseEuroCents,
} from "./format";

describe("Dutch formats in Amsterdam time", () => {
  it("turns a date and time in Amsterdam into an instant and back, across summer time", () => {
    const summer = instantFromAmsterdam("2026-06-10", "10:00");
    expect(new Date(summer).toISOString()).toBe("2026-06-10T08:00:00.000Z");
    const winter = instantFromAmsterdam("2026-11-26", "12:30");
    expect(new Date(winter).toISOString()).toBe("2026-11-26T11:30:00.000Z");
    expect(amsterdamDateAndTime(winter)).toEqual({ date: "2026-11-26", time: "12:30" });
    expect(formatDateTime(winter)).toBe("donderdag 26 november 2026, 12.30");
  });

  it("formats money in whole cents the Dutch way", () => {
    expect(formatMoney(123456)).toBe("€\u00a01.234,56");
  });

  it("accepts only real dates and times", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("10-06-2026")).toBe(false);
    expect(isTime("09:30")).toBe(true);
    expect(isTime("24:00")).toBe(false);
    expect(isTime("9.30")).toBe(false);
  });
});

describe("money in whole cents", () => {
  it("reads amounts as Dutch users type them", () => {
    expect(parseEuroCents("637.000")).toBe(63_700_000);
    expect(parseEuroCents("€ 260.000")).toBe(26_000_000);
    expect(parseEuroCents("1.234,56")).toBe(123_456);
    expect(parseEuroCents("12,5")).toBe(1_250);
    expect(parseEuroCents("260000")).toBe(26_000_000);
    expect(parseEuroCents("-1.500")).toBe(-150_000);
    for (const bad of ["", "12.34", "1,234", "abc", "1.2345", "12,345"]) expect(parseEuroCents(bad)).toBeNull();
  });

  it("shows whole euros without cents, and other amounts with them", () => {
    expect(formatEuro(63_700_000)).toBe("€\u00a0637.000");
    expect(formatEuro(123_456)).toBe("€\u00a01.234,56");
    expect(formatEuro(0)).toBe("€\u00a00");
  });
});

describe("formatQuarter", () => {
  it("says a stored quarter as a reader would", () => {
    expect(formatQuarter("2027-K1")).toBe("1e kwartaal 2027");
    expect(formatQuarter("onbekend")).toBe("onbekend");
  });
});

describe("times of day", () => {
  it("reads the four ways people write a time, and no impossible one", () => {
    for (const typed of ["13.30", "13:30", "1330", " 13.30 uur "]) expect(parseTime(typed), typed).toBe("13:30");
    expect(parseTime("9.00")).toBe("09:00");
    expect(parseTime("900")).toBe("09:00");
    expect(parseTime("9")).toBe("09:00");
    for (const typed of ["24.00", "13.60", "13,30", "half twee", ""]) expect(parseTime(typed), typed).toBeNull();
  });

  it("shows a time the Dutch way", () => {
    expect(formatTimeOfDay("13:30")).toBe("13.30");
    expect(formatTime(Date.UTC(2026, 11, 10, 12, 30))).toBe("13.30");
  });
});
