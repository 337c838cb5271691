import { describe, expect, it } from "vitest";
import { datesForRule, nthWeekday, parseDateList, describeRule } from "./meeting-rules";

describe("dates for a series of meetings", () => {
  it("finds the nth and the last weekday of a month", () => {
    expect(nthWeekday(2027, 3, 4, 2)).toBe("2027-03-11"); // tweede donderdag van maart 2027
    expect(nthWeekday(2027, 12, 4, 5)).toBe("2027-12-30"); // laatste donderdag
    expect(nthWeekday(2027, 2, 1, 1)).toBe("2027-02-01"); // eerste maandag
  });

  it("expands a quarterly rule over a year", () => {
    expect(datesForRule({ year: 2027, everyMonths: 3, firstMonth: 3, weekday: 4, nth: 2 })).toEqual([
      "2027-03-11",
      "2027-06-10",
      "2027-09-09",
      "2027-12-09",
    ]);
    expect(datesForRule({ year: 2027, everyMonths: 6, firstMonth: 1, weekday: 3, nth: 5 })).toHaveLength(2);
  });

  it("expands a monthly rule, and assumes no holidays: Hemelvaartsdag stays in, for the secretariaat to see", () => {
    const dates = datesForRule({ year: 2027, everyMonths: 1, firstMonth: 1, weekday: 4, nth: 1 });
    expect(dates).toHaveLength(12);
    expect(dates.slice(0, 3)).toEqual(["2027-01-07", "2027-02-04", "2027-03-04"]);
    // The first Thursday of May 2027 is Ascension Day; the rule does not guess which days a body skips.
    expect(dates).toContain("2027-05-06");
    // From a later month, the year is not filled backwards.
    expect(datesForRule({ year: 2027, everyMonths: 2, firstMonth: 9, weekday: 2, nth: 3 })).toEqual([
      "2027-09-21",
      "2027-11-16",
    ]);
  });

  it("reads a typed list of dates and names what it cannot read", () => {
    expect(parseDateList("11-3-2027\n2027-06-10, 31-02-2027; morgen\n11-03-2027")).toEqual({
      dates: ["2027-03-11", "2027-06-10"],
      invalid: ["31-02-2027", "morgen"],
    });
  });

  it("describes a rule in words for the list of series", () => {
    expect(describeRule({ year: 2027, everyMonths: 3, firstMonth: 3, weekday: 4, nth: 2 })).toBe(
      "elk kwartaal, de 2e donderdag, vanaf maart 2027",
    );
    expect(describeRule({ year: 2027, everyMonths: 1, firstMonth: 1, weekday: 1, nth: 5 })).toBe(
      "elke maand, de laatste maandag, vanaf januari 2027",
    );
  });
});
