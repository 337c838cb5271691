import { describe, expect, it } from "vitest";
import { dateWarnings, dutchHolidays, easterSunday } from "./calendar-days";

describe("easterSunday", () => {
  it("matches the published dates", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });
});

describe("dutchHolidays", () => {
  it("names the moving and the fixed holidays of 2027", () => {
    const holidays = dutchHolidays(2027);
    expect(holidays.get("2027-03-29")).toBe("Tweede Paasdag");
    expect(holidays.get("2027-05-06")).toBe("Hemelvaartsdag");
    expect(holidays.get("2027-05-17")).toBe("Tweede Pinksterdag");
    expect(holidays.get("2027-12-26")).toBe("Tweede Kerstdag");
    expect(holidays.get("2027-04-27")).toBe("Koningsdag");
  });

  it("moves Koningsdag to the 26th when the 27th is a Sunday", () => {
    expect(dutchHolidays(2025).get("2025-04-26")).toBe("Koningsdag");
    expect(dutchHolidays(2025).has("2025-04-27")).toBe(false);
  });
});

describe("dateWarnings", () => {
  it("says nothing about an ordinary working day ahead", () => {
    expect(dateWarnings("2027-03-11", "2026-11-30")).toEqual([]);
  });

  it("warns about a past Sunday, a Saturday and a holiday, each in its own sentence", () => {
    expect(dateWarnings("2026-11-22", "2026-11-30")).toEqual([
      "22 november 2026 ligt in het verleden. Legt u een gehouden vergadering vast? Na het plannen kiest u ‘Vastleggen als gehouden’; dan wordt niemand gemaild.",
      "22 november 2026 is een zondag.",
    ]);
    expect(dateWarnings("2027-03-13", "2026-11-30")).toEqual(["13 maart 2027 is een zaterdag."]);
    expect(dateWarnings("2027-05-06", "2026-11-30")).toEqual(["6 mei 2027 is Hemelvaartsdag."]);
  });
});
